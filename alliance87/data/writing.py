"""
Writing imported observations, and recording import runs (docs/data.md);
services.py re-exports these and adds the steps that queue tasks, which
run these (data/tasks.py). The invariants are stated in services.py.

Every format comes here as a *reader*: a function that opens the file anew
and returns its rows in the tidy columns (importing.py reads a tidy CSV
file, sdmx.py an SDMX file), so that checking, saving, progress and the
audit are one mechanism whatever the format.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance87.core.services import service
from alliance87.data import sdmx
from alliance87.data.checked import Catalogue, CheckedRow, CheckResult, FileRefused, RowError
from alliance87.data.importing import check_rows, read_rows
from alliance87.data.models import Edition, Geography, ImportRun, Observation

BATCH = 2000

# A file's rows in the tidy columns, read anew at each call.
Reader = Callable[[], Iterable[dict[str, str]]]


class ImportRefused(ValidationError):
    """The file has errors; nothing was saved. `result` says which, row by row."""

    def __init__(self, result: CheckResult) -> None:
        super().__init__(_("The file has errors; nothing was saved."))
        self.result = result


def _lines(path: Path) -> Iterator[str]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            yield from f
    except UnicodeDecodeError:
        raise FileRefused(
            _(
                "The file is not a CSV file in UTF-8. In your spreadsheet, choose “Save as”, "
                "then “CSV UTF-8”, and upload that file."
            )
        ) from None


def lines_of_text(text: str) -> Reader:
    """Return a reader of the rows of `text`'s lines, a tidy CSV file."""
    return lambda: read_rows(io.StringIO(text, newline=""))[1]


def lines_of_path(path: Path) -> Reader:
    """Return a reader of the rows of the tidy CSV file (UTF-8) at `path`."""
    return lambda: read_rows(_lines(path))[1]


def reader_of(
    path: Path,
    fmt: str,
    options: dict[str, str] | None = None,
    structure: Path | None = None,
) -> Reader:
    """Return a reader of the rows of the file at `path`, of format `fmt`
    (ImportRun.Format); `options` gives an SDMX file's edition and
    indicator (sdmx.OPTIONS), `structure` the SDMX structure file whose
    code lists its codes are read through."""
    if fmt == ImportRun.Format.CSV:
        return lines_of_path(path)
    return lambda: sdmx.read(path, fmt, options or {}, structure)


def check_file(read: Reader, *, progress: Callable[[int], None] | None = None) -> CheckResult:
    """Check a whole file without writing anything."""
    try:
        return check_rows(read(), progress=progress)
    except FileRefused as e:
        result = CheckResult()
        result.add(RowError(1, "", e.messages[0]))
        return result


@service
def write_observations(
    read: Reader,
    *,
    acting_user: Any,
    progress: Callable[[int], None] | None = None,
) -> CheckResult:
    """Check the file, then write its editions and observations, all or
    nothing; raise ImportRefused (nothing written) if any row has an error.

    The file is read twice (`read` opens it each time): once to check
    every row, once to write, so memory holds a batch, not the file.
    """
    catalogue = Catalogue()
    try:
        result = check_rows(read(), catalogue=catalogue, progress=progress)
    except FileRefused as e:
        result = CheckResult()
        result.add(RowError(1, "", e.messages[0]))
    if not result.ok:
        raise ImportRefused(result)

    editions: dict[str, Edition] = {}
    for title, facts in result.editions.items():
        edition = catalogue.editions.get(title)
        if edition is None:
            edition = Edition.objects.create(
                title=title,
                publisher=facts.publisher,
                date_start=facts.published,
                date_precision=facts.precision,
            )
        editions[title] = edition
    country_geographies = catalogue.country_geographies
    batch: list[Observation] = []

    def keep(row: CheckedRow) -> None:
        if row.geography_id is not None:
            geography_id = row.geography_id
        else:
            assert row.country_id is not None  # a row without either is an error
            geography_id = _country_geography(row.country_id, country_geographies)
        batch.append(
            Observation(
                edition=editions[row.edition],
                indicator_id=row.indicator_id,
                geography_id=geography_id,
                period=row.period,
                sex=row.sex,
                age=row.age,
                sector=row.sector,
                value=row.value,
                lower=row.lower,
                upper=row.upper,
                status=row.status,
                source_url=row.source_url,
                footnote=row.footnote,
                illustrative=row.illustrative,
            )
        )
        if len(batch) >= BATCH:
            Observation.objects.bulk_create(batch)
            batch.clear()

    # The second reading checks again, against the same catalogue (rows of
    # a country new to the data find its geography once the first made it).
    check_rows(read(), catalogue=catalogue, keep=keep)
    if batch:
        Observation.objects.bulk_create(batch)
    return result


def _country_geography(country_id: int, known: dict[int, Any]) -> int:
    held = known.get(country_id)
    if held is None:
        from alliance87.countries.models import Country

        country = Country.objects.get(pk=country_id)
        held = Geography.objects.create(
            code=country.iso3.lower(),
            level=Geography.Level.COUNTRY,
            country=country,
            name_en=country.name_en,  # type: ignore[attr-defined]
            name_fr=country.name_fr,  # type: ignore[attr-defined]
            name_es=country.name_es,  # type: ignore[attr-defined]
            order=1000,
        )
        known[country_id] = held
    return int(held.pk)


# --- Import runs -------------------------------------------------------------


def _record(run: ImportRun, result: CheckResult, status: str) -> None:
    run.rows_total = result.rows
    run.rows_done = result.rows
    run.errors = [e.as_dict() for e in result.errors]
    run.summary = {
        "error_count": result.error_count,
        "observations": sum(f.rows for f in result.editions.values()),
        "editions": [
            {
                "title": f.title,
                "publisher": f.publisher,
                "published": f.published.isoformat(),
                "new": not f.exists,
                "rows": f.rows,
            }
            for f in result.editions.values()
        ],
        "sample": result.sample,
    }
    run.status = status
    run.finished = timezone.now() if status in (run.Status.SAVED, run.Status.REFUSED) else None
    run.save()


def file_path(run: ImportRun) -> Path:
    return Path(settings.MEDIA_ROOT) / run.file.name


def reader_of_run(run: ImportRun) -> Reader:
    structure = Path(settings.MEDIA_ROOT) / run.structure.name if run.structure else None
    return reader_of(file_path(run), run.format, run.options, structure)


def _progress(run: ImportRun) -> Callable[[int], None]:
    def report(done: int) -> None:
        ImportRun.objects.filter(pk=run.pk).update(rows_done=done)

    return report


@service
def check_import(run: ImportRun, *, acting_user: Any) -> ImportRun:
    """Check the run's file and record its errors, or that it is ready."""
    result = check_file(reader_of_run(run), progress=_progress(run))
    _record(run, result, run.Status.READY if result.ok else run.Status.REFUSED)
    return run


@service
def apply_import(run: ImportRun, *, acting_user: Any, read: Reader | None = None) -> ImportRun:
    """Write the run's observations (from its file, or `read`), all or
    nothing; record the outcome."""
    try:
        result = write_observations(read or reader_of_run(run), acting_user=acting_user)
    except ImportRefused as refused:
        _record(run, refused.result, run.Status.REFUSED)
        return run
    _record(run, result, run.Status.SAVED)
    return run


@service
def import_path(
    path: Path,
    *,
    acting_user: Any,
    options: dict[str, str] | None = None,
    structure: Path | None = None,
) -> ImportRun:
    """Check and save a file on disk (the command and the demo), read where
    it lies (a tidy CSV file in bounded memory): one run, saved whole or
    refused. `options` gives an SDMX file's edition and indicator,
    `structure` its SDMX structure file."""
    fmt = sdmx.sniff_format(path)
    run = ImportRun.objects.create(
        file_name=path.name[:200],
        structure_name=structure.name[:200] if structure is not None else "",
        format=fmt,
        options=options or {},
        created_by=acting_user,
        status=ImportRun.Status.READY,
    )
    read = reader_of(path, fmt, options, structure)
    return apply_import(run, acting_user=acting_user, read=read)
