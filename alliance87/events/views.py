from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

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
    TrackerFilterForm,
)
from alliance87.events.models import AgendaItem, Event

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
    items = list(event.agenda_items.order_by("order", "pk"))
    for item in items:
        item.minutes_form = bound.get(f"minutes-{item.pk}") or MinutesForm.for_item(item)  # type: ignore[attr-defined]
        item.exchange_form = bound.get(f"exchange-{item.pk}") or ExchangeForm(  # type: ignore[attr-defined]
            prefix=f"exchange{item.pk}"
        )
        item.decision_form = bound.get(f"decision-{item.pk}") or DecisionForm(  # type: ignore[attr-defined]
            prefix=f"decision{item.pk}"
        )
        item.action_form = bound.get(f"action-{item.pk}") or ActionItemForm(  # type: ignore[attr-defined]
            prefix=f"action{item.pk}"
        )
        item.counts = {  # type: ignore[attr-defined]
            "exchanges": item.exchanges.count(),
            "decisions": item.decisions.count(),
            "actions": item.action_items.count(),
        }
    return render(
        request,
        "events/record.html",
        {
            "event": event,
            "items": items,
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


def _saved(request: HttpRequest, event: Event, anchor: str = "") -> HttpResponse:
    messages.success(request, _("Saved."))
    return redirect(reverse("events:record", args=[event.slug]) + (f"#{anchor}" if anchor else ""))


@require_POST
def record_agenda_item(request: HttpRequest, slug: str) -> HttpResponse:
    event = _recordable_event(request, slug)
    form = AgendaItemForm(request.POST, prefix="agenda")
    if form.is_valid():
        try:
            item = services.add_agenda_item(event, acting_user=request.user, **form.cleaned_data)
        except ValidationError as e:
            form.add_error(None, e)
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
            form.add_error(None, e)
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
        data = dict(form.cleaned_data)
        try:
            if kind == "exchange":
                services.record_exchange(event, acting_user=request.user, agenda_item=item, **data)
            elif kind == "decision":
                services.record_decision(event, acting_user=request.user, agenda_item=item, **data)
            else:
                due = data.pop("due_date", None)
                for name in ("due", "due_end", "due_precision", "due_tentative"):
                    data.pop(name, None)
                services.record_action_item(
                    event, acting_user=request.user, agenda_item=item, due=due, **data
                )
        except ValidationError as e:
            form.add_error(None, e)
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
            form.add_error(None, e)
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
