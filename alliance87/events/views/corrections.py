"""
Correcting the record: editing and deleting any of its rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from alliance87.core.forms import add_service_errors
from alliance87.events import selectors, services
from alliance87.events.forms import (
    ActionItemForm,
    AgendaItemForm,
    DecisionForm,
    DocumentForm,
    ExchangeForm,
    RecordForm,
)
from alliance87.events.models import ActionItem, AgendaItem, Decision, Document, Event, Exchange
from alliance87.events.views.record import record_url, recordable_event, saved


@dataclass(frozen=True)
class RowKind:
    """One kind of row of the record, as the correcting views handle it."""

    model: type[models.Model]
    form: type[RecordForm]
    edit_title: Any
    delete_title: Any
    question: Any

    def form_kwargs(self, row: Any) -> dict[str, Any]:
        if self.model is Document:
            return {"kept_file": row.file.name or ""}
        return {}


ROW_KINDS: dict[str, RowKind] = {
    "agenda": RowKind(
        AgendaItem,
        AgendaItemForm,
        edit_title=gettext_lazy("Edit the agenda item"),
        delete_title=gettext_lazy("Delete the agenda item"),
        question=gettext_lazy("Delete this agenda item from the record?"),
    ),
    "exchange": RowKind(
        Exchange,
        ExchangeForm,
        edit_title=gettext_lazy("Edit the question and answer"),
        delete_title=gettext_lazy("Delete the question and answer"),
        question=gettext_lazy("Delete this question and answer from the record?"),
    ),
    "decision": RowKind(
        Decision,
        DecisionForm,
        edit_title=gettext_lazy("Edit the decision"),
        delete_title=gettext_lazy("Delete the decision"),
        question=gettext_lazy("Delete this decision from the record?"),
    ),
    "action": RowKind(
        ActionItem,
        ActionItemForm,
        edit_title=gettext_lazy("Edit the action item"),
        delete_title=gettext_lazy("Delete the action item"),
        question=gettext_lazy("Delete this action item from the record?"),
    ),
    "document": RowKind(
        Document,
        DocumentForm,
        edit_title=gettext_lazy("Edit the document"),
        delete_title=gettext_lazy("Delete the document"),
        question=gettext_lazy("Delete this document from the record?"),
    ),
}


def _recorded_row(
    request: HttpRequest, slug: str, kind: str, pk: int
) -> tuple[Event, RowKind, Any]:
    """Return the event, the kind of row and the row, or 404 alike for a
    user who may not record, an unknown kind, and a row that is missing or
    another event's."""
    event = recordable_event(request, slug)
    spec = ROW_KINDS.get(kind)
    if spec is None:
        raise Http404("No such part of the record.")
    return event, spec, selectors.get_record_row_for_user(request.user, event, spec.model, pk)


def _render_row_page(
    request: HttpRequest,
    template: str,
    event: Event,
    row: Any,
    *,
    kind: str,
    title: Any,
    status: int = 200,
    **context: Any,
) -> HttpResponse:
    """Render a page about one row, with the way back to its place."""
    context.update(
        event=event, row=row, kind=kind, title=title, back=record_url(event, _row_anchor(row))
    )
    return render(request, template, context, status=status)


def _row_anchor(row: Any) -> str:
    """Return the record page's anchor nearest to `row`."""
    if isinstance(row, AgendaItem):
        return row.anchor
    if isinstance(row, Document):
        return "documents"
    if row.agenda_item_id is not None:
        return f"item-{row.agenda_item_id}"
    return "other-rows"


@require_http_methods(["GET", "POST"])
def edit_row(request: HttpRequest, slug: str, kind: str, pk: int) -> HttpResponse:
    """Correct a row of the record with the form that added it, pre-filled."""
    event, spec, row = _recorded_row(request, slug, kind, pk)
    status = 200
    if request.method == "POST":
        form = spec.form(request.POST, request.FILES, **spec.form_kwargs(row))
        if form.is_valid():
            try:
                services.correct_row(row, acting_user=request.user, **form.arguments())
            except ValidationError as e:
                add_service_errors(form, e)
            else:
                return saved(request, event, _row_anchor(row))
        status = 400
    else:
        form = spec.form(initial=spec.form.initial_from(row), **spec.form_kwargs(row))
    return _render_row_page(
        request,
        "events/edit_row.html",
        event,
        row,
        kind=kind,
        title=spec.edit_title,
        status=status,
        form=form,
    )


@require_http_methods(["GET", "POST"])
def delete_row(request: HttpRequest, slug: str, kind: str, pk: int) -> HttpResponse:
    """Ask, then delete a row of the record: only a POST deletes."""
    event, spec, row = _recorded_row(request, slug, kind, pk)
    if request.method == "POST":
        anchor = "add-item" if isinstance(row, AgendaItem) else _row_anchor(row)
        services.remove_row(row, acting_user=request.user)
        messages.success(request, _("Deleted."))
        return redirect(record_url(event, anchor))
    return _render_row_page(
        request,
        "events/delete_row.html",
        event,
        row,
        kind=kind,
        title=spec.delete_title,
        question=spec.question,
        with_it=selectors.rows_under(row) if isinstance(row, AgendaItem) else None,
    )
