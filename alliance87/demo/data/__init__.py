"""
The demo's data files, and the one reader they are read through.

Each `<name>.json` beside this module is a list of records, one a line: a
row of the directory (`themes`, `organisations`, `people`, `key_figures`)
or of the pathfinders (`pathfinders`, `pathfinder_stages`,
`pathfinder_findings`, `workshops`, `roadmaps`, `roadmap_priorities`,
`roadmap_actions`, `lessons`) or of the groups (`groups`, `chair_terms`,
`memberships`, `seats`, `workplan_areas`, `activities`,
`group_next_steps`) or of the library (`library_resources`,
`glossary_terms`) or of the events (`event_series`, `events`,
`event_objectives`, `event_participants`, `event_documents`,
`agenda_items`, `exchanges`, `decisions`, `action_items`).
A translated value is `{"en": …, "fr": …, "es": …}`, all three keys present.
Each record carries `sources`: where its facts come from, as a list of

    {"document": <a key of sources.json>, "locator": "agenda item III",
     "basis": "reported" | "inferred" | "illustrative",
     "fields": ["description", …] or ["*"], "note": "…", "as_of": "2019-04",
     "url": "https://…"}

A reported fact names its document; an inferred one says from what
(`note`); an illustrative one is demo only (docs/demo-data.md). `as_of`
(a day or a month) dates a state that could have changed since; `url`, the
address the fact was read at when it is not the document's own. A reported
date is `{"start", "end", "precision", "tentative"}` (`reported_date`).
`read(name)` checks every record and refuses a malformed one with a
message naming the file, the record and what is wrong.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path
from typing import Any

from alliance87.core.dates import DatePrecision, ReportedDate

HERE = Path(__file__).resolve().parent
LANGUAGES = {"en", "fr", "es"}
BASES = {"reported", "inferred", "illustrative"}

# The fields of each file that hold text in the three languages.
TRANSLATED: dict[str, tuple[str, ...]] = {
    "themes": ("name",),
    "organisations": ("name", "acronym", "description"),
    "people": ("position",),
    "key_figures": ("label", "source"),
    "pathfinders": ("summary", "ministries"),
    "pathfinder_stages": ("evidence",),
    "pathfinder_findings": ("heading", "text"),
    "workshops": ("title", "notes"),
    "roadmaps": ("title", "note"),
    "roadmap_priorities": ("title",),
    "roadmap_actions": ("title",),
    "lessons": ("text", "source"),
    "groups": ("name", "short_name", "summary", "mandate", "status_note"),
    "chair_terms": ("note",),
    "memberships": ("note",),
    "seats": ("label", "note", "holder_note"),
    "workplan_areas": ("title",),
    "activities": ("title", "description", "next_steps"),
    "group_next_steps": ("text",),
    "library_resources": ("title", "summary"),
    "glossary_terms": ("term", "to_find"),
    "event_series": ("name", "body", "body_short"),
    "events": ("title", "summary", "city"),
    "event_objectives": ("text",),
    "event_documents": ("title",),
    "agenda_items": ("title", "presenters", "minutes"),
    "exchanges": ("question", "answer"),
    "decisions": ("text",),
    "action_items": ("text", "owner_note"),
}


class DataError(ValueError):
    """A demo data file holds a record the loader cannot trust."""


def _load_sources() -> dict[str, dict[str, str]]:
    with (HERE / "sources.json").open(encoding="utf-8") as f:
        return json.load(f)


SOURCES: dict[str, dict[str, str]] = _load_sources()


def check_row(name: str, row: dict[str, Any]) -> dict[str, Any]:
    """Return `row` if it is well formed for file `name`; raise DataError."""
    # A row of a meeting's record is named by its event and its place.
    place = f"{row.get('event', '?')} #{row.get('order', row.get('number', '?'))}"
    where = f"{name}.json, {row.get('slug') or place}"
    for field in TRANSLATED.get(name, ()):
        value = row.get(field)
        if value is None:
            continue
        if not isinstance(value, dict) or set(value) != LANGUAGES:
            raise DataError(f"{where}: {field} must give en, fr and es, and nothing else.")
    if not row.get("sources"):
        raise DataError(f"{where}: no source is given for this record.")
    # A record that writes two rows gives the second's as `<row>_sources`
    # (a GCG seat and its holder's term: `holder_sources`).
    for key in [k for k in row if k == "sources" or k.endswith("_sources")]:
        _check_sources(where, row[key])
    return row


def _check_sources(where: str, sources: list[dict[str, Any]]) -> None:
    if not sources:
        raise DataError(f"{where}: no source is given for this record.")
    for source in sources:
        basis = source.get("basis")
        if basis not in BASES:
            raise DataError(f"{where}: basis must be reported, inferred or illustrative.")
        document = source.get("document")
        if document is not None and document not in SOURCES:
            raise DataError(f"{where}: unknown source document {document!r}.")
        if basis == "reported" and not document:
            raise DataError(f"{where}: a reported fact names its source document.")
        if basis == "inferred" and not source.get("note"):
            raise DataError(f"{where}: an inferred fact says from what, in a note.")
        if not source.get("fields"):
            raise DataError(f"{where}: a source names the facts it supports (fields).")
        if len(source.get("locator", "")) > 100:
            # Citation.locator's length: a page or a paragraph, not a passage.
            raise DataError(f"{where}: a locator is at most 100 characters.")
        url = source.get("url")
        if url is not None and not str(url).startswith(("https://", "http://")):
            raise DataError(f"{where}: a source's url must start with http:// or https://.")
        as_of = source.get("as_of")
        if as_of is not None:
            try:
                as_of_date(as_of)
            except ValueError:
                raise DataError(f"{where}: as_of must be a day or a month (2019-04).") from None


def as_of_date(value: str) -> ReportedDate:
    """Return an `as_of` of the data ("2019-04-05" or "2019-04") as a date
    with its precision."""
    if len(value) == 7:
        return ReportedDate(dt.date.fromisoformat(f"{value}-01"), None, DatePrecision.MONTH)
    return ReportedDate(dt.date.fromisoformat(value))


def reported_date(value: dict[str, Any] | None) -> ReportedDate | None:
    """Return a date of the data (`{"start", "end", "precision",
    "tentative"}`, or null when the source gives none)."""
    if value is None:
        return None
    end = value.get("end")
    return ReportedDate(
        dt.date.fromisoformat(value["start"]),
        dt.date.fromisoformat(end) if end else None,
        value.get("precision", "day"),
        bool(value.get("tentative")),
    )


@cache
def _read(name: str) -> tuple[dict[str, Any], ...]:
    with (HERE / f"{name}.json").open(encoding="utf-8") as f:
        rows = json.load(f)
    return tuple(check_row(name, row) for row in rows)


def read(name: str) -> list[dict[str, Any]]:
    """Return the checked records of `<name>.json`, in the file's order."""
    return list(_read(name))
