"""The Secretariat's pages for importing a report: upload or paste, wait,
review each proposed row beside its passage, save the draft."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from alliance87.core import permissions
from alliance87.reports import review as reviewing
from alliance87.reports import services
from alliance87.reports.forms import ImportForm, NameForm, RowForm
from alliance87.reports.models import ReportImport
from alliance87.reports.text import report_error_message

RECENT = 10


def _get(request: HttpRequest, pk: int) -> ReportImport:
    permissions.require(request.user, "import", ReportImport)
    return get_object_or_404(ReportImport.objects.visible_to(request.user), pk=pk)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    permissions.require(request.user, "import", ReportImport)
    form = ImportForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                report = services.start_import(
                    acting_user=request.user,
                    upload=form.cleaned_data["file"],
                    text=form.cleaned_data["text"],
                    language=form.cleaned_data["language"],
                )
            except ValidationError as e:
                form.add_error(None, e)
            else:
                return redirect(report)
        status = 400
    recent = ReportImport.objects.visible_to(request.user).select_related("event")[:RECENT]
    return render(request, "reports/start.html", {"form": form, "recent": recent}, status=status)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def import_page(request: HttpRequest, pk: int) -> HttpResponse:
    report = _get(request, pk)
    if request.method == "POST":
        key, _sep, state = (request.POST.get("decide") or "").rpartition(":")
        try:
            services.review_row(report, acting_user=request.user, key=key, state=state)
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        return redirect(f"{report.get_absolute_url()}#row-{key}")
    context: dict[str, Any] = {"report": report}
    if report.status == ReportImport.Status.FAILED:
        context["error"] = report_error_message(report.error_code, report.error_params)
    if report.status == ReportImport.Status.READY and report.proposal is not None:
        rows = reviewing.rows(report.proposal, report.review, report.text)
        context["sections"] = [
            (key, label, [r for r in rows if r.section == key])
            for key, label in reviewing.SECTIONS
        ]
        names = report.review.get("names") or {}
        context["names"] = [
            (
                i,
                name,
                names.get(name),
                NameForm(prefix=f"name-{i}", initial=_name_initial(names.get(name))),
            )
            for i, name in enumerate(reviewing.unresolved_names(report.proposal))
        ]
        context["warnings"] = report.proposal.get("warnings") or []
    return render(request, "reports/import.html", context)


def _name_initial(answer: dict[str, Any] | None) -> dict[str, Any]:
    if not answer:
        return {"choice": "leave"}
    if answer.get("slug"):
        return {"choice": "pick", "organisation": answer.get("name", "")}
    return {"choice": "create", "stakeholder_type": answer.get("create", "")}


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def edit_row(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    report = _get(request, pk)
    if report.status != ReportImport.Status.READY or report.proposal is None:
        raise Http404("Not under review.")
    try:
        section, _index = reviewing.split_key(key)
        row = reviewing.current(report.proposal, report.review, key)
    except KeyError:
        raise Http404("No such row.") from None
    numbers = [
        reviewing.current(report.proposal, report.review, f"agenda-{i}").get("number") or ""
        for i in range(len(report.proposal.get("agenda") or []))
    ]
    form = RowForm(
        request.POST or None, section=section, row=row, agenda_numbers=[n for n in numbers if n]
    )
    if request.method == "POST" and form.is_valid():
        values = form.values()
        if form.is_valid():
            try:
                services.edit_row(report, acting_user=request.user, key=key, values=values)
            except ValidationError as e:
                form.add_error(None, e)
            else:
                return redirect(f"{report.get_absolute_url()}#row-{key}")
    status = 400 if request.method == "POST" else 200
    passage = next(
        (r for r in reviewing.rows(report.proposal, report.review, report.text) if r.key == key),
        None,
    )
    return render(
        request,
        "reports/edit_row.html",
        {"report": report, "form": form, "row": passage, "section": section},
        status=status,
    )


@never_cache
@require_POST
def resolve_name(request: HttpRequest, pk: int, index: int) -> HttpResponse:
    report = _get(request, pk)
    names = reviewing.unresolved_names(report.proposal or {})
    if index >= len(names):
        raise Http404("No such name.")
    form = NameForm(request.POST, prefix=f"name-{index}")
    answer = form.answer() if form.is_valid() else None
    if not form.is_valid():
        messages.error(
            request,
            _("“%(name)s”: %(problem)s")
            % {
                "name": names[index],
                "problem": " ".join(str(m) for errors in form.errors.values() for m in errors),
            },
        )
    else:
        try:
            services.resolve_name(
                report, acting_user=request.user, name=names[index], answer=answer
            )
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
    return redirect(f"{report.get_absolute_url()}#names")


@never_cache
@require_POST
def save(request: HttpRequest, pk: int) -> HttpResponse:
    report = _get(request, pk)
    try:
        result = services.save_import(report, acting_user=request.user)
    except ValidationError as e:
        messages.error(
            request, _("Nothing was saved: %(problem)s") % {"problem": " ".join(e.messages)}
        )
        return redirect(report)
    messages.success(
        request,
        _("The draft event is saved. Only the Secretariat sees it until it is published."),
    )
    for skipped in result.skipped:
        messages.warning(request, str(skipped))
    return redirect(result.event)
