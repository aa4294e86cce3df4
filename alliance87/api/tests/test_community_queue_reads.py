"""The moderators' queues through the API: a space's, for its moderators,
and every space's, for the Secretariat, read through the pages' reads
(community.moderation's `queue` and counts) and refused as the pages
refuse them (404), so that a flagged or held post is never shown to
anyone else."""

from __future__ import annotations

from typing import Any

import pytest

from alliance87.community import moderation, services
from alliance87.community.models import Post, PostState
from alliance87.testing.api import send
from alliance87.testing.community_api import Scene, build_scene, partner_colleague
from alliance87.testing.personas import Personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(personas: Personas) -> Scene:
    return build_scene(personas)


def moderator(scene: Scene) -> Any:
    """A colleague of the partner who moderates the commons."""
    user = partner_colleague(scene, "mona")
    services.set_moderator(scene.commons, user, acting_user=scene.personas.secretariat)
    return user


def flagged_and_held(scene: Scene) -> tuple[Post, Post]:
    """The partner's opening post, flagged twice, and a new account's
    reply, held for review."""
    opening = scene.thread.posts.order_by("created", "pk")[0]
    for name, reason, note in (("otto", "spam", ""), ("ines", "abusive", "Names a person")):
        moderation.flag_post(
            opening, acting_user=partner_colleague(scene, name), reason=reason, note=note
        )
    newcomer = partner_colleague(scene, "nina", joined_today=True)
    held = services.reply(scene.thread, acting_user=newcomer, body="Secret held reply")
    assert held.state == PostState.HELD
    return opening, held


def test_a_moderator_reads_their_space_s_flagged_and_held_posts(scene: Scene) -> None:
    opening, held = flagged_and_held(scene)
    mona = moderator(scene)
    flagged = send("get", "/community/spaces/commons/queue", None, mona)
    assert flagged.status_code == 200, flagged.content
    answer = flagged.json()
    assert (answer["space"], answer["show"]) == ("commons", "flagged")
    assert (answer["flagged_count"], answer["held_count"]) == (1, 1)
    [item] = answer["items"]
    assert (item["post"], item["thread"], item["space"]) == (
        opening.pk,
        scene.thread.pk,
        "commons",
    )
    assert item["open_flags"] == 2 and item["text"] == "Who pays them?"
    assert sorted(r["reason"] for r in item["reasons"]) == ["abusive", "spam"]
    assert {r["label"] for r in item["reasons"]} == {
        "Spam or advertising",
        "Abusive, hateful or harassing",
    }
    assert item["notes"] == ["Names a person"]
    assert item["url"].endswith(f"/community/posts/{opening.pk}/moderate/")
    assert answer["next_cursor"] is None
    waiting = send("get", "/community/spaces/commons/queue?show=held", None, mona).json()
    assert [i["post"] for i in waiting["items"]] == [held.pk]
    assert waiting["items"][0]["state"] == "held" and waiting["items"][0]["open_flags"] == 0
    # A page past the last one is empty.
    past = send("get", "/community/spaces/commons/queue?cursor=2", None, mona).json()
    assert past["items"] == [] and past["next_cursor"] is None


@pytest.mark.parametrize("who", ["partner", "member", "outsider", "anonymous"])
def test_who_does_not_moderate_the_space_reads_no_queue(scene: Scene, who: str) -> None:
    flagged_and_held(scene)
    user = {
        "partner": scene.personas.partner,
        "member": scene.member,
        "outsider": scene.personas.outsider,
        "anonymous": None,
    }[who]
    missing = send("get", "/community/spaces/no-such-space/queue", None, user)
    for show in ("flagged", "held"):
        refused = send("get", f"/community/spaces/commons/queue?show={show}", None, user)
        # As the queue's page: missing, whether the space is seen or not.
        assert refused.status_code == 404
        assert refused.json()["detail"] == missing.json()["detail"]
        assert "Secret held reply" not in refused.content.decode()
    across = send("get", "/community/queue?show=held", None, user)
    assert across.status_code == 404
    assert "Secret held reply" not in across.content.decode()


def test_a_moderator_of_one_space_reads_no_other_s_queue(scene: Scene) -> None:
    mona = moderator(scene)
    # The group's members-only space is hidden from her: missing.
    hidden = send("get", "/community/spaces/migration/queue", None, mona)
    assert hidden.status_code == 404
    # The public space she reads and does not moderate: missing too.
    assert send("get", "/community/spaces/open/queue", None, mona).status_code == 404
    # The Secretariat moderates every space.
    secretariat = scene.personas.secretariat
    assert send("get", "/community/spaces/migration/queue", None, secretariat).status_code == 200


def test_the_secretariat_reads_every_space_s_queue(scene: Scene) -> None:
    opening, held = flagged_and_held(scene)
    thread = services.start_thread(
        scene.group_space, acting_user=scene.member, title="Visas", body="Who issues them?"
    )
    elsewhere = thread.posts.get()
    moderation.flag_post(elsewhere, acting_user=scene.personas.secretariat, reason="spam", note="")
    secretariat = scene.personas.secretariat
    answer = send("get", "/community/queue", None, secretariat).json()
    assert (answer["space"], answer["flagged_count"], answer["held_count"]) == (None, 2, 1)
    assert {i["post"] for i in answer["items"]} == {opening.pk, elsewhere.pk}
    assert [(s["space"], s["flagged_count"], s["held_count"]) for s in answer["spaces"]] == [
        ("commons", 1, 1),
        ("migration", 1, 0),
    ]
    one = send("get", "/community/queue?space=migration", None, secretariat).json()
    assert [i["post"] for i in one["items"]] == [elsewhere.pk]
    assert (one["space"], one["flagged_count"], one["held_count"]) == ("migration", 1, 0)
    waiting = send("get", "/community/queue?show=held&space=commons", None, secretariat).json()
    assert [i["post"] for i in waiting["items"]] == [held.pk]
    # An unknown space holds nothing, as an unknown slug on every list.
    unknown = send("get", "/community/queue?space=no-such-space", None, secretariat).json()
    assert unknown["items"] == [] and unknown["flagged_count"] == 0
    # A space's moderator is not the Secretariat: missing.
    assert send("get", "/community/queue", None, moderator(scene)).status_code == 404


def test_a_queue_asked_for_badly_is_a_4xx(scene: Scene) -> None:
    secretariat = scene.personas.secretariat
    for query in ("show=hidden", "cursor=abc", "cursor=0"):
        for path in ("/community/queue", "/community/spaces/commons/queue"):
            response = send("get", f"{path}?{query}", None, secretariat)
            assert response.status_code == 422, (path, query, response.content)
            assert response["Content-Type"] == "application/problem+json"
