"""
The CSV format of a roadmap's actions, shared by the export and the upload.

Column names are stable English keys in every language, so that a file
downloaded from the French page can be uploaded on the Spanish one. Cells
that a spreadsheet would run as a formula are escaped on the way out (a
leading apostrophe) and unescaped on the way in.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

ACTION_COLUMNS = [
    "action_id",
    "priority_area",
    "number",
    "action",
    "responsible",
    "partners",
    "start",
    "end",
    "currency",
    "budget_needed",
    "budget_secured",
    "budget_illustrative",
    "indicator",
    "status",
    "percent_done",
    "last_update_date",
    "last_update",
    "new_progress_note",
]
# What a focal point may change offline; every other column is for reading.
EDITABLE_COLUMNS = ("status", "percent_done", "new_progress_note")
REQUIRED_COLUMNS = ("action_id", *EDITABLE_COLUMNS)

PROGRESS_COLUMNS = [
    "country",
    "roadmap",
    "priority_area",
    "action_id",
    "action",
    "date",
    "progress",
    "evidence_url",
    "language",
]


def safe_cell(value: Any) -> str:
    """Return `value` as text a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def unescape_cell(text: str) -> str:
    """Undo `safe_cell`: drop the apostrophe it put before a formula sign."""
    if len(text) > 1 and text[0] == "'" and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def write_csv(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([safe_cell(row.get(c)) for c in columns])
    return out.getvalue()
