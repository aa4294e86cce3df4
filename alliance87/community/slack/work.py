"""
The work of the Slack import page, done while the page waits or by a
background task (slack/tasks.py): an export checked (a dry run) or
imported, and its outcome recorded in the same transaction
(slack/services.py states the invariants).
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from alliance87.community.models import SlackImport
from alliance87.community.slack.importer import import_slack
from alliance87.core.services import service

Status = SlackImport.Status


def _path(row: SlackImport) -> Path:
    return Path(settings.MEDIA_ROOT) / row.file.name


@service
def check_slack_import(row: SlackImport, *, acting_user: Any) -> SlackImport:
    """Run the whole import and undo it (a dry run); keep its report, or
    why the export or the spaces chosen are refused."""
    with translation.override(row.language):
        try:
            with _path(row).open("rb") as file:
                report = import_slack(
                    file,
                    space_map=row.space_map,
                    create_spaces=row.create_spaces,
                    acting_user=acting_user,
                    dry_run=True,
                )
        except OSError as e:
            row.status, row.error = Status.REFUSED, _refused_file(e)
        except ValidationError as e:
            row.status, row.error = Status.REFUSED, " ".join(e.messages)
        else:
            row.status, row.error, row.report = Status.READY, "", report.as_data()
    row.checked = timezone.now()
    row.save(update_fields=["status", "error", "report", "checked"])
    return row


def _refused_file(error: OSError) -> str:
    return _("The uploaded export could not be read (%(reason)s); upload it again.") % {
        "reason": error.strerror or error.__class__.__name__
    }


@service
def run_slack_import(row: SlackImport, *, acting_user: Any) -> SlackImport:
    """Import the export, all or nothing, and record the outcome in the
    same transaction; once imported, the zip is removed."""
    with translation.override(row.language):
        try:
            with _path(row).open("rb") as file:
                report = import_slack(
                    file,
                    space_map=row.space_map,
                    create_spaces=row.create_spaces,
                    acting_user=acting_user,
                )
        except OSError as e:
            row.status, row.error = Status.REFUSED, _refused_file(e)
        except ValidationError as e:
            row.status, row.error = Status.REFUSED, " ".join(e.messages)
        else:
            row.status, row.error, row.report = Status.IMPORTED, "", report.as_data()
            remove_on_commit(row.file.name)
            row.file = ""
    row.finished = timezone.now()
    row.save(update_fields=["status", "error", "report", "file", "finished"])
    return row


def remove_on_commit(name: str) -> None:
    def remove() -> None:
        with contextlib.suppress(OSError):
            (Path(settings.MEDIA_ROOT) / name).unlink()

    transaction.on_commit(remove)
