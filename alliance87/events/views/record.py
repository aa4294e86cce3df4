from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from alliance87.core import permissions
from alliance87.core.pagecache import public_page
from alliance87.events import selectors, services
from alliance87.events.calendars import build_calendar, google_calendar_url
from alliance87.events.forms import (
    ActionItemForm,
    AgendaItemForm,
    CloseActionItemForm,
    DecisionFilterForm,
    DecisionForm,
    DocumentForm,
    EventFilterForm,
    ExchangeForm,
    MinutesForm,
    RecordForm,
    TrackerFilterForm,
    share_choices,
)
from alliance87.events.models import ActionItem, AgendaItem, Decision, Document, Event, Exchange

ICS_CONTENT_TYPE = "text/calendar; charset=utf-8"


def _feed_url(request: HttpRequest, query: dict[str, str]) -> str:
    params = {**query, "lang": translation.get_language() or "en"}
    return request.build_absolute_uri(reverse("events-feed")) + "?" + urlencode(params)


@public_page
@require_safe
def event_list(request: HttpRequest) -> HttpResponse:
    form = EventFilterForm(request.GET or None)
    filters = form.filters()
    data = selectors.list_events(request.user, filters, request.GET.get("page", 1))
    query = filters.as_query()
    feed = _feed_url(request, query)
    return render(
        request,
        "events/list.html",
        {
            **data,
            "form": form,
            "query": urlencode(query),
            "filtered": bool(query),
            "feed_url": feed,
            "webcal_url": "webcal://" + feed.split("://", 1)[1],
        },
    )


@public_page
@require_safe
def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.get_event_for_user(request.user, slug)
    context = selectors.event_page(request.user, event)
    absolute = request.build_absolute_uri(event.get_absolute_url())
    context["google_url"] = google_calendar_url(event, absolute)
    context["may_record"] = permissions.may(request.user, "record", event)
    return render(request, "events/detail.html", context)


@public_page
@require_safe
def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.get_event_for_user(request.user, slug)
    body = build_calendar([event], name=event.title, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(body, content_type=ICS_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


@public_page
@require_safe
def calendar_feed(request: HttpRequest) -> HttpResponse:
    """Serve /events.ics: the public events, filtered like /events/.

    The address has no language prefix, so calendar clients keep one URL;
    `?lang=fr` chooses the language of titles and descriptions.
    """
    lang = request.GET.get("lang", settings.LANGUAGE_CODE)
    if lang not in dict(settings.LANGUAGES):
        lang = settings.LANGUAGE_CODE
    with translation.override(lang):
        form = EventFilterForm(request.GET or None)
        if form.is_bound and not form.is_valid():
            errors = "; ".join(
                f"{form.fields[name].label}: {' '.join(str(e) for e in errs)}"
                if name in form.fields
                else " ".join(str(e) for e in errs)
                for name, errs in form.errors.items()
            )
            return HttpResponseBadRequest(errors, content_type="text/plain; charset=utf-8")
        filters = form.filters()
        events = selectors.calendar_events(filters)
        # The same anonymous audience as the events: feeds carry no session.
        workshops = selectors.pathfinder_workshops(AnonymousUser(), filters)
        body = build_calendar(
            events,
            name=_("Alliance 8.7 events"),
            base_url=request.build_absolute_uri("/"),
            linked=workshops,
        )
    return HttpResponse(body, content_type=ICS_CONTENT_TYPE)


@require_safe
def briefing(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.get_event_for_user(request.user, slug)
    return render(request, "events/briefing.html", selectors.briefing_pack(request.user, event))


@public_page
@require_safe
def tracker(request: HttpRequest) -> HttpResponse:
    form = TrackerFilterForm(request.GET or None)
    filters = form.filters()
    page = selectors.list_action_items(request.user, filters, request.GET.get("page", 1))
    return render(
        request,
        "events/tracker.html",
        {"form": form, "page": page, "filters": filters, "query": urlencode(filters.as_query())},
    )


@public_page
@require_safe
def decisions(request: HttpRequest) -> HttpResponse:
    form = DecisionFilterForm(request.GET or None)
    filters = form.filters()
    page = selectors.list_decisions(request.user, filters, request.GET.get("page", 1))
    return render(
        request,
        "events/decisions.html",
        {"form": form, "page": page, "query": urlencode(filters.as_query())},
    )


def close_action_item(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.get_action_item_for_user(request.user, pk)
    permissions.require(request.user, "close", item)
    form = CloseActionItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.close_action_item(
                item,
                acting_user=request.user,
                note=form.cleaned_data["note"],
                status=form.cleaned_data["status"],
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(request, _("The action item is closed. Thank you."))
            return redirect(reverse("events:detail", args=[item.event.slug]) + "#actions")
    return render(request, "events/close_action_item.html", {"item": item, "form": form})


# Recording a meeting ------------------------------------------------------


def _recordable_event(request: HttpRequest, slug: str) -> Event:
    event = selectors.get_event_for_user(request.user, slug)
    permissions.require(request.user, "record", event)
    return event


def _record_page(
    request: HttpRequest, event: Event, bound: dict[str, Any] | None = None, status: int = 200
) -> HttpResponse:
    bound = bound or {}
    context = selectors.record_page(request.user, event)
    for item in context["items"]:
        item.minutes_form = bound.get(f"minutes-{item.pk}") or MinutesForm.for_item(item)
        item.exchange_form = bound.get(f"exchange-{item.pk}") or ExchangeForm(
            prefix=f"exchange{item.pk}"
        )
        item.decision_form = bound.get(f"decision-{item.pk}") or DecisionForm(
            prefix=f"decision{item.pk}"
        )
        item.action_form = bound.get(f"action-{item.pk}") or ActionItemForm(
            prefix=f"action{item.pk}"
        )
    share_choices(
        form
        for item in context["items"]
        for form in (item.exchange_form, item.decision_form, item.action_form)
    )
    return render(
        request,
        "events/record.html",
        {
            **context,
            "agenda_form": bound.get("agenda") or AgendaItemForm(prefix="agenda"),
            "document_form": bound.get("document") or DocumentForm(prefix="document"),
            "warnings": selectors.numbering_warnings(event.series),
        },
        status=status,
    )


def record(request: HttpRequest, slug: str) -> HttpResponse:
    """Show the secretariat's forms for building the record, item by item."""
    event = _recordable_event(request, slug)
    return _record_page(request, event)


def _record_url(event: Event, anchor: str = "") -> str:
    return reverse("events:record", args=[event.slug]) + (f"#{anchor}" if anchor else "")


def _saved(request: HttpRequest, event: Event, anchor: str = "") -> HttpResponse:
    messages.success(request, _("Saved."))
    return redirect(_record_url(event, anchor))


def _add_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's refusal on the form: beside the field it names when
    the form has that field, above the form otherwise."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)


@require_POST
def record_agenda_item(request: HttpRequest, slug: str) -> HttpResponse:
    event = _recordable_event(request, slug)
    form = AgendaItemForm(request.POST, prefix="agenda")
    if form.is_valid():
        try:
            item = services.add_agenda_item(event, acting_user=request.user, **form.cleaned_data)
        except ValidationError as e:
            _add_errors(form, e)
        else:
            return _saved(request, event, item.anchor)
    return _record_page(request, event, {"agenda": form}, status=400)


def _agenda_item(event: Event, pk: int) -> AgendaItem:
    item = event.agenda_items.filter(pk=pk).first()
    if item is None:
        raise Http404("No such agenda item.")
    return item


@require_POST
def record_minutes(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = _recordable_event(request, slug)
    item = _agenda_item(event, pk)
    form = MinutesForm(request.POST, prefix=f"item{item.pk}")
    if form.is_valid():
        try:
            services.update_agenda_item(item, acting_user=request.user, **form.cleaned_data)
        except ValidationError as e:
            _add_errors(form, e)
        else:
            return _saved(request, event, item.anchor)
    return _record_page(request, event, {f"minutes-{item.pk}": form}, status=400)


@require_POST
def record_part(request: HttpRequest, slug: str, pk: int, kind: str) -> HttpResponse:
    """Add an exchange, a decision or an action item under an agenda item."""
    if kind not in ("exchange", "decision", "action"):
        raise Http404("No such part of the record.")
    event = _recordable_event(request, slug)
    item = _agenda_item(event, pk)
    form: Any
    if kind == "exchange":
        form = ExchangeForm(request.POST, prefix=f"exchange{item.pk}")
    elif kind == "decision":
        form = DecisionForm(request.POST, prefix=f"decision{item.pk}")
    else:
        form = ActionItemForm(request.POST, prefix=f"action{item.pk}")
    if form.is_valid():
        data = form.arguments()
        try:
            if kind == "exchange":
                services.record_exchange(event, acting_user=request.user, agenda_item=item, **data)
            elif kind == "decision":
                services.record_decision(event, acting_user=request.user, agenda_item=item, **data)
            else:
                services.record_action_item(
                    event, acting_user=request.user, agenda_item=item, **data
                )
        except ValidationError as e:
            _add_errors(form, e)
        else:
            return _saved(request, event, item.anchor)
    return _record_page(request, event, {f"{kind}-{item.pk}": form}, status=400)


@require_POST
def record_document(request: HttpRequest, slug: str) -> HttpResponse:
    event = _recordable_event(request, slug)
    form = DocumentForm(request.POST, request.FILES, prefix="document")
    if form.is_valid():
        try:
            services.attach_document(event, acting_user=request.user, **form.cleaned_data)
        except ValidationError as e:
            _add_errors(form, e)
        else:
            return _saved(request, event, "documents")
    return _record_page(request, event, {"document": form}, status=400)


@require_POST
def publish(request: HttpRequest, slug: str) -> HttpResponse:
    event = _recordable_event(request, slug)
    try:
        services.publish_event(event, acting_user=request.user)
    except ValidationError as e:
        for message in e.messages:
            messages.error(request, message)
        return redirect("events:record", slug=event.slug)
    messages.success(request, _("The event is published."))
    return redirect(event)


# Correcting the record ---------------------------------------------------


@dataclass(frozen=True)
class RowKind:
    """One kind of row of the record, as the correcting views handle it."""

    model: type[models.Model]
    form: type[RecordForm]
    update: Callable[..., Any]
    remove: Callable[..., None]
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
        services.update_agenda_item,
        services.remove_agenda_item,
        edit_title=gettext_lazy("Edit the agenda item"),
        delete_title=gettext_lazy("Delete the agenda item"),
        question=gettext_lazy("Delete this agenda item from the record?"),
    ),
    "exchange": RowKind(
        Exchange,
        ExchangeForm,
        services.update_exchange,
        services.remove_exchange,
        edit_title=gettext_lazy("Edit the question and answer"),
        delete_title=gettext_lazy("Delete the question and answer"),
        question=gettext_lazy("Delete this question and answer from the record?"),
    ),
    "decision": RowKind(
        Decision,
        DecisionForm,
        services.update_decision,
        services.remove_decision,
        edit_title=gettext_lazy("Edit the decision"),
        delete_title=gettext_lazy("Delete the decision"),
        question=gettext_lazy("Delete this decision from the record?"),
    ),
    "action": RowKind(
        ActionItem,
        ActionItemForm,
        services.update_action_item,
        services.remove_action_item,
        edit_title=gettext_lazy("Edit the action item"),
        delete_title=gettext_lazy("Delete the action item"),
        question=gettext_lazy("Delete this action item from the record?"),
    ),
    "document": RowKind(
        Document,
        DocumentForm,
        services.update_document,
        services.remove_document,
        edit_title=gettext_lazy("Edit the document"),
        delete_title=gettext_lazy("Delete the document"),
        question=gettext_lazy("Delete this document from the record?"),
    ),
}


def _recorded_row(request: HttpRequest, slug: str, kind: str, pk: int) -> tuple[Event, Any]:
    """Return the event and its row, or 404 alike for a user who may not
    record, an unknown kind, and a row that is missing or another event's."""
    event = _recordable_event(request, slug)
    spec = ROW_KINDS.get(kind)
    if spec is None:
        raise Http404("No such part of the record.")
    return event, selectors.get_record_row_for_user(request.user, event, spec.model, pk)


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
    event, row = _recorded_row(request, slug, kind, pk)
    spec = ROW_KINDS[kind]
    status = 200
    if request.method == "POST":
        form = spec.form(request.POST, request.FILES, **spec.form_kwargs(row))
        if form.is_valid():
            try:
                spec.update(row, acting_user=request.user, **form.arguments())
            except ValidationError as e:
                _add_errors(form, e)
            else:
                return _saved(request, event, _row_anchor(row))
        status = 400
    else:
        form = spec.form(initial=spec.form.initial_from(row), **spec.form_kwargs(row))
    return render(
        request,
        "events/edit_row.html",
        {
            "event": event,
            "row": row,
            "kind": kind,
            "form": form,
            "title": spec.edit_title,
            "back": _record_url(event, _row_anchor(row)),
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def delete_row(request: HttpRequest, slug: str, kind: str, pk: int) -> HttpResponse:
    """Ask, then delete a row of the record: only a POST deletes."""
    event, row = _recorded_row(request, slug, kind, pk)
    spec = ROW_KINDS[kind]
    if request.method == "POST":
        anchor = "add-item" if isinstance(row, AgendaItem) else _row_anchor(row)
        spec.remove(row, acting_user=request.user)
        messages.success(request, _("Deleted."))
        return redirect(_record_url(event, anchor))
    return render(
        request,
        "events/delete_row.html",
        {
            "event": event,
            "row": row,
            "kind": kind,
            "title": spec.delete_title,
            "question": spec.question,
            "with_it": selectors.rows_under(row) if isinstance(row, AgendaItem) else None,
            "back": _record_url(event, _row_anchor(row)),
        },
    )
