"""
Read an imported report and propose its record (in the background, or at
once for a short paste): `read_import`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings

from alliance87.core.services import service
from alliance87.reports.engine import propose
from alliance87.reports.models import ReportImport
from alliance87.reports.resolve import Directory
from alliance87.reports.text import ReportError, read_bytes


def content_of(report: ReportImport) -> tuple[bytes, str]:
    if report.file:
        return (Path(settings.MEDIA_ROOT) / report.file.name).read_bytes(), report.file_name
    return report.pasted.encode("utf-8"), "pasted.txt"


@service
def mark_reading(report: ReportImport, *, acting_user: Any) -> None:
    """Say that a worker has started reading the report."""
    ReportImport.objects.filter(pk=report.pk, status=ReportImport.Status.QUEUED).update(
        status=ReportImport.Status.PARSING
    )


@service
def read_import(report: ReportImport, *, acting_user: Any) -> ReportImport:
    """Read the report and propose its record; a report that cannot be
    read, or yields nothing, is marked failed with the reason."""
    report = ReportImport.objects.select_for_update().get(pk=report.pk)
    if not report.waiting:
        return report
    name = report.file_name or "pasted.txt"
    try:
        content, name = content_of(report)
        text = read_bytes(content, name)
    except ReportError as e:
        report.status = ReportImport.Status.FAILED
        report.error_code, report.error_params = e.code, {k: str(v) for k, v in e.params.items()}
        report.save()
        return report
    except OSError:
        report.status = ReportImport.Status.FAILED
        report.error_code, report.error_params = "read", {"name": name, "reason": "-"}
        report.save()
        return report
    proposal = propose(text, Directory.from_db(), language=report.language)
    report.text, report.format = text.text, text.format
    report.page_starts = list(text.page_starts)
    if proposal.is_empty():
        report.status = ReportImport.Status.FAILED
        report.error_code, report.error_params = "nothing", {}
    else:
        report.status = ReportImport.Status.READY
        report.proposal = proposal.as_json()
    report.save()
    return report
