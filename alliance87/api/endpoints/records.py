"""Writes: the Secretariat records a meeting's rows (agenda items,
questions and answers, decisions, action items) and removes them, through
the record page's services and its permission rule ("record" the event),
with a write-scoped token, once per Idempotency-Key.

A text is either one string, written in the language of the request's
`Accept-Language` (English by default) as the page writes in the
language it is shown in, or an object of languages to texts
(`{"en": "...", "fr": "..."}`), each written as given. Organisations are
and people by their slug (each as the directory shows it to the caller:
one they may not see is unknown), agenda items by their id.

A recorded row is corrected with PATCH (`correct_row`, the record page's
"Edit"): the fields given are changed, the others kept; a row is answered
as the event's read gives it, its people named as the page names them.
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
    get_event,
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
from alliance87.partners.models import Organisation, Person

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
    presenter_people: list[str] = Field(default=[], max_length=50, description="Slugs")
    duration: int | None = Field(None, ge=1, le=1440, description="Minutes")
    visibility: VisibilityName = "public"  # type: ignore[valid-type]


class ExchangeIn(Schema):
    question: Text
    answer: Text = ""
    agenda_item: int | None = None
    asked_by_role: RoleName | None = None  # type: ignore[valid-type]
    asked_by_organisation: str | None = Field(None, max_length=100)
    asked_by_person: str | None = Field(None, max_length=100)
    answered_by_role: RoleName | None = None  # type: ignore[valid-type]
    answered_by_organisation: str | None = Field(None, max_length=100)
    answered_by_person: str | None = Field(None, max_length=100)
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
    owner_person: str | None = Field(None, max_length=100)
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


def _person(request: HttpRequest, slug: str | None) -> Person | None:
    """The person named by `slug`, as the directory shows people to the
    caller (a person's name is partners' content by default): one they
    may not see is unknown, as a missing one."""
    if not slug:
        return None
    found = Person.objects.visible_to(caller(request)).filter(slug=slug).first()
    if found is None:
        raise Problem(422, "Refused", f"No person has the id {slug!r}.")
    return found


def _people(request: HttpRequest, slugs: list[str]) -> list[Person]:
    return [p for p in (_person(request, s) for s in slugs) if p is not None]


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
        presenter_people=_people(request, body.presenter_people),
        duration=body.duration,
        visibility=body.visibility,
    )
    return Status(201, _as_read(request, event, "agenda-items", item.pk))


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
        asked_by_person=_person(request, body.asked_by_person),
        answered_by_role=body.answered_by_role or "",
        answered_by_organisation=_organisation(request, body.answered_by_organisation),
        answered_by_person=_person(request, body.answered_by_person),
        visibility=body.visibility,
    )
    return Status(201, _as_read(request, event, "exchanges", exchange.pk))


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
    return Status(201, _as_read(request, event, "decisions", decision.pk))


@router.post(
    "/events/{slug}/action-items",
    response={201: ActionItemOut},
    summary="Record an action item",
)
def record_action_item(request: HttpRequest, slug: str, body: ActionItemIn) -> Status:
    """A next step with its owner (a function, or an organisation) and, if
    the source gives one, its due date."""
    event = _recordable(request, slug)
    item = services.record_action_item(
        event,
        acting_user=caller(request),
        text=_checked(body.text, "text"),
        agenda_item=_agenda_item(event, body.agenda_item),
        owner_role=body.owner_role or "",
        owner_organisation=_organisation(request, body.owner_organisation),
        owner_person=_person(request, body.owner_person),
        owner_note=_checked(body.owner_note, "owner_note"),
        due=_due(body.due),
        followed=body.followed,
        visibility=body.visibility,
    )
    return Status(201, _as_read(request, event, "action-items", item.pk))


def _due(due: DueIn | None) -> ReportedDate | None:
    if due is None:
        return None
    reported = ReportedDate(due.start, due.end, due.precision, tentative=due.tentative)
    reported.validate()
    return reported


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


RowOut = AgendaItemOut | ExchangeOut | DecisionOut | ActionItemOut


def _as_read(request: HttpRequest, event: Event, part: str, pk: int) -> Any:
    """The row as the event's read gives it to the caller: its parties
    named as the record page names them to the caller."""
    detail = get_event(request, event.slug)
    by_part: dict[str, list[Any]] = {
        "agenda-items": detail.agenda,
        "exchanges": detail.exchanges,
        "decisions": detail.decisions,
        "action-items": detail.action_items,
    }
    found = next((row for row in by_part[part] if row.id == pk), None)
    if found is None:
        # Written with a visibility its recorder may not read (the
        # Secretariat reads every row: no one else records today).
        raise Problem(404, "Not found", "Nothing here, or nothing you may see.")
    return found


class RowCorrection(Schema):
    """The fields of a row to change; those left out are kept. Which parts
    take which field: agenda-items `number` (text), `title`, `objective`,
    `minutes`, `presenters_note`, `duration`; exchanges `question`,
    `answer`, `asked_by_*`, `answered_by_*`; decisions `number` (a whole
    number), `identifier`, `text`; action-items `text`, `owner_*`,
    `owner_note`, `due`, `followed`; all `visibility`. A `null` clears a
    party, a due date or a duration."""

    number: str | int | None = Field(None, description="agenda-items (text), decisions (number)")
    title: Text | None = None
    objective: Text | None = None
    minutes: Text | None = None
    presenters_note: Text | None = None
    duration: int | None = Field(None, ge=1, le=1440, description="Minutes")
    question: Text | None = None
    answer: Text | None = None
    asked_by_role: RoleName | None = None  # type: ignore[valid-type]
    asked_by_organisation: str | None = Field(None, max_length=100)
    asked_by_person: str | None = Field(None, max_length=100)
    answered_by_role: RoleName | None = None  # type: ignore[valid-type]
    answered_by_organisation: str | None = Field(None, max_length=100)
    answered_by_person: str | None = Field(None, max_length=100)
    identifier: str | None = Field(None, max_length=50)
    text: Text | None = None
    owner_role: RoleName | None = None  # type: ignore[valid-type]
    owner_organisation: str | None = Field(None, max_length=100)
    owner_person: str | None = Field(None, max_length=100)
    owner_note: Text | None = None
    due: DueIn | None = None
    followed: bool | None = None
    visibility: VisibilityName | None = None  # type: ignore[valid-type]


# The fields each part takes, as the record page's form corrects them
# (`events.services.correct_row`'s arguments), and the texts among them.
CORRECTED: dict[str, tuple[str, ...]] = {
    "agenda-items": (
        "number",
        "title",
        "objective",
        "minutes",
        "presenters_note",
        "duration",
        "visibility",
    ),
    "exchanges": (
        "question",
        "answer",
        "asked_by_role",
        "asked_by_organisation",
        "asked_by_person",
        "answered_by_role",
        "answered_by_organisation",
        "answered_by_person",
        "visibility",
    ),
    "decisions": ("number", "identifier", "text", "visibility"),
    "action-items": (
        "text",
        "owner_role",
        "owner_organisation",
        "owner_person",
        "owner_note",
        "due",
        "followed",
        "visibility",
    ),
}
TEXTS = {
    "title",
    "objective",
    "minutes",
    "presenters_note",
    "question",
    "answer",
    "text",
    "owner_note",
}
PARTIES = {
    "asked_by_organisation": _organisation,
    "answered_by_organisation": _organisation,
    "owner_organisation": _organisation,
    "asked_by_person": _person,
    "answered_by_person": _person,
    "owner_person": _person,
}
# Fields a null does not clear: a row always has them.
NOT_NULL = {
    "number",
    "title",
    "minutes",
    "question",
    "text",
    "identifier",
    "followed",
    "visibility",
}


def _current(row: Any, part: str) -> dict[str, Any]:
    """The correction's arguments that keep `row` as it is (its texts in
    the active language, as the page's form is filled)."""
    if part == "agenda-items":
        # number, visibility, objective and duration are kept when not given.
        return {
            "title": row.title or "",
            "minutes": row.minutes or "",
            "presenters_note": row.presenters_note or "",
        }
    values = {name: getattr(row, name) for name in CORRECTED[part] if name != "due"}
    for name in TEXTS & values.keys():
        values[name] = values[name] or ""
    for name in ("asked_by_role", "answered_by_role", "owner_role"):
        if name in values:
            values[name] = values[name] or ""
    if part == "decisions":
        values["number"] = None  # kept
    if part == "action-items":
        values["due"] = (
            ReportedDate(row.date_start, row.date_end, row.date_precision, row.date_tentative)
            if row.date_start is not None
            else None
        )
    return values


def _given(request: HttpRequest, part: str, body: RowCorrection) -> dict[str, Any]:
    """The arguments the body changes, checked and looked up."""
    given = body.model_dump(exclude_unset=True)
    unknown = sorted(given.keys() - set(CORRECTED[part]))
    if unknown:
        raise Problem(
            422,
            "Invalid request",
            f"{part} take no {', '.join(unknown)}; they take {', '.join(CORRECTED[part])}.",
        )
    for name in NOT_NULL & given.keys():
        if given[name] is None:
            raise Problem(422, "Invalid request", f"{name}: a value is needed, not null.")
    values: dict[str, Any] = {}
    for name, value in given.items():
        if name in TEXTS:
            values[name] = _checked(getattr(body, name), name)
        elif name in PARTIES:
            values[name] = PARTIES[name](request, value)
        elif name.endswith("_role"):
            values[name] = value or ""
        elif name == "due":
            values[name] = _due(body.due)
        elif name == "number" and part == "decisions" and not isinstance(value, int):
            raise Problem(422, "Invalid request", "number: a decision's number is a whole number.")
        elif name == "number" and part == "agenda-items":
            values[name] = str(value)
        else:
            values[name] = value
    return values


@router.patch(
    "/events/{slug}/{part}/{row_id}",
    response={200: RowOut},
    summary="Correct a row of a meeting's record",
)
def correct_record_row(
    request: HttpRequest,
    slug: str,
    part: PartName,  # type: ignore[valid-type]
    row_id: int,
    body: RowCorrection,
) -> Any:
    """For whoever may record the meeting (the Secretariat), as the record
    page's "Edit": the fields given are changed, the others kept (each
    part takes the fields of its form: see the body's description). A
    text given as one string is written in the language of
    `Accept-Language`, an object of languages writes each. The audit log
    keeps what the row said. Answered as the event's read gives the row."""
    event = _recordable(request, slug)
    user = caller(request)
    row = selectors.get_record_row_for_user(user, event, PARTS[part], row_id)
    values = {**_current(row, part), **_given(request, part, body)}
    services.correct_row(row, acting_user=user, **values)
    return _as_read(request, event, part, row.pk)
