"""
Reading a tidy CSV file of observations, one row at a time, and saying
what is wrong with each row (docs/data.md).

The file has one observation a row, with the columns of
/work/shared/data/global-estimates.csv:

    edition, publisher, published, reference_year, geography,
    geography_level, indicator, sex, age, value, unit, source_url, note

and, optionally, sector, lower, upper (the confidence interval), status
(estimate, provisional, revised) and illustrative (yes/no). Rows are read
as a stream: a file of a million rows is checked in bounded memory, the
keys it has given (duplicates are found across the whole file) held on
disk beyond the first 50,000 (checked.SeenKeys).
SDMX files are read by data/sdmx/ into the same rows (SourceRow: the
tidy columns, with the row's series key and what reading it found wrong),
and checked here like any other. Each row is checked by rows.py; this
module reads the file and finds duplicates across it.

Nothing is parsed leniently. A number is digits with an optional point
before decimals: "40,300,000", "40 300 000", "40.300.000" and "5,4" are
refused with a message that says how to write them, because the same
characters mean thousands in one language and decimals in another.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from functools import partial

from django.utils.translation import gettext as _

from alliance87.data.checked import (
    Catalogue,
    CheckedRow,
    CheckResult,
    FileRefused,
    RowError,
    SeenKeys,
    SourceRow,
)
from alliance87.data.rows import REQUIRED_COLUMNS, check_row


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
    seen = SeenKeys()
    try:
        _check_each(rows, catalogue, result, seen, keep, progress, sample_size)
    finally:
        seen.close()
    if result.rows == 0:
        result.add(RowError(1, "", _("The file has a header but no rows of figures.")))
    return result


def _check_each(
    rows: Iterable[dict[str, str]],
    catalogue: Catalogue,
    result: CheckResult,
    seen: SeenKeys,
    keep: Callable[[CheckedRow], None] | None,
    progress: Callable[[int], None] | None,
    sample_size: int,
) -> None:
    for index, raw in enumerate(rows):
        # A row of another format (SDMX) says where it comes from, and may
        # bring what reading it found wrong.
        source = raw if isinstance(raw, SourceRow) else None
        number = source.number if source is not None else index + 2
        new_error = source.error if source is not None else partial(RowError, number)
        result.rows += 1
        if len(result.sample) < sample_size:
            shown = {k: raw.get(k, "") for k in (*REQUIRED_COLUMNS, "sex", "age")}
            result.sample.append({"row": str(number), **shown})
        if source is not None and source.errors:
            for column, message in source.errors:
                result.add(new_error(column, message))
            checked = None
        else:
            checked = check_row(number, raw, catalogue, result, new_error)
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
            earlier = seen.first(
                key, (source.where, source.series) if source is not None else number
            )
            if earlier is None:
                if keep is not None:
                    keep(checked)
            elif isinstance(earlier, tuple):
                result.add(
                    new_error(
                        "",
                        _(
                            "This figure is given already by %(other)s (%(series)s): same "
                            "edition, indicator, geography, year, sex, age and sector. Keep "
                            "one of the two."
                        )
                        % {"other": earlier[0], "series": earlier[1]},
                    )
                )
            else:
                result.add(
                    new_error(
                        "",
                        _(
                            "Row %(other)s already gives this figure (same edition, indicator, "
                            "geography, year, sex, age and sector). Keep one of the two rows."
                        )
                        % {"other": earlier},
                    )
                )
        if progress is not None and result.rows % 1000 == 0:
            progress(result.rows)
