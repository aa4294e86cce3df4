"""The Secretariat corrects recorded rows of a meeting through the API
(PATCH, the record page's "Edit": `events.services.correct_row`), and
names people, not only organisations, as presenters, askers and owners:
looked up and shown as the pages show people to the caller."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.test import Client

from alliance87.api.api import api
from alliance87.api.services import create_token
from alliance87.core.dates import ReportedDate
from alliance87.events import services
from alliance87.events.models import ActionItem, AgendaItem, Decision, Event, Exchange
from alliance87.partners.models import Person
from alliance87.testing.factories import make_event, make_group
from alliance87.testing.personas import Personas, make_chair, make_focal_point

pytestmark = pytest.mark.django_db


def call(
    method: str, path: str, body: Any, user: Any, scope: str = "write", **headers: str
) -> Any:
    if user is not None:
        secret = create_token(user, name="t", scope=scope, days=1, acting_user=user)[1]
        headers["Authorization"] = f"Bearer {secret}"
    if method == "get":
        return Client().get(f"/api/v1/events/{path}", headers=headers)
    return getattr(Client(), method)(
        f"/api/v1/events/{path}",
        data=json.dumps(body),
        content_type="application/json",
        headers=headers,
    )


@pytest.fixture
def meeting(personas: Personas) -> Event:
    return make_event(
        "gcg-9", acting_user=personas.secretariat, date=ReportedDate(dt.date(2024, 3, 1))
    )


@pytest.fixture
def rapporteur() -> Person:
    # A person's name is partners' content by default (Person.visibility).
    return Person.objects.create(slug="ana-rapporteur", name="Ana Rapporteur")


def test_the_secretariat_corrects_an_exchange_and_names_a_person(
    personas: Personas, meeting: Event, rapporteur: Person
) -> None:
    exchange = services.record_exchange(
        meeting, acting_user=personas.secretariat, question="Who funds it?", asked_by_role="chair"
    )
    response = call(
        "patch",
        f"gcg-9/exchanges/{exchange.pk}",
        {
            "asked_by_person": "ana-rapporteur",
            "answer": "The members.",
            "answered_by_role": "chair",
        },
        personas.secretariat,
    )
    assert response.status_code == 200, response.content
    answered = response.json()
    assert answered["id"] == exchange.pk
    assert "Ana Rapporteur" in answered["asked_by"] and answered["answer"] == "The members."
    exchange.refresh_from_db()
    # What was not given is kept.
    assert (exchange.question, exchange.asked_by_role) == ("Who funds it?", "chair")
    assert exchange.asked_by_person == rapporteur
    # Audited: the audit log keeps what the row said before.
    assert LogEntry.objects.get_for_object(exchange).filter(action=LogEntry.Action.UPDATE).exists()


def test_a_named_person_is_shown_as_the_pages_show_people(
    personas: Personas, meeting: Event, rapporteur: Person
) -> None:
    item = services.record_action_item(
        meeting, acting_user=personas.secretariat, text="Circulate", owner_role="secretariat"
    )
    changed = call(
        "patch",
        f"gcg-9/action-items/{item.pk}",
        {"owner_person": "ana-rapporteur"},
        personas.secretariat,
    )
    assert changed.status_code == 200, changed.content
    assert changed.json()["owner"] == "Secretariat, Ana Rapporteur"

    def owner(user: Any) -> str:
        read = call("get", "gcg-9", None, user)
        return str(read.json()["action_items"][0]["owner"])

    # The public does not see a partners' person: the page leaves the name
    # out, and so does the API; a partner sees it.
    assert owner(None) == "Secretariat"
    assert "Ana Rapporteur" not in Client().get("/en/events/gcg-9/").content.decode()
    assert owner(personas.partner) == "Secretariat, Ana Rapporteur"


def test_people_are_named_when_rows_are_recorded(
    personas: Personas, meeting: Event, rapporteur: Person
) -> None:
    item = call(
        "post",
        "gcg-9/agenda-items",
        {"number": "1", "title": "Opening", "presenter_people": ["ana-rapporteur"]},
        personas.secretariat,
    )
    assert item.status_code == 201, item.content
    assert item.json()["presenters"] == "Ana Rapporteur"
    assert list(AgendaItem.objects.get().presenter_people.all()) == [rapporteur]
    exchange = call(
        "post",
        "gcg-9/exchanges",
        {"question": "Q", "asked_by_person": "ana-rapporteur"},
        personas.secretariat,
    )
    assert exchange.status_code == 201, exchange.content
    assert exchange.json()["asked_by"] == "Ana Rapporteur"
    action = call(
        "post",
        "gcg-9/action-items",
        {"text": "Do", "owner_person": "ana-rapporteur"},
        personas.secretariat,
    )
    assert action.json()["owner"] == "Ana Rapporteur"
    unknown = call(
        "post",
        "gcg-9/action-items",
        {"text": "Do", "owner_person": "nobody"},
        personas.secretariat,
    )
    assert unknown.status_code == 422 and "'nobody'" in unknown.json()["detail"]
    assert ActionItem.objects.count() == 1


def test_each_part_is_corrected_with_its_own_fields(personas: Personas, meeting: Event) -> None:
    secretariat = personas.secretariat
    item = services.add_agenda_item(meeting, acting_user=secretariat, number="1", title="Opening")
    decision = services.record_decision(meeting, acting_user=secretariat, text="Adopt")
    action = services.record_action_item(
        meeting,
        acting_user=secretariat,
        text="Write",
        owner_role="secretariat",
        due=ReportedDate(dt.date(2024, 5, 1)),
    )
    agenda = call(
        "patch",
        f"gcg-9/agenda-items/{item.pk}",
        {"title": {"en": "Welcome", "fr": "Accueil"}, "duration": 15},
        secretariat,
    )
    assert agenda.status_code == 200, agenda.content
    item.refresh_from_db()
    titles = [getattr(item, f"title_{code}") for code in ("en", "fr")]
    assert (*titles, item.duration, item.number) == (
        "Welcome",
        "Accueil",
        15,
        "1",
    )
    renumbered = call(
        "patch", f"gcg-9/decisions/{decision.pk}", {"number": 4, "identifier": "D4"}, secretariat
    )
    assert renumbered.json()["number"] == 4 and renumbered.json()["text"] == "Adopt"
    undated = call("patch", f"gcg-9/action-items/{action.pk}", {"due": None}, secretariat)
    assert undated.status_code == 200, undated.content
    action.refresh_from_db()
    assert action.date_start is None and action.text == "Write"
    french = call(
        "patch",
        f"gcg-9/decisions/{decision.pk}",
        {"text": "Adopter"},
        secretariat,
        Accept_Language="fr",
    )
    assert french.status_code == 200
    decision.refresh_from_db()
    assert [getattr(decision, f"text_{code}") for code in ("en", "fr")] == ["Adopt", "Adopter"]


@pytest.mark.parametrize(
    ("part", "body", "says"),
    [
        ("exchanges", {"identifier": "X"}, "exchanges take no identifier"),
        ("decisions", {"text": None}, "a value is needed"),
        ("decisions", {"number": "2a"}, "whole number"),
        ("decisions", {"number": 2}, "already has a decision numbered 2"),
        ("exchanges", {"asked_by_role": None}, "Say who asked"),
        ("exchanges", {"asked_by_person": "nobody"}, "'nobody'"),
        ("decisions", {"text": "x" * 5001}, "at most 5,000"),
    ],
)
def test_a_refused_correction_is_a_problem_detail_and_changes_nothing(
    personas: Personas, meeting: Event, part: str, body: Any, says: str
) -> None:
    secretariat = personas.secretariat
    rows = {
        "exchanges": services.record_exchange(
            meeting, acting_user=secretariat, question="Q?", asked_by_role="chair"
        ),
        "decisions": services.record_decision(meeting, acting_user=secretariat, text="Kept"),
    }
    services.record_decision(meeting, acting_user=secretariat, text="Other")
    response = call("patch", f"gcg-9/{part}/{rows[part].pk}", body, secretariat)
    assert response.status_code == 422, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert says in response.json()["detail"]
    assert Decision.objects.get(pk=rows["decisions"].pk).text == "Kept"
    assert Decision.objects.get(pk=rows["decisions"].pk).number == 1
    assert Exchange.objects.get().asked_by_role == "chair"


@pytest.mark.parametrize("who", ["outsider", "partner", "focal point", "chair", "anonymous"])
def test_who_may_not_record_corrects_nothing(personas: Personas, meeting: Event, who: str) -> None:
    decision = services.record_decision(meeting, acting_user=personas.secretariat, text="Stays")
    if who == "focal point":
        user = make_focal_point("NPL")
    elif who == "chair":
        user = make_chair(make_group("migration", "Migration"), personas.partner_org, "chair")
    elif who == "anonymous":
        user = None
    else:
        user = getattr(personas, who)
    response = call("patch", f"gcg-9/decisions/{decision.pk}", {"text": "Changed"}, user)
    assert response.status_code == (401 if user is None else 404)
    assert response["Content-Type"] == "application/problem+json"
    read_only = call(
        "patch",
        f"gcg-9/decisions/{decision.pk}",
        {"text": "Changed"},
        personas.secretariat,
        scope="read",
    )
    assert read_only.status_code == 403
    assert Decision.objects.get(pk=decision.pk).text == "Stays"


def test_a_row_is_corrected_only_through_its_own_meeting_and_kind(
    personas: Personas, meeting: Event
) -> None:
    secretariat = personas.secretariat
    decision = services.record_decision(meeting, acting_user=secretariat, text="Stays")
    make_event("gcg-10", acting_user=secretariat, date=ReportedDate(dt.date(2024, 9, 1)))
    body = {"text": "Changed"}
    assert call("patch", f"gcg-10/decisions/{decision.pk}", body, secretariat).status_code == 404
    assert call("patch", f"gcg-9/action-items/{decision.pk}", body, secretariat).status_code == 404
    assert Decision.objects.get(pk=decision.pk).text == "Stays"


def test_a_retried_correction_with_its_key_is_answered_again(
    personas: Personas, meeting: Event
) -> None:
    secretariat = personas.secretariat
    decision = services.record_decision(meeting, acting_user=secretariat, text="Adopt")
    secret = create_token(secretariat, name="t", scope="write", days=1, acting_user=secretariat)[1]

    def patch(body: Any) -> Any:
        return Client().patch(
            f"/api/v1/events/gcg-9/decisions/{decision.pk}",
            data=json.dumps(body),
            content_type="application/json",
            headers={"Authorization": f"Bearer {secret}", "Idempotency-Key": "fix-1"},
        )

    first, again = patch({"text": "Adopted"}), patch({"text": "Adopted"})
    assert first.status_code == again.status_code == 200
    assert again["Idempotent-Replayed"] == "true" and first.json() == again.json()
    assert patch({"text": "Other"}).status_code == 422
    assert Decision.objects.get(pk=decision.pk).text == "Adopted"
    updates = LogEntry.objects.get_for_object(decision).filter(action=LogEntry.Action.UPDATE)
    assert updates.count() == 1


def test_the_schema_describes_the_corrections() -> None:
    path = api.get_openapi_schema()["paths"]["/api/v1/events/{slug}/{part}/{row_id}"]
    assert {"patch", "delete"} <= set(path)
    assert {"200", "403", "404", "422"} <= {str(s) for s in path["patch"]["responses"]}
