"""The events' own fixtures: the GCG meetings series, its member, and a
recorded meeting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest

from alliance87.core.dates import ReportedDate
from alliance87.events import services
from alliance87.events.models import (
    ActionItem,
    AgendaItem,
    Decision,
    Document,
    Event,
    EventSeries,
    Exchange,
)
from alliance87.groups.models import Group, GroupKind
from alliance87.groups.services import save_group
from alliance87.testing.factories import make_event
from alliance87.testing.personas import make_member

D = dt.date


@pytest.fixture
def gcg(db: None) -> EventSeries:
    return EventSeries.objects.create(
        slug="gcg-meetings",
        name="GCG meetings",
        name_en="GCG meetings",
        body="Global Coordinating Group",
        body_en="Global Coordinating Group",
        body_short="GCG",
        body_short_en="GCG",
    )


@pytest.fixture
def member(personas: Any) -> Any:
    """The group member: works for an organisation that is not a partner but
    is a current member of the Global Coordinating Group, whose meetings
    these are. A member reads the record; only the Secretariat writes it."""
    name = "Global Coordinating Group"
    group = Group(slug="gcg", name=name, name_en=name)
    group.kind = GroupKind.GCG
    group = save_group(group, acting_user=personas.secretariat)
    return make_member(group, acting_user=personas.secretariat)


@dataclass
class Record:
    """A published meeting with one row of each kind the record page lists."""

    event: Event
    item: AgendaItem
    exchange: Exchange
    decision: Decision
    action: ActionItem
    document: Document

    def row(self, kind: str) -> Any:
        return {
            "agenda": self.item,
            "exchange": self.exchange,
            "decision": self.decision,
            "action": self.action,
            "document": self.document,
        }[kind]


@pytest.fixture
def recorded(personas: Any, gcg: EventSeries) -> Record:
    sec = personas.secretariat
    event = make_event(
        "gcg-4", acting_user=sec, series=gcg, number=4, date=ReportedDate(D(2019, 4, 1))
    )
    item = services.add_agenda_item(
        event, acting_user=sec, number="I", title="Welcome", minutes="The Chair opened."
    )
    return Record(
        event=event,
        item=item,
        exchange=services.record_exchange(
            event,
            acting_user=sec,
            agenda_item=item,
            question="How will the survey run?",
            asked_by_organisation=personas.partner_org,
            answer="Online, in May.",
            answered_by_role="secretariat",
        ),
        decision=services.record_decision(
            event, acting_user=sec, agenda_item=item, identifier="GCG4/D1", text="Agreed."
        ),
        action=services.record_action_item(
            event, acting_user=sec, agenda_item=item, text="Send the survey", owner_role="chair"
        ),
        document=services.attach_document(
            event, acting_user=sec, kind="report", title="Report", url="https://example.org/r"
        ),
    )
