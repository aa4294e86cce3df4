"""Writes to the community through the API: start a thread, reply, edit
one's own post, mark helpful, accept an answer; the pages' services and
rules (membership, suspension, closed threads, archived spaces, new
accounts held and rate-limited), a write-scoped token, once per
Idempotency-Key."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from alliance87.api.api import api
from alliance87.community import moderation, services
from alliance87.community.models import (
    Helpful,
    Post,
    PostRevision,
    PostState,
    SpaceMember,
    Thread,
)
from alliance87.testing.api import send, token_of
from alliance87.testing.community_api import Scene, build_scene, partner_colleague, replies
from alliance87.testing.personas import Personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(personas: Personas) -> Scene:
    return build_scene(personas)


# --- Start a thread, reply -----------------------------------------------------


def test_a_partner_starts_a_thread_and_reads_it_back(scene: Scene) -> None:
    body = {"title": "Fair  recruitment", "body": "What *works*?", "kind": "question"}
    response = send("post", "/community/spaces/commons/threads", body, scene.personas.partner)
    assert response.status_code == 201, response.content
    started = response.json()
    thread = Thread.objects.get(pk=started["id"])
    assert (thread.title, thread.kind, thread.author) == (
        "Fair recruitment",
        "question",
        scene.personas.partner,
    )
    assert started["space"] == "commons" and started["url"].endswith(thread.get_absolute_url())
    post = started["post"]
    assert post["opening"] and post["state"] == "published" and not post["hidden"]
    assert post["html"] == "<p>What <em>works</em>?</p>\n" and post["text"] == "What works?"
    listed = Client().get(
        "/api/v1/community/spaces/commons/threads",
        headers={"Authorization": f"Bearer {token_of(scene.personas.partner, 'read')}"},
    )
    assert thread.pk in {t["id"] for t in listed.json()["items"]}


def test_a_group_member_replies_in_the_members_space_and_a_partner_cannot(scene: Scene) -> None:
    thread = services.start_thread(
        scene.group_space, acting_user=scene.personas.secretariat, title="T", body="Opening"
    )
    path = f"/community/spaces/migration/threads/{thread.pk}/posts"
    response = send("post", path, {"body": "From the group"}, scene.member)
    assert response.status_code == 201, response.content
    reply = response.json()
    assert reply["text"] == "From the group" and not reply["opening"]
    thread.refresh_from_db()
    assert thread.reply_count == 1
    assert SpaceMember.objects.filter(space=scene.group_space, user=scene.member).exists()
    # The partner is no member of the group: the space is not theirs to see.
    assert send("post", path, {"body": "Hello"}, scene.personas.partner).status_code == 404
    start = "/community/spaces/migration/threads"
    refused = send("post", start, {"title": "T", "body": "B"}, scene.personas.partner)
    assert refused.status_code == 404
    assert Post.objects.filter(thread=thread).count() == 2


def test_without_a_token_or_with_a_read_only_one_nothing_is_written(scene: Scene) -> None:
    partner = scene.personas.partner
    reply = services.reply(scene.thread, acting_user=scene.personas.secretariat, body="A reply")
    calls = [
        ("post", "/community/spaces/commons/threads", {"title": "T", "body": "B"}),
        ("post", replies(scene), {"body": "B"}),
        ("patch", f"/community/posts/{reply.pk}", {"body": "B"}),
        ("post", f"/community/posts/{reply.pk}/helpful", {"helpful": True}),
        ("post", f"/community/spaces/commons/threads/{scene.thread.pk}/answer", {"post": None}),
    ]
    read_only = token_of(partner, "read")
    for method, path, body in calls:
        anonymous = send(method, path, body)
        assert anonymous.status_code == 401, path
        assert anonymous["WWW-Authenticate"].startswith("Bearer")
        assert anonymous["Content-Type"] == "application/problem+json"
        refused = send(method, path, body, secret=read_only)
        assert refused.status_code == 403, path
        assert "only read" in refused.json()["detail"]
    assert Post.objects.filter(thread__space=scene.commons).count() == 2
    assert not Helpful.objects.exists() and not PostRevision.objects.exists()


def test_an_outsider_reads_a_public_space_and_is_told_who_may_post(scene: Scene) -> None:
    outsider = scene.personas.outsider
    thread = services.start_thread(
        scene.public, acting_user=scene.personas.partner, title="T", body="Opening"
    )
    path = f"/community/spaces/open/threads/{thread.pk}/posts"
    refused = send("post", path, {"body": "Me too"}, outsider)
    assert refused.status_code == 403
    assert refused.json()["detail"] == (
        "Members of partner organisations and of the space's group may reply."
    )
    start = send("post", "/community/spaces/open/threads", {"title": "T", "body": "B"}, outsider)
    assert start.status_code == 403
    opening = thread.posts.get()
    helpful = send("post", f"/community/posts/{opening.pk}/helpful", {}, outsider)
    assert helpful.status_code == 403
    # The partners' space is hidden from them: a 404, as its page.
    assert send("post", replies(scene), {"body": "Me too"}, outsider).status_code == 404
    assert Post.objects.filter(author=outsider).count() == 0
    assert not Helpful.objects.exists()


def test_a_suspended_person_may_not_start_reply_edit_or_mark_helpful(scene: Scene) -> None:
    partner = scene.personas.partner
    other = services.reply(scene.thread, acting_user=scene.personas.secretariat, body="Not theirs")
    own = services.reply(scene.thread, acting_user=partner, body="Theirs")
    moderation.suspend(
        scene.commons, partner, acting_user=scene.personas.secretariat, reason="Spam"
    )
    calls = [
        ("post", "/community/spaces/commons/threads", {"title": "T", "body": "B"}),
        ("post", replies(scene), {"body": "More"}),
        ("patch", f"/community/posts/{own.pk}", {"body": "Changed"}),
        ("post", f"/community/posts/{other.pk}/helpful", {}),
    ]
    secret = token_of(partner)
    for method, path, body in calls:
        refused = send(method, path, body, secret=secret)
        assert refused.status_code == 403, path
        assert refused.json()["detail"].startswith("You are suspended from this space"), path
    own.refresh_from_db()
    assert own.body == "Theirs" and not Helpful.objects.exists()
    # They still read the thread, and post elsewhere.
    assert send("get", replies(scene), None, secret=secret).status_code == 200
    elsewhere = send(
        "post", "/community/spaces/open/threads", {"title": "T", "body": "B"}, partner
    )
    assert elsewhere.status_code == 201


def test_a_closed_thread_and_an_archived_space_take_nothing(scene: Scene) -> None:
    secretariat = scene.personas.secretariat
    services.set_thread_state(scene.thread, acting_user=secretariat, closed=True)
    closed = send("post", replies(scene), {"body": "Late"}, scene.member)
    # The member is no partner: not theirs. The partner is told it is closed.
    assert closed.status_code == 404
    closed = send("post", replies(scene), {"body": "Late"}, scene.personas.partner)
    assert closed.status_code == 403
    assert closed.json()["detail"] == "This thread is closed to replies."
    services.set_thread_state(scene.thread, acting_user=secretariat, closed=False)
    services.archive_space(scene.commons, acting_user=secretariat)
    opening = scene.thread.posts.get()
    for method, path, body in [
        ("post", replies(scene), {"body": "Late"}),
        ("post", "/community/spaces/commons/threads", {"title": "T", "body": "B"}),
        ("patch", f"/community/posts/{opening.pk}", {"body": "Changed"}),
    ]:
        refused = send(method, path, body, scene.personas.partner)
        assert refused.status_code == 403, path
        assert "archived" in refused.json()["detail"]
    assert Post.objects.filter(thread__space=scene.commons).count() == 1


# --- New accounts ----------------------------------------------------------------


def test_a_new_accounts_reply_is_held_and_answered_as_held(scene: Scene, settings: Any) -> None:
    settings.COMMUNITY_HOLD_DAYS, settings.COMMUNITY_HOLD_POSTS = 7, 1
    nell = partner_colleague(scene, "nell", joined_today=True)
    response = send("post", replies(scene), {"body": "My first words"}, nell)
    assert response.status_code == 201, response.content
    assert response.json()["state"] == "held"
    post = Post.objects.get(body="My first words")
    assert post.state == PostState.HELD
    # Nobody else reads it (the API reads through the thread's page).
    others = send("get", replies(scene), None, scene.personas.partner).json()["items"]
    assert "My first words" not in str(others)


def test_a_new_account_past_its_hourly_limit_gets_429_and_may_retry(
    scene: Scene, settings: Any
) -> None:
    settings.COMMUNITY_NEW_POSTS_PER_HOUR = 1
    nell = partner_colleague(scene, "nell", joined_today=True)
    secret = token_of(nell)
    assert send("post", replies(scene), {"body": "One"}, secret=secret).status_code == 201
    refused = send("post", replies(scene), {"body": "Two"}, secret=secret, Idempotency_Key="k2")
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 3600
    assert refused.json()["detail"].startswith("New members may post 1 times an hour at most.")
    assert not Post.objects.filter(body="Two").exists()
    # The 429 is not kept with the key: the retry is tried again (and
    # posts, once the limit allows it).
    settings.COMMUNITY_NEW_POSTS_PER_HOUR = 0
    retried = send("post", replies(scene), {"body": "Two"}, secret=secret, Idempotency_Key="k2")
    assert retried.status_code == 201 and not retried.has_header("Idempotent-Replayed")
    assert Post.objects.filter(body="Two").count() == 1


# --- Edit, helpful, answer -------------------------------------------------------


def test_the_author_edits_their_post_and_the_old_text_is_kept(scene: Scene) -> None:
    partner = scene.personas.partner
    opening = scene.thread.posts.get()
    response = send(
        "patch", f"/community/posts/{opening.pk}", {"body": "Who pays, and how?"}, partner
    )
    assert response.status_code == 200, response.content
    edited = response.json()
    assert edited["text"] == "Who pays, and how?" and edited["edited"] is not None
    assert edited["opening"]
    revision = PostRevision.objects.get(post=opening)
    assert (revision.body, revision.replaced_by) == ("Who pays them?", partner)
    # Another person (a partner who may post there) may not edit it.
    other = send(
        "patch", f"/community/posts/{opening.pk}", {"body": "Mine now"}, partner_colleague(scene)
    )
    assert other.status_code == 403
    assert other.json()["detail"] == "You may not edit this post."
    # Nor may an outsider, who does not see it at all.
    hidden = send(
        "patch", f"/community/posts/{opening.pk}", {"body": "X"}, scene.personas.outsider
    )
    assert hidden.status_code == 404
    opening.refresh_from_db()
    assert opening.body == "Who pays, and how?"


def test_a_post_is_marked_helpful_once_never_by_its_author(scene: Scene) -> None:
    opening = scene.thread.posts.get()
    colleague = partner_colleague(scene)
    secret = token_of(colleague)
    path = f"/community/posts/{opening.pk}/helpful"
    for _ in range(2):
        marked = send("post", path, {"helpful": True}, secret=secret)
        assert marked.status_code == 200, marked.content
        assert marked.json() == {"post": opening.pk, "helpful": True, "helpful_count": 1}
    taken_back = send("post", path, {"helpful": False}, secret=secret)
    assert taken_back.json() == {"post": opening.pk, "helpful": False, "helpful_count": 0}
    own = send("post", path, {}, scene.personas.partner)
    assert own.status_code == 403
    assert own.json()["detail"] == "You cannot mark your own post helpful."
    assert not Helpful.objects.exists()


def test_the_asker_accepts_a_reply_as_the_answer(scene: Scene) -> None:
    reply = services.reply(scene.thread, acting_user=scene.personas.secretariat, body="Employers")
    path = f"/community/spaces/commons/threads/{scene.thread.pk}/answer"
    other = partner_colleague(scene)
    refused = send("post", path, {"post": reply.pk}, other)
    assert refused.status_code == 403
    accepted = send("post", path, {"post": reply.pk}, scene.personas.partner)
    assert accepted.status_code == 200, accepted.content
    assert accepted.json() == {"thread": scene.thread.pk, "answer": reply.pk}
    posts = send("get", replies(scene), None, scene.personas.partner).json()["items"]
    assert [p["answer"] for p in posts] == [False, True]
    # A post of another thread, or the opening post, is no answer here.
    elsewhere = services.start_thread(
        scene.commons, acting_user=scene.personas.partner, title="T", body="B"
    )
    for pk in (elsewhere.posts.get().pk, scene.thread.posts.order_by("created")[0].pk):
        wrong = send("post", path, {"post": pk}, scene.personas.partner)
        assert wrong.status_code == 422
    cleared = send("post", path, {"post": None}, scene.personas.partner)
    assert cleared.json() == {"thread": scene.thread.pk, "answer": None}


# --- Refusals, idempotency, schema ----------------------------------------------


def test_what_the_service_refuses_is_a_422_with_its_sentence(scene: Scene) -> None:
    partner = scene.personas.partner
    secret = token_of(partner)
    unknown = send("post", replies(scene), {"body": "Thanks @nobody"}, secret=secret)
    assert unknown.status_code == 422
    assert unknown["Content-Type"] == "application/problem+json"
    assert "@nobody" in unknown.json()["detail"]
    for body in ({"body": "   "}, {"body": "a\x00b"}, {"body": "x" * 20_001}, {}):
        refused = send("post", replies(scene), body, secret=secret)
        assert refused.status_code == 422, body
    bad_kind = {"title": "T", "body": "B", "kind": "poll"}
    assert (
        send("post", "/community/spaces/commons/threads", bad_kind, secret=secret).status_code
        == 422
    )
    assert Post.objects.filter(thread=scene.thread).count() == 1


def test_a_retried_reply_with_its_key_posts_once(scene: Scene) -> None:
    secret = token_of(scene.personas.partner)
    first = send("post", replies(scene), {"body": "Once"}, secret=secret, Idempotency_Key="r-1")
    again = send("post", replies(scene), {"body": "Once"}, secret=secret, Idempotency_Key="r-1")
    assert first.status_code == again.status_code == 201
    assert again["Idempotent-Replayed"] == "true" and first.json() == again.json()
    assert Post.objects.filter(body="Once").count() == 1


def test_the_schema_describes_the_community_writes() -> None:
    paths = api.get_openapi_schema()["paths"]
    assert "post" in paths["/api/v1/community/spaces/{slug}/threads"]
    assert "post" in paths["/api/v1/community/spaces/{slug}/threads/{thread_id}/posts"]
    assert "patch" in paths["/api/v1/community/posts/{post_id}"]
    assert "post" in paths["/api/v1/community/posts/{post_id}/helpful"]
    answer = paths["/api/v1/community/spaces/{slug}/threads/{thread_id}/answer"]["post"]
    assert {200, "403", "422"} <= set(answer["responses"])
