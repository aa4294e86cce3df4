"""
Correcting and removing a row of the record: one path for agenda items,
questions and answers, decisions, action items and documents.

A correction locks the row, checks everything before it writes anything
(each kind's `RowRules`, kept beside the service that adds that kind),
writes text in the active language only where it changed, and saves.
"""

from __future__ import annotations

from typing import Any

from alliance87.core.services import service
from alliance87.events.models import ActionItem, AgendaItem, Decision, Document, Exchange
from alliance87.events.services.agenda import AGENDA_ITEM_RULES
from alliance87.events.services.base import RowRules, set_changed_text
from alliance87.events.services.documents import DOCUMENT_RULES
from alliance87.events.services.record import ACTION_ITEM_RULES, DECISION_RULES, EXCHANGE_RULES

ROW_RULES: dict[type[Any], RowRules] = {
    AgendaItem: AGENDA_ITEM_RULES,
    Exchange: EXCHANGE_RULES,
    Decision: DECISION_RULES,
    ActionItem: ACTION_ITEM_RULES,
    Document: DOCUMENT_RULES,
}


def _rules_for(row: Any) -> RowRules:
    rules = ROW_RULES.get(type(row))
    if rules is None:
        raise TypeError(f"{type(row).__name__} is not a row of the record.")
    return rules


@service
def correct_row(row: Any, *, acting_user: Any, **values: Any) -> Any:
    """Correct a row of the record with the values its form gives (the
    arguments of each kind are in its `RowRules`); return the saved row."""
    rules = _rules_for(row)
    values = rules.complete(values)
    row = type(row).objects.select_for_update().get(pk=row.pk)
    state = rules.apply(row, values)
    for name in rules.texts:
        set_changed_text(row, name, values[name])
    rules.clean(row)
    rules.write(row, state)
    return row


@service
def remove_row(row: Any, *, acting_user: Any) -> None:
    """Delete a row of the record (the audit log keeps what it said); an
    agenda item takes the rows recorded under it, a document its file."""
    _rules_for(row).remove(row)
