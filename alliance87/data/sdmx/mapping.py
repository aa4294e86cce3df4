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
from alliance87.data.sdmx.structure import CodeList, Structure, read_structure

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


def read(
    path: Path, fmt: str, options: dict[str, str], structure: Path | None = None
) -> Iterator[SourceRow]:
    """Yield the observations of the SDMX file at `path` as tidy rows; with
    a `structure` file, read its codes through the structure's code lists.

    Raise FileRefused when the file as a whole cannot be read: unsafe or
    malformed XML or JSON, not an SDMX data message, no observation, or an
    unreadable structure file.
    """
    code_lists = read_structure(structure) if structure is not None else None
    message = read_message(path, fmt)
    mapper = _Mapper(Catalogue(), options, code_lists)
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

    def __init__(
        self, catalogue: Catalogue, options: dict[str, str], structure: Structure | None = None
    ) -> None:
        self.catalogue = catalogue
        self.options = {k: (options.get(k) or "").strip() for k in OPTIONS}
        self.structure = structure
        # The catalogue's indicators by their names, in every language, for
        # codes read through a code list's names.
        self.indicator_names: dict[str, str] = {}
        for indicator in catalogue.indicators.values():
            for lang in ("en", "fr", "es"):
                name = getattr(indicator, f"name_{lang}", "") or ""
                if name:
                    self.indicator_names.setdefault(fold(name), indicator.code)

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
        listed = self._check_code_lists(concepts, errors)

        def error(concept: str, message: str) -> None:
            # A code its code list does not hold has said all there is to
            # say about its concept.
            if concept not in listed:
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

    def _check_code_lists(
        self, concepts: dict[str, str], errors: list[tuple[str, str]]
    ) -> set[str]:
        """Add an error for each code its concept's code list (in the
        structure file) does not hold; return those concepts."""
        refused: set[str] = set()
        if self.structure is None:
            return refused
        for concept, code in concepts.items():
            code_list = self.structure.code_lists.get(concept)
            if code_list is None or not code or code in code_list.names:
                continue
            refused.add(concept)
            errors.append(
                (
                    concept,
                    _(
                        "The code “%(code)s” is not in the code list %(list)s that the "
                        "structure file gives for %(concept)s. Check the code, or upload the "
                        "structure the data was written with."
                    )
                    % {"code": code, "list": code_list.id, "concept": concept},
                )
            )
        return refused

    def _code_list(self, concept: str) -> CodeList | None:
        return self.structure.code_lists.get(concept) if self.structure is not None else None

    def _place(self, code: str) -> tuple[str, str] | None:
        """Return the geography's code and level a REF_AREA code names."""
        if code.upper() in WORLD_CODES:
            code = "world"
        geography = self.catalogue.geographies.get(fold(code))
        if geography is not None and geography.level != Geography.Level.COUNTRY:
            return geography.code, geography.level
        if len(code) in (2, 3) and fold(code) in self.catalogue.countries:
            return self.catalogue.countries[fold(code)].iso3, Geography.Level.COUNTRY
        return None

    def _place_named(self, names: tuple[str, ...]) -> tuple[str, str] | None:
        """Return the geography's code and level one of `names` names."""
        for name in names:
            geography = self.catalogue.geographies.get(fold(name))
            if geography is not None and geography.level != Geography.Level.COUNTRY:
                return geography.code, geography.level
            country = self.catalogue.countries.get(fold(name))
            if country is not None:
                return country.iso3, Geography.Level.COUNTRY
        return None

    def _area(self, cells: dict[str, str], error: Any) -> None:
        code = cells["geography"]
        if not code:
            error("REF_AREA", _("This cell is empty; every row needs one."))
            return
        by_code = self._place(code)
        code_list = self._code_list("REF_AREA")
        if code_list is not None and code in code_list.names:
            by_name = self._place_named(code_list.names[code])
            if by_name is not None and by_code is not None and by_name != by_code:
                error(
                    "REF_AREA",
                    _(
                        "The area “%(code)s” is named “%(name)s” in the code list %(list)s, "
                        "but the Hub reads the code “%(code)s” as %(place)s. Check the code "
                        "list."
                    )
                    % {
                        "code": code,
                        "name": code_list.name(code),
                        "list": code_list.id,
                        "place": by_code[0],
                    },
                )
                return
            by_code = by_name or by_code
            if by_code is None:
                error(
                    "REF_AREA",
                    _(
                        "The area “%(code)s” (“%(name)s” in the code list %(list)s) is none of "
                        "the Hub's geographies or countries, by code or by name."
                    )
                    % {"code": code, "name": code_list.name(code), "list": code_list.id},
                )
                return
        if by_code is None:
            error(
                "REF_AREA",
                _(
                    "The area “%(code)s” is neither a country's ISO 3166 code (NPL, NP) nor "
                    "one of the Hub's geographies (WORLD or WLD, AFRICA, AMERICAS, "
                    "ARAB_STATES, ASIA_PACIFIC, EUROPE_CENTRAL_ASIA, SUB_SAHARAN_AFRICA)."
                )
                % {"code": code},
            )
            return
        cells["geography"], cells["geography_level"] = by_code

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
        code_list = self._code_list(concept)
        if code_list is not None and code in code_list.names:
            named = next(
                (
                    self.indicator_names[fold(n)]
                    for n in code_list.names[code]
                    if fold(n) in self.indicator_names
                ),
                None,
            )
            known = indicator in self.catalogue.indicators
            if named is not None and known and named != indicator:
                error(
                    concept,
                    _(
                        "The indicator “%(code)s” is named “%(name)s” in the code list "
                        "%(list)s, which is the name of another indicator of the catalogue "
                        "(%(other)s). Check the code list."
                    )
                    % {
                        "code": code,
                        "name": code_list.name(code),
                        "list": code_list.id,
                        "other": named,
                    },
                )
                return
            if named is None and not known:
                error(
                    concept,
                    _(
                        "The indicator “%(code)s” (“%(name)s” in the code list %(list)s) is "
                        "none of the catalogue's, by code or by name. Use a code or a name "
                        "the Data page lists, or ask the Secretariat to add the indicator."
                    )
                    % {"code": code, "name": code_list.name(code), "list": code_list.id},
                )
                return
            indicator = named or indicator
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
                % {"code": indicator, "chosen": chosen},
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
