"""The Secretariat records a meeting through the API: agenda items,
questions and answers, decisions and action items, through the record
page's services and permission rule, once per Idempotency-Key; texts in
one language or three; refusals as problem details."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.test import Client

from alliance87.api.services import create_token
from alliance87.core.dates import ReportedDate
from alliance87.events.models import ActionItem, AgendaItem, Decision, Event, Exchange
from alliance87.testing.factories import make_event, make_group, make_organisation
from alliance87.testing.personas import Personas, make_chair, make_focal_point

pytestmark = pytest.mark.django_db


def post(path: str, body: Any, user: Any, scope: str = "write", **headers: str) -> Any:
    secret = create_token(user, name="t", scope=scope, days=1, acting_user=user)[1]
    return Client().post(
        f"/api/v1/events/{path}",
        data=json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {secret}", **headers},
    )


@pytest.fixture
def meeting(personas: Personas) -> Event:
    return make_event(
        "gcg-9", acting_user=personas.secretariat, date=ReportedDate(dt.date(2024, 3, 1))
    )


def test_the_secretariat_records_a_meeting_row_by_row(personas: Personas, meeting: Event) -> None:
    ilo = make_organisation("ilo", "International Labour Organization")
    item = post(
        "gcg-9/agenda-items",
        {
            "number": "2",
            "title": {"en": "Workplan", "fr": "Plan de travail", "es": "Plan de trabajo"},
            "presenter_organisations": ["ilo"],
        },
        personas.secretariat,
    )
    assert item.status_code == 201, item.content
    agenda_id = item.json()["id"]
    saved = AgendaItem.objects.get(pk=agenda_id)
    assert tuple(getattr(saved, f"title_{code}") for code in ("en", "fr", "es")) == (
        "Workplan",
        "Plan de travail",
        "Plan de trabajo",
    )
    assert list(saved.presenter_organisations.all()) == [ilo]
    exchange = post(
        "gcg-9/exchanges",
        {
            "question": "Who funds it?",
            "answer": "The members.",
            "agenda_item": agenda_id,
            "asked_by_organisation": "ilo",
            "answered_by_role": "chair",
        },
        personas.secretariat,
    )
    assert exchange.status_code == 201, exchange.content
    assert exchange.json()["asked_by"] == "International Labour Organization"
    decision = post(
        "gcg-9/decisions",
        {"text": "Adopt the workplan", "agenda_item": agenda_id, "identifier": "GCG9/D1"},
        personas.secretariat,
    )
    assert decision.status_code == 201, decision.content
    assert decision.json()["number"] == 1
    action = post(
        "gcg-9/action-items",
        {
            "text": "Circulate the workplan",
            "owner_role": "secretariat",
            "due": {"start": "2024-05-01", "precision": "month"},
            "followed": True,
        },
        personas.secretariat,
    )
    assert action.status_code == 201, action.content
    assert action.json()["due"]["precision"] == "month"
    assert action.json()["owner"] == "Secretariat"
    assert Exchange.objects.filter(event=meeting).count() == 1
    assert Decision.objects.get(event=meeting).identifier == "GCG9/D1"
    assert ActionItem.objects.get(event=meeting).followed
    # The meeting's page and its API read show what was recorded.
    page = Client().get("/en/events/gcg-9/").content.decode()
    assert "Adopt the workplan" in page and "Circulate the workplan" in page


def test_a_text_as_one_string_is_written_in_the_language_asked(
    personas: Personas, meeting: Event
) -> None:
    response = post(
        "gcg-9/decisions",
        {"text": "Adopter le plan"},
        personas.secretariat,
        Accept_Language="fr",
    )
    assert response.status_code == 201, response.content
    decision = Decision.objects.get(pk=response.json()["id"])
    assert [getattr(decision, f"text_{code}") for code in ("fr", "en")] == [
        "Adopter le plan",
        "Adopter le plan",
    ]


def test_a_retried_post_with_its_key_records_once(personas: Personas, meeting: Event) -> None:
    body = {"text": "Hold a forum"}
    first = post("gcg-9/decisions", body, personas.secretariat, Idempotency_Key="once")
    again = post("gcg-9/decisions", body, personas.secretariat, Idempotency_Key="once")
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert Decision.objects.filter(event=meeting).count() == 1


@pytest.mark.parametrize("who", ["partner", "outsider", "focal point", "chair"])
def test_who_may_not_record_is_refused_and_nothing_is_written(
    personas: Personas, meeting: Event, who: str
) -> None:
    if who == "focal point":
        user = make_focal_point("NPL")
    elif who == "chair":
        user = make_chair(make_group("migration", "Migration"), personas.partner_org, "chair")
    else:
        user = getattr(personas, who)
    response = post("gcg-9/decisions", {"text": "Not theirs"}, user)
    assert response.status_code in (403, 404)
    assert response["Content-Type"] == "application/problem+json"
    assert not Decision.objects.filter(event=meeting).exists()


def test_a_read_only_token_may_not_record(personas: Personas, meeting: Event) -> None:
    response = post("gcg-9/decisions", {"text": "No"}, personas.secretariat, scope="read")
    assert response.status_code == 403
    assert not Decision.objects.filter(event=meeting).exists()


@pytest.mark.parametrize(
    ("path", "body", "says"),
    [
        ("gcg-9/decisions", {"text": "Twice", "number": 1}, "already has a decision numbered 1"),
        ("gcg-9/decisions", {"text": "Where?", "agenda_item": 999999}, "no agenda item"),
        ("gcg-9/action-items", {"text": "Who?", "owner_organisation": "nobody"}, "'nobody'"),
        (
            "gcg-9/action-items",
            {"text": "When?", "due": {"start": "2024-05-02", "precision": "month"}},
            "",
        ),
        ("gcg-9/decisions", {"text": "x" * 5001}, "at most 5,000"),
        ("gcg-9/decisions", {"text": {"de": "Nein"}}, ""),
        (
            "gcg-9/exchanges",
            {"question": "Asked", "answer": "Said", "asked_by_role": "chair"},
            "who answered",
        ),
        ("no-such-meeting/decisions", {"text": "Lost"}, ""),
    ],
)
def test_a_refused_row_is_a_problem_detail_and_writes_nothing(
    personas: Personas, meeting: Event, path: str, body: Any, says: str
) -> None:
    post("gcg-9/decisions", {"text": "The first"}, personas.secretariat)
    response = post(path, body, personas.secretariat)
    assert response.status_code in (404, 422), response.content
    assert response["Content-Type"] == "application/problem+json"
    assert says in response.content.decode()
    assert Decision.objects.filter(event=meeting).count() == 1
    assert not ActionItem.objects.exists()
    assert not Exchange.objects.exists()


def test_the_secretariat_names_an_organisation_the_public_does_not_see(
    personas: Personas, meeting: Event
) -> None:
    # Organisations are looked up as the directory shows them to the caller.
    make_organisation("quiet", "Quiet", visibility="partners")
    response = post(
        "gcg-9/action-items",
        {"text": "Quiet's step", "owner_organisation": "quiet"},
        personas.secretariat,
    )
    assert response.status_code == 201


def delete(path: str, user: Any, scope: str = "write", **headers: str) -> Any:
    if user is not None:
        secret = create_token(user, name="t", scope=scope, days=1, acting_user=user)[1]
        headers["Authorization"] = f"Bearer {secret}"
    return Client().delete(f"/api/v1/events/{path}", headers=headers)


def test_the_secretariat_removes_a_row_and_an_agenda_item_takes_its_rows(
    personas: Personas, meeting: Event
) -> None:
    from alliance87.events import services

    secretariat = personas.secretariat
    item = services.add_agenda_item(meeting, acting_user=secretariat, number="1", title="Opening")
    kept = services.record_decision(meeting, acting_user=secretariat, text="Kept")
    under = services.record_decision(
        meeting, acting_user=secretariat, text="Under the item", agenda_item=item
    )
    removed = delete(f"gcg-9/decisions/{kept.pk}", secretariat, Idempotency_Key="rm-1")
    assert removed.status_code == 204 and removed.content == b""
    assert not Decision.objects.filter(pk=kept.pk).exists()
    # Retried with its key: the same answer, nothing more; without: gone.
    again = delete(f"gcg-9/decisions/{kept.pk}", secretariat, Idempotency_Key="rm-1")
    assert again.status_code == 204 and again["Idempotent-Replayed"] == "true"
    assert delete(f"gcg-9/decisions/{kept.pk}", secretariat).status_code == 404
    assert delete(f"gcg-9/agenda-items/{item.pk}", secretariat).status_code == 204
    assert not Decision.objects.filter(pk=under.pk).exists()
    assert not AgendaItem.objects.filter(event=meeting).exists()


@pytest.mark.parametrize("who", ["outsider", "partner", "focal point", "chair", "anonymous"])
def test_who_may_not_record_removes_nothing(personas: Personas, meeting: Event, who: str) -> None:
    from alliance87.events import services

    decision = services.record_decision(meeting, acting_user=personas.secretariat, text="Stays")
    if who == "focal point":
        user = make_focal_point("NPL")
    elif who == "chair":
        user = make_chair(make_group("migration", "Migration"), personas.partner_org, "chair")
    elif who == "anonymous":
        user = None
    else:
        user = getattr(personas, who)
    response = delete(f"gcg-9/decisions/{decision.pk}", user)
    assert response.status_code == (401 if user is None else 404)
    assert response["Content-Type"] == "application/problem+json"
    read_only = delete(f"gcg-9/decisions/{decision.pk}", personas.secretariat, scope="read")
    assert read_only.status_code == 403
    assert Decision.objects.filter(pk=decision.pk).exists()


def test_a_row_is_removed_only_through_its_own_meeting_and_kind(
    personas: Personas, meeting: Event
) -> None:
    from alliance87.events import services

    secretariat = personas.secretariat
    decision = services.record_decision(meeting, acting_user=secretariat, text="Stays")
    make_event("gcg-10", acting_user=secretariat, date=ReportedDate(dt.date(2024, 9, 1)))
    assert delete(f"gcg-10/decisions/{decision.pk}", secretariat).status_code == 404
    assert delete(f"gcg-9/action-items/{decision.pk}", secretariat).status_code == 404
    assert delete(f"gcg-9/minutes/{decision.pk}", secretariat).status_code == 422
    assert Decision.objects.filter(pk=decision.pk).exists()
