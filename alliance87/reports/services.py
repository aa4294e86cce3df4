"""
Writes of a report import, each a `@service` for the Secretariat.

Invariants kept here:
- only the Secretariat starts, reviews or saves an import;
- an uploaded report is checked by content and size and stored whole
  (core.files) before it is read; it is read in the background (a
  core.tasks task queued once the upload commits), a short pasted text at
  once;
- a report that cannot be read, or yields nothing about a meeting, leaves
  the import "failed" with the reason (a code, shown translated) and
  writes nothing else;
- the review changes only the import; the draft is saved by
  `drafts.save_draft`, the one save the command uses too, all or nothing,
  with the organisations the reviewer chose to create; an import is saved
  once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.text import slugify
from django.utils.translation import gettext as _

from alliance87.core import files
from alliance87.core.services import service
from alliance87.core.tasks import enqueue_on_commit
from alliance87.core.visibility import is_secretariat
from alliance87.partners.models import Organisation
from alliance87.partners.services import save_organisation
from alliance87.reports import review as reviewing
from alliance87.reports.drafts import DraftResult, ReportFile, save_draft
from alliance87.reports.engine import LANGUAGES
from alliance87.reports.models import IMPORTS_FOLDER, ReportImport
from alliance87.reports.reading import content_of, read_import
from alliance87.reports.tasks import read_report_import

# A pasted text up to this many characters is read at once, in the request.
READ_AT_ONCE = 20_000
REPORT_KINDS = (files.PDF, files.DOCX, files.TEXT)


def _require_secretariat(user: Any) -> None:
    if not is_secretariat(user):
        raise ValidationError(_("Only the Secretariat imports reports."))


@service
def start_import(
    *, acting_user: Any, upload: UploadedFile | None = None, text: str = "", language: str = "en"
) -> ReportImport:
    """Record a report to import, and read it (at once for a short paste,
    in the background otherwise)."""
    _require_secretariat(acting_user)
    if language not in LANGUAGES:
        raise ValidationError(_("Choose the report's language."))
    report = ReportImport(created_by=acting_user, language=language)
    if upload is not None:
        report.file.name = files.store_upload(upload, folder=IMPORTS_FOLDER, kinds=REPORT_KINDS)
        report.file_name = Path(upload.name or "report").name[:200]
    elif text.strip():
        report.pasted = text
    else:
        raise ValidationError(_("The report is empty: choose a file or paste the report's text."))
    report.save()
    if upload is None and len(text) <= READ_AT_ONCE:
        read_import(report, acting_user=acting_user)
    else:
        enqueue_on_commit(read_report_import, report.pk)
    return report


def _ready(report: ReportImport) -> ReportImport:
    report = ReportImport.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportImport.Status.READY or report.proposal is None:
        raise ValidationError(_("This import is not waiting for review."))
    return report


@service
def review_row(report: ReportImport, *, acting_user: Any, key: str, state: str) -> ReportImport:
    """Accept, drop or restore one proposed row."""
    _require_secretariat(acting_user)
    report = _ready(report)
    try:
        reviewing.original(report.proposal or {}, key)
    except KeyError:
        raise ValidationError(_("This row is not in the proposal.")) from None
    rows = report.rows_review()
    entry = dict(rows.get(key) or {})
    if state == "restore":
        entry.pop("state", None)
        if entry.get("values"):
            entry["state"] = "edited"
    elif state == "dropped" and key == "meeting":
        raise ValidationError(_("The meeting itself cannot be dropped; edit it instead."))
    elif state in ("accepted", "dropped"):
        entry["state"] = state
    else:
        raise ValidationError(_("Accept, edit or drop the row."))
    rows[key] = entry
    report.review = {**report.review, "rows": rows}
    report.save(update_fields=["review", "updated"])
    return report


@service
def edit_row(
    report: ReportImport, *, acting_user: Any, key: str, values: dict[str, Any]
) -> ReportImport:
    """Keep the reviewer's values for one row (in the proposal's shape)."""
    _require_secretariat(acting_user)
    report = _ready(report)
    try:
        reviewing.original(report.proposal or {}, key)
    except KeyError:
        raise ValidationError(_("This row is not in the proposal.")) from None
    rows = report.rows_review()
    rows[key] = {"state": "edited", "values": values}
    report.review = {**report.review, "rows": rows}
    report.save(update_fields=["review", "updated"])
    return report


@service
def resolve_name(
    report: ReportImport, *, acting_user: Any, name: str, answer: dict[str, Any] | None
) -> ReportImport:
    """Keep what a name the directory does not know stands for: one of its
    organisations ({"slug"}), a new one ({"create": stakeholder type}), or
    nothing (None)."""
    _require_secretariat(acting_user)
    report = _ready(report)
    if name not in reviewing.unresolved_names(report.proposal or {}):
        raise ValidationError(_("This name is not among the report's unknown names."))
    names = dict(report.review.get("names") or {})
    if answer is None:
        names.pop(name, None)
    else:
        names[name] = answer
    report.review = {**report.review, "names": names}
    report.save(update_fields=["review", "updated"])
    return report


def _resolutions(report: ReportImport, acting_user: Any) -> dict[str, Organisation]:
    out: dict[str, Organisation] = {}
    for name, answer in (report.review.get("names") or {}).items():
        if answer.get("slug"):
            found = Organisation.objects.filter(slug=answer["slug"]).first()
            if found is not None:
                out[name] = found
        elif answer.get("create"):
            slug, n = slugify(name)[:90] or "organisation", 1
            while Organisation.objects.filter(slug=slug).exists():
                n += 1
                slug = f"{slugify(name)[:90]}-{n}"
            out[name] = save_organisation(
                Organisation(
                    slug=slug,
                    name=name[:200],
                    name_en=name[:200],
                    stakeholder_type=answer["create"],
                ),
                acting_user=acting_user,
            )
    return out


@service
def save_import(report: ReportImport, *, acting_user: Any) -> DraftResult:
    """Save the reviewed proposal as one draft event, all or nothing."""
    _require_secretariat(acting_user)
    report = _ready(report)
    data = reviewing.reviewed(report.proposal or {}, report.review)
    content, name = content_of(report)
    result = save_draft(
        data,
        acting_user=acting_user,
        report=ReportFile(name, content, report.text, tuple(report.page_starts)),
        resolutions=_resolutions(report, acting_user),
    )
    report.status = ReportImport.Status.SAVED
    report.event = result.event
    report.save(update_fields=["status", "event", "updated"])
    return result
