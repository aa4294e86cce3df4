"""
Moving a row one place up or down among its siblings: a survey's
questions, a campaign's images.

Pages without JavaScript offer "Move up" and "Move down" as small POST
forms; the service they call passes the siblings (a queryset, `row` among
them) to `move_one_place`, inside its transaction. The siblings are
locked and numbered 1, 2, 3… in their order first, so rows that share a
number (added before numbering, or by the back office) move predictably,
and two moves at once do not interleave. Every save goes through the
model (audited), never a queryset update.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Model, QuerySet


def move_one_place(
    rows: QuerySet[Any],
    row: Model,
    *,
    up: bool,
    field: str = "order",
    refuse: Callable[[Any, Any], None] | None = None,
) -> bool:
    """Swap `row` with the sibling before it (`up`) or after it. `refuse`,
    given the pair in their present order (earlier, later), raises to keep
    them as they are. Return False when `row` is already first (last) or
    is not among `rows`; `row` is given its new place."""
    ordered = list(rows.select_for_update().order_by(field, "pk"))
    for number, sibling in enumerate(ordered, start=1):
        if getattr(sibling, field) != number:
            setattr(sibling, field, number)
            sibling.save(update_fields=[field])
    at = next((n for n, sibling in enumerate(ordered) if sibling.pk == row.pk), None)
    if at is None:
        return False
    to = at - 1 if up else at + 1
    if not 0 <= to < len(ordered):
        setattr(row, field, getattr(ordered[at], field))
        return False
    moved, other = ordered[at], ordered[to]
    if refuse is not None:
        refuse(*((other, moved) if up else (moved, other)))
    first, second = getattr(moved, field), getattr(other, field)
    setattr(moved, field, second)
    setattr(other, field, first)
    moved.save(update_fields=[field])
    other.save(update_fields=[field])
    setattr(row, field, second)
    return True
