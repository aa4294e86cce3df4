"""
The text of a resource's file, kept for search.

PDF and Word files (and plain text) are read with the report reader
(reports/text.py: pypdf, python-docx, offline); a file whose text cannot be
read (scanned, encrypted, damaged) stays listed, and its page says so.
Run in the background by library/tasks.py, once the write that stored the
file has committed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings

from alliance87.core.services import service
from alliance87.library.models import ResourceFile, TextStatus
from alliance87.reports.text import ReportError, read_bytes


@service
def record_extracted_text(
    file: ResourceFile, *, text: str, error: str = "", acting_user: Any
) -> ResourceFile:
    """Keep the text read from `file`, or why it could not be read."""
    if error:
        file.text, file.text_status, file.text_error = "", TextStatus.FAILED, error[:300]
    else:
        file.text, file.text_status, file.text_error = text, TextStatus.EXTRACTED, ""
    file.save(update_fields=["text", "text_status", "text_error"])
    return file


def extract(file: ResourceFile) -> ResourceFile:
    """Read the text of `file` and keep it, or keep why it failed."""
    path = Path(settings.MEDIA_ROOT) / file.file.name
    try:
        data = path.read_bytes()
    except OSError as e:
        return record_extracted_text(
            file, text="", error=f"The file cannot be opened: {e.strerror}.", acting_user=None
        )
    try:
        text = read_bytes(data, path.name).text
    except ReportError as e:
        return record_extracted_text(file, text="", error=str(e), acting_user=None)
    return record_extracted_text(file, text=text, acting_user=None)
