"""How django-allauth fits the Hub: sign-up only by invitation."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from alliance87.accounts import services
from alliance87.accounts.ratelimits import login_attempts_key
from alliance87.accounts.selectors import INVITATION_SESSION_KEY, invitation_from_session


class AccountAdapter(DefaultAccountAdapter):
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": _(
            "Too many failed sign-in attempts for this account from your network. "
            "Wait five minutes and try again. Attempts made elsewhere do not lock "
            "you out, and yours do not lock anyone else out."
        ),
    }

    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials: Any) -> str:
        """Count failed sign-ins per address and account together."""
        return login_attempts_key(
            request, super()._get_login_attempts_cache_key(request, **credentials)
        )

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        """Open sign-up only to someone holding a valid invitation."""
        return invitation_from_session(request) is not None

    def save_user(self, request: HttpRequest, user: Any, form: Any, commit: bool = True) -> Any:
        user = super().save_user(request, user, form, commit=commit)
        invitation = invitation_from_session(request)
        if invitation is not None and commit:
            services.accept_invitation(invitation, user=user, acting_user=user)
            request.session.pop(INVITATION_SESSION_KEY, None)
        return user
