"""Writes through the API: the pages' services and permission rules, a
write-scoped token, once per Idempotency-Key; and the guards in front of
every call (size, rate limits, CORS)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from django.test import Client

from alliance87.api.services import create_token
from alliance87.core.dates import ReportedDate
from alliance87.events import services as events
from alliance87.events.models import ActionItem
from alliance87.pathfinders.models import ProgressUpdate
from alliance87.testing.factories import actions_of, make_event, make_pathfinder, make_roadmap
from alliance87.testing.personas import Personas, make_focal_point

pytestmark = pytest.mark.django_db


def token_of(user: Any, scope: str = "write") -> str:
    return create_token(user, name="t", scope=scope, days=1, acting_user=user)[1]


def send(method: str, path: str, body: Any, secret: str | None, **headers: str) -> Any:
    if secret:
        headers["Authorization"] = f"Bearer {secret}"
    return getattr(Client(), method)(
        f"/api/v1{path}", data=json.dumps(body), content_type="application/json", headers=headers
    )


@pytest.fixture
def action(db: None) -> Any:
    pathfinder = make_pathfinder("NPL")
    return actions_of(make_roadmap(pathfinder))[0]


@pytest.fixture
def focal(action: Any) -> Any:
    return make_focal_point("NPL")


PROGRESS = {"date": "2024-05-02", "text": "Labour inspectors trained in two provinces."}


def test_a_focal_point_posts_progress_once_whatever_the_retries(focal: Any, action: Any) -> None:
    secret = token_of(focal)
    path = f"/pathfinders/npl/actions/{action.pk}/progress"
    first = send("post", path, PROGRESS, secret, Idempotency_Key="retry-me")
    again = send("post", path, PROGRESS, secret, Idempotency_Key="retry-me")
    assert first.status_code == again.status_code == 201
    assert again["Idempotent-Replayed"] == "true"
    assert first.json() == again.json()
    assert ProgressUpdate.objects.filter(action=action).count() == 1
    update = ProgressUpdate.objects.get(action=action)
    assert update.author == focal


def test_one_key_for_two_different_requests_is_refused(focal: Any, action: Any) -> None:
    secret = token_of(focal)
    path = f"/pathfinders/npl/actions/{action.pk}/progress"
    send("post", path, PROGRESS, secret, Idempotency_Key="k")
    other = send("post", path, {**PROGRESS, "text": "Another"}, secret, Idempotency_Key="k")
    assert other.status_code == 422
    assert ProgressUpdate.objects.filter(action=action).count() == 1


def test_without_a_key_each_post_writes(focal: Any, action: Any) -> None:
    secret = token_of(focal)
    path = f"/pathfinders/npl/actions/{action.pk}/progress"
    send("post", path, PROGRESS, secret)
    send("post", path, PROGRESS, secret)
    assert ProgressUpdate.objects.filter(action=action).count() == 2


def test_a_focal_point_moves_an_actions_status(focal: Any, action: Any) -> None:
    response = send(
        "patch",
        f"/pathfinders/npl/actions/{action.pk}",
        {"status": "in_progress", "percent_done": 40},
        token_of(focal),
    )
    assert response.status_code == 200, response.content
    action.refresh_from_db()
    assert (action.status, action.percent_done) == ("in_progress", 40)


def test_the_services_refusals_are_problem_details(focal: Any, action: Any) -> None:
    future = (dt.date.today() + dt.timedelta(days=3)).isoformat()
    response = send(
        "post",
        f"/pathfinders/npl/actions/{action.pk}/progress",
        {**PROGRESS, "date": future},
        token_of(focal),
    )
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert "future" in response.json()["detail"]


def test_another_countrys_focal_point_gets_404(action: Any) -> None:
    other = make_focal_point("MRT")
    path = f"/pathfinders/npl/actions/{action.pk}/progress"
    assert send("post", path, PROGRESS, token_of(other)).status_code == 404
    assert not ProgressUpdate.objects.exists()


def test_a_read_only_token_may_not_write(focal: Any, action: Any) -> None:
    path = f"/pathfinders/npl/actions/{action.pk}/progress"
    assert send("post", path, PROGRESS, token_of(focal, "read")).status_code == 403
    assert send("post", path, PROGRESS, None).status_code == 401
    assert not ProgressUpdate.objects.exists()


def test_the_owner_closes_an_action_item(personas: Personas) -> None:
    event = make_event(
        "gcg-4", acting_user=personas.secretariat, date=ReportedDate(dt.date(2019, 4, 1))
    )
    item = events.record_action_item(
        event,
        acting_user=personas.secretariat,
        text="Share the workplan",
        owner_organisation=personas.partner_org,
    )
    body = {"note": "Shared in May.", "status": "done"}
    outsider = send("post", f"/action-items/{item.pk}/close", body, token_of(personas.outsider))
    assert outsider.status_code == 404
    response = send("post", f"/action-items/{item.pk}/close", body, token_of(personas.partner))
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "done"
    item.refresh_from_db()
    assert item.status == ActionItem.Status.DONE
    assert item.closed_by == personas.partner


def test_a_large_body_is_refused_before_anything_is_read(focal: Any, action: Any) -> None:
    path = f"/pathfinders/npl/actions/{action.pk}/progress"
    response = send("post", path, {**PROGRESS, "text": "x" * 70_000}, token_of(focal))
    assert response.status_code == 413


def test_too_many_calls_are_answered_429_with_retry_after(settings: Any) -> None:
    settings.API_RATE_PER_ADDRESS = 3
    statuses = [Client().get("/api/v1/countries?limit=1").status_code for _ in range(5)]
    assert statuses[:3] == [200, 200, 200]
    last = Client().get("/api/v1/countries?limit=1")
    assert last.status_code == 429
    assert int(last["Retry-After"]) > 0


def test_each_token_has_its_own_count(settings: Any, personas: Personas) -> None:
    settings.API_RATE_PER_TOKEN = 2
    secret = token_of(personas.partner, "read")
    headers = {"Authorization": f"Bearer {secret}"}
    statuses = [
        Client().get("/api/v1/countries?limit=1", headers=headers).status_code for _ in range(3)
    ]
    assert statuses == [200, 200, 429]


def test_cors_lets_other_sites_read_what_anonymous_callers_read_only(
    personas: Personas,
) -> None:
    anonymous = Client().get("/api/v1/countries?limit=1", headers={"Origin": "https://x.org"})
    assert anonymous["Access-Control-Allow-Origin"] == "*"
    secret = token_of(personas.partner, "read")
    signed = Client().get(
        "/api/v1/countries?limit=1",
        headers={"Origin": "https://x.org", "Authorization": f"Bearer {secret}"},
    )
    assert "Access-Control-Allow-Origin" not in signed
    preflight = Client().options(
        "/api/v1/countries",
        headers={"Origin": "https://x.org", "Access-Control-Request-Headers": "authorization"},
    )
    assert "authorization" not in preflight["Access-Control-Allow-Headers"].lower()
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
