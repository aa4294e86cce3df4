"""
One row of a tidy file of observations: its columns, and what is wrong
with it (docs/data.md). importing.py reads the file and hands each row
here; a row is checked against the catalogue (indicators, geographies,
units, statuses, the editions already held) and nothing is parsed
leniently: a number is digits with an optional point before decimals.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from alliance87.core.text import fold
from alliance87.data.cells import NUMBER, cell, check_edition, parse_number
from alliance87.data.checked import Catalogue, CheckedRow, CheckResult, RowError
from alliance87.data.models import Geography, Observation
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

_YEAR = re.compile(r"[0-9]{4}")
_YES = {"yes", "true", "1", "oui", "si", "sí"}
_NO = {"", "no", "false", "0", "non"}


def check_row(
    number: int,
    raw: dict[str, str],
    catalogue: Catalogue,
    result: CheckResult,
    new_error: Callable[[str, str], RowError],
) -> CheckedRow | None:
    """Return the row as a CheckedRow, or add its errors to `result` and
    return None."""
    errors: list[RowError] = []

    def error(column: str, message: str) -> None:
        errors.append(new_error(column, message))

    for column, text in raw.items():
        text = text or ""
        if text.startswith(FORMULA_STARTS) and not (
            column in ("value", "lower", "upper") and NUMBER.fullmatch(text.strip())
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
        if not cell(raw, column):
            error(column, _("This cell is empty; every row needs one."))

    indicator = catalogue.indicators.get(cell(raw, "indicator"))
    if cell(raw, "indicator") and indicator is None:
        error(
            "indicator",
            _(
                "No indicator has the code “%(code)s”. Use a code of the catalogue "
                "(the Data page lists them), or ask the Secretariat to add the indicator."
            )
            % {"code": cell(raw, "indicator")},
        )

    level = cell(raw, "geography_level").lower()
    geography_id = country_id = None
    name = cell(raw, "geography")
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

    unit = cell(raw, "unit")
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

    value = parse_number(cell(raw, "value"), "value", error) if cell(raw, "value") else None
    lower = parse_number(cell(raw, "lower"), "lower", error) if cell(raw, "lower") else None
    upper = parse_number(cell(raw, "upper"), "upper", error) if cell(raw, "upper") else None
    if value is not None and (
        (lower is not None and lower > value) or (upper is not None and upper < value)
    ):
        error(
            "lower", _("The confidence interval must contain the value (lower ≤ value ≤ upper).")
        )

    period = None
    year = cell(raw, "reference_year")
    if year:
        if _YEAR.fullmatch(year) and 1900 <= int(year) <= 2100:
            period = int(year)
        else:
            error("reference_year", _("The reference year must be a year, e.g. 2021."))

    source_url = cell(raw, "source_url")
    if source_url:
        try:
            URLValidator(schemes=["http", "https"])(source_url)
        except ValidationError:
            error("source_url", _("The source must be an address beginning http:// or https://."))

    status: str = Observation.Status.ESTIMATE
    if cell(raw, "status"):
        found = catalogue.statuses.get(fold(cell(raw, "status")))
        if found is None:
            error(
                "status",
                _("The status must be one of: %(statuses)s.")
                % {"statuses": ", ".join(Observation.Status.values)},
            )
        else:
            status = found

    illustrative = fold(cell(raw, "illustrative"))
    if illustrative not in _YES and illustrative not in _NO:
        error("illustrative", _("Write “yes” or “no” (or leave the cell empty)."))

    title = cell(raw, "edition")
    edition = check_edition(number, raw, catalogue, result, error) if title else None

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
        sex=cell(raw, "sex").lower() or "total",
        age=cell(raw, "age").lower() or "all",
        sector=cell(raw, "sector").lower() or "all",
        value=value,
        lower=lower,
        upper=upper,
        status=status,
        source_url=source_url,
        footnote=cell(raw, "note"),
        illustrative=illustrative in _YES,
    )
    held = catalogue.editions.get(title)
    if held is not None and geography_id is not None:
        key = (indicator.pk, geography_id, period, checked.sex, checked.age, checked.sector)
        if key in catalogue.held_keys(held):
            result.add(
                new_error(
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
