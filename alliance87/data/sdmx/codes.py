"""
Reading an SDMX observation's codes as the Hub's (mapping.py reads the
observation; docs/data.md shows the codes read): the area (REF_AREA), the
indicator, the breakdown (sex, age group, economic sector) and the
numbers (OBS_VALUE and the interval, scaled by UNIT_MULT). A structure
file's code lists let an area or an indicator be read by its name.
"""

from __future__ import annotations

import contextlib
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _

from alliance87.core.text import fold
from alliance87.data.checked import Catalogue
from alliance87.data.models import Geography
from alliance87.data.sdmx.structure import CodeList, Structure

# What the import page gives for a file that does not say it.
OPTIONS = ("edition", "publisher", "published", "source_url", "indicator")

UNIT_MULT = "UNIT_MULT"  # the value is given in units of 10^UNIT_MULT
# A total, or "not applicable": no breakdown by that concept.
TOTALS = ("_T", "_Z")

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

_AGE_RANGE = re.compile(r"Y([0-9]{1,3})T([0-9]{1,3})")
_AGE_FROM = re.compile(r"Y_GE([0-9]{1,3})")
_AGE_UNDER = re.compile(r"Y_LT([0-9]{1,3})")
_HUB_AGE = re.compile(r"[0-9]{1,3}-[0-9]{1,3}|[0-9]{1,3}\+|all")
# An SDMX number (an XML Schema decimal or double): no grouping, perhaps
# an exponent.
_SDMX_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]{1,3})?")
_UNIT_MULT = re.compile(r"-?[0-9]{1,2}")


class CodeReader:
    """Read the codes of one observation's concepts as the Hub's."""

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
