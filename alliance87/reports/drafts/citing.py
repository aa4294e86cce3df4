"""
Source every saved row to its passage of the imported report.

The rows are noted while they are saved and cited at the end, once the
report itself is kept as a document of the event: so a row that fails
leaves no stored file behind.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import models

from alliance87.core.models import Basis
from alliance87.core.provenance import cite

# A quoted passage longer than this is cut (with "…"): the offsets still
# give the whole passage.
QUOTE_LIMIT = 2000


@dataclass
class Citations:
    """The rows saved so far and the passage that states each."""

    text: str
    page_starts: tuple[int, ...] = ()
    pending: list[tuple[models.Model, str, int, int]] = field(default_factory=list)

    def note(self, obj: models.Model, source: Mapping[str, Any] | None, name: str = "") -> None:
        """Remember that `obj` (or its field `name`) is stated at `source`."""
        if not source:
            return
        start, end = int(source["start"]), int(source["end"])
        if 0 <= start < end <= len(self.text):
            self.pending.append((obj, name, start, end))

    def locator(self, start: int) -> str:
        """Return "p. 3" for a passage of a PDF, "" for other reports."""
        if not self.page_starts:
            return ""
        return f"p. {bisect.bisect_right(self.page_starts, start)}"

    def write(self, document: models.Model, title: str, *, acting_user: Any) -> int:
        """Cite every noted row to `document`; return how many citations."""
        for obj, name, start, end in self.pending:
            quoted = self.text[start:end]
            if len(quoted) > QUOTE_LIMIT:
                quoted = quoted[: QUOTE_LIMIT - 1] + "…"
            cite(
                obj,
                acting_user=acting_user,
                basis=Basis.REPORTED,
                field=name,
                document=document,
                source_title=title[:300],
                locator=self.locator(start),
                passage=(start, end, quoted),
            )
        return len(self.pending)
