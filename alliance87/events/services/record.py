"""
The record of a meeting: questions and answers, decisions and action items,
with the rules for correcting each, and closing an action item.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance87.core.dates import DatePrecision
from alliance87.core.services import service
from alliance87.core.text import Translations
from alliance87.events.models import ActionItem, AgendaItem, Decision, Event, Exchange
from alliance87.events.services.base import (
    REQUIRED,
    RowRules,
    add_row,
    next_order,
    save_unique,
    set_text,
)
from alliance87.partners.models import Organisation, Person


def _check_agenda_item(event: Event, agenda_item: AgendaItem | None) -> None:
    if agenda_item is not None and agenda_item.event_id != event.pk:
        raise ValidationError(_("That agenda item belongs to another event."))


def _check_exchange_parties(
    *, asked: tuple[Any, ...], answered: tuple[Any, ...], answer: str | Translations
) -> None:
    if not any(asked):
        raise ValidationError(_("Say who asked the question."))
    if isinstance(answer, Mapping):
        answer = "".join(answer.values())
    if answer and not any(answered):
        raise ValidationError(_("Say who answered the question."))


@service
def record_exchange(
    event: Event,
    *,
    acting_user: Any,
    question: str | Translations,
    answer: str | Translations = "",
    agenda_item: AgendaItem | None = None,
    asked_by_role: str = "",
    asked_by_organisation: Organisation | None = None,
    asked_by_person: Person | None = None,
    answered_by_role: str = "",
    answered_by_organisation: Organisation | None = None,
    answered_by_person: Person | None = None,
    visibility: str = "public",
) -> Exchange:
    """Record a question asked at the meeting, who asked it, and its answer."""
    _check_agenda_item(event, agenda_item)
    _check_exchange_parties(
        asked=(asked_by_role, asked_by_organisation, asked_by_person),
        answered=(answered_by_role, answered_by_organisation, answered_by_person),
        answer=answer,
    )
    exchange = Exchange(
        event=event,
        agenda_item=agenda_item,
        asked_by_role=asked_by_role,
        asked_by_organisation=asked_by_organisation,
        asked_by_person=asked_by_person,
        answered_by_role=answered_by_role,
        answered_by_organisation=answered_by_organisation,
        answered_by_person=answered_by_person,
        visibility=visibility,
    )
    return add_row(exchange, event.exchanges.all(), texts={"question": question, "answer": answer})


def _next_number(event: Event) -> int:
    last = event.decisions.order_by("-number").values_list("number", flat=True).first()
    return (last or 0) + 1


def _number_taken(number: int) -> ValidationError:
    return ValidationError(
        _("This meeting already has a decision numbered %(number)s; give another number.")
        % {"number": number}
    )


def _check_free_number(event_id: int, number: int, decision: Decision | None) -> None:
    others = Decision.objects.filter(event_id=event_id, number=number)
    if decision is not None:
        others = others.exclude(pk=decision.pk)
    if others.exists():
        raise _number_taken(number)


@service
def record_decision(
    event: Event,
    *,
    acting_user: Any,
    text: str | Translations,
    number: int | None = None,
    identifier: str = "",
    agenda_item: AgendaItem | None = None,
    visibility: str = "public",
) -> Decision:
    """Record a decision of the meeting, with or without an agenda item.

    Decisions are numbered within their meeting: `number` defaults to the
    next one. `identifier` is the reference the source prints, if any
    ("GCG4/D1"); the Hub invents none.
    """
    _check_agenda_item(event, agenda_item)
    if number is None:
        number = _next_number(event)
    _check_free_number(event.pk, number, None)
    decision = Decision(
        event=event,
        agenda_item=agenda_item,
        number=number,
        identifier=identifier.strip(),
        visibility=visibility,
    )
    # A twin number saved meanwhile is the database's to refuse.
    decision.order = next_order(event.decisions.all())
    set_text(decision, "text", text)
    decision.full_clean(validate_constraints=False)
    save_unique(decision, lambda: _number_taken(number))
    return decision


def _set_due(item: ActionItem, due: Any) -> None:
    if due is None:
        item.date_start = item.date_end = None
        item.date_precision = DatePrecision.DAY
        item.date_tentative = False
        return
    item.date_start = due.start
    item.date_end = due.end
    item.date_precision = due.precision
    item.date_tentative = due.tentative


@service
def record_action_item(
    event: Event,
    *,
    acting_user: Any,
    text: str | Translations,
    agenda_item: AgendaItem | None = None,
    owner_role: str = "",
    owner_organisation: Organisation | None = None,
    owner_person: Person | None = None,
    owner_note: str | Translations = "",
    due: Any = None,
    followed: bool = False,
    visibility: str = "public",
) -> ActionItem:
    """Record a next step with its owner and, if known, its due date.

    `due` is a `core.dates.ReportedDate` (a day, a month, tentative...).
    """
    _check_agenda_item(event, agenda_item)
    item = ActionItem(
        event=event,
        agenda_item=agenda_item,
        owner_role=owner_role,
        owner_organisation=owner_organisation,
        owner_person=owner_person,
        followed=followed,
        visibility=visibility,
    )
    _set_due(item, due)
    return add_row(item, event.action_items.all(), texts={"text": text, "owner_note": owner_note})


@service
def close_action_item(
    item: ActionItem, *, acting_user: Any, note: str, status: str = ActionItem.Status.DONE
) -> ActionItem:
    """Mark an open action item done (or dropped), saying what happened.

    The caller has checked `permissions.require(user, "close", item)`.
    """
    item = ActionItem.objects.select_for_update().get(pk=item.pk)
    if status not in (ActionItem.Status.DONE, ActionItem.Status.DROPPED):
        raise ValidationError(_("An action item is closed as done or dropped."))
    if item.status != ActionItem.Status.OPEN:
        raise ValidationError(_("This action item is already closed."))
    if not note.strip():
        raise ValidationError(_("Say in a sentence what was done, or why it was dropped."))
    item.status = status
    set_text(item, "done_note", note.strip())
    item.closed_at = timezone.now()
    item.closed_by = acting_user
    item.save()
    return item


# Correcting the record ------------------------------------------------------

_EXCHANGE_PARTIES = (
    "asked_by_role",
    "asked_by_organisation",
    "asked_by_person",
    "answered_by_role",
    "answered_by_organisation",
    "answered_by_person",
)


def _apply_exchange(exchange: Exchange, values: dict[str, Any]) -> None:
    _check_exchange_parties(
        asked=tuple(values[name] for name in _EXCHANGE_PARTIES[:3]),
        answered=tuple(values[name] for name in _EXCHANGE_PARTIES[3:]),
        answer=values["answer"],
    )
    for name in (*_EXCHANGE_PARTIES, "visibility"):
        setattr(exchange, name, values[name])


# Who asked, who answered, and what.
EXCHANGE_RULES = RowRules(
    arguments={
        "question": REQUIRED,
        "answer": "",
        "asked_by_role": "",
        "asked_by_organisation": None,
        "asked_by_person": None,
        "answered_by_role": "",
        "answered_by_organisation": None,
        "answered_by_person": None,
        "visibility": "public",
    },
    texts=("question", "answer"),
    apply=_apply_exchange,
)


def _apply_decision(decision: Decision, values: dict[str, Any]) -> None:
    number = values["number"]
    if number is not None and number != decision.number:
        _check_free_number(decision.event_id, number, decision)
        decision.number = number
    decision.identifier = values["identifier"].strip()
    decision.visibility = values["visibility"]


def _clean_decision(decision: Decision) -> None:
    # The number's uniqueness is checked above and, for a twin saved
    # meanwhile, by the database.
    decision.full_clean(validate_unique=False, validate_constraints=False)


def _write_decision(decision: Decision, state: None) -> None:
    save_unique(decision, lambda: _number_taken(decision.number))


# A decision's number, reference, text or visibility.
DECISION_RULES = RowRules(
    arguments={"text": REQUIRED, "number": None, "identifier": "", "visibility": "public"},
    texts=("text",),
    apply=_apply_decision,
    clean=_clean_decision,
    write=_write_decision,
)


def _apply_action_item(item: ActionItem, values: dict[str, Any]) -> None:
    for name in ("owner_role", "owner_organisation", "owner_person", "followed", "visibility"):
        setattr(item, name, values[name])
    _set_due(item, values["due"])


# An action item's text, owner, due date or visibility. Its status is left
# alone: closing an item is `close_action_item`.
ACTION_ITEM_RULES = RowRules(
    arguments={
        "text": REQUIRED,
        "owner_role": "",
        "owner_organisation": None,
        "owner_person": None,
        "owner_note": "",
        "due": None,
        "followed": False,
        "visibility": "public",
    },
    texts=("text", "owner_note"),
    apply=_apply_action_item,
)
