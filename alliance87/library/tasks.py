"""Background work of the library: a file's text, read once the write
that stored it has committed (library/extraction.py)."""

from __future__ import annotations

from alliance87.core.tasks import task
from alliance87.library.extraction import extract
from alliance87.library.models import ResourceFile, TextStatus


@task()
def extract_text(file_id: int) -> str:
    """Extract the text of the file `file_id` (removed since: nothing to do)."""
    file = ResourceFile.objects.filter(pk=file_id).first()
    if file is None or file.text_status != TextStatus.PENDING:
        return "skipped"
    return extract(file).text_status
