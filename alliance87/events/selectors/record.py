"""
The record page, where the secretariat builds and corrects the record of a
meeting, and the rows it corrects.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404

from alliance87.events.models import ActionItem, AgendaItem, Decision, Document, Event, Exchange


def record_page(user: Any, event: Event) -> dict[str, Any]:
    """Return the rows of the record page, each kind in one query: the
    agenda, each item with its rows (`rows`), the rows under no item, and
    the documents."""
    agenda = list(AgendaItem.objects.visible_to(user).filter(event=event))
    rows = {
        "exchanges": list(Exchange.objects.visible_to(user).filter(event=event)),
        "decisions": list(Decision.objects.visible_to(user).filter(event=event)),
        "actions": list(ActionItem.objects.visible_to(user).filter(event=event)),
    }
    by_item: dict[int | None, dict[str, list[Any]]] = {
        item.pk: {key: [] for key in rows} for item in agenda
    }
    loose: dict[str, list[Any]] = {key: [] for key in rows}
    for key, found in rows.items():
        for row in found:
            by_item.get(row.agenda_item_id, loose)[key].append(row)
    for item in agenda:
        item.rows = by_item[item.pk]
    return {
        "event": event,
        "items": agenda,
        "loose": loose,
        "has_loose": any(loose.values()),
        "documents": list(Document.objects.visible_to(user).filter(event=event)),
    }


def get_record_row_for_user(user: Any, event: Event, model: type[Any], pk: int) -> Any:
    """Return a row of `event`'s record, or 404 alike when it is missing,
    hidden or another event's."""
    row = model.objects.visible_to(user).filter(event=event, pk=pk).first()
    if row is None:
        raise Http404("No such part of the record.")
    return row


def rows_under(item: AgendaItem) -> dict[str, int]:
    """Count the rows deleted with `item`: all of them, whoever may see
    them, since deleting the item deletes them all."""
    return {
        "exchanges": item.exchanges.count(),
        "decisions": item.decisions.count(),
        "actions": item.action_items.count(),
    }
