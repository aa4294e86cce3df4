from __future__ import annotations

import functools
import json
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from alliance87.accounts import roles, selectors, services
from alliance87.accounts.forms import (
    ErasureForm,
    InvitationForm,
    PeopleSearchForm,
    RoleAssignForm,
)
from alliance87.accounts.models import ErasureRequest
from alliance87.accounts.personal_data import collect as collect_personal_data
from alliance87.core.visibility import is_secretariat


def private_no_store(view: Any) -> Any:
    """Mark a page of personal data: kept by no cache, shared or not."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        patch_cache_control(response, private=True, no_store=True, max_age=0)
        return response

    return wrapper


def _require_secretariat(request: HttpRequest) -> None:
    # The same "not found" as a missing page: nothing to learn from a refusal.
    if not is_secretariat(request.user):
        raise Http404("Not found.")


@login_required
@private_no_store
def profile(request: HttpRequest) -> HttpResponse:
    person = getattr(request.user, "person", None)
    return render(
        request,
        "accounts/profile.html",
        {
            "person": person,
            "holdings": roles.holdings_of(request.user),
            "pending_erasure": ErasureRequest.objects.filter(
                user_id=request.user.pk or 0, status=ErasureRequest.Status.REQUESTED
            ).exists(),
        },
    )


@login_required
@private_no_store
def personal_data(request: HttpRequest) -> HttpResponse:
    data = collect_personal_data(request.user)
    response = HttpResponse(
        json.dumps(data, indent=2, ensure_ascii=False, default=str),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="my-alliance87-hub-data.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def request_erasure(request: HttpRequest) -> HttpResponse:
    form = ErasureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_erasure(
                request.user, reason=form.cleaned_data["reason"], acting_user=request.user
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(
                request,
                _("Your request is with the Secretariat, who will confirm the erasure by email."),
            )
            return redirect("accounts:profile")
    return render(request, "accounts/erasure.html", {"form": form})


def accept_invitation(request: HttpRequest, token: str) -> HttpResponse:
    invitation = selectors.find_invitation(token)
    if invitation is None:
        return render(request, "accounts/invitation_invalid.html", status=404)
    request.session[selectors.INVITATION_SESSION_KEY] = token
    return redirect(reverse("account_signup") + f"?email={invitation.email}")


@login_required
@require_http_methods(["GET", "POST"])
def invite(request: HttpRequest) -> HttpResponse:
    _require_secretariat(request)
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.invite(
                email=form.cleaned_data["email"],
                organisation=form.cleaned_data["organisation"],
                acting_user=request.user,
                accept_url=lambda token: request.build_absolute_uri(
                    reverse("accounts:accept-invitation", args=[token])
                ),
            )
        except ValidationError as e:
            form.add_error("email", e)
        else:
            messages.success(request, _("The invitation is on its way."))
            return redirect("accounts:people")
    return render(request, "accounts/invite.html", {"form": form})


@login_required
def people(request: HttpRequest) -> HttpResponse:
    _require_secretariat(request)
    search = PeopleSearchForm(request.GET)
    q = search.cleaned_data["q"] if search.is_valid() else ""
    accounts = selectors.list_accounts(q)[:200]
    erasures = ErasureRequest.objects.filter(
        status=ErasureRequest.Status.REQUESTED
    ).select_related("person")
    return render(
        request,
        "accounts/people.html",
        {"accounts": accounts, "search": search, "q": q, "erasures": erasures},
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_roles(request: HttpRequest, user_id: int) -> HttpResponse:
    _require_secretariat(request)
    account = selectors.get_user_for_secretariat(user_id)
    form = RoleAssignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        kind = form.cleaned_data["kind_obj"]
        try:
            services.assign_role(
                account,
                kind=kind,
                scope=form.cleaned_data["scope"],
                acting_user=request.user,
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(request, _("The role has been given."))
            return redirect("accounts:person-roles", user_id=account.pk)
    seen: dict[str, int] = {}
    end_holdings = []
    for holding in roles.holdings_of(account):
        index = None
        if holding.current:
            index = seen.get(holding.kind, 0)
            seen[holding.kind] = index + 1
        end_holdings.append({**holding.__dict__, "end_index": index})
    return render(
        request,
        "accounts/person_roles.html",
        {
            "account": account,
            "end_holdings": end_holdings,
            "form": form,
        },
    )


@login_required
@require_POST
def end_role(request: HttpRequest, user_id: int, kind: str, index: int) -> HttpResponse:
    _require_secretariat(request)
    account = selectors.get_user_for_secretariat(user_id)
    role_kind = roles.get_kind(kind)
    current = [h for h in roles.holdings_of(account) if h.kind == kind and h.current]
    if role_kind is None or role_kind.end is None or not 0 <= index < len(current):
        raise Http404("No such role.")
    try:
        services.end_role(
            account, kind=role_kind, ref=current[index].ref, acting_user=request.user
        )
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        messages.success(request, _("The role has ended; it stays in the history."))
    return redirect("accounts:person-roles", user_id=account.pk)


@login_required
def history(request: HttpRequest, model_label: str, pk: str) -> HttpResponse:
    _require_secretariat(request)
    obj, entries = selectors.history_of(model_label, pk)
    return render(
        request, "accounts/history.html", {"object": obj, "entries": entries, "label": model_label}
    )


@login_required
@require_POST
def erase(request: HttpRequest, request_id: int) -> HttpResponse:
    _require_secretariat(request)
    erasure = ErasureRequest.objects.filter(pk=request_id).first()
    if erasure is None:
        raise Http404("No such request.")
    try:
        services.erase(erasure, acting_user=request.user)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        messages.success(request, _("The personal data has been erased."))
    return redirect("accounts:people")
