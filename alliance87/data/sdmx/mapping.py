"""
The mapping of SDMX concepts and codes to the Hub's tidy columns (see
__init__.py; docs/data.md shows it as a table).
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from alliance87.core.text import fold
from alliance87.data.checked import Catalogue, FileRefused, SourceRow
from alliance87.data.models import Geography, ImportRun
from alliance87.data.sdmx.messages import ROW_COLUMN, read_message, unreadable

logger = logging.getLogger(__name__)

Format = ImportRun.Format

# What the import page gives for a file that does not say it.
OPTIONS = ("edition", "publisher", "published", "source_url", "indicator")

# The SDMX concepts read, by the tidy column each fills. A concept not
# named here is an attribute the Hub does not keep (DECIMALS, TIME_FORMAT,
# a title...), or a dimension it cannot hold: an error unless its code is
# a total (_T) or "not applicable" (_Z).
MAPPING: dict[str, tuple[str, ...]] = {
    "geography": ("REF_AREA",),
    "reference_year": ("TIME_PERIOD",),
    "indicator": ("INDICATOR", "SERIES"),
    "sex": ("SEX",),
    "age": ("AGE",),
    "sector": ("ECONOMIC_ACTIVITY", "ACTIVITY", "SECTOR"),
    "value": ("OBS_VALUE",),
    "unit": ("UNIT_MEASURE",),
    "status": ("OBS_STATUS",),
    "lower": ("LOWER_BOUND", "CI_LOWER"),
    "upper": ("UPPER_BOUND", "CI_UPPER"),
    "note": ("OBS_COMMENT", "COMMENT_OBS", "COMMENT"),
}
FREQUENCY = "FREQ"  # only annual figures (A): the Hub holds a year's figure
UNIT_MULT = "UNIT_MULT"  # the value is given in units of 10^UNIT_MULT
TOTALS = ("_T", "_Z")
# Attributes the Hub does not keep. Named because, without its data
# structure, sdmx1 reads every XML attribute of a StructureSpecific series
# as a dimension, and a dimension not read here is refused.
IGNORED = (
    "DECIMALS",
    "TIME_FORMAT",
    "TITLE",
    "TITLE_COMPL",
    "COMMENT_TS",
    "COMMENT_DSET",
    "OBS_CONF",
    "OBS_PRE_BREAK",
    "EMBARGO_TIME",
    "BASE_PER",
    "SOURCE_DETAIL",
    "NATURE",
    "REPORTING_TYPE",
    "TIME_DETAIL",
    "COMPILING_ORG",
)
_KNOWN = {n for names in MAPPING.values() for n in names} | {FREQUENCY, UNIT_MULT, *IGNORED}

# REF_AREA: a country's ISO 3166 code (alpha-3, or alpha-2), or a code of
# the Hub's geographies (WORLD, AFRICA, ARAB_STATES, SUB_SAHARAN_AFRICA...);
# and the world's other usual codes.
WORLD_CODES = ("WLD", "001", "1")
SEXES = {
    "_T": "total",
    "SEX_T": "total",
    "BOTHSEX": "total",
    "F": "female",
    "SEX_F": "female",
    "FEMALE": "female",
    "M": "male",
    "SEX_M": "male",
    "MALE": "male",
}
# The Hub's units (data.models.Unit), by SDMX unit code; a code not here
# is looked up among the Hub's own unit names, as a CSV cell is.
UNITS = {
    "PS": "persons",
    "PERSONS": "persons",
    "NUMBER": "persons",
    "NB": "persons",
    "PT": "percent",
    "PERCENT": "percent",
    "PER_1000": "per 1000 people",
}
STATUSES = {"A": "estimate", "E": "estimate", "P": "provisional", "R": "revised"}

_AGE_RANGE = re.compile(r"Y([0-9]{1,3})T([0-9]{1,3})")
_AGE_FROM = re.compile(r"Y_GE([0-9]{1,3})")
_AGE_UNDER = re.compile(r"Y_LT([0-9]{1,3})")
_HUB_AGE = re.compile(r"[0-9]{1,3}-[0-9]{1,3}|[0-9]{1,3}\+|all")
# An SDMX number (an XML Schema decimal or double): no grouping, perhaps
# an exponent.
_SDMX_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]{1,3})?")
_UNIT_MULT = re.compile(r"-?[0-9]{1,2}")


def read(path: Path, fmt: str, options: dict[str, str]) -> Iterator[SourceRow]:
    """Yield the observations of the SDMX file at `path` as tidy rows.

    Raise FileRefused when the file as a whole cannot be read: unsafe or
    malformed XML, not an SDMX data message, no observation.
    """
    message = read_message(path, fmt)
    mapper = _Mapper(Catalogue(), options)
    count = 0
    for dataset in message.data:
        deleting = getattr(dataset.action, "name", "") == "delete"
        for observation in dataset.obs:
            count += 1
            try:
                row = mapper.row(observation, dataset, count, fmt, deleting=deleting)
            except (AttributeError, KeyError, TypeError, ValueError) as e:
                # A shape of message sdmx1 reads and this mapping does not
                # know: refused whole, and logged to be looked at.
                logger.exception("SDMX observation %s of %s not mapped", count, path.name)
                raise unreadable(e) from None
            yield row
    if count == 0:
        raise FileRefused(_("The SDMX message holds no observation."))


# --- The mapping -------------------------------------------------------------


def _text(value: Any) -> str:
    value = getattr(value, "value", value)  # an AttributeValue or KeyValue
    value = getattr(value, "id", value)  # a Code
    return "" if value is None else str(value).strip()


class _Mapper:
    """Turn one sdmx1 observation into one tidy row (MAPPING)."""

    def __init__(self, catalogue: Catalogue, options: dict[str, str]) -> None:
        self.catalogue = catalogue
        self.options = {k: (options.get(k) or "").strip() for k in OPTIONS}

    def row(
        self, observation: Any, dataset: Any, number: int, fmt: str, *, deleting: bool
    ) -> SourceRow:
        dimensions = {kv.id: _text(kv) for kv in observation.key.values.values()}
        concepts: dict[str, str] = {}
        series_key = observation.series_key
        for attributes in (
            getattr(dataset, "attrib", {}),
            *(g.attrib for g in getattr(observation, "group_keys", ())),
            series_key.attrib if series_key is not None else {},
            observation.attached_attribute,
        ):
            concepts.update({k: _text(v) for k, v in attributes.items()})
        concepts.update(dimensions)
        concepts["OBS_VALUE"] = _text(observation.value)
        row_number = concepts.pop(ROW_COLUMN, "")
        if fmt == Format.SDMX_CSV and row_number.isdigit():
            number = int(row_number)
            where = _("row %(number)s") % {"number": number}
        else:
            where = _("observation %(number)s") % {"number": number}
        key = ", ".join(f"{k}={v}" for k, v in dimensions.items())

        cells = {k: self.options[k] for k in ("edition", "publisher", "published", "source_url")}
        columns: dict[str, str] = {}
        for column, names in MAPPING.items():
            found = next((n for n in names if concepts.get(n)), names[0])
            columns[column] = found
            cells[column] = concepts.get(found, "")
        columns["geography_level"] = columns["geography"]
        errors: list[tuple[str, str]] = []

        def error(concept: str, message: str) -> None:
            errors.append((concept, message))

        if deleting:
            error(
                "ACTION",
                _("The file asks to delete this figure; an import never deletes a figure."),
            )
        self._area(cells, error)
        self._indicator(cells, columns["indicator"], error)
        self._breakdown(cells, columns, error)
        self._numbers(cells, concepts.get(UNIT_MULT, ""), error)
        cells["unit"] = UNITS.get(cells["unit"].upper(), cells["unit"])
        status = cells["status"]
        if status:
            if status.upper() in STATUSES:
                cells["status"] = STATUSES[status.upper()]
            elif fold(status) not in self.catalogue.statuses:
                error(
                    columns["status"],
                    _(
                        "The status “%(code)s” has no counterpart among the Hub's: A or E "
                        "(estimate), P (provisional), R (revised)."
                    )
                    % {"code": status},
                )
        frequency = concepts.get(FREQUENCY, "")
        if frequency and frequency.upper() != "A":
            error(
                FREQUENCY,
                _(
                    "The frequency “%(code)s” is not annual (A): the Hub holds one figure a "
                    "reference year."
                )
                % {"code": frequency},
            )
        for concept, code in dimensions.items():
            if concept not in _KNOWN and code.upper() not in TOTALS:
                error(
                    concept,
                    _(
                        "“%(concept)s=%(code)s” breaks the figure down in a way the Hub does "
                        "not hold (it holds sex, age group and economic sector). Leave out "
                        "this series, or give only its total (_T)."
                    )
                    % {"concept": concept, "code": code},
                )
        return SourceRow(
            cells, number=number, where=where, series=key, columns=columns, errors=errors
        )

    def _area(self, cells: dict[str, str], error: Any) -> None:
        code = cells["geography"]
        if not code:
            error("REF_AREA", _("This cell is empty; every row needs one."))
            return
        if code.upper() in WORLD_CODES:
            code = "world"
        geography = self.catalogue.geographies.get(fold(code))
        if geography is not None and geography.level != Geography.Level.COUNTRY:
            cells["geography"], cells["geography_level"] = geography.code, geography.level
        elif len(code) in (2, 3) and fold(code) in self.catalogue.countries:
            cells["geography"] = self.catalogue.countries[fold(code)].iso3
            cells["geography_level"] = Geography.Level.COUNTRY
        else:
            error(
                "REF_AREA",
                _(
                    "The area “%(code)s” is neither a country's ISO 3166 code (NPL, NP) nor "
                    "one of the Hub's geographies (WORLD or WLD, AFRICA, AMERICAS, "
                    "ARAB_STATES, ASIA_PACIFIC, EUROPE_CENTRAL_ASIA, SUB_SAHARAN_AFRICA)."
                )
                % {"code": code},
            )

    def _indicator(self, cells: dict[str, str], concept: str, error: Any) -> None:
        chosen = self.options["indicator"]
        code = cells["indicator"]
        if not code:
            if chosen:
                cells["indicator"] = chosen
            else:
                error(
                    "INDICATOR",
                    _(
                        "The series names no indicator (it has no INDICATOR dimension): "
                        "choose the indicator on the import page."
                    ),
                )
            return
        indicator = code.lower()
        if indicator not in self.catalogue.indicators:
            error(
                concept,
                _(
                    "No indicator of the catalogue has the code “%(code)s”. Use a code the "
                    "Data page lists (in any case), or ask the Secretariat to add it."
                )
                % {"code": code},
            )
        elif chosen and indicator != chosen:
            error(
                concept,
                _(
                    "The series is of the indicator “%(code)s”, but “%(chosen)s” was chosen "
                    "on the import page."
                )
                % {"code": code, "chosen": chosen},
            )
        cells["indicator"] = indicator

    def _breakdown(self, cells: dict[str, str], columns: dict[str, str], error: Any) -> None:
        sex = cells["sex"]
        if sex:
            if sex.upper() in SEXES:
                cells["sex"] = SEXES[sex.upper()]
            else:
                error(
                    columns["sex"],
                    _("The sex “%(code)s” is not one of _T (total), F (female), M (male).")
                    % {"code": sex},
                )
        age = _age(cells["age"])
        if age is None:
            error(
                columns["age"],
                _(
                    "The age group “%(code)s” is not one the Hub reads: _T (all ages), "
                    "Y5T17 (5 to 17), Y_GE18 (18 and over), Y_LT18 (under 18)."
                )
                % {"code": cells["age"]},
            )
        else:
            cells["age"] = age
        sector = cells["sector"]
        cells["sector"] = "all" if sector.upper() in TOTALS else sector.lower()

    def _numbers(self, cells: dict[str, str], unit_mult: str, error: Any) -> None:
        scale = 0
        if unit_mult:
            if _UNIT_MULT.fullmatch(unit_mult):
                scale = int(unit_mult)
            else:
                error(
                    UNIT_MULT,
                    _(
                        "UNIT_MULT is “%(code)s”; it must be the power of ten the values are "
                        "given in, e.g. 6 for millions."
                    )
                    % {"code": unit_mult},
                )
        for column in ("value", "lower", "upper"):
            text = cells[column]
            if text.upper() == "NAN":
                if column == "value":
                    error(
                        "OBS_VALUE",
                        _("The observation has no value (NaN): leave it out of the file."),
                    )
                cells[column] = ""
            elif _SDMX_NUMBER.fullmatch(text):
                # The pattern admits only numbers; an absurd exponent stays as written.
                with contextlib.suppress(InvalidOperation):
                    cells[column] = format(Decimal(text).scaleb(scale), "f")
            # Anything else is checked as a CSV cell is (thousands separators...).


def _age(code: str) -> str | None:
    upper = code.upper()
    if not code or upper in TOTALS:
        return "all"
    if match := _AGE_RANGE.fullmatch(upper):
        return f"{int(match[1])}-{int(match[2])}"
    if match := _AGE_FROM.fullmatch(upper):
        return f"{int(match[1])}+"
    if (match := _AGE_UNDER.fullmatch(upper)) and int(match[1]) > 0:
        return f"0-{int(match[1]) - 1}"
    if _HUB_AGE.fullmatch(code.lower()):
        return code.lower()
    return None
