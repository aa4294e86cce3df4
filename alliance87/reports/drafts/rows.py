"""
Turn the values of a proposal (docs/report-import.md) into what the events
models hold: kinds, dates, times, parties, counts. Plain functions; they
read the directory through `Names` and write nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.text import slugify
from django.utils.translation import gettext_lazy, override

from alliance87.core.dates import DatePrecision, ReportedDate
from alliance87.events.models import (
    RESERVED_SLUGS,
    Document,
    Event,
    EventType,
    Participant,
    PartyRole,
    ReportedCount,
)
from alliance87.partners.models import Organisation, Person

# The proposal's kinds that are not the events' own values. A pathfinder
# workshop is kept with its pathfinder, so an imported one is an "other
# meeting" the Secretariat can move.
_KINDS = {"committee": EventType.COMMITTEE_MEETING, "pathfinder_workshop": EventType.OTHER_MEETING}

_COUNTED = (
    (
        re.compile(
            r"participants|attendees|delegates|representatives|experts|people|persons|speakers"
        ),
        ReportedCount.Counted.PARTICIPANTS,
    ),
    (re.compile(r"member states|countries"), ReportedCount.Counted.COUNTRIES),
    (re.compile(r"members"), ReportedCount.Counted.MEMBERS),
    (re.compile(r"organi[sz]ations"), ReportedCount.Counted.ORGANISATIONS),
)
_QUALIFIERS = {
    None: ReportedCount.Qualifier.EXACTLY,
    "more than": ReportedCount.Qualifier.MORE_THAN,
    "over": ReportedCount.Qualifier.MORE_THAN,
    "at least": ReportedCount.Qualifier.AT_LEAST,
    "fewer than": ReportedCount.Qualifier.FEWER_THAN,
    "less than": ReportedCount.Qualifier.FEWER_THAN,
    "about": ReportedCount.Qualifier.ABOUT,
    "around": ReportedCount.Qualifier.ABOUT,
    "some": ReportedCount.Qualifier.ABOUT,
    "approximately": ReportedCount.Qualifier.ABOUT,
    "close to": ReportedCount.Qualifier.ABOUT,
    "nearly": ReportedCount.Qualifier.ABOUT,
    "almost": ReportedCount.Qualifier.ABOUT,
    "up to": ReportedCount.Qualifier.ABOUT,
}

# Written when a report names no owner of an action item ("He will ..."):
# the events require an owner, and this says that the report gives none.
NO_OWNER = gettext_lazy("not named in the report")


def event_type(kind: str | None) -> str:
    """Return the event type of a proposed kind; "other" when none is given."""
    if not kind:
        return EventType.OTHER_MEETING
    if kind in _KINDS:
        return _KINDS[kind]
    return kind if kind in EventType.values else EventType.OTHER_MEETING


def unique_slug(title: str) -> str:
    """Return a free event slug made of `title`."""
    base = slugify(title)[:90].strip("-") or "imported-meeting"
    slug, counter = base, 1
    while slug in RESERVED_SLUGS or Event.objects.filter(slug=slug).exists():
        counter += 1
        slug = f"{base}-{counter}"
    return slug


def reported_date(value: str | None, end: str | None = None) -> ReportedDate | None:
    """Return the reported date of "2019-04-03", "2019-04" or a range
    "2019-05-14/2019-05-15" (or `value` and `end`); None when not given."""
    if not value:
        return None
    if "/" in value and end is None:
        value, end = value.split("/", 1)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        start = dt.date.fromisoformat(value + "-01")
        return ReportedDate(start, None, DatePrecision.MONTH)
    start = dt.date.fromisoformat(value)
    if end and re.fullmatch(r"\d{4}-\d{2}-\d{2}", end) and end != value:
        return ReportedDate(start, dt.date.fromisoformat(end), DatePrecision.RANGE)
    return ReportedDate(start)


def clock(value: str | None) -> dt.time | None:
    if not value:
        return None
    try:
        return dt.time.fromisoformat(value)
    except ValueError:
        return None


def counted(what: str) -> str | None:
    """Return what the Hub counts for "70 stakeholders" style words, or None."""
    for pattern, value in _COUNTED:
        if pattern.search(what.lower()):
            return value
    return None


def qualifier(words: str | None) -> str:
    return _QUALIFIERS.get(words.lower() if words else None, ReportedCount.Qualifier.ABOUT)


def attendance(value: str | None) -> str:
    values = Participant.Attendance.values
    return value if value in values else Participant.Attendance.NOT_REPORTED


def participant_role(value: str | None) -> str:
    return value if value in Participant.Role.values else Participant.Role.PARTICIPANT


def document_kind(title: str) -> str:
    if title.lower().startswith(("annex", "appendix")):
        return Document.Kind.ANNEX
    if title.lower().startswith("agenda"):
        return Document.Kind.AGENDA
    return Document.Kind.OTHER


def in_every_language(text: Any) -> dict[str, str]:
    """Return a translatable string in English, French and Spanish."""
    out = {}
    for code in ("en", "fr", "es"):
        with override(code):
            out[code] = str(text)
    return out


@dataclass(frozen=True)
class PartyFields:
    role: str
    organisation: Organisation | None
    name: str

    @property
    def known(self) -> bool:
        return bool(self.role or self.organisation)


class Names:
    """The directory's organisations the proposal names, read in one query,
    and the reviewer's answers for names it does not know."""

    def __init__(
        self, slugs: Iterable[str], resolutions: Mapping[str, Organisation] | None = None
    ) -> None:
        self.by_slug = {o.slug: o for o in Organisation.objects.filter(slug__in=set(slugs))}
        self.resolutions = {k.lower(): v for k, v in (resolutions or {}).items()}

    def organisation(self, ref: Mapping[str, Any] | None) -> Organisation | None:
        """Return the organisation `ref` names, if the directory (or the
        reviewer) knows it."""
        if not ref:
            return None
        if ref.get("slug") and ref["slug"] in self.by_slug:
            return self.by_slug[ref["slug"]]
        return self.resolutions.get((ref.get("name") or "").lower())

    def party(self, party: Mapping[str, Any] | None) -> PartyFields:
        """Return the function or organisation of a proposed party."""
        if not party:
            return PartyFields("", None, "")
        role = party.get("role") or ""
        if role not in PartyRole.values:
            role = ""
        organisation = None if role else self.organisation(party.get("organisation"))
        return PartyFields(role, organisation, party.get("name") or "")

    @staticmethod
    def person(name: str | None, organisation: Organisation | None) -> Person | None:
        """Return the directory's person of that exact name, if one."""
        if not name:
            return None
        people = Person.objects.filter(name__iexact=name.strip())
        if organisation is not None:
            people = people.filter(organisation=organisation)
        found = list(people[:2])
        return found[0] if len(found) == 1 else None


def slugs_named(data: Mapping[str, Any]) -> set[str]:
    """Return every organisation slug the proposal refers to."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, Mapping):
            slug = value.get("slug")
            if isinstance(slug, str) and "name" in value:
                found.add(slug)
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(data)
    return found
