"""The pseudonym pages: a member of a survivor-led organisation chooses
theirs; the Secretariat lists every pseudonym and looks up the account
behind one, each look audited (community/pseudonyms.py). Never cached:
they name accounts, or the person's own pseudonym."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from alliance87.community import pseudonyms
from alliance87.community.forms import PseudonymForm
from alliance87.community.models import Pseudonym
from alliance87.core.forms import add_service_errors
from alliance87.core.visibility import is_secretariat
from alliance87.partners.models import Person


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def own(request: HttpRequest) -> HttpResponse:
    """The person's pseudonym: choose it or change it."""
    current = pseudonyms.pseudonym_of(request.user)
    may_use = pseudonyms.may_use_pseudonym(request.user)
    form = PseudonymForm(
        request.POST if may_use else None, initial={"name": current.name if current else ""}
    )
    status = 200
    if request.method == "POST":
        if not may_use:
            raise Http404("Not found.")
        if form.is_valid():
            try:
                pseudonyms.choose_pseudonym(
                    acting_user=request.user, name=form.cleaned_data["name"]
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your pseudonym is saved."))
                return redirect("community:pseudonym")
        status = 400
    return render(
        request,
        "community/pseudonym.html",
        {"current": current, "may_use": may_use, "form": form},
        status=status,
    )


def _secretariat_only(request: HttpRequest) -> None:
    if not is_secretariat(request.user):
        raise Http404("Not found.")


@never_cache
@require_http_methods(["GET", "HEAD"])
@login_required
def secretariat_list(request: HttpRequest) -> HttpResponse:
    """Every pseudonym, without its account (the Secretariat only)."""
    _secretariat_only(request)
    page = pseudonyms.list_pseudonyms(request.user, request.GET.get("page", 1))
    return render(request, "community/pseudonyms.html", {"page": page})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def secretariat_reveal(request: HttpRequest, pk: int) -> HttpResponse:
    """Who is behind one pseudonym (the Secretariat only): a GET offers the
    look, a POST makes it, writing it in the audit log."""
    _secretariat_only(request)
    pseudonym = Pseudonym.objects.filter(pk=pk).first()
    if pseudonym is None:
        raise Http404("Not found.")
    account = person = None
    if request.method == "POST":
        account = pseudonyms.reveal(pseudonym, acting_user=request.user)
        person = Person.objects.filter(user=account).select_related("organisation").first()
    return render(
        request,
        "community/pseudonym_reveal.html",
        {"pseudonym": pseudonym, "account": account, "person": person},
    )
