"""What the draft's modules share: the result, a row not saved, and how a
refused row is named."""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from alliance87.events.models import Event


@dataclass(frozen=True)
class Skipped:
    """A proposed row not saved, and why (shown in the reader's language)."""

    reason: Any
    params: dict[str, Any]

    def __str__(self) -> str:
        return str(self.reason) % self.params


@dataclass
class DraftResult:
    event: Event
    saved: Counter[str] = field(default_factory=Counter)
    skipped: list[Skipped] = field(default_factory=list)
    citations: int = 0


@contextlib.contextmanager
def naming(label: str) -> Iterator[None]:
    """Say which row a refusal is about."""
    try:
        yield
    except ValidationError as e:
        raise ValidationError(
            _("%(row)s: %(problem)s") % {"row": label, "problem": " ".join(e.messages)}
        ) from None
