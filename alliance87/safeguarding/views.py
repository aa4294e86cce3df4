"""Safeguarding's pages. The report forms: signed in, about something the
person may see (404 otherwise). The reporter's pages: their own reports'
status. The officers' pages: the reports, their handling and the log,
404 for everyone else, the Secretariat included; each reading is logged.
None is kept by the page cache, nor by a browser or proxy (`never_cache`)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from alliance87.community.selectors import get_post_for_user, post_url
from alliance87.core.forms import add_service_errors
from alliance87.core.text import parse_id
from alliance87.partners.selectors import get_organisation_for_user
from alliance87.safeguarding import selectors, services
from alliance87.safeguarding.forms import HandlingForm, PersonReportForm, ReportForm
from alliance87.safeguarding.models import LogAction, is_officer


def _officer_only(request: HttpRequest) -> None:
    """404 for everyone but the safeguarding officers (the view is
    `login_required`: a visitor is sent to sign in first)."""
    if not is_officer(request.user):
        raise Http404("Not found.")


def _row_id(pk: Any) -> int:
    row_id = parse_id(pk)
    if row_id is None:  # beyond what a row id can be: missing alike
        raise Http404("Not found.")
    return row_id


def _file(request: HttpRequest, form: BaseForm, **about: Any) -> HttpResponse | None:
    data = form.cleaned_data
    try:
        report = services.file_report(
            reporter=request.user,
            category=data["category"],
            what_happened=data["what_happened"],
            contact=data.get("contact") or "",
            acting_user=request.user,
            **about,
        )
    except ValidationError as error:
        add_service_errors(form, error)
        return None
    return redirect("safeguarding:sent", pk=report.pk)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def report_post(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_post_for_user(request.user, _row_id(pk))
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = _file(request, form, post=post, post_url=post_url(post))
        if done is not None:
            return done
    return render(
        request,
        "safeguarding/report_form.html",
        {"form": form, "post": post, "back": post.thread.get_absolute_url() + f"#post-{post.pk}"},
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def report_organisation(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_organisation_for_user(request.user, slug)
    # The people its page shows the reader (Person.objects.visible_to).
    shown = getattr(organisation, "visible_people", [])
    people = {f"person-{p.pk}": p for p in shown}
    choices = [("organisation", str(organisation))] + [(k, p.name) for k, p in people.items()]
    form = PersonReportForm(request.POST or None, choices=choices)
    if request.method == "POST" and form.is_valid():
        chosen = people.get(form.cleaned_data["about"])
        about = {"person": chosen} if chosen else {"organisation": organisation}
        done = _file(request, form, **about)
        if done is not None:
            return done
    return render(
        request,
        "safeguarding/report_form.html",
        {"form": form, "organisation": organisation, "back": organisation.get_absolute_url()},
    )


@never_cache
@require_safe
@login_required
def sent(request: HttpRequest, pk: int) -> HttpResponse:
    report = selectors.get_report_filed_by(request.user, _row_id(pk))
    return render(request, "safeguarding/sent.html", {"report": report})


@never_cache
@require_safe
@login_required
def mine(request: HttpRequest) -> HttpResponse:
    reports = selectors.list_reports_filed_by(request.user)
    return render(request, "safeguarding/mine.html", {"reports": reports})


@never_cache
@require_safe
@login_required
def officer_reports(request: HttpRequest) -> HttpResponse:
    _officer_only(request)
    services.record_reading(None, what=LogAction.LISTED, acting_user=request.user)
    page = selectors.list_reports_for_officer(request.user, request.GET.get("page", 1))
    return render(request, "safeguarding/officer_reports.html", {"page": page})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def officer_report(request: HttpRequest, pk: int) -> HttpResponse:
    _officer_only(request)
    report = selectors.get_report_for_officer(request.user, _row_id(pk))
    form = HandlingForm(request.POST or None, initial={"status": report.status})
    if request.method == "POST" and form.is_valid():
        try:
            services.handle_report(report, acting_user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect(report)
    if request.method != "POST":
        services.record_reading(report, what=LogAction.READ, acting_user=request.user)
    return render(request, "safeguarding/officer_report.html", {"report": report, "form": form})


@never_cache
@require_safe
@login_required
def officer_log(request: HttpRequest) -> HttpResponse:
    _officer_only(request)
    # Written first: the page counts its rows, this reading among them.
    services.record_reading(None, what=LogAction.LOG, acting_user=request.user)
    page = selectors.list_log(request.user, request.GET.get("page", 1))
    return render(request, "safeguarding/officer_log.html", {"page": page})
