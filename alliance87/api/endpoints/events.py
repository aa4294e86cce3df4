"""Events with their record, the decisions register and the action-item
tracker."""

from __future__ import annotations

from typing import Any, Literal

from django.http import HttpRequest
from django.utils.html import strip_tags
from ninja import Field, Query, Router, Schema

from alliance87.api.callers import caller
from alliance87.api.http import CURSOR_PATTERN, DEFAULT_LIMIT, MAX_LIMIT, cursor_page
from alliance87.api.schemas import ReportedDateOut, absolute, reported_date
from alliance87.core import permissions
from alliance87.countries.models import Region
from alliance87.events import selectors, services
from alliance87.events.models import ActionItem, Decision, Event, EventType

router = Router(tags=["events"])

EventTypeName = Literal[tuple(EventType.values)]  # type: ignore[valid-type]
RegionName = Literal[tuple(Region.values)]  # type: ignore[valid-type]
TRACKER_STATES = ("open", "overdue", "unreported", *ActionItem.Status.values, "all")
TrackerState = Literal[TRACKER_STATES]  # type: ignore[valid-type]


class EventOut(Schema):
    id: str  # slug
    title: str
    event_type: str
    date: ReportedDateOut
    online: bool
    city: str
    country: str | None  # iso3 of the venue, lower case
    series: str | None  # slug
    url: str


class EventList(Schema):
    items: list[EventOut]
    next_cursor: str | None


class AgendaItemOut(Schema):
    id: int
    number: str
    title: str
    presenters: str
    minutes: str


class ExchangeOut(Schema):
    id: int
    agenda_item: int | None
    asked_by: str
    question: str
    answered_by: str
    answer: str


class DecisionOut(Schema):
    id: int
    event: str  # slug
    agenda_item: int | None
    number: int
    identifier: str
    text: str


class ActionItemOut(Schema):
    id: int
    event: str  # slug
    agenda_item: int | None
    text: str
    owner: str
    due: ReportedDateOut
    status: str
    done_note: str


class DocumentOut(Schema):
    id: int
    kind: str  # agenda, report, annex, other
    title: str
    url: str  # its address, or the Hub's address of its file
    agenda_item: int | None  # the item it was presented under, if any
    pages: str  # the pages of it that concern that item ("12-15"), if given


class EventDetail(EventOut):
    summary: str
    objectives: list[str]
    themes: list[str]
    countries: list[str]
    organisers: list[str]
    agenda: list[AgendaItemOut]
    exchanges: list[ExchangeOut]
    decisions: list[DecisionOut]
    action_items: list[ActionItemOut]
    documents: list[DocumentOut]
    feeds_into: list[str]
    fed_by: list[str]


class DecisionList(Schema):
    items: list[DecisionOut]
    next_cursor: str | None


class ActionItemList(Schema):
    items: list[ActionItemOut]
    next_cursor: str | None


def event_out(request: HttpRequest, e: Event) -> dict[str, Any]:
    return {
        "id": e.slug,
        "title": e.title,
        "event_type": e.event_type,
        "date": reported_date(e),
        "online": e.online,
        "city": e.city,
        "country": e.country.iso3.lower() if e.country else None,
        "series": e.series.slug if e.series else None,
        "url": absolute(request, e.get_absolute_url()),
    }


def decision_out(d: Decision, event_slug: str) -> DecisionOut:
    return DecisionOut(
        id=d.pk,
        event=event_slug,
        agenda_item=d.agenda_item_id,
        number=d.number,
        identifier=d.identifier,
        text=d.text,
    )


def action_item_out(a: ActionItem, event_slug: str) -> ActionItemOut:
    return ActionItemOut(
        id=a.pk,
        event=event_slug,
        agenda_item=a.agenda_item_id,
        text=a.text,
        owner=strip_tags(str(getattr(a, "owner_label", "") or "")),
        due=reported_date(a),
        status=a.status,
        done_note=a.done_note,
    )


@router.get("/events", response=EventList, summary="List events")
def list_events(
    request: HttpRequest,
    type: EventTypeName | None = None,  # type: ignore[valid-type]
    region: RegionName | None = None,  # type: ignore[valid-type]
    country: str = Query("", max_length=3, description="ISO 3166 alpha-3 code"),
    theme: str = Query("", max_length=50, description="A theme's slug"),
    series: str = Query("", max_length=100, description="An event series' slug"),
    year: int | None = Query(None, ge=1900, le=2200),
    cursor: str | None = Query(None, pattern=CURSOR_PATTERN),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
) -> EventList:
    """Events, filtered as on /events/ (upcoming, past and yearly days
    together)."""
    filters = selectors.EventFilters(
        event_type=type or "",
        region=region or "",
        country=country.lower(),
        theme=theme,
        series=series,
        year=year,
    )
    qs = selectors.filter_events(Event.objects.visible_to(caller(request)), filters)
    rows, after = cursor_page(qs.select_related("country", "series"), cursor, limit)
    return EventList(items=[EventOut(**event_out(request, e)) for e in rows], next_cursor=after)


@router.get("/events/{slug}", response=EventDetail, summary="One event, with its record")
def get_event(request: HttpRequest, slug: str) -> EventDetail:
    """The event and its record as its page shows them: agenda, minutes,
    questions and answers, decisions, action items, documents."""
    user = caller(request)
    event = selectors.get_event_for_user(user, slug)
    page = selectors.event_page(user, event)
    return EventDetail(
        **event_out(request, event),
        summary=event.summary,
        objectives=[o.text for o in page["objectives"]],
        themes=[t.slug for t in page["themes"]],
        countries=[c.iso3.lower() for c in page["countries"]],
        organisers=[o.slug for o in page["organisers"]],
        agenda=[
            AgendaItemOut(
                id=i.pk,
                number=i.number,
                title=i.title,
                presenters=strip_tags(str(i.presenters)),
                minutes=i.minutes,
            )
            for i in page["agenda"]
        ],
        exchanges=[
            ExchangeOut(
                id=x.pk,
                agenda_item=x.agenda_item_id,
                asked_by=strip_tags(str(x.asked_by_label or "")),
                question=x.question,
                answered_by=strip_tags(str(x.answered_by_label or "")),
                answer=x.answer,
            )
            for x in _exchanges(page)
        ],
        decisions=[decision_out(d, event.slug) for d in page["decisions"]],
        action_items=[action_item_out(a, event.slug) for a in page["actions"]],
        documents=[
            DocumentOut(
                id=d.pk,
                kind=d.kind,
                title=d.title,
                # A file's address is the Hub's view that serves it with
                # the document's visibility (core.files), never MEDIA_URL.
                url=absolute(request, d.href) if d.href else "",
                agenda_item=d.agenda_item_id,
                pages=d.pages,
            )
            for d in page["documents"]
        ],
        feeds_into=[e.slug for e in page["feeds_into"]],
        fed_by=[e.slug for e in page["fed_by"]],
    )


def _exchanges(page: dict[str, Any]) -> list[Any]:
    rows = list(page["loose"]["exchanges"])
    for item in page["agenda"]:
        rows.extend(item.record["exchanges"])
    return sorted(rows, key=lambda x: (x.order, x.pk))


@router.get("/decisions", response=DecisionList, summary="The decisions register")
def list_decisions(
    request: HttpRequest,
    series: str = Query("", max_length=100, description="An event series' slug"),
    year: int | None = Query(None, ge=1900, le=2200),
    q: str = Query("", max_length=100),
    cursor: str | None = Query(None, pattern=CURSOR_PATTERN),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
) -> DecisionList:
    """Decisions of every meeting, filtered as on /events/decisions/."""
    filters = selectors.DecisionFilters(series=series, year=year, q=q)
    rows, after = cursor_page(selectors.decisions(caller(request), filters), cursor, limit)
    return DecisionList(items=[decision_out(d, d.event.slug) for d in rows], next_cursor=after)


@router.get("/action-items", response=ActionItemList, summary="The action-item tracker")
def list_action_items(
    request: HttpRequest,
    state: TrackerState = "open",
    owner: str = Query("", max_length=100, description="An organisation's slug"),
    owner_q: str = Query(
        "",
        max_length=100,
        description="Part of an owner's name or acronym (every owner it matches)",
    ),
    series: str = Query("", max_length=100, description="An event series' slug"),
    cursor: str | None = Query(None, pattern=CURSOR_PATTERN),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
) -> ActionItemList:
    """Action items, filtered as on /events/action-items/."""
    user = caller(request)
    now = selectors.base.today()
    filters = selectors.TrackerFilters(
        state=state, owner=owner, owner_q=owner_q.strip(), series=series
    )
    rows, after = cursor_page(selectors.action_items(user, filters, now), cursor, limit)
    selectors.label_action_items(rows, selectors.PartyNames(rows), now)
    return ActionItemList(
        items=[action_item_out(a, a.event.slug) for a in rows], next_cursor=after
    )


# Writes: an owner closes their action item ---------------------------------


class CloseIn(Schema):
    note: str = Field(min_length=1, max_length=5000)
    status: Literal["done", "dropped"] = "done"


@router.post(
    "/action-items/{item_id}/close",
    response=ActionItemOut,
    summary="Close an action item",
)
def close_action_item(request: HttpRequest, item_id: int, body: CloseIn) -> ActionItemOut:
    """For the item's owner (a person, or who works for the owning
    organisation) and the Secretariat, with a token that may write."""
    user = caller(request)
    item = selectors.get_action_item_for_user(user, item_id)
    permissions.require(user, "close", item)
    item = services.close_action_item(item, acting_user=user, note=body.note, status=body.status)
    closed = (
        selectors.with_parties(ActionItem.objects.visible_to(user), user)
        .select_related("event")
        .get(pk=item.pk)
    )
    selectors.label_action_items([closed], selectors.PartyNames([closed]), selectors.base.today())
    return action_item_out(closed, closed.event.slug)
