"""The open lists of the events and their record: events (with the
pathfinder workshops), the decisions register and the action-item tracker."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.http import HttpRequest
from django.utils.html import strip_tags

from alliance87.api.opendata.base import (
    MAX_ROWS,
    TITLE,
    URL,
    Column,
    OpenList,
    absolute,
    attr,
    iso3,
    iso_date,
    slug_id,
    text,
)
from alliance87.events import selectors as events
from alliance87.events.filter_forms import DecisionFilterForm, EventFilterForm, TrackerFilterForm


def _decisions(request: HttpRequest) -> Iterable[Any]:
    filters = DecisionFilterForm(request.GET or None).filters()
    return events.decisions(request.user, filters)[:MAX_ROWS]


def _action_items(request: HttpRequest) -> Iterable[Any]:
    filters = TrackerFilterForm(request.GET or None, user=request.user).filters()
    now = events.base.today()
    items = list(events.action_items(request.user, filters, now)[:MAX_ROWS])
    events.label_action_items(items, events.PartyNames(items), now)
    return items


def _events(request: HttpRequest) -> Iterable[Any]:
    filters = EventFilterForm(request.GET or None).filters()
    return events.export_events(request.user, filters)[:MAX_ROWS]


def _workshops(request: HttpRequest) -> list[dict[str, Any]]:
    """The pathfinder workshops kept by the pathfinders area, which the
    events list shows beside the events; they have no page of their own but
    their country's."""
    filters = EventFilterForm(request.GET or None).filters()
    rows = []
    for w in events.pathfinder_workshops(request.user, filters):
        start = w.reported_date.start if w.reported_date else None
        rows.append(
            {
                "id": w.key,
                "title": w.title,
                "type": "pathfinder_workshop",
                "date": start.isoformat() if start else "",
                "last_day": "",
                "tentative": bool(w.reported_date and w.reported_date.tentative),
                "series": "",
                "country": "",
                "url": request.build_absolute_uri(w.url) if w.url else "",
            }
        )
    return rows


DECISIONS = OpenList(
    "decisions",
    "The decisions register",
    (
        Column("id", "integer", "The decision's stable id", attr("pk")),
        Column(
            "event",
            "string",
            "The id (slug) of the meeting that took it",
            attr("event.slug"),
        ),
        Column(
            "date",
            "string",
            "The meeting's first day as reported (ISO 8601)",
            iso_date("event.date_start"),
        ),
        text("label", "Its number in the meeting, or the source's reference"),
        text("text", "The decision, in the language of the address"),
        Column(
            "url",
            "string",
            "The decision on its meeting's page",
            lambda request, d: absolute(request, d.event) + f"#decision-{d.pk}",
        ),
    ),
    _decisions,
)


ACTION_ITEMS = OpenList(
    "action-items",
    "The action-item tracker",
    (
        Column("id", "integer", "The action item's stable id", attr("pk")),
        Column(
            "event",
            "string",
            "The id (slug) of the meeting that recorded it",
            attr("event.slug"),
        ),
        text("text", "The action, in the language of the address"),
        Column(
            "owner",
            "string",
            "Who owns it, as the tracker names them",
            lambda request, a: strip_tags(str(getattr(a, "owner_label", "") or "")),
        ),
        Column(
            "due",
            "string",
            "Its due date as reported (ISO 8601), if any",
            iso_date("date_start"),
        ),
        Column(
            "due_precision",
            "string",
            "day, range or month",
            lambda request, a: a.date_precision if a.date_start else "",
        ),
        text("status", "open, done or dropped"),
        Column(
            "followed",
            "boolean",
            "Whether someone is still following it",
            attr("followed"),
        ),
        Column(
            "overdue",
            "boolean",
            "Past due, open and followed",
            lambda request, a: bool(getattr(a, "overdue", False)),
        ),
        Column(
            "no_report_since",
            "boolean",
            "Past due, open, and no one follows it",
            lambda request, a: bool(getattr(a, "unreported", False)),
        ),
        Column(
            "url",
            "string",
            "The action items of its meeting's page",
            lambda request, a: absolute(request, a.event) + "#actions",
        ),
    ),
    _action_items,
)


EVENTS = OpenList(
    "events",
    "Events and meetings",
    (
        slug_id("event"),
        TITLE,
        Column(
            "type",
            "string",
            "Its type (meeting, conference, workshop...)",
            attr("event_type"),
        ),
        Column(
            "date",
            "string",
            "Its first day as reported (ISO 8601), if known",
            iso_date("date_start"),
        ),
        Column("last_day", "string", "Its last day (ISO 8601), if known", iso_date("last_day")),
        Column(
            "tentative",
            "boolean",
            "Whether the date was still tentative",
            attr("date_tentative"),
        ),
        Column(
            "series",
            "string",
            "The id of the body whose meeting it is",
            attr("series.slug"),
        ),
        Column(
            "country",
            "string",
            "Where it is held (alpha-3), if in one country",
            lambda request, e: iso3(e.country),
        ),
        URL,
    ),
    _events,
    more=_workshops,
)
