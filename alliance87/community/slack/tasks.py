"""Background work of the Slack import page (core.tasks): a large export
checked, then imported, by `alliance87 worker`. Each is queued after the
write that asks for it commits, claims its row by its status, and is safe
to run twice: a second run finds the row no longer waiting and does
nothing, and an import done twice adds nothing (importer.py: "Once")."""

from __future__ import annotations

from alliance87.community.models import SlackImport
from alliance87.community.slack import work
from alliance87.core.tasks import task


@task()
def check_slack_import_task(import_id: int) -> str:
    """Check an uploaded export (a dry run) for the person who uploaded it."""
    row = SlackImport.objects.filter(pk=import_id, status=SlackImport.Status.CHECKING).first()
    if row is None:
        return "skipped"
    return work.check_slack_import(row, acting_user=row.created_by).status


@task()
def run_slack_import_task(import_id: int) -> str:
    """Import a checked export, all or nothing, for the person who confirmed it."""
    row = SlackImport.objects.filter(pk=import_id, status=SlackImport.Status.IMPORTING).first()
    if row is None:
        return "skipped"
    return work.run_slack_import(row, acting_user=row.imported_by).status
