"""
Reading a tidy CSV file of observations, one row at a time, and saying
what is wrong with each row (docs/data.md).

The file has one observation a row, with the columns of
/work/shared/data/global-estimates.csv:

    edition, publisher, published, reference_year, geography,
    geography_level, indicator, sex, age, value, unit, source_url, note

and, optionally, sector, lower, upper (the confidence interval), status
(estimate, provisional, revised) and illustrative (yes/no). Rows are read
as a stream: a file of a million rows is checked in bounded memory but for
the set of keys it has seen (duplicates are found across the whole file).

Nothing is parsed leniently. A number is digits with an optional point
before decimals: "40,300,000", "40 300 000", "40.300.000" and "5,4" are
refused with a message that says how to write them, because the same
characters mean thousands in one language and decimals in another.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import translation
from django.utils.translation import gettext as _

from alliance87.core.dates import DatePrecision
from alliance87.core.text import fold
from alliance87.countries.models import Country
from alliance87.data.models import Edition, Geography, Indicator, Observation, Unit
from alliance87.pathfinders.csvio import FORMULA_STARTS

REQUIRED_COLUMNS = (
    "edition",
    "publisher",
    "published",
    "reference_year",
    "geography",
    "geography_level",
    "indicator",
    "value",
    "unit",
    "source_url",
)
OPTIONAL_COLUMNS = ("sex", "age", "sector", "lower", "upper", "status", "note", "illustrative")
# Errors kept per file: enough to fix a file, not a copy of a broken one.
MAX_ERRORS = 200

_NUMBER = re.compile(r"-?[0-9]{1,16}(\.[0-9]{1,4})?")
# Digits grouped by a comma, point, apostrophe or (narrow) space, or a
# decimal comma: how EN, FR and ES spreadsheets write numbers.
_LOCALISED = re.compile(r"-?[0-9]{1,3}([,.'\u00a0\u202f ][0-9]{3})+([.,][0-9]+)?|-?[0-9]+,[0-9]+")
_PUBLISHED = re.compile(r"([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?")
_YEAR = re.compile(r"[0-9]{4}")
_YES = {"yes", "true", "1", "oui", "si", "sí"}
_NO = {"", "no", "false", "0", "non"}


@dataclass(frozen=True)
class RowError:
    row: int  # as a spreadsheet numbers it: the header is row 1
    column: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "message": self.message}


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
    """The file as a whole cannot be read (no header, not CSV, not UTF-8)."""


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


def read_rows(lines: Iterable[str]) -> tuple[list[str], Iterator[dict[str, str]]]:
    """Return the header and an iterator of the rows of a CSV text stream.

    Raise FileRefused when the header lacks a required column.
    """
    lines = iter(lines)
    first = next(lines, "")
    first = first.lstrip("\ufeff")
    if not first.strip():
        raise FileRefused(_("The file is empty: its first line must name the columns."))
    # Spreadsheets set to French or Spanish save with semicolons.
    delimiter = max((",", ";", "\t"), key=first.count)

    def chained() -> Iterator[str]:
        yield first
        yield from lines

    reader = csv.reader(chained(), delimiter=delimiter)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except csv.Error as e:
        raise FileRefused(
            _("The file could not be read as CSV (%(error)s).") % {"error": e}
        ) from None
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise FileRefused(
            _("The first line must name the columns; missing: %(columns)s.")
            % {"columns": ", ".join(missing)}
        )

    def rows() -> Iterator[dict[str, str]]:
        try:
            for values in reader:
                if not any(v.strip() for v in values):
                    continue
                yield {
                    name: (values[i] if i < len(values) else "") for i, name in enumerate(header)
                }
        except csv.Error as e:
            raise FileRefused(
                _("The file could not be read as CSV (%(error)s).") % {"error": e}
            ) from None

    return header, rows()


def check_rows(
    rows: Iterable[dict[str, str]],
    *,
    catalogue: Catalogue | None = None,
    keep: Callable[[CheckedRow], None] | None = None,
    progress: Callable[[int], None] | None = None,
    sample_size: int = 20,
) -> CheckResult:
    """Check every row; hand each good row to `keep` (when given).

    Errors are collected for every row, so that one reading of the result
    fixes the whole file; `keep` receives rows whatever the errors of
    others, so a caller saves only when `result.ok`.
    """
    catalogue = catalogue or Catalogue()
    result = CheckResult()
    seen: dict[tuple[Any, ...], int] = {}
    for index, raw in enumerate(rows):
        number = index + 2
        result.rows += 1
        if len(result.sample) < sample_size:
            shown = {k: raw.get(k, "") for k in (*REQUIRED_COLUMNS, "sex", "age")}
            result.sample.append({"row": str(number), **shown})
        checked = _check_row(number, raw, catalogue, result)
        if checked is not None:
            key = (
                checked.edition,
                checked.indicator_id,
                checked.geography_id or f"country:{checked.country_id}",
                checked.period,
                checked.sex,
                checked.age,
                checked.sector,
            )
            if key in seen:
                result.add(
                    RowError(
                        number,
                        "",
                        _(
                            "Row %(other)s already gives this figure (same edition, indicator, "
                            "geography, year, sex, age and sector). Keep one of the two rows."
                        )
                        % {"other": seen[key]},
                    )
                )
                continue
            seen[key] = number
            if keep is not None:
                keep(checked)
        if progress is not None and result.rows % 1000 == 0:
            progress(result.rows)
    if result.rows == 0:
        result.add(RowError(1, "", _("The file has a header but no rows of figures.")))
    return result


def _cell(raw: dict[str, str], column: str) -> str:
    return (raw.get(column) or "").strip()


def _check_row(
    number: int, raw: dict[str, str], catalogue: Catalogue, result: CheckResult
) -> CheckedRow | None:
    errors: list[RowError] = []

    def error(column: str, message: str) -> None:
        errors.append(RowError(number, column, message))

    for column, text in raw.items():
        text = text or ""
        if text.startswith(FORMULA_STARTS) and not (
            column in ("value", "lower", "upper") and _NUMBER.fullmatch(text.strip())
        ):
            error(
                column,
                _(
                    "This cell begins with “%(sign)s”, so a spreadsheet would run it as a "
                    "formula. Figures are never formulas here: write the value itself, or "
                    "begin the text otherwise."
                )
                % {"sign": text[:1].replace("\t", "⇥").replace("\r", "↵")},
            )
    if errors:
        for e in errors:
            result.add(e)
        return None

    for column in REQUIRED_COLUMNS:
        if not _cell(raw, column):
            error(column, _("This cell is empty; every row needs one."))

    indicator = catalogue.indicators.get(_cell(raw, "indicator"))
    if _cell(raw, "indicator") and indicator is None:
        error(
            "indicator",
            _(
                "No indicator has the code “%(code)s”. Use a code of the catalogue "
                "(the Data page lists them), or ask the Secretariat to add the indicator."
            )
            % {"code": _cell(raw, "indicator")},
        )

    level = _cell(raw, "geography_level").lower()
    geography_id = country_id = None
    name = _cell(raw, "geography")
    if name:
        if level == Geography.Level.COUNTRY:
            country = catalogue.countries.get(fold(name))
            if country is None:
                error(
                    "geography",
                    _("No country is named “%(name)s”: give its ISO code (e.g. NPL) or its name.")
                    % {"name": name},
                )
            else:
                country_id = country.pk
                held = catalogue.country_geographies.get(country.pk)
                geography_id = held.pk if held else None
        elif level in Geography.Level.values:
            geography = catalogue.geographies.get(fold(name))
            if geography is None or geography.level == Geography.Level.COUNTRY:
                error(
                    "geography",
                    _(
                        "No world, region or grouping is named “%(name)s”. Use a name the "
                        "Data page lists, or ask the Secretariat to add it."
                    )
                    % {"name": name},
                )
            elif geography.level != level and not (
                level == Geography.Level.REGION and geography.level == Geography.Level.GROUPING
            ):
                # "region" in a file names any regional level: an ILO region
                # or another grouping (Sub-Saharan Africa).
                error(
                    "geography_level",
                    _("“%(name)s” is a geography of the level “%(level)s”, not “%(given)s”.")
                    % {"name": name, "level": geography.level, "given": level},
                )
            else:
                geography_id = geography.pk
        elif level:
            error(
                "geography_level",
                _("The level must be one of: %(levels)s.")
                % {"levels": ", ".join(Geography.Level.values)},
            )

    unit = _cell(raw, "unit")
    if unit and indicator is not None:
        given = catalogue.units.get(fold(unit))
        if given != indicator.unit:
            error(
                "unit",
                _(
                    "The unit “%(unit)s” is not the unit of %(indicator)s, which is counted in "
                    "“%(expected)s”. One indicator has one unit: convert the value, or use "
                    "another indicator."
                )
                % {"unit": unit, "indicator": indicator.code, "expected": indicator.unit},
            )

    value = _number(_cell(raw, "value"), "value", error) if _cell(raw, "value") else None
    lower = _number(_cell(raw, "lower"), "lower", error) if _cell(raw, "lower") else None
    upper = _number(_cell(raw, "upper"), "upper", error) if _cell(raw, "upper") else None
    if value is not None and (
        (lower is not None and lower > value) or (upper is not None and upper < value)
    ):
        error(
            "lower", _("The confidence interval must contain the value (lower ≤ value ≤ upper).")
        )

    period = None
    year = _cell(raw, "reference_year")
    if year:
        if _YEAR.fullmatch(year) and 1900 <= int(year) <= 2100:
            period = int(year)
        else:
            error("reference_year", _("The reference year must be a year, e.g. 2021."))

    source_url = _cell(raw, "source_url")
    if source_url:
        try:
            URLValidator(schemes=["http", "https"])(source_url)
        except ValidationError:
            error("source_url", _("The source must be an address beginning http:// or https://."))

    status: str = Observation.Status.ESTIMATE
    if _cell(raw, "status"):
        found = catalogue.statuses.get(fold(_cell(raw, "status")))
        if found is None:
            error(
                "status",
                _("The status must be one of: %(statuses)s.")
                % {"statuses": ", ".join(Observation.Status.values)},
            )
        else:
            status = found

    illustrative = fold(_cell(raw, "illustrative"))
    if illustrative not in _YES and illustrative not in _NO:
        error("illustrative", _("Write “yes” or “no” (or leave the cell empty)."))

    title = _cell(raw, "edition")
    edition = _check_edition(number, raw, catalogue, result, error) if title else None

    if errors or edition is None or indicator is None or value is None or period is None:
        for e in errors:
            result.add(e)
        return None

    checked = CheckedRow(
        row=number,
        edition=title,
        indicator_id=indicator.pk,
        geography_id=geography_id,
        country_id=country_id,
        period=period,
        sex=_cell(raw, "sex").lower() or "total",
        age=_cell(raw, "age").lower() or "all",
        sector=_cell(raw, "sector").lower() or "all",
        value=value,
        lower=lower,
        upper=upper,
        status=status,
        source_url=source_url,
        footnote=_cell(raw, "note"),
        illustrative=illustrative in _YES,
    )
    held = catalogue.editions.get(title)
    if held is not None and geography_id is not None:
        key = (indicator.pk, geography_id, period, checked.sex, checked.age, checked.sector)
        if key in catalogue.held_keys(held):
            result.add(
                RowError(
                    number,
                    "edition",
                    _(
                        "The edition “%(edition)s” already holds this figure. An edition is "
                        "never overwritten: a new or revised figure comes in a new edition, "
                        "under its own title."
                    )
                    % {"edition": title},
                )
            )
            return None
    edition.rows += 1
    return checked


def _number(text: str, column: str, error: Callable[[str, str], None]) -> Decimal | None:
    if _NUMBER.fullmatch(text):
        try:
            return Decimal(text)
        except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
            pass
    if _LOCALISED.fullmatch(text):
        digits = re.sub(r"[^0-9]", "", text)
        error(
            column,
            _(
                "“%(text)s” is written with a thousands separator or a decimal comma, which "
                "mean different things in English, French and Spanish. Write digits only, "
                "with a point before any decimals (e.g. %(example)s)."
            )
            % {"text": text, "example": digits if "," not in text[-3:] else "5.4"},
        )
    else:
        error(
            column,
            _("“%(text)s” is not a number. Write digits only, with a point before any decimals.")
            % {"text": text},
        )
    return None


def _check_edition(
    number: int,
    raw: dict[str, str],
    catalogue: Catalogue,
    result: CheckResult,
    error: Callable[[str, str], None],
) -> EditionFacts | None:
    title = _cell(raw, "edition")
    publisher = _cell(raw, "publisher")
    published = _cell(raw, "published")
    match = _PUBLISHED.fullmatch(published)
    date = None
    precision = DatePrecision.DAY
    if match:
        year, month, day = int(match[1]), int(match[2]), match[3]
        try:
            date = dt.date(year, month, int(day) if day else 1)
        except ValueError:
            date = None
        precision = DatePrecision.DAY if day else DatePrecision.MONTH
    if published and date is None:
        error(
            "published",
            _("The publication date must be a year and month (2017-09) or a day (2022-09-12)."),
        )
        return None
    if not publisher or date is None:
        return None
    facts = result.editions.get(title)
    if facts is None:
        held = catalogue.editions.get(title)
        facts = EditionFacts(title, publisher, date, precision, number, exists=held is not None)
        if held is not None and (held.publisher != publisher or held.date_start != date):
            error(
                "edition",
                _(
                    "An edition named “%(edition)s” is held already, with another publisher "
                    "or date. Give the new publication its own title."
                )
                % {"edition": title},
            )
            return None
        result.editions[title] = facts
    elif (facts.publisher, facts.published) != (publisher, date):
        error(
            "publisher",
            _(
                "Row %(row)s gives this edition another publisher or date; every row of one "
                "edition must give the same."
            )
            % {"row": facts.row},
        )
        return None
    return facts
