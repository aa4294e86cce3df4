"""
The mapping of SDMX concepts to the Hub's tidy columns (see __init__.py;
docs/data.md shows it as a table): one observation read as one tidy row,
its codes read by codes.py.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from alliance87.core.text import fold
from alliance87.data.checked import Catalogue, FileRefused, SourceRow
from alliance87.data.models import ImportRun
from alliance87.data.sdmx.codes import TOTALS, UNIT_MULT, CodeReader
from alliance87.data.sdmx.messages import ROW_COLUMN, read_message, unreadable
from alliance87.data.sdmx.structure import read_structure

logger = logging.getLogger(__name__)

Format = ImportRun.Format

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


class _Mapper(CodeReader):
    """Turn one sdmx1 observation into one tidy row (MAPPING)."""

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
