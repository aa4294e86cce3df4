"""GET /api/v1/community/spaces/{slug}/threads/{id}: what the thread, or
one of its posts, became (`became`: action items and library resources,
community/conversions.py), each listed only to a caller who may see it, as
the thread's page shows them."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from alliance87.community import conversions
from alliance87.core.dates import ReportedDate
from alliance87.testing.api import send
from alliance87.testing.community_api import Scene, build_scene, partner_colleague
from alliance87.testing.factories import make_event
from alliance87.testing.personas import Personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(personas: Personas) -> Scene:
    return build_scene(personas)


def became(scene: Scene, user: Any) -> list[dict[str, Any]]:
    path = f"/community/spaces/commons/threads/{scene.thread.pk}"
    response = send("get", path, None, user)
    assert response.status_code == 200
    return list(response.json()["became"])


def meeting(scene: Scene, slug: str, **values: Any) -> Any:
    return make_event(
        slug,
        acting_user=scene.personas.secretariat,
        date=ReportedDate(dt.date(2026, 3, 2)),
        **values,
    )


def test_a_thread_lists_the_action_item_and_resource_it_became(scene: Scene) -> None:
    secretariat, partner = scene.personas.secretariat, scene.personas.partner
    assert became(scene, partner) == []
    event = meeting(scene, "gcg-9")
    opening = scene.thread.posts.get()
    item = conversions.turn_into_action_item(
        scene.thread,
        acting_user=secretariat,
        event=event,
        post=opening,
        text="Survey the fees charged",
        owner_note="ILO",
        visibility="partners",
    )
    resource = conversions.turn_into_resource(
        scene.thread,
        acting_user=partner,
        title="Who pays recruitment fees",
        summary="Employers should pay them.",
        resource_type="other",
        language="en",
    )
    assert became(scene, partner) == [
        {
            "kind": "action_item",
            "action_item": item.pk,
            "event": "gcg-9",
            "resource": None,
            "title": "Survey the fees charged",
            "post": opening.pk,
            "url": "http://testserver" + item.get_absolute_url(),
        },
        {
            "kind": "resource",
            "action_item": None,
            "event": None,
            "resource": resource.slug,
            "title": "Who pays recruitment fees",
            "post": None,
            "url": "http://testserver" + resource.get_absolute_url(),
        },
    ]
    assert [o["kind"] for o in became(scene, secretariat)] == ["action_item", "resource"]


def test_what_the_caller_may_not_see_is_not_listed(scene: Scene) -> None:
    secretariat, partner = scene.personas.secretariat, scene.personas.partner
    # A draft meeting's action items are the Secretariat's only.
    draft = meeting(scene, "gcg-10", publish=False)
    conversions.turn_into_action_item(
        scene.thread,
        acting_user=secretariat,
        event=draft,
        text="Plan the draft meeting",
        owner_note="Secretariat",
        visibility="partners",
    )
    # The Secretariat's resource from a thread is a draft of the library,
    # the Secretariat's until published.
    conversions.turn_into_resource(
        scene.thread,
        acting_user=secretariat,
        title="A draft resource",
        summary="Not yet reviewed.",
        resource_type="other",
        language="en",
    )
    for reader in (partner, partner_colleague(scene)):
        assert became(scene, reader) == []
    titles = [o["title"] for o in became(scene, secretariat)]
    assert titles == ["Plan the draft meeting", "A draft resource"]
    # Whoever may not see the thread gets 404, as for a missing one.
    path = f"/community/spaces/commons/threads/{scene.thread.pk}"
    assert send("get", path, None, scene.personas.outsider).status_code == 404


def test_the_schema_describes_what_a_thread_became(client: Any) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    operation = schema["paths"]["/api/v1/community/spaces/{slug}/threads/{thread_id}"]["get"]
    ref = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    detail = schema["components"]["schemas"][ref.rsplit("/", 1)[1]]
    assert "became" in detail["required"]
    outcome = detail["properties"]["became"]["items"]["$ref"].rsplit("/", 1)[1]
    fields = schema["components"]["schemas"][outcome]["properties"]
    assert set(fields) == {"kind", "action_item", "event", "resource", "title", "post", "url"}
