"""
The agenda of an event: adding items, keeping it in the order of its
numbers, and the rules for correcting an item.
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from alliance87.core.services import service
from alliance87.core.text import Translations
from alliance87.events.models import AgendaItem, Document, Event
from alliance87.events.services.base import (
    REQUIRED,
    RowRules,
    add_row,
    save_unique,
    set_changed_text,
)
from alliance87.events.services.documents import refresh_search_names
from alliance87.partners.models import Organisation, Person

# The default of an argument whose absence leaves the field as it is.
KEEP: Any = object()


@service
def add_agenda_item(
    event: Event,
    *,
    acting_user: Any,
    number: str,
    title: str | Translations,
    presenters_note: str | Translations = "",
    presenter_organisations: list[Organisation] | None = None,
    presenter_people: list[Person] | None = None,
    objective: str | Translations = "",
    duration: int | None = None,
    minutes: str | Translations = "",
    visibility: str = "public",
) -> AgendaItem:
    """Add an item to the agenda: in the order of its number when the
    agenda's numbers all read as numbers, at the end otherwise."""
    number = number.strip()
    if event.agenda_items.filter(number=number).exists():
        raise ValidationError(
            _("The agenda already has an item numbered “%(number)s”.") % {"number": number}
        )
    item = AgendaItem(event=event, number=number, duration=duration, visibility=visibility)
    add_row(
        item,
        event.agenda_items.all(),
        texts={
            "title": title,
            "presenters_note": presenters_note,
            "objective": objective,
            "minutes": minutes,
        },
    )
    item.presenter_organisations.set(presenter_organisations or [])
    item.presenter_people.set(presenter_people or [])
    _follow_numbering(event.pk)
    return item


def _number_taken(number: str, other: AgendaItem | None) -> ValidationError:
    if other is None:
        return ValidationError(
            _("The agenda already has an item numbered “%(number)s”.") % {"number": number}
        )
    return ValidationError(
        _(
            "The agenda already has an item numbered “%(number)s” (“%(title)s”). "
            "To swap two numbers, first give one of the items a number not in use."
        )
        % {"number": number, "title": other.title},
        code="number_taken",
    )


def _check_free_number(item: AgendaItem, number: str) -> None:
    if not number:
        raise ValidationError(_("Give the agenda item a number, as printed."))
    other = (
        AgendaItem.objects.filter(event_id=item.event_id, number=number)
        .exclude(pk=item.pk)
        .first()
    )
    if other is not None:
        raise _number_taken(number, other)


# "3", "IV", "2a", "IV.b", "3.1": a number or a Roman numeral, then
# perhaps a letter or a second number.
_AGENDA_NUMBER = re.compile(
    r"^(?P<main>\d+|[ivxlcdm]+)(?:[.\s-]?(?P<sub>\d+|[a-z]))?\.?$", re.IGNORECASE
)
_ROMAN = re.compile(r"^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$", re.IGNORECASE)
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def _roman_value(text: str) -> int | None:
    if not text or not _ROMAN.match(text):
        return None
    values = [_ROMAN_VALUES[c] for c in text.lower()]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


def agenda_number_key(number: str) -> tuple[int, int] | None:
    """Return the place of "3", "IV", "2a" or "3.1" in a sequence, or None
    when `number` does not read as a number."""
    match = _AGENDA_NUMBER.match(number.strip())
    if match is None:
        return None
    main, sub = match["main"], match["sub"] or ""
    value = int(main) if main.isdigit() else _roman_value(main)
    if value is None and not sub and main[:-1].isupper() and main[-1].islower():
        # "IVc": a Roman numeral followed by a letter it swallowed.
        main, sub = main[:-1], main[-1]
        value = _roman_value(main)
    if value is None:
        return None
    if not sub:
        return (value, 0)
    return (value, int(sub) if sub.isdigit() else ord(sub.lower()) - ord("a") + 1)


def _follow_numbering(event_id: int) -> None:
    """Put an agenda in the order of its numbers, when all read as numbers.

    An agenda with a number such as "Opening" keeps the order it has: there
    is no telling where such an item belongs.
    """
    items = list(AgendaItem.objects.filter(event_id=event_id).order_by("order", "pk"))
    keys = [agenda_number_key(item.number) for item in items]
    if any(key is None for key in keys):
        return
    ranked = sorted(range(len(items)), key=lambda i: (keys[i], i))
    for position, index in enumerate(ranked, start=1):
        item = items[index]
        if item.order != position:
            item.order = position
            # One save per moved row, not bulk_update: each move is audited.
            item.save(update_fields=["order"])


def _apply_agenda_item(item: AgendaItem, values: dict[str, Any]) -> bool:
    """Set the item's visibility and number, when given; return whether the
    number changed (which may move the item on the agenda)."""
    number = values["number"]
    renumbered = False
    if number is not None:
        number = number.strip()
        renumbered = number != item.number
        if renumbered:
            _check_free_number(item, number)
            item.number = number
    if values["visibility"]:
        item.visibility = values["visibility"]
    # Left alone unless given, so that a correction from an older form
    # keeps them.
    if values["objective"] is not None:
        set_changed_text(item, "objective", values["objective"])
    if values["duration"] is not KEEP:
        item.duration = values["duration"]
    return renumbered


def _write_agenda_item(item: AgendaItem, renumbered: bool) -> None:
    save_unique(item, lambda: _number_taken(item.number, None))
    if renumbered:
        _follow_numbering(item.event_id)
        # Its documents are found by its number.
        refresh_search_names(Document.objects.filter(agenda_item=item))


def _remove_agenda_item(item: AgendaItem) -> None:
    documents = list(item.documents.values_list("pk", flat=True))
    item.delete()
    # Its documents stay, under no item: no longer found by its number.
    refresh_search_names(Document.objects.filter(pk__in=documents))


# A correction gives the text in the active language and, when given, the
# visibility and the number. Deleting an item deletes the questions,
# decisions and action items recorded under it (the audit log keeps what
# each said).
AGENDA_ITEM_RULES = RowRules(
    arguments={
        "title": REQUIRED,
        "minutes": REQUIRED,
        "presenters_note": "",
        "visibility": None,
        "number": None,
        "objective": None,
        "duration": KEEP,
    },
    texts=("title", "minutes", "presenters_note"),
    apply=_apply_agenda_item,
    write=_write_agenda_item,
    remove=_remove_agenda_item,
)
