"""Multi-factor authentication is required of the Secretariat."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from alliance87.core.visibility import is_secretariat

# What a staff member without a second factor may still reach: setting one
# up, signing out, and the static files and health check.
ALLOWED_PREFIXES = ("/static/", "/healthz", "/media/")
ALLOWED_NAMES = (
    "mfa_",
    "account_logout",
    "account_email",
    "account_confirm_email",
    # Adding a second factor asks for the password again first.
    "account_reauthenticate",
)


def has_second_factor(user: object) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(
        user=user, type__in=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]
    ).exists()


def require_staff_mfa(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and is_secretariat(user)
            and not _allowed(request)
            and not has_second_factor(user)
        ):
            messages.warning(
                request,
                _(
                    "Secretariat accounts must use two-factor authentication. "
                    "Set up an authenticator app or a passkey to continue."
                ),
            )
            return redirect(reverse("mfa_index"))
        return get_response(request)

    return middleware


def _allowed(request: HttpRequest) -> bool:
    if request.path.startswith(ALLOWED_PREFIXES):
        return True
    match = getattr(request, "resolver_match", None)
    if match is None:
        from django.urls import Resolver404, resolve

        try:
            match = resolve(request.path_info)
        except Resolver404:
            return True
    name = match.url_name or ""
    return name.startswith(ALLOWED_NAMES)
