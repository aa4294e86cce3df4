"""Background work of report imports (run by `alliance87 db_worker`)."""

from __future__ import annotations

from alliance87.core.tasks import task
from alliance87.reports.models import ReportImport
from alliance87.reports.reading import mark_reading, read_import


@task()
def read_report_import(report_id: int) -> str:
    """Read an uploaded report and propose its record, for the person who
    uploaded it."""
    report = ReportImport.objects.filter(pk=report_id).first()
    if report is None:
        return "gone"
    mark_reading(report, acting_user=report.created_by)
    return read_import(report, acting_user=report.created_by).status
