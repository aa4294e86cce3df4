"""Recording a meeting's rows through the API: agenda items, questions
and answers, decisions and action items (records.py says what they
share)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Field, Schema, Status

from alliance87.api.callers import caller
from alliance87.api.endpoints import records
from alliance87.api.endpoints.events import (
    ActionItemOut,
    AgendaItemOut,
    DecisionOut,
    ExchangeOut,
)
from alliance87.api.endpoints.records import (
    DueIn,
    RoleName,
    Text,
    VisibilityName,
    agenda_item_of,
    as_read,
    checked,
    due,
    organisation,
    organisations,
    people,
    person,
    recordable,
)
from alliance87.events import services

# One address may take several methods: one router (records.py) for them.
router = records.router


class AgendaItemIn(Schema):
    number: str = Field(min_length=1, max_length=20, description='As printed: "3", "III", "3a"')
    title: Text
    objective: Text = ""
    minutes: Text = ""
    presenters_note: Text = ""
    presenter_organisations: list[str] = Field(default=[], max_length=50)
    presenter_people: list[str] = Field(default=[], max_length=50, description="Slugs")
    duration: int | None = Field(None, ge=1, le=1440, description="Minutes")
    visibility: VisibilityName = "public"  # type: ignore[valid-type]


class ExchangeIn(Schema):
    question: Text
    answer: Text = ""
    agenda_item: int | None = None
    asked_by_role: RoleName | None = None  # type: ignore[valid-type]
    asked_by_organisation: str | None = Field(None, max_length=100)
    asked_by_person: str | None = Field(None, max_length=100)
    answered_by_role: RoleName | None = None  # type: ignore[valid-type]
    answered_by_organisation: str | None = Field(None, max_length=100)
    answered_by_person: str | None = Field(None, max_length=100)
    visibility: VisibilityName = "public"  # type: ignore[valid-type]


class DecisionIn(Schema):
    text: Text
    number: int | None = Field(None, ge=1, le=10_000, description="The next one if absent")
    identifier: str = Field("", max_length=50, description='The source\'s own, e.g. "GCG4/D1"')
    agenda_item: int | None = None
    visibility: VisibilityName = "public"  # type: ignore[valid-type]


class ActionItemIn(Schema):
    text: Text
    agenda_item: int | None = None
    owner_role: RoleName | None = None  # type: ignore[valid-type]
    owner_organisation: str | None = Field(None, max_length=100)
    owner_person: str | None = Field(None, max_length=100)
    owner_note: Text = ""
    due: DueIn | None = None
    followed: bool = False
    visibility: VisibilityName = "public"  # type: ignore[valid-type]


@router.post(
    "/events/{slug}/agenda-items",
    response={201: AgendaItemOut},
    summary="Record an agenda item",
)
def record_agenda_item(request: HttpRequest, slug: str, body: AgendaItemIn) -> Status:
    """For the Secretariat. In the order of its number when the agenda's
    numbers all read as numbers, at the end otherwise."""
    event = recordable(request, slug)
    item = services.add_agenda_item(
        event,
        acting_user=caller(request),
        number=body.number,
        title=checked(body.title, "title"),
        objective=checked(body.objective, "objective"),
        minutes=checked(body.minutes, "minutes"),
        presenters_note=checked(body.presenters_note, "presenters_note"),
        presenter_organisations=organisations(request, body.presenter_organisations),
        presenter_people=people(request, body.presenter_people),
        duration=body.duration,
        visibility=body.visibility,
    )
    return Status(201, as_read(request, event, "agenda-items", item.pk))


@router.post(
    "/events/{slug}/exchanges",
    response={201: ExchangeOut},
    summary="Record a question asked and its answer",
)
def record_exchange(request: HttpRequest, slug: str, body: ExchangeIn) -> Status:
    event = recordable(request, slug)
    exchange = services.record_exchange(
        event,
        acting_user=caller(request),
        question=checked(body.question, "question"),
        answer=checked(body.answer, "answer"),
        agenda_item=agenda_item_of(event, body.agenda_item),
        asked_by_role=body.asked_by_role or "",
        asked_by_organisation=organisation(request, body.asked_by_organisation),
        asked_by_person=person(request, body.asked_by_person),
        answered_by_role=body.answered_by_role or "",
        answered_by_organisation=organisation(request, body.answered_by_organisation),
        answered_by_person=person(request, body.answered_by_person),
        visibility=body.visibility,
    )
    return Status(201, as_read(request, event, "exchanges", exchange.pk))


@router.post(
    "/events/{slug}/decisions",
    response={201: DecisionOut},
    summary="Record a decision",
)
def record_decision(request: HttpRequest, slug: str, body: DecisionIn) -> Status:
    """Numbered within its meeting (the next number unless one is given);
    `identifier` is the reference the source prints, if any."""
    event = recordable(request, slug)
    decision = services.record_decision(
        event,
        acting_user=caller(request),
        text=checked(body.text, "text"),
        number=body.number,
        identifier=body.identifier,
        agenda_item=agenda_item_of(event, body.agenda_item),
        visibility=body.visibility,
    )
    return Status(201, as_read(request, event, "decisions", decision.pk))


@router.post(
    "/events/{slug}/action-items",
    response={201: ActionItemOut},
    summary="Record an action item",
)
def record_action_item(request: HttpRequest, slug: str, body: ActionItemIn) -> Status:
    """A next step with its owner (a function, or an organisation) and, if
    the source gives one, its due date."""
    event = recordable(request, slug)
    item = services.record_action_item(
        event,
        acting_user=caller(request),
        text=checked(body.text, "text"),
        agenda_item=agenda_item_of(event, body.agenda_item),
        owner_role=body.owner_role or "",
        owner_organisation=organisation(request, body.owner_organisation),
        owner_person=person(request, body.owner_person),
        owner_note=checked(body.owner_note, "owner_note"),
        due=due(body.due),
        followed=body.followed,
        visibility=body.visibility,
    )
    return Status(201, as_read(request, event, "action-items", item.pk))
