from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from alliance87.core import permissions
from alliance87.core.pagecache import public_page
from alliance87.core.visibility import is_secretariat
from alliance87.statements import selectors, services
from alliance87.statements.forms import EndorseForm
from alliance87.statements.models import Endorsement


@require_safe
@public_page
def statement_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "statements/list.html", {"statements": selectors.list_statements(request.user)}
    )


@require_safe
@public_page
def statement_detail(request: HttpRequest, slug: str) -> HttpResponse:
    statement = selectors.get_statement_for_user(request.user, slug)
    return render(
        request,
        "statements/detail.html",
        {
            "statement": statement,
            "endorsers": selectors.endorsers(request.user, statement, request.GET.get("page", 1)),
            "own_endorsement": selectors.own_endorsement(request.user, statement),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def endorse(request: HttpRequest, slug: str) -> HttpResponse:
    """Endorse on behalf of one's organisation (the Secretariat: any)."""
    if not request.user.is_authenticated:
        # Anyone may be a partner who has not signed in yet.
        return redirect_to_login(request.get_full_path())
    statement = selectors.get_statement_for_user(request.user, slug)
    permissions.require(request.user, "endorse", statement)
    secretariat = is_secretariat(request.user)
    organisation = None if secretariat else selectors.organisation_of(request.user)
    form = EndorseForm(request.POST if request.method == "POST" else None, secretariat=secretariat)
    if request.method == "POST" and form.is_valid():
        chosen = form.cleaned_data.get("organisation") or organisation
        assert chosen is not None  # the permission rule requires an organisation
        try:
            services.endorse_statement(
                statement,
                organisation=chosen,
                acting_user=request.user,
                source=Endorsement.Source.SECRETARIAT
                if secretariat
                else Endorsement.Source.ONLINE,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Thank you: %(organisation)s now endorses %(statement)s.")
                % {"organisation": chosen, "statement": statement},
            )
            return redirect(statement)
    return render(
        request,
        "statements/endorse.html",
        {"statement": statement, "form": form, "organisation": organisation},
    )
