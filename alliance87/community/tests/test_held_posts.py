"""New accounts' posts (issue 13, item 6): a new account's first posts are
held for a moderator's review, then approved or rejected, and its posts
are rate-limited with a message that says when to try again; an approved
reply dates its thread's activity from when it was written."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from alliance87.community import moderation, notify, services
from alliance87.community.models import Notification, Post, PostState, Reason, Thread
from alliance87.community.tests.moderation_support import (
    a_thread,
    client_of,
    moderator,
    moderator_of,
    newcomer,
    person,
)

pytestmark = pytest.mark.django_db


# --- New accounts ---------------------------------------------------------------------


def test_a_new_accounts_first_post_is_held_for_review_then_approved(scene, settings) -> None:
    settings.COMMUNITY_HOLD_DAYS, settings.COMMUNITY_HOLD_POSTS = 7, 1
    mona = moderator(scene)
    thread = a_thread(scene)
    nell = newcomer(scene)
    post = services.reply(thread, acting_user=nell, body="My first words")
    assert post.state == PostState.HELD
    thread.refresh_from_db()
    assert thread.reply_count == 0
    # Its author sees it, marked; others do not; the queue has it.
    assert "Awaiting review" in client_of(nell).get(thread.get_absolute_url()).content.decode()
    assert (
        "My first words"
        not in client_of(scene.partner).get(thread.get_absolute_url()).content.decode()
    )
    queue = client_of(mona).get("/en/community/commons/queue/?show=held").content.decode()
    assert "My first words" in queue
    # Nobody hears of it before it is approved.
    assert notify.fan_out(post.pk) == []
    response = client_of(mona).post(
        f"/en/community/posts/{post.pk}/moderate/",
        {"action": "approve", "next": "/en/community/commons/queue/?show=held"},
    )
    assert response.status_code == 302 and response["Location"].endswith("?show=held")
    post.refresh_from_db()
    thread.refresh_from_db()
    assert post.state == PostState.PUBLISHED and thread.reply_count == 1
    assert (
        "My first words"
        in client_of(scene.partner).get(thread.get_absolute_url()).content.decode()
    )
    assert Notification.objects.get(user=nell, post=post).reason == Reason.APPROVED
    # One post published: the next is not held.
    assert services.reply(thread, acting_user=nell, body="Second").state == PostState.PUBLISHED


def test_a_new_accounts_held_thread_is_hidden_until_approved_and_a_rejected_one_stays_so(
    scene, settings
) -> None:
    nell = newcomer(scene)
    held = services.start_thread(
        scene.commons, acting_user=nell, title="Held thread", body="Words"
    )
    assert held.state == PostState.HELD
    assert (
        "Held thread"
        not in client_of(scene.partner).get("/en/community/commons/").content.decode()
    )
    assert "Held thread" in client_of(nell).get("/en/community/commons/").content.decode()
    moderation.reject_post(
        held.posts.get(), acting_user=scene.secretariat, reason="Duplicate thread"
    )
    held.refresh_from_db()
    assert held.state == PostState.REJECTED
    assert client_of(scene.partner).get(held.get_absolute_url()).status_code == 404
    own = client_of(nell).get(held.get_absolute_url()).content.decode()
    assert "Not approved" in own and "Duplicate thread" in own
    assert Notification.objects.get(user=nell, post=held.posts.get()).reason == Reason.REJECTED


def test_old_accounts_moderators_and_settings_decide_who_is_new(scene, settings) -> None:
    nell = newcomer(scene)
    assert moderation.is_new(nell, scene.commons)
    assert not moderation.is_new(scene.partner, scene.commons)  # a month on the Hub
    assert not moderation.is_new(scene.secretariat, scene.commons)
    services.set_moderator(scene.commons, nell, acting_user=scene.secretariat)
    nell = type(nell).objects.get(pk=nell.pk)
    assert not moderation.is_new(nell, scene.commons)
    ned = newcomer(scene, "ned")
    settings.COMMUNITY_HOLD_DAYS = 0
    assert not moderation.is_new(ned, scene.commons)


def test_new_accounts_are_rate_limited_and_told_when_to_try_again(scene, settings) -> None:
    settings.COMMUNITY_NEW_POSTS_PER_HOUR = 2
    nell = newcomer(scene)
    thread = a_thread(scene)
    services.reply(thread, acting_user=nell, body="One")
    services.reply(thread, acting_user=nell, body="Two")
    response = client_of(nell).post(f"{thread.get_absolute_url()}reply/", {"body": "Three"})
    assert response.status_code == 400
    text = response.content.decode()
    assert "New members may post 2 times an hour at most" in text
    assert "You can post again in" in text and "UTC" in text
    assert not Post.objects.filter(body="Three").exists()
    # An old account is not limited.
    for n in range(3):
        services.reply(thread, acting_user=scene.partner, body=f"Old {n}")


def test_the_limit_says_when_the_hour_ends(scene, settings) -> None:
    settings.COMMUNITY_NEW_POSTS_PER_HOUR = 1
    nell = newcomer(scene)
    ten_to = 3600 * 500_000 + 50 * 60  # ten minutes before a clock hour
    moderation.check_rate(nell, now=ten_to)
    with pytest.raises(ValidationError) as refused:
        moderation.check_rate(nell, now=ten_to + 1)
    assert "in 10 minutes" in refused.value.messages[0]


# --- A held reply and its thread's last activity ---------------------------------------


@pytest.mark.usefixtures("new_accounts_held")
def test_an_approved_reply_dates_its_threads_activity_from_when_it_was_written(scene) -> None:
    mona = moderator_of(scene, scene.commons, "mona")
    thread = services.start_thread(
        scene.commons, acting_user=scene.partner, title="Recruitment fees", body="Opening"
    )
    two_hours_ago = timezone.now() - dt.timedelta(hours=2)
    Thread.objects.filter(pk=thread.pk).update(created=two_hours_ago, last_activity=two_hours_ago)
    thread.posts.update(created=two_hours_ago)
    held = services.reply(thread, acting_user=person(scene, "nell", days=0), body="Late words")
    thread.refresh_from_db()
    assert thread.last_activity == two_hours_ago  # held: no activity for readers
    written = timezone.now() - dt.timedelta(hours=1)
    type(held).objects.filter(pk=held.pk).update(created=written)
    held.refresh_from_db()
    moderation.approve_post(held, acting_user=mona)
    thread.refresh_from_db()
    # Its own time, as the thread shows it; not the time of the approval.
    assert thread.last_activity == written and thread.reply_count == 1


@pytest.mark.usefixtures("new_accounts_held")
def test_an_approved_reply_older_than_the_last_reply_does_not_move_the_activity_back(
    scene,
) -> None:
    mona = moderator_of(scene, scene.commons, "mona")
    thread = services.start_thread(
        scene.commons, acting_user=scene.partner, title="Recruitment fees", body="Opening"
    )
    thread.posts.update(created=timezone.now() - dt.timedelta(hours=2))
    held = services.reply(thread, acting_user=person(scene, "nell", days=0), body="Held words")
    type(held).objects.filter(pk=held.pk).update(created=timezone.now() - dt.timedelta(hours=1))
    held.refresh_from_db()
    later = services.reply(thread, acting_user=scene.secretariat, body="Since then")
    moderation.approve_post(held, acting_user=mona)
    thread.refresh_from_db()
    assert thread.last_activity == later.created and thread.reply_count == 2
