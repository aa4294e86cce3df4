"""Writes: the Secretariat records a meeting's rows (agenda items,
questions and answers, decisions, action items) and removes them, through
the record page's services and its permission rule ("record" the event),
with a write-scoped token, once per Idempotency-Key.

A text is either one string, written in the language of the request's
`Accept-Language` (English by default) as the page writes in the
language it is shown in, or an object of languages to texts
(`{"en": "...", "fr": "..."}`), each written as given. Organisations are
named by their slug, agenda items by their id; people are not named
through the API (the page's forms name them).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from alliance87.api.callers import caller
from alliance87.api.endpoints.events import (
    ActionItemOut,
    AgendaItemOut,
    DecisionOut,
    ExchangeOut,
    action_item_out,
    decision_out,
)
from alliance87.api.http import Problem
from alliance87.core import permissions
from alliance87.core.dates import DatePrecision, ReportedDate
from alliance87.core.text import Translations
from alliance87.core.visibility import Visibility
from alliance87.events import selectors, services
from alliance87.events.models import (
    ActionItem,
    AgendaItem,
    Decision,
    Event,
    Exchange,
    PartyRole,
)
from alliance87.partners.models import Organisation

router = Router(tags=["records"])

Language = Literal["en", "fr", "es"]
Text = str | dict[Language, str]
RoleName = Literal[tuple(PartyRole.values)]  # type: ignore[valid-type]
VisibilityName = Literal[tuple(Visibility.values)]  # type: ignore[valid-type]
PrecisionName = Literal[tuple(DatePrecision.values)]  # type: ignore[valid-type]
TEXT = 5000


class DueIn(Schema):
    """A due date as the source reports it."""

    start: dt.date
    end: dt.date | None = None
    precision: PrecisionName = "day"  # type: ignore[valid-type]
    tentative: bool = False


class AgendaItemIn(Schema):
    number: str = Field(min_length=1, max_length=20, description='As printed: "3", "III", "3a"')
    title: Text
    objective: Text = ""
    minutes: Text = ""
    presenters_note: Text = ""
    presenter_organisations: list[str] = Field(default=[], max_length=50)
    duration: int | None = Field(None, ge=1, le=1440, description="Minutes")
    visibility: VisibilityName = "public"  # type: ignore[valid-type]


class ExchangeIn(Schema):
    question: Text
    answer: Text = ""
    agenda_item: int | None = None
    asked_by_role: RoleName | None = None  # type: ignore[valid-type]
    asked_by_organisation: str | None = Field(None, max_length=100)
    answered_by_role: RoleName | None = None  # type: ignore[valid-type]
    answered_by_organisation: str | None = Field(None, max_length=100)
    visibility: VisibilityName = "public"  # type: ignore[valid-type]


class DecisionIn(Schema):
    text: Text
    number: int | None = Field(None, ge=1, le=10_000, description="The next one if absent")
    identifier: str = Field("", max_length=50, description='The source\'s own, e.g. "GCG4/D1"')
    agenda_item: int | None = None
    visibility: VisibilityName = "public"  # type: ignore[valid-type]


class ActionItemIn(Schema):
    text: Text
    agenda_item: int | None = None
    owner_role: RoleName | None = None  # type: ignore[valid-type]
    owner_organisation: str | None = Field(None, max_length=100)
    owner_note: Text = ""
    due: DueIn | None = None
    followed: bool = False
    visibility: VisibilityName = "public"  # type: ignore[valid-type]


def _checked(text: Text, name: str) -> str | Translations:
    """The text as the services take it, refused when too long."""
    value: str | Translations = (
        {str(k): v for k, v in text.items()} if isinstance(text, dict) else text
    )
    if any(len(v) > TEXT for v in (value.values() if isinstance(value, dict) else [value])):
        raise Problem(422, "Invalid request", f"{name}: at most {TEXT:,} characters.")
    return value


def _recordable(request: HttpRequest, slug: str) -> Event:
    """The event if the caller may record it (404 alike when hidden)."""
    user = caller(request)
    event = selectors.get_event_for_user(user, slug)
    permissions.require(user, "record", event)
    return event


def _agenda_item(event: Event, pk: int | None) -> AgendaItem | None:
    if pk is None:
        return None
    item = event.agenda_items.filter(pk=pk).first()
    if item is None:
        raise Problem(422, "Refused", f"This meeting has no agenda item {pk}.")
    return item


def _organisation(request: HttpRequest, slug: str | None) -> Organisation | None:
    if not slug:
        return None
    found = Organisation.objects.visible_to(caller(request)).filter(slug=slug).first()
    if found is None:
        raise Problem(422, "Refused", f"No organisation has the id {slug!r}.")
    return found


def _organisations(request: HttpRequest, slugs: list[str]) -> list[Organisation]:
    return [o for o in (_organisation(request, s) for s in slugs) if o is not None]


@router.post(
    "/events/{slug}/agenda-items",
    response={201: AgendaItemOut},
    summary="Record an agenda item",
)
def record_agenda_item(request: HttpRequest, slug: str, body: AgendaItemIn) -> Status:
    """For the Secretariat. In the order of its number when the agenda's
    numbers all read as numbers, at the end otherwise."""
    event = _recordable(request, slug)
    item = services.add_agenda_item(
        event,
        acting_user=caller(request),
        number=body.number,
        title=_checked(body.title, "title"),
        objective=_checked(body.objective, "objective"),
        minutes=_checked(body.minutes, "minutes"),
        presenters_note=_checked(body.presenters_note, "presenters_note"),
        presenter_organisations=_organisations(request, body.presenter_organisations),
        duration=body.duration,
        visibility=body.visibility,
    )
    return Status(
        201,
        AgendaItemOut(
            id=item.pk,
            number=item.number,
            title=item.title,
            presenters=item.presenters_note,
            minutes=item.minutes,
        ),
    )


@router.post(
    "/events/{slug}/exchanges",
    response={201: ExchangeOut},
    summary="Record a question asked and its answer",
)
def record_exchange(request: HttpRequest, slug: str, body: ExchangeIn) -> Status:
    event = _recordable(request, slug)
    exchange = services.record_exchange(
        event,
        acting_user=caller(request),
        question=_checked(body.question, "question"),
        answer=_checked(body.answer, "answer"),
        agenda_item=_agenda_item(event, body.agenda_item),
        asked_by_role=body.asked_by_role or "",
        asked_by_organisation=_organisation(request, body.asked_by_organisation),
        answered_by_role=body.answered_by_role or "",
        answered_by_organisation=_organisation(request, body.answered_by_organisation),
        visibility=body.visibility,
    )
    return Status(
        201,
        ExchangeOut(
            id=exchange.pk,
            agenda_item=exchange.agenda_item_id,
            asked_by=_party(exchange.asked_by_role, exchange.asked_by_organisation),
            question=exchange.question,
            answered_by=_party(exchange.answered_by_role, exchange.answered_by_organisation),
            answer=exchange.answer,
        ),
    )


def _party(role: str, organisation: Organisation | None) -> str:
    if organisation is not None:
        return str(organisation)
    return str(PartyRole(role).label) if role else ""


@router.post(
    "/events/{slug}/decisions",
    response={201: DecisionOut},
    summary="Record a decision",
)
def record_decision(request: HttpRequest, slug: str, body: DecisionIn) -> Status:
    """Numbered within its meeting (the next number unless one is given);
    `identifier` is the reference the source prints, if any."""
    event = _recordable(request, slug)
    decision = services.record_decision(
        event,
        acting_user=caller(request),
        text=_checked(body.text, "text"),
        number=body.number,
        identifier=body.identifier,
        agenda_item=_agenda_item(event, body.agenda_item),
        visibility=body.visibility,
    )
    return Status(201, decision_out(decision, event.slug))


@router.post(
    "/events/{slug}/action-items",
    response={201: ActionItemOut},
    summary="Record an action item",
)
def record_action_item(request: HttpRequest, slug: str, body: ActionItemIn) -> Status:
    """A next step with its owner (a function, or an organisation) and, if
    the source gives one, its due date."""
    event = _recordable(request, slug)
    due = None
    if body.due is not None:
        due = ReportedDate(
            body.due.start, body.due.end, body.due.precision, tentative=body.due.tentative
        )
        due.validate()
    item = services.record_action_item(
        event,
        acting_user=caller(request),
        text=_checked(body.text, "text"),
        agenda_item=_agenda_item(event, body.agenda_item),
        owner_role=body.owner_role or "",
        owner_organisation=_organisation(request, body.owner_organisation),
        owner_note=_checked(body.owner_note, "owner_note"),
        due=due,
        followed=body.followed,
        visibility=body.visibility,
    )
    user = caller(request)
    recorded = (
        selectors.with_parties(ActionItem.objects.filter(pk=item.pk), user)
        .select_related("event")
        .get()
    )
    selectors.label_action_items(
        [recorded], selectors.PartyNames([recorded]), selectors.base.today()
    )
    return Status(201, action_item_out(recorded, event.slug))


# The rows of the record a path names, as the record's read lists them.
PARTS: dict[str, type[Any]] = {
    "agenda-items": AgendaItem,
    "exchanges": Exchange,
    "decisions": Decision,
    "action-items": ActionItem,
}
PartName = Literal[tuple(PARTS)]  # type: ignore[valid-type]


@router.delete(
    "/events/{slug}/{part}/{row_id}",
    response={204: None},
    summary="Remove a row of a meeting's record",
)
def remove_record_row(
    request: HttpRequest,
    slug: str,
    part: PartName,  # type: ignore[valid-type]
    row_id: int,
) -> Status:
    """For whoever may record the meeting (the Secretariat), as the record
    page's "Delete": the audit log keeps what the row said; an agenda item
    takes the questions, decisions and action items recorded under it. The
    row's id is the one the event's read gives it."""
    event = _recordable(request, slug)
    row = selectors.get_record_row_for_user(caller(request), event, PARTS[part], row_id)
    services.remove_row(row, acting_user=caller(request))
    return Status(204, None)
