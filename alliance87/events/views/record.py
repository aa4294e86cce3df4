"""
Recording a meeting: the record page and the forms that add to it.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from alliance87.core import permissions
from alliance87.core.forms import add_service_errors
from alliance87.events import selectors, services
from alliance87.events.forms import (
    ActionItemForm,
    AgendaItemForm,
    DecisionForm,
    DocumentForm,
    ExchangeForm,
    MinutesForm,
    share_choices,
)
from alliance87.events.models import AgendaItem, Event


def recordable_event(request: HttpRequest, slug: str) -> Event:
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
            "decision_form": bound.get("decision") or DecisionForm(prefix="decision"),
            "warnings": selectors.numbering_warnings(event.series),
        },
        status=status,
    )


def record(request: HttpRequest, slug: str) -> HttpResponse:
    """Show the secretariat's forms for building the record, item by item."""
    event = recordable_event(request, slug)
    return _record_page(request, event)


def record_url(event: Event, anchor: str = "") -> str:
    return reverse("events:record", args=[event.slug]) + (f"#{anchor}" if anchor else "")


def saved(request: HttpRequest, event: Event, anchor: str = "") -> HttpResponse:
    messages.success(request, _("Saved."))
    return redirect(record_url(event, anchor))


@require_POST
def record_agenda_item(request: HttpRequest, slug: str) -> HttpResponse:
    event = recordable_event(request, slug)
    form = AgendaItemForm(request.POST, prefix="agenda")
    if form.is_valid():
        try:
            item = services.add_agenda_item(event, acting_user=request.user, **form.cleaned_data)
        except ValidationError as e:
            add_service_errors(form, e)
        else:
            return saved(request, event, item.anchor)
    return _record_page(request, event, {"agenda": form}, status=400)


def _agenda_item(event: Event, pk: int) -> AgendaItem:
    item = event.agenda_items.filter(pk=pk).first()
    if item is None:
        raise Http404("No such agenda item.")
    return item


@require_POST
def record_loose_decision(request: HttpRequest, slug: str) -> HttpResponse:
    """Add a decision of the meeting that is under no agenda item."""
    event = recordable_event(request, slug)
    form = DecisionForm(request.POST, prefix="decision")
    if form.is_valid():
        try:
            services.record_decision(event, acting_user=request.user, **form.arguments())
        except ValidationError as e:
            add_service_errors(form, e)
        else:
            return saved(request, event, "other-rows")
    return _record_page(request, event, {"decision": form}, status=400)


@require_POST
def record_minutes(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = recordable_event(request, slug)
    item = _agenda_item(event, pk)
    form = MinutesForm(request.POST, prefix=f"item{item.pk}")
    if form.is_valid():
        try:
            services.correct_row(item, acting_user=request.user, **form.cleaned_data)
        except ValidationError as e:
            add_service_errors(form, e)
        else:
            return saved(request, event, item.anchor)
    return _record_page(request, event, {f"minutes-{item.pk}": form}, status=400)


@require_POST
def record_part(request: HttpRequest, slug: str, pk: int, kind: str) -> HttpResponse:
    """Add an exchange, a decision or an action item under an agenda item."""
    if kind not in ("exchange", "decision", "action"):
        raise Http404("No such part of the record.")
    event = recordable_event(request, slug)
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
            add_service_errors(form, e)
        else:
            return saved(request, event, item.anchor)
    return _record_page(request, event, {f"{kind}-{item.pk}": form}, status=400)


@require_POST
def record_document(request: HttpRequest, slug: str) -> HttpResponse:
    event = recordable_event(request, slug)
    form = DocumentForm(request.POST, request.FILES, prefix="document")
    if form.is_valid():
        try:
            services.attach_document(event, acting_user=request.user, **form.cleaned_data)
        except ValidationError as e:
            add_service_errors(form, e)
        else:
            return saved(request, event, "documents")
    return _record_page(request, event, {"document": form}, status=400)


@require_POST
def publish(request: HttpRequest, slug: str) -> HttpResponse:
    event = recordable_event(request, slug)
    try:
        services.publish_event(event, acting_user=request.user)
    except ValidationError as e:
        for message in e.messages:
            messages.error(request, message)
        return redirect("events:record", slug=event.slug)
    messages.success(request, _("The event is published."))
    return redirect(event)
