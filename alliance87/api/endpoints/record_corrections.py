"""Correcting a recorded row of a meeting through the API (PATCH,
`correct_row`, the record page's "Edit"): the fields given are changed,
the others kept; the row is answered as the event's read gives it, its
people named as the page names them (records.py says what they share)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Field, Schema

from alliance87.api.callers import caller
from alliance87.api.endpoints import records
from alliance87.api.endpoints.records import (
    PARTS,
    DocumentKindName,
    DueIn,
    PartName,
    RoleName,
    RowOut,
    Text,
    VisibilityName,
    agenda_item_of,
    as_read,
    checked,
    due,
    organisation,
    person,
    recordable,
)
from alliance87.api.http import Problem
from alliance87.core.dates import ReportedDate
from alliance87.events import selectors, services
from alliance87.events.models import Event

router = records.router


class RowCorrection(Schema):
    """The fields of a row to change; those left out are kept. Which parts
    take which field: agenda-items `number` (text), `title`, `objective`,
    `minutes`, `presenters_note`, `duration`; exchanges `question`,
    `answer`, `asked_by_*`, `answered_by_*`; decisions `number` (a whole
    number), `identifier`, `text`; action-items `text`, `owner_*`,
    `owner_note`, `due`, `followed`; documents `kind`, `title`, `url`,
    `agenda_item`, `pages`; all `visibility`. A `null` clears a party, a
    due date, a duration or a document's agenda item. A document's `url`
    replaces its stored file, if it has one (its file is replaced with
    POST .../documents/{id}/file)."""

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
    kind: DocumentKindName | None = None  # type: ignore[valid-type]
    url: str | None = Field(None, max_length=200, description="documents: a link")
    agenda_item: int | None = Field(None, description="documents: the item's id")
    pages: str | None = Field(None, max_length=30, description='documents: e.g. "12-15"')
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
    "documents": ("kind", "title", "url", "agenda_item", "pages", "visibility"),
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
    "asked_by_organisation": organisation,
    "answered_by_organisation": organisation,
    "owner_organisation": organisation,
    "asked_by_person": person,
    "answered_by_person": person,
    "owner_person": person,
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
    "kind",
    "url",
    "pages",
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
    if part == "documents":
        # Its address is kept unless another is given; a stored file is
        # kept when neither an address nor a file is; its agenda item and
        # pages are kept when not given.
        return {
            "kind": row.kind,
            "title": row.title or "",
            "url": row.url,
            "visibility": row.visibility,
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


def _given(request: HttpRequest, event: Event, part: str, body: RowCorrection) -> dict[str, Any]:
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
            values[name] = checked(getattr(body, name), name)
        elif name in PARTIES:
            values[name] = PARTIES[name](request, value)
        elif name.endswith("_role"):
            values[name] = value or ""
        elif name == "due":
            values[name] = due(body.due)
        elif name == "number" and part == "decisions" and not isinstance(value, int):
            raise Problem(422, "Invalid request", "number: a decision's number is a whole number.")
        elif name == "number" and part == "agenda-items":
            values[name] = str(value)
        elif name == "agenda_item":
            # The document service names the item by its printed number.
            item = agenda_item_of(event, value)
            values["agenda_number"] = item.number if item is not None else ""
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
    event = recordable(request, slug)
    user = caller(request)
    row = selectors.get_record_row_for_user(user, event, PARTS[part], row_id)
    values = {**_current(row, part), **_given(request, event, part, body)}
    services.correct_row(row, acting_user=user, **values)
    return as_read(request, event, part, row.pk)
