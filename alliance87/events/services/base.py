"""
What the writes to events share: text in the active language, the order of
a new row, and the rules by which each kind of row of the record is
corrected and removed (see `corrections`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import get_language

from alliance87.core.text import Translations, set_translations

LANGUAGE_CODES = ("en", "fr", "es")


def set_text(obj: Any, field: str, value: str | Translations) -> None:
    """Write `value` in the active language (and in English if it is empty);
    a mapping of languages to text writes each language."""
    if isinstance(value, Mapping):
        set_translations(obj, field, value)
        return
    language = get_language() or "en"
    code = language.split("-")[0] if language.split("-")[0] in LANGUAGE_CODES else "en"
    setattr(obj, f"{field}_{code}", value)
    if not getattr(obj, f"{field}_en", ""):
        setattr(obj, f"{field}_en", value)


def set_changed_text(obj: Any, field: str, value: str | Translations) -> None:
    """Write `value` unless it is what the active language already shows."""
    if isinstance(value, Mapping):
        set_translations(obj, field, value)
    elif value != (getattr(obj, field) or ""):
        set_text(obj, field, value)


def next_order(qs: Any) -> int:
    last = qs.order_by("-order").values_list("order", flat=True).first()
    return (last or 0) + 1


def add_row(row: Any, siblings: Any, *, texts: dict[str, str | Translations] | None = None) -> Any:
    """Add `row` to the record: the next order among `siblings`, its texts
    in the active language, checked whole, then saved.

    The one path every kind of row takes when it is added (objectives,
    participants, counts, agenda items, exchanges, decisions, action items).
    """
    row.order = next_order(siblings)
    for name, value in (texts or {}).items():
        set_text(row, name, value)
    row.full_clean()
    row.save()
    return row


# Correcting and removing a row of the record --------------------------------

# The default of an argument a correction cannot do without.
REQUIRED: Any = object()


def _full_clean(row: Any) -> None:
    row.full_clean()


def _save(row: Any, state: Any) -> None:
    row.save()


def _delete(row: Any) -> None:
    row.delete()


@dataclass(frozen=True)
class RowRules:
    """What differs between the kinds of row of the record when one is
    corrected or removed; `corrections` does the rest, alike for all."""

    # The keyword arguments a correction takes, with their defaults.
    arguments: dict[str, Any]
    # The translated fields, written in the active language where changed.
    texts: tuple[str, ...]
    # Check the arguments and set the other fields, writing nothing yet;
    # return what `write` needs to know.
    apply: Callable[[Any, dict[str, Any]], Any]
    clean: Callable[[Any], None] = _full_clean
    # Save the checked row and do what follows from it.
    write: Callable[[Any, Any], None] = _save
    # Delete the row and what goes with it.
    remove: Callable[[Any], None] = _delete

    def complete(self, given: dict[str, Any]) -> dict[str, Any]:
        """Return `given` with the defaults of the arguments it leaves out."""
        unknown = sorted(given.keys() - self.arguments.keys())
        missing = [n for n, d in self.arguments.items() if d is REQUIRED and n not in given]
        if unknown or missing:
            raise TypeError(f"Unexpected arguments {unknown} or missing arguments {missing}.")
        return {**self.arguments, **given}


def save_unique(row: Any, taken: Callable[[], ValidationError]) -> None:
    """Save `row`; when a twin of one of its unique values was saved
    meanwhile by someone else, raise `taken()` rather than failing."""
    try:
        # A savepoint, so that the transaction survives the clash.
        with transaction.atomic():
            row.save()
    except IntegrityError:
        raise taken() from None
