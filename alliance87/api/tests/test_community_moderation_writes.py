"""The community's other writes through the API: flag a post, join and
leave a space and choose its mail, and, for a space's moderators, hide,
restore, approve and reject posts, pin and close threads; each through
the pages' services and rules, with its outsider."""

from __future__ import annotations

from typing import Any

import pytest

from alliance87.api.api import api
from alliance87.community import moderation, services
from alliance87.community.models import Flag, Level, Post, PostState, SpaceMember, Thread
from alliance87.testing.api import send, token_of
from alliance87.testing.community_api import Scene, build_scene, partner_colleague, replies
from alliance87.testing.personas import Personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(personas: Personas) -> Scene:
    return build_scene(personas)


def opening(scene: Scene) -> Post:
    return scene.thread.posts.order_by("created", "pk")[0]


def moderator(scene: Scene) -> Any:
    """A colleague of the partner who moderates the commons."""
    user = partner_colleague(scene, "mona")
    services.set_moderator(scene.commons, user, acting_user=scene.personas.secretariat)
    return user


# --- Flag -----------------------------------------------------------------------


def test_a_reader_flags_a_post_once_with_a_reason(scene: Scene) -> None:
    path = f"/community/posts/{opening(scene).pk}/flag"
    colleague = partner_colleague(scene)
    secret = token_of(colleague)
    flagged = send("post", path, {"reason": "spam"}, secret=secret)
    assert flagged.status_code == 201, flagged.content
    assert flagged.json() == {"post": opening(scene).pk, "reason": "spam"}
    assert Flag.objects.get().user == colleague
    again = send("post", path, {"reason": "spam"}, secret=secret)
    assert again.status_code == 409 and "already flagged" in again.json()["detail"]
    # "Something else" needs a note; a reason not offered is not understood.
    other = partner_colleague(scene, "otto")
    assert send("post", path, {"reason": "other"}, other).status_code == 422
    assert send("post", path, {"reason": "other", "note": "  "}, other).status_code == 422
    assert send("post", path, {"reason": "ugly"}, other).status_code == 422
    assert Flag.objects.count() == 1
    noted = send("post", path, {"reason": "other", "note": "Names a minor"}, other)
    assert noted.status_code == 201 and Flag.objects.get(user=other).note == "Names a minor"


def test_its_author_the_suspended_and_who_cannot_see_it_flag_nothing(scene: Scene) -> None:
    path = f"/community/posts/{opening(scene).pk}/flag"
    own = send("post", path, {"reason": "spam"}, scene.personas.partner)
    assert own.status_code == 403
    assert own.json()["detail"] == "You cannot flag your own post."
    colleague = partner_colleague(scene)
    moderation.suspend(
        scene.commons, colleague, acting_user=scene.personas.secretariat, reason="Spam"
    )
    suspended = send("post", path, {"reason": "spam"}, colleague)
    assert suspended.status_code == 403
    assert suspended.json()["detail"].startswith("You are suspended from this space")
    # The outsider does not see the partners' commons: as a missing post.
    hidden = send("post", path, {"reason": "spam"}, scene.personas.outsider)
    missing = send("post", "/community/posts/999999/flag", {"reason": "spam"}, scene.member)
    assert hidden.status_code == missing.status_code == 404
    assert hidden.json()["detail"] == missing.json()["detail"]
    assert send("post", path, {"reason": "spam"}, None).status_code == 401
    assert not Flag.objects.exists()


# --- Join, mail level, leave ------------------------------------------------------


def test_a_partner_joins_chooses_their_mail_and_leaves(scene: Scene) -> None:
    colleague = partner_colleague(scene)
    secret = token_of(colleague)
    path = "/community/spaces/commons/membership"
    joined = send("post", path, {"level": "digest"}, secret=secret)
    assert joined.status_code == 200, joined.content
    assert joined.json() == {"space": "commons", "role": "member", "level": "digest"}
    chosen = send("patch", path, {"level": "nothing"}, secret=secret)
    assert chosen.json()["level"] == "nothing"
    assert SpaceMember.objects.get(space=scene.commons, user=colleague).level == Level.NOTHING
    assert send("patch", path, {"level": "often"}, secret=secret).status_code == 422
    left = send("delete", path, None, secret=secret)
    assert left.status_code == 204
    assert not SpaceMember.objects.filter(space=scene.commons, user=colleague).exists()


def test_who_may_not_post_may_not_join_and_a_hidden_space_is_missing(scene: Scene) -> None:
    outsider = scene.personas.outsider
    # The public space: the outsider reads it, and is told who may join.
    refused = send("post", "/community/spaces/open/membership", {}, outsider)
    assert refused.status_code == 403
    assert refused.json()["detail"].startswith("Members of partner organisations")
    for method in ("post", "patch", "delete"):
        hidden = send(
            method, "/community/spaces/migration/membership", {"level": "digest"}, outsider
        )
        missing = send(
            method, "/community/spaces/nowhere/membership", {"level": "digest"}, outsider
        )
        assert hidden.status_code == missing.status_code == 404, method
    assert not SpaceMember.objects.filter(user=outsider).exists()


# --- Moderation -------------------------------------------------------------------


def test_a_moderator_hides_and_restores_a_post_with_a_reason(scene: Scene) -> None:
    reply = services.reply(scene.thread, acting_user=scene.personas.partner, body="Buy now")
    services.reply(scene.thread, acting_user=scene.personas.secretariat, body="Later")
    colleague = partner_colleague(scene)
    moderation.flag_post(reply, acting_user=colleague, reason="spam")
    secret = token_of(moderator(scene))
    path = f"/community/posts/{reply.pk}"
    for no_reason in ({}, {"reason": " "}):
        assert send("post", f"{path}/hide", no_reason, secret=secret).status_code == 422
    hidden = send("post", f"{path}/hide", {"reason": "Advertising"}, secret=secret)
    assert hidden.status_code == 200, hidden.content
    assert hidden.json() == {
        "post": reply.pk,
        "state": "hidden",
        "moderation_reason": "Advertising",
        "open_flags": 0,
    }
    # Others read the notice in its place.
    shown = send("get", replies(scene), None, colleague).json()["items"]
    assert [p["hidden"] for p in shown] == [False, True, False]
    restored = send("post", f"{path}/restore", {"reason": "Misread"}, secret=secret)
    assert restored.json()["state"] == "published"
    twice = send("post", f"{path}/restore", {"reason": "Again"}, secret=secret)
    assert twice.status_code == 409
    assert twice.json()["detail"] == "Only a hidden post can be restored."
    moderation.flag_post(reply, acting_user=colleague, reason="spam")
    dismissed = send("post", f"{path}/dismiss-flags", None, secret=secret)
    assert dismissed.json()["open_flags"] == 0 and dismissed.json()["state"] == "published"
    assert send("post", f"{path}/dismiss-flags", None, secret=secret).status_code == 409


def test_a_moderator_approves_or_rejects_a_held_post(scene: Scene, settings: Any) -> None:
    settings.COMMUNITY_HOLD_DAYS, settings.COMMUNITY_HOLD_POSTS = 7, 1
    nell = partner_colleague(scene, "nell", joined_today=True)
    first = services.reply(scene.thread, acting_user=nell, body="First")
    second = services.reply(scene.thread, acting_user=nell, body="Second")
    assert first.state == second.state == PostState.HELD
    secret = token_of(moderator(scene))
    approved = send("post", f"/community/posts/{first.pk}/approve", None, secret=secret)
    assert approved.json()["state"] == "published"
    rejected = send(
        "post",
        f"/community/posts/{second.pk}/reject",
        {"reason": "Off topic"},
        secret=secret,
    )
    assert rejected.json()["state"] == "rejected"
    scene.thread.refresh_from_db()
    assert scene.thread.reply_count == 1


def test_who_does_not_moderate_the_space_moderates_nothing(scene: Scene) -> None:
    reply = services.reply(scene.thread, acting_user=scene.personas.secretariat, body="Stays")
    path = f"/community/posts/{reply.pk}/hide"
    body = {"reason": "No"}
    # A partner sees the post and is told; the outsider does not see it.
    refused = send("post", path, body, scene.personas.partner)
    assert refused.status_code == 403
    assert refused.json()["detail"] == "Only the space's moderators may do this."
    hidden = send("post", path, body, scene.personas.outsider)
    missing = send("post", "/community/posts/999999/hide", body, scene.personas.outsider)
    assert hidden.status_code == missing.status_code == 404
    assert Post.objects.get(pk=reply.pk).state == PostState.PUBLISHED


# --- Pin and close ----------------------------------------------------------------


def test_a_moderator_pins_and_closes_a_thread(scene: Scene) -> None:
    path = f"/community/spaces/commons/threads/{scene.thread.pk}"
    secret = token_of(moderator(scene))
    changed = send("patch", path, {"pinned": True, "closed": True}, secret=secret)
    assert changed.status_code == 200, changed.content
    assert (changed.json()["pinned"], changed.json()["closed"]) == (True, True)
    closed = send("post", replies(scene), {"body": "Late"}, scene.personas.partner)
    assert closed.status_code == 403
    assert closed.json()["detail"] == "This thread is closed to replies."
    reopened = send("patch", path, {"closed": False}, secret=secret)
    assert (reopened.json()["pinned"], reopened.json()["closed"]) == (True, False)


def test_who_does_not_moderate_pins_and_closes_nothing(scene: Scene) -> None:
    path = f"/community/spaces/commons/threads/{scene.thread.pk}"
    refused = send("patch", path, {"closed": True}, scene.personas.partner)
    assert refused.status_code == 403
    assert refused.json()["detail"] == "Only the space's moderators may do this."
    hidden = send("patch", path, {"closed": True}, scene.personas.outsider)
    missing = send(
        "patch", "/community/spaces/commons/threads/999999", {}, scene.personas.outsider
    )
    assert hidden.status_code == missing.status_code == 404
    assert send("patch", path, {"closed": True}, None).status_code == 401
    assert not Thread.objects.get(pk=scene.thread.pk).closed


def test_the_schema_describes_the_other_community_writes() -> None:
    paths = api.get_openapi_schema()["paths"]
    assert "post" in paths["/api/v1/community/posts/{post_id}/flag"]
    assert {"post", "patch", "delete"} <= set(paths["/api/v1/community/spaces/{slug}/membership"])
    for action in ("hide", "restore", "approve", "reject", "dismiss-flags"):
        assert "post" in paths[f"/api/v1/community/posts/{{post_id}}/{action}"]
        assert "409" in paths[f"/api/v1/community/posts/{{post_id}}/{action}"]["post"]["responses"]
    thread = paths["/api/v1/community/spaces/{slug}/threads/{thread_id}"]
    assert {"get", "patch"} <= set(thread)
    assert {"403", "404", "422"} <= {str(s) for s in thread["patch"]["responses"]}
