"""
Writes of the data area: importing observations (docs/data.md).

Invariants kept here and in writing.py:

- An import is all or nothing: the file is checked whole (importing.py)
  and written only when no row has an error, in one transaction that
  checks it again (another import may have committed meanwhile).
- A new edition never overwrites an old one: a row whose key its edition
  already holds is an error, never an update.
- Large files are checked and saved by a background task (core.tasks,
  queued on commit); small ones at once. Every import is an ImportRun,
  in the audit log under the person who ran it.
- Every format (tidy CSV, SDMX-CSV, SDMX-ML, SDMX-JSON) is read into the
  same rows and goes through the same check and write; an XML file (data
  or structure) is parsed by defusedxml, refusing DTDs and entities,
  before anything else reads it, and a JSON file is read within bounds of
  size and depth.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance87.core.files import CSV, JSON, XML, store_upload
from alliance87.core.services import service
from alliance87.core.tasks import enqueue_on_commit
from alliance87.core.visibility import Visibility
from alliance87.data import catalogue, sdmx
from alliance87.data.models import (
    IMPORTS_FOLDER,
    Edition,
    Geography,
    GovernmentReply,
    ImportRun,
    Indicator,
)
from alliance87.data.tasks import check_import_task, save_import_task
from alliance87.data.writing import (
    ImportRefused,
    apply_import,
    check_file,
    check_import,
    file_path,
    import_path,
    lines_of_path,
    lines_of_text,
    reader_of,
    write_observations,
)

__all__ = [
    "INLINE_BYTES",
    "ImportRefused",
    "apply_import",
    "check_file",
    "check_import",
    "import_path",
    "lines_of_path",
    "lines_of_text",
    "publish_reply",
    "reader_of",
    "save_import",
    "set_edition_visibility",
    "submit_reply",
    "sync_catalogue",
    "upload_import",
    "write_observations",
]

# Files up to this size are checked and saved while the page waits.
INLINE_BYTES = 256 * 1024


@service
def upload_import(
    upload: UploadedFile,
    *,
    acting_user: Any,
    options: dict[str, str] | None = None,
    structure: UploadedFile | None = None,
) -> ImportRun:
    """Store an uploaded file of observations (tidy CSV, SDMX-CSV, SDMX-ML
    or SDMX-JSON, told by its content) and check it: at once when it is
    small, in the background otherwise. Nothing is imported yet.

    `options` gives what an SDMX file does not say (sdmx.OPTIONS): the
    edition, its publisher, date and address, and perhaps the indicator;
    `structure`, an SDMX-ML structure message whose code lists the file's
    codes are read through.
    """
    name = store_upload(upload, folder=IMPORTS_FOLDER, kinds=(CSV, XML, JSON))
    stored = [Path(settings.MEDIA_ROOT) / name]
    fmt = sdmx.sniff_format(stored[0])
    given = {k: (options or {}).get(k, "").strip() for k in sdmx.OPTIONS}
    structure_name = ""
    try:
        _check_options(fmt, given)
        if structure is not None:
            if fmt == ImportRun.Format.CSV:
                raise ValidationError(
                    {
                        "structure": _(
                            "A structure file serves an SDMX file only; a tidy CSV file "
                            "names its indicators and places by the Hub's codes."
                        )
                    }
                )
            try:
                structure_name = store_upload(structure, folder=IMPORTS_FOLDER, kinds=(XML,))
            except ValidationError as e:
                raise ValidationError({"structure": e.messages}) from None
            stored.append(Path(settings.MEDIA_ROOT) / structure_name)
    except ValidationError:
        for path in stored:
            with contextlib.suppress(OSError):
                path.unlink()
        raise
    run = ImportRun.objects.create(
        file=name,
        file_name=(upload.name or "file.csv")[:200],
        structure=structure_name,
        structure_name=(structure.name or "structure.xml")[:200] if structure else "",
        format=fmt,
        options={k: v for k, v in given.items() if v} if fmt != ImportRun.Format.CSV else {},
        created_by=acting_user,
    )
    if (upload.size or 0) <= INLINE_BYTES:
        check_import(run, acting_user=acting_user)
    else:
        enqueue_on_commit(check_import_task, run.pk)
    return run


def _check_options(fmt: str, given: dict[str, str]) -> None:
    if fmt == ImportRun.Format.CSV:
        if any(given.values()):
            raise ValidationError(
                _(
                    "This is a tidy CSV file, which names its edition on every row: leave "
                    "the fields for SDMX files empty."
                )
            )
        return
    required = ("edition", "publisher", "published", "source_url")
    missing = {
        k: _("An SDMX file does not name its publication: give it here.")
        for k in required
        if not given[k]
    }
    if missing:
        raise ValidationError(missing)


@service
def save_import(run: ImportRun, *, acting_user: Any) -> ImportRun:
    """Save a checked run: at once when small, in the background otherwise."""
    if run.status != run.Status.READY:
        raise ValidationError(_("Only a file checked without errors can be saved."))
    if file_path(run).stat().st_size <= INLINE_BYTES:
        return apply_import(run, acting_user=acting_user)
    run.status = run.Status.SAVING
    run.rows_done = 0
    run.save(update_fields=["status", "rows_done"])
    enqueue_on_commit(save_import_task, run.pk)
    return run


@service
def set_edition_visibility(edition: Edition, *, visibility: str, acting_user: Any) -> Edition:
    """Set who sees an edition's figures (e.g. held back for the Secretariat
    until it is published)."""
    if visibility not in Visibility.values:
        raise ValidationError(_("Choose a visibility."))
    edition.visibility = visibility
    edition.save(update_fields=["visibility"])
    return edition


@service
def sync_catalogue(*, acting_user: Any) -> int:
    """Add the catalogue's indicators and geographies that are missing
    (data/catalogue.py); return how many were added. Nothing held is
    changed."""
    added = 0
    for order, (code, unit, (en, fr, es)) in enumerate(catalogue.INDICATORS, start=1):
        _indicator, created = Indicator.objects.get_or_create(
            code=code,
            defaults={
                "unit": unit,
                "name_en": en,
                "name_fr": fr,
                "name_es": es,
                "order": order,
            },
        )
        added += created
    for order, (code, level, region, (en, fr, es)) in enumerate(catalogue.GEOGRAPHIES, start=1):
        _geography, created = Geography.objects.get_or_create(
            code=code,
            defaults={
                "level": level,
                "region": region,
                "name_en": en,
                "name_fr": fr,
                "name_es": es,
                "order": order,
            },
        )
        added += created
    return added


@service
def submit_reply(country: Any, *, text: str, acting_user: Any) -> GovernmentReply:
    """Record a government's reply to its country's figures, unpublished."""
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Write the reply."))
    if len(text) > 20000:
        raise ValidationError(_("A reply is at most 20,000 characters."))
    return GovernmentReply.objects.create(country=country, text=text, submitted_by=acting_user)


@service
def publish_reply(reply: GovernmentReply, *, acting_user: Any) -> GovernmentReply:
    """Publish a reply in full, dated; earlier replies stay published."""
    if reply.status == GovernmentReply.Status.PUBLISHED:
        raise ValidationError(_("This reply is published already."))
    reply.status = GovernmentReply.Status.PUBLISHED
    reply.published = timezone.now()
    reply.save(update_fields=["status", "published"])
    return reply
