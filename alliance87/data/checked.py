"""
What checking a file of observations finds (row errors, checked rows, the
editions a file names), and the catalogue a file is checked against: the
indicators, geographies, countries, editions, units and statuses it may
name, read once (docs/data.md).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import translation

from alliance87.core.text import fold
from alliance87.countries.models import Country
from alliance87.data.models import Edition, Geography, Indicator, Observation, Unit

# Errors kept per file: enough to fix a file, not a copy of a broken one.
MAX_ERRORS = 200
# Keys of a file held in memory; beyond, on disk (SeenKeys).
KEYS_IN_MEMORY = 50_000


@dataclass(frozen=True)
class RowError:
    row: int  # as a spreadsheet numbers it: the header is row 1
    column: str
    message: str
    series: str = ""  # an SDMX observation's series key and period

    def as_dict(self) -> dict[str, Any]:
        found = {"row": self.row, "column": self.column, "message": self.message}
        return {**found, "series": self.series} if self.series else found


class SourceRow(dict[str, str]):
    """A row read from a file of another format (SDMX, data/sdmx.py), as
    the cells of the tidy columns, with where it comes from: its number in
    the file, its series, the file's name for each tidy column (an error
    names the column as the file does), and what reading it found wrong."""

    def __init__(
        self,
        cells: dict[str, str],
        *,
        number: int,
        where: str,
        series: str = "",
        columns: dict[str, str] | None = None,
        errors: list[tuple[str, str]] | None = None,
    ) -> None:
        super().__init__(cells)
        self.number = number
        self.where = where  # for people: "row 5", "observation 3"
        self.series = series
        self.columns = columns or {}
        self.errors = errors or []

    def error(self, column: str, message: str) -> RowError:
        return RowError(self.number, self.columns.get(column, column), message, self.series)


@dataclass
class CheckedRow:
    row: int
    edition: str
    indicator_id: int
    geography_id: int | None  # None: a country without its geography yet
    country_id: int | None
    period: int
    sex: str
    age: str
    sector: str
    value: Decimal
    lower: Decimal | None
    upper: Decimal | None
    status: str
    source_url: str
    footnote: str
    illustrative: bool


@dataclass
class EditionFacts:
    title: str
    publisher: str
    published: dt.date
    precision: str
    row: int
    exists: bool = False
    rows: int = 0


@dataclass
class CheckResult:
    rows: int = 0
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0
    editions: dict[str, EditionFacts] = field(default_factory=dict)
    sample: list[dict[str, str]] = field(default_factory=list)  # the first rows, as read

    @property
    def ok(self) -> bool:
        return self.error_count == 0 and self.rows > 0

    def add(self, error: RowError) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(error)


class FileRefused(ValidationError):
    """The file as a whole cannot be read (no header, not CSV, not UTF-8,
    XML with a DTD, not an SDMX data message)."""


class Catalogue:
    """The indicators, geographies, countries and editions a file may name,
    read once."""

    def __init__(self) -> None:
        self.indicators = {i.code: i for i in Indicator.objects.all()}
        self.geographies: dict[str, Geography] = {}
        for geography in Geography.objects.all():
            for name in (geography.code, *_names(geography)):
                self.geographies.setdefault(fold(name), geography)
        self.countries: dict[str, Country] = {}
        for country in Country.objects.all():
            for name in (country.iso3, country.iso2, *_names(country)):
                self.countries.setdefault(fold(name), country)
        self.country_geographies = {
            g.country_id: g for g in self.geographies.values() if g.country_id is not None
        }
        self.editions = {e.title: e for e in Edition.objects.all()}
        self._held: dict[int, set[tuple[Any, ...]]] = {}
        self.units = _unit_lookup()
        self.statuses = _status_lookup()

    def held_keys(self, edition: Edition) -> set[tuple[Any, ...]]:
        """Return the keys `edition` already holds (read once per edition)."""
        if edition.pk not in self._held:
            self._held[edition.pk] = set(
                Observation.objects.filter(edition=edition).values_list(
                    "indicator_id", "geography_id", "period", "sex", "age", "sector"
                )
            )
        return self._held[edition.pk]


def _names(obj: Any) -> list[str]:
    return [getattr(obj, f"name_{code}", "") or "" for code in ("en", "fr", "es")]


def _unit_lookup() -> dict[str, str]:
    lookup = {fold(value): value for value in Unit.values}
    for code in ("en", "fr", "es"):
        with translation.override(code):
            for value, label in Unit.choices:
                lookup[fold(str(label))] = value
    return lookup


def _status_lookup() -> dict[str, str]:
    lookup = {value: value for value in Observation.Status.values}
    for code in ("en", "fr", "es"):
        with translation.override(code):
            for value, label in Observation.Status.choices:
                lookup[fold(str(label))] = value
    return lookup


class SeenKeys:
    """The keys a file has given so far, each with where it gave it first,
    so that a duplicate names the row it repeats. The first
    KEYS_IN_MEMORY in a dict; the rest in a temporary SQLite database on
    disk (its page cache bounded), so that a file of a million rows is
    checked in bounded memory. `close()` deletes it."""

    def __init__(self, in_memory: int | None = None) -> None:
        self.in_memory = KEYS_IN_MEMORY if in_memory is None else in_memory
        self._memory: dict[tuple[Any, ...], Any] = {}
        self._disk: sqlite3.Connection | None = None

    def first(self, key: tuple[Any, ...], where: Any) -> Any:
        """Return where `key` was given before, or None after noting that it
        is given at `where` (a row number, or a pair of strings)."""
        earlier = self._memory.get(key)
        if earlier is not None:
            return earlier
        if len(self._memory) < self.in_memory:
            self._memory[key] = where
            return None
        if self._disk is None:
            # "": a private database on disk, deleted when closed.
            self._disk = sqlite3.connect("", isolation_level=None)
            self._disk.execute("PRAGMA journal_mode = OFF")
            self._disk.execute("CREATE TABLE seen (key TEXT PRIMARY KEY, at TEXT) WITHOUT ROWID")
            self._disk.execute("BEGIN")
        text = json.dumps(key)
        found = self._disk.execute("SELECT at FROM seen WHERE key = ?", (text,)).fetchone()
        if found is not None:
            at = json.loads(found[0])
            return tuple(at) if isinstance(at, list) else at
        self._disk.execute("INSERT INTO seen VALUES (?, ?)", (text, json.dumps(where)))
        return None

    def close(self) -> None:
        self._memory.clear()
        if self._disk is not None:
            self._disk.close()
            self._disk = None
