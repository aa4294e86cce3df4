"""
The Secretariat's import page's writes: a Slack export uploaded, checked
(a dry run of the whole import, whose report the page shows), imported
(docs/slack-import.md, "The upload page").

Invariants (beside importer.py's):
- only the Secretariat uploads, checks, imports and discards;
- the zip is stored through core.files (a zip, at most
  SLACK_IMPORT_MAX_MB), never served, and removed once imported or
  discarded;
- an import runs only from a check without refusal ("ready"), with the
  spaces that check was run with, and once: the step from "ready" to
  "importing" is a conditional update, so a second click imports nothing;
- a small export is checked and imported while the page waits; a larger
  one by a background task (slack/tasks.py) queued after commit; either
  way the work is slack/work.py's: the import is importer.import_slack,
  all or nothing, and its outcome is written in the same transaction as
  its posts;
- the report and the notes in imported posts are in the language of the
  person who uploaded the export, whoever runs the work.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance87.community.models import SLACK_IMPORTS_FOLDER, SlackImport
from alliance87.community.slack.tasks import check_slack_import_task, run_slack_import_task
from alliance87.community.slack.work import (
    check_slack_import,
    remove_on_commit,
    run_slack_import,
)
from alliance87.core.files import ZIP, store_upload
from alliance87.core.services import service
from alliance87.core.tasks import enqueue_on_commit
from alliance87.core.visibility import is_secretariat

# Exports up to this size are checked and imported while the page waits.
INLINE_BYTES = 1024 * 1024

Status = SlackImport.Status


def _require_secretariat(user: Any) -> None:
    if not is_secretariat(user):
        raise ValidationError(_("Only the Secretariat may do this."), code="forbidden")


@service
def upload_slack_export(
    upload: UploadedFile, *, acting_user: Any, language: str = "en"
) -> SlackImport:
    """Store an uploaded Slack export and check it (no channel mapped
    yet: the report lists its channels, people and files)."""
    _require_secretariat(acting_user)
    name = store_upload(
        upload, folder=SLACK_IMPORTS_FOLDER, kinds=(ZIP,), max_mb=settings.SLACK_IMPORT_MAX_MB
    )
    row = SlackImport.objects.create(
        file=name,
        file_name=(upload.name or "slack-export.zip")[:200],
        size=(Path(settings.MEDIA_ROOT) / name).stat().st_size,
        language=language if language in dict(settings.LANGUAGES) else "en",
        created_by=acting_user,
    )
    _check_soon(row, acting_user)
    return row


@service
def recheck_slack_import(
    row: SlackImport, *, space_map: dict[str, str], create_spaces: bool, acting_user: Any
) -> SlackImport:
    """Check the export again with these spaces (channel id -> space slug)."""
    _require_secretariat(acting_user)
    if row.status not in (Status.READY, Status.REFUSED) or not row.file:
        raise ValidationError(
            _("This export is being checked or imported, or was imported: it cannot change.")
        )
    claimed = SlackImport.objects.filter(pk=row.pk, status=row.status).update(
        status=Status.CHECKING, space_map=space_map, create_spaces=create_spaces, error=""
    )
    if not claimed:
        raise ValidationError(_("Someone else changed this import meanwhile; look again."))
    row.refresh_from_db()
    _check_soon(row, acting_user)
    return row


def _check_soon(row: SlackImport, acting_user: Any) -> None:
    if row.size <= INLINE_BYTES:
        check_slack_import(row, acting_user=acting_user)
    else:
        enqueue_on_commit(check_slack_import_task, row.pk)


@service
def confirm_slack_import(row: SlackImport, *, acting_user: Any) -> SlackImport:
    """Import a checked export, with the spaces it was checked with: at
    once when it is small, in the background otherwise."""
    _require_secretariat(acting_user)
    claimed = SlackImport.objects.filter(pk=row.pk, status=Status.READY).update(
        status=Status.IMPORTING, imported_by=acting_user, started=timezone.now()
    )
    if not claimed:
        raise ValidationError(
            _(
                "Only an export checked without refusal can be imported, and only once: "
                "this one is being checked or imported, or was imported."
            )
        )
    row.refresh_from_db()
    if row.size <= INLINE_BYTES:
        return run_slack_import(row, acting_user=acting_user)
    enqueue_on_commit(run_slack_import_task, row.pk)
    return row


@service
def discard_slack_import(row: SlackImport, *, acting_user: Any) -> None:
    """Forget an upload not imported (its zip is removed); an imported
    one's report stays."""
    _require_secretariat(acting_user)
    if row.status in (Status.CHECKING, Status.IMPORTING, Status.IMPORTED):
        raise ValidationError(_("An export being checked or imported, or imported, stays."))
    if row.file:
        remove_on_commit(row.file.name)
    row.delete()
