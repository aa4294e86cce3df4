"""
The proposed record of a meeting, as the rules find it in a report.

Plain dataclasses, turned into the JSON documented in docs/report-import.md
by `Proposal.as_json()`. A value the text does not state stays None (null
in JSON): nothing is guessed. Every element found carries its `source`,
the character offsets in the normalised text of the passage it was found
in, and the name of the rule that found it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any


@dataclass(frozen=True)
class Source:
    start: int
    end: int


@dataclass
class OrgRef:
    """An organisation as the text names it, and what it is in the directory."""

    name: str
    # The directory's organisation, when the name resolves to one.
    slug: str | None = None
    # The ISO3 code when the name is a country's (its government speaking).
    country: str | None = None


@dataclass
class Party:
    """Who asked, answered, presented or owns an action: a function (the
    Secretariat, the Chair, all members), a person, an organisation."""

    name: str
    role: str | None = None
    person: str | None = None
    organisation: OrgRef | None = None


@dataclass
class Series:
    name: str
    number: int | None
    source: Source
    rule: str


@dataclass
class Time:
    start: str | None
    end: str | None
    timezone: str | None
    source: Source
    rule: str


@dataclass
class Venue:
    city: str | None
    country: str | None
    host: OrgRef | None
    as_written: str
    source: Source
    rule: str


@dataclass
class Chair:
    person: str | None
    organisation: OrgRef | None
    source: Source
    rule: str
    # Where the organisation was found, when elsewhere ("chaired by ...").
    organisation_source: Source | None = None


@dataclass
class Count:
    what: str
    value: int
    qualifier: str | None
    text: str
    source: Source
    rule: str


@dataclass
class Objective:
    text: str
    source: Source
    rule: str


@dataclass
class Participant:
    person: str | None
    organisation: OrgRef | None
    role: str | None
    attendance: str | None
    source: Source
    rule: str


@dataclass
class AgendaItem:
    number: str
    title: str
    objective: str | None
    duration_minutes: int | None
    presenters: list[Party]
    minutes: str | None
    source: Source
    rule: str
    minutes_source: Source | None = None


@dataclass
class Exchange:
    agenda_number: str | None
    asked_by: Party
    question: str
    answered_by: Party | None
    answer: str | None
    source: Source
    rule: str


@dataclass
class Decision:
    number: str | None
    agenda_number: str | None
    text: str
    source: Source
    rule: str


@dataclass
class ActionItem:
    text: str
    owner: Party | None
    due: str | None
    due_text: str | None
    agenda_number: str | None
    source: Source
    rule: str


@dataclass
class Document:
    title: str
    agenda_number: str | None
    pages: str | None
    source: Source
    rule: str
    url: str | None = None


@dataclass
class CountryMention:
    iso3: str
    name: str
    source: Source
    rule: str


@dataclass
class OrganisationMention:
    name: str
    slug: str | None
    match: str | None
    source: Source
    rule: str


@dataclass
class Scalar:
    """A top-level value (title, kind, dates, online) with its provenance."""

    value: Any
    source: Source
    rule: str


@dataclass
class Proposal:
    format: str
    language: str
    title: Scalar | None = None
    kind: Scalar | None = None
    extraordinary: Scalar | None = None
    series: Series | None = None
    start: Scalar | None = None
    end: Scalar | None = None
    time: Time | None = None
    online: Scalar | None = None
    venue: Venue | None = None
    chair: Chair | None = None
    reported_counts: list[Count] = field(default_factory=list)
    objectives: list[Objective] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    agenda: list[AgendaItem] = field(default_factory=list)
    exchanges: list[Exchange] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    action_items: list[ActionItem] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    country_mentions: list[CountryMention] = field(default_factory=list)
    organisations: list[OrganisationMention] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    SCALARS = ("title", "kind", "extraordinary", "start", "end", "online")
    LISTS = (
        "reported_counts",
        "objectives",
        "participants",
        "agenda",
        "exchanges",
        "decisions",
        "action_items",
        "documents",
    )

    def is_empty(self) -> bool:
        """Return True when no fact about a meeting was found."""
        found_scalar = any(getattr(self, name) is not None for name in self.SCALARS)
        found_object = any(
            getattr(self, name) is not None for name in ("series", "time", "venue", "chair")
        )
        return not (found_scalar or found_object or any(getattr(self, n) for n in self.LISTS))

    def countries(self) -> list[str]:
        """Return the ISO3 codes of the countries the text names, in order."""
        return list(dict.fromkeys(m.iso3 for m in self.country_mentions))

    def as_json(self) -> dict[str, Any]:
        """Return the documented JSON: scalars as values, their provenance
        under `sources`; every other element with its own `source`."""
        out: dict[str, Any] = {"format": self.format, "language": self.language}
        sources: dict[str, Any] = {}
        for name in ("title", "kind", "extraordinary"):
            out[name] = _scalar(getattr(self, name), name, sources)
        out["series"] = _plain(self.series)
        out["start"] = _scalar(self.start, "start", sources)
        out["end"] = _scalar(self.end, "end", sources)
        out["time"] = _plain(self.time)
        out["online"] = _scalar(self.online, "online", sources)
        out["venue"] = _plain(self.venue)
        out["chair"] = _plain(self.chair)
        for name in self.LISTS:
            out[name] = _plain(getattr(self, name))
        out["countries"] = self.countries()
        out["country_mentions"] = _plain(self.country_mentions)
        out["organisations"] = _plain(self.organisations)
        out["sources"] = sources
        out["warnings"] = list(self.warnings)
        return out


def _scalar(value: Scalar | None, name: str, sources: dict[str, Any]) -> Any:
    if value is None:
        return None
    sources[name] = {"start": value.source.start, "end": value.source.end, "rule": value.rule}
    return value.value


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    return value
