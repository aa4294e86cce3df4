"""The meeting's record through the API: what recording its rows
(record_rows), correcting them (record_corrections) and its documents
(record_documents) share, and removing a row. Each is for whoever may record the meeting (the
Secretariat), through the record page's services and its permission rule
("record" the event), with a write-scoped token, once per
Idempotency-Key (api.py).

A text is either one string, written in the language of the request's
`Accept-Language` (English by default) as the page writes in the
language it is shown in, or an object of languages to texts
(`{"en": "...", "fr": "..."}`), each written as given. Organisations
and people are named by their slug (each as the directory shows it to
the caller: one they may not see is unknown), agenda items by their id.
A written row is answered as the event's read gives it, its people named
as the page names them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Router, Schema, Status

from alliance87.api.callers import caller
from alliance87.api.endpoints.events import (
    ActionItemOut,
    AgendaItemOut,
    DecisionOut,
    DocumentOut,
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
    Document,
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
DocumentKindName = Literal[tuple(Document.Kind.values)]  # type: ignore[valid-type]
TEXT = 5000


class DueIn(Schema):
    """A due date as the source reports it."""

    start: dt.date
    end: dt.date | None = None
    precision: PrecisionName = "day"  # type: ignore[valid-type]
    tentative: bool = False


def checked(text: Text, name: str) -> str | Translations:
    """The text as the services take it, refused when too long."""
    value: str | Translations = (
        {str(k): v for k, v in text.items()} if isinstance(text, dict) else text
    )
    if any(len(v) > TEXT for v in (value.values() if isinstance(value, dict) else [value])):
        raise Problem(422, "Invalid request", f"{name}: at most {TEXT:,} characters.")
    return value


def recordable(request: HttpRequest, slug: str) -> Event:
    """The event if the caller may record it (404 alike when hidden)."""
    user = caller(request)
    event = selectors.get_event_for_user(user, slug)
    permissions.require(user, "record", event)
    return event


def agenda_item_of(event: Event, pk: int | None) -> AgendaItem | None:
    if pk is None:
        return None
    item = event.agenda_items.filter(pk=pk).first()
    if item is None:
        raise Problem(422, "Refused", f"This meeting has no agenda item {pk}.")
    return item


def organisation(request: HttpRequest, slug: str | None) -> Organisation | None:
    if not slug:
        return None
    found = Organisation.objects.visible_to(caller(request)).filter(slug=slug).first()
    if found is None:
        raise Problem(422, "Refused", f"No organisation has the id {slug!r}.")
    return found


def organisations(request: HttpRequest, slugs: list[str]) -> list[Organisation]:
    return [o for o in (organisation(request, s) for s in slugs) if o is not None]


def person(request: HttpRequest, slug: str | None) -> Person | None:
    """The person named by `slug`, as the directory shows people to the
    caller (a person's name is partners' content by default): one they
    may not see is unknown, as a missing one."""
    if not slug:
        return None
    found = Person.objects.visible_to(caller(request)).filter(slug=slug).first()
    if found is None:
        raise Problem(422, "Refused", f"No person has the id {slug!r}.")
    return found


def people(request: HttpRequest, slugs: list[str]) -> list[Person]:
    return [p for p in (person(request, s) for s in slugs) if p is not None]


def due(due: DueIn | None) -> ReportedDate | None:
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
    "documents": Document,
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
    takes the questions, decisions and action items recorded under it, a
    document its stored file. The row's id is the one the event's read
    gives it."""
    event = recordable(request, slug)
    row = selectors.get_record_row_for_user(caller(request), event, PARTS[part], row_id)
    services.remove_row(row, acting_user=caller(request))
    return Status(204, None)


RowOut = AgendaItemOut | ExchangeOut | DecisionOut | ActionItemOut | DocumentOut


def as_read(request: HttpRequest, event: Event, part: str, pk: int) -> Any:
    """The row as the event's read gives it to the caller: its parties
    named as the record page names them to the caller."""
    detail = get_event(request, event.slug)
    by_part: dict[str, list[Any]] = {
        "agenda-items": detail.agenda,
        "exchanges": detail.exchanges,
        "decisions": detail.decisions,
        "action-items": detail.action_items,
        "documents": detail.documents,
    }
    found = next((row for row in by_part[part] if row.id == pk), None)
    if found is None:
        # Written with a visibility its recorder may not read (the
        # Secretariat reads every row: no one else records today).
        raise Problem(404, "Not found", "Nothing here, or nothing you may see.")
    return found
