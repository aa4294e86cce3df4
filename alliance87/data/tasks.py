"""Background work of data imports (run by `alliance87 db_worker`)."""

from __future__ import annotations

from alliance87.core.tasks import task
from alliance87.data.models import ImportRun
from alliance87.data.writing import apply_import, check_import


@task()
def check_import_task(run_id: int) -> str:
    """Check a large uploaded file, row by row, for the person who sent it."""
    run = ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.CHECKING).first()
    if run is None:
        return "skipped"
    return check_import(run, acting_user=run.created_by).status


@task()
def save_import_task(run_id: int) -> str:
    """Save a large checked file, all or nothing."""
    run = ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.SAVING).first()
    if run is None:
        return "skipped"
    return apply_import(run, acting_user=run.created_by).status
