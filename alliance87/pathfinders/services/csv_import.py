"""
Bulk updates of a roadmap's actions from the CSV file its page exports.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from alliance87.core.planner import refresh_statistics_after_commit
from alliance87.core.services import service
from alliance87.core.text import parse_id
from alliance87.pathfinders.csvio import REQUIRED_COLUMNS, unescape_cell
from alliance87.pathfinders.models import Action, Roadmap
from alliance87.pathfinders.services.base import LANGUAGE_CODES
from alliance87.pathfinders.services.roadmaps import action_problems, record_progress, save_action

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
MAX_UPLOAD_ROWS = 5000


@dataclass
class ImportResult:
    actions_changed: int = 0
    updates_added: int = 0


class ImportRefused(ValidationError):
    """The file was refused; `messages` says why, row by row."""


def _status_lookup() -> dict[str, str]:
    """Map each status code and label, in every language, to its code."""
    lookup: dict[str, str] = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            for value, label in Action.Status.choices:
                lookup[str(label).casefold()] = value
    for value in Action.Status.values:
        lookup[value] = value
    return lookup


def _read_rows(data: bytes) -> tuple[list[str], list[dict[str, str]]]:
    if not data.strip():
        raise ImportRefused(_("The file is empty. Upload the CSV file you downloaded."))
    if len(data) > MAX_UPLOAD_BYTES:
        raise ImportRefused(_("The file is larger than 2 MB; a roadmap's actions never are."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused(
            _(
                "The file is not a CSV file in UTF-8. In your spreadsheet, choose "
                "“Save as”, then “CSV UTF-8”, and upload that file."
            )
        ) from None
    if "\x00" in text:
        raise ImportRefused(_("This is not a CSV file. Upload the CSV file you downloaded."))
    first_line = text.split("\n", 1)[0]
    # Spreadsheets set to French or Spanish save with semicolons.
    delimiter = max((",", ";", "\t"), key=first_line.count)
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
        header = [h.strip() for h in (reader.fieldnames or [])]
        reader.fieldnames = header
        rows = list(reader)
    except csv.Error as e:
        raise ImportRefused(
            _("The file could not be read as CSV (%(error)s).") % {"error": e}
        ) from None
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise ImportRefused(
            _(
                "The file has no column “%(columns)s”. Download the file again and keep "
                "its first row as it is."
            )
            % {"columns": "”, “".join(missing)}
        )
    if len(rows) > MAX_UPLOAD_ROWS:
        raise ImportRefused(_("The file has more rows than a roadmap has actions."))
    return header, rows


@service
def import_actions_csv(roadmap: Roadmap, *, data: bytes, acting_user: Any) -> ImportResult:
    """Apply a CSV of the roadmap's actions: status, percentage and a new
    progress note per row. Change nothing unless every row is valid."""
    _header, rows = _read_rows(data)
    actions = {
        a.pk: a for a in Action.objects.select_for_update().filter(priority__roadmap=roadmap)
    }
    statuses = _status_lookup()
    errors: list[str] = []
    planned: list[tuple[Action, str, int | None, str]] = []
    seen: dict[int, int] = {}
    for number, row in enumerate(rows, start=2):  # row 1 is the header
        cells = {k: unescape_cell((v or "").strip()) for k, v in row.items() if k}
        if not any(cells.values()):
            continue
        row_errors: list[str] = []
        raw_id = cells.get("action_id", "")
        action = None
        action_id = parse_id(raw_id)
        if action_id is None:
            row_errors.append(
                _("the action_id “%(value)s” is not a number")
                % {"value": Truncator(raw_id).chars(40)}
            )
        else:
            action = actions.get(action_id)
            if action is None:
                row_errors.append(_("there is no action %(id)s in this roadmap") % {"id": raw_id})
            elif action_id in seen:
                row_errors.append(
                    _("action %(id)s already appears in row %(row)s")
                    % {"id": raw_id, "row": seen[action_id]}
                )
            else:
                seen[action_id] = number
        raw_status = cells.get("status", "")
        status = statuses.get(raw_status.casefold())
        if status is None:
            row_errors.append(
                _("the status “%(value)s” is not one of: %(choices)s")
                % {"value": raw_status, "choices": ", ".join(Action.Status.values)}
            )
        raw_percent = cells.get("percent_done", "").rstrip("%").strip()
        percent: int | None = None
        if raw_percent:
            try:
                percent = int(float(raw_percent.replace(",", ".")))
            except ValueError:
                row_errors.append(
                    _("the percentage “%(value)s” is not a number") % {"value": raw_percent}
                )
        if status is not None and not row_errors:
            row_errors.extend(
                p[0].lower() + p[1:].rstrip(".") for p in action_problems(status, percent)
            )
        if row_errors:
            errors.append(
                _("Row %(row)s: %(problems)s.")
                % {"row": number, "problems": "; ".join(row_errors)}
            )
            continue
        assert action is not None and status is not None
        planned.append((action, status, percent, cells.get("new_progress_note", "")))
    if errors:
        raise ImportRefused(errors)
    result = ImportResult()
    today = timezone.localdate()
    for action, status, percent, note in planned:
        if (action.status, action.percent_done) != (status, percent):
            action.status, action.percent_done = status, percent
            save_action(action, acting_user=acting_user)
            result.actions_changed += 1
        if note:
            record_progress(action, date=today, text=note, acting_user=acting_user)
            result.updates_added += 1
    refresh_statistics_after_commit()
    return result
