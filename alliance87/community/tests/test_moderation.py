"""Moderation (issue 13, item 6): readers flag posts, the moderators'
queue lists them, and a moderator of the space (never of another) hides
and restores posts with a reason the author reads; a hidden post is gone
from search, notifications, digests and counts. The demo's chair finds the
flagged sample and hides it."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client

from alliance87.community import moderation, notify, selectors, services
from alliance87.community.models import (
    Flag,
    FlagOutcome,
    Notification,
    Post,
    PostState,
    Reason,
    Space,
    SpaceKind,
    SpaceRole,
)
from alliance87.community.tests.moderation_support import a_thread, client_of, moderator, newcomer
from alliance87.search.index import rebuild

pytestmark = pytest.mark.django_db


# --- Flags and the queue ---------------------------------------------------------------


def test_a_reader_flags_a_post_once_and_is_told_so_when_they_flag_it_again(scene) -> None:
    thread = a_thread(scene)
    post = thread.posts.get()
    # A partner who reads the thread flags it.
    other = newcomer(scene, "otto")
    reader = client_of(other)
    url = f"/en/community/posts/{post.pk}/flag/"
    assert reader.get(url).status_code == 200
    response = reader.post(url, {"reason": "spam", "note": "An advertisement"})
    assert response.status_code == 302
    [flag] = Flag.objects.filter(post=post)
    assert (flag.user, flag.reason, flag.note, flag.resolved) == (
        other,
        "spam",
        "An advertisement",
        None,
    )
    again = reader.post(url, {"reason": "abusive"})
    assert again.status_code == 400
    assert "You have already flagged this post" in again.content.decode()
    assert Flag.objects.filter(post=post).count() == 1


def test_something_else_needs_a_note_and_an_unknown_reason_is_refused(scene) -> None:
    post = a_thread(scene).posts.get()
    reader = client_of(newcomer(scene))
    url = f"/en/community/posts/{post.pk}/flag/"
    assert "Say what is wrong" in reader.post(url, {"reason": "other"}).content.decode()
    assert reader.post(url, {"reason": "bogus"}).status_code == 400
    assert not Flag.objects.exists()


def test_nobody_flags_their_own_post_nor_a_post_they_cannot_see(scene) -> None:
    post = a_thread(scene).posts.get()
    with pytest.raises(ValidationError, match="your own post"):
        moderation.flag_post(post, acting_user=scene.partner, reason="spam")
    hidden = services.start_thread(
        scene.group_space, acting_user=scene.member, title="Group only", body="Words"
    ).posts.get()
    assert (
        client_of(scene.partner)
        .post(f"/en/community/posts/{hidden.pk}/flag/", {"reason": "spam"})
        .status_code
        == 404
    )


def test_the_queue_lists_flagged_posts_with_reasons_and_counts_for_moderators_only(scene) -> None:
    mona = moderator(scene)
    thread = a_thread(scene)
    post = thread.posts.get()
    services.reply(thread, acting_user=scene.secretariat, body="A quiet reply nobody flagged")
    dismissed = services.reply(thread, acting_user=scene.secretariat, body="Flagged, then kept")
    moderation.flag_post(dismissed, acting_user=newcomer(scene, "dee"), reason="spam")
    moderation.dismiss_flags(dismissed, acting_user=mona)
    for name, reason in (("ann", "spam"), ("bea", "spam"), ("cy", "abusive")):
        moderation.flag_post(
            post, acting_user=newcomer(scene, name), reason=reason, note=f"from {name}"
        )
    page = client_of(mona).get("/en/community/commons/queue/").content.decode()
    assert "3 open flags" in page
    assert "Spam or advertising (2)" in page and "Abusive, hateful or harassing (1)" in page
    assert "from cy" in page and "Opening words" in page
    assert "A quiet reply" not in page and "Flagged, then kept" not in page
    assert "Flagged (1 post)" in page
    assert client_of(scene.partner).get("/en/community/commons/queue/").status_code == 404
    assert Client().get("/en/community/commons/queue/").status_code == 302
    # The Secretariat moderates every space.
    assert (
        "3 open flags"
        in client_of(scene.secretariat).get("/en/community/commons/queue/").content.decode()
    )


def test_the_queue_is_paginated(scene) -> None:
    flagger = newcomer(scene)
    for n in range(moderation.QUEUE_PAGE + 1):
        thread = services.start_thread(
            scene.commons, acting_user=scene.partner, title=f"Thread {n}", body=f"Body {n}"
        )
        moderation.flag_post(thread.posts.get(), acting_user=flagger, reason="spam")
    secretariat = client_of(scene.secretariat)
    first = secretariat.get("/en/community/commons/queue/").content.decode()
    second = secretariat.get("/en/community/commons/queue/?page=2").content.decode()
    assert "Page 1 of 2" in first and "Page 2 of 2" in second
    assert first.count('class="post"') == moderation.QUEUE_PAGE
    assert second.count('class="post"') == 1


# --- Hiding and restoring -----------------------------------------------------------------


def test_a_hidden_post_is_a_notice_for_others_and_its_author_reads_the_reason(scene) -> None:
    mona = moderator(scene)
    thread = a_thread(scene)
    answer = services.reply(thread, acting_user=scene.secretariat, body="Visible answer")
    post = services.reply(thread, acting_user=scene.partner, body="Kilimanjaro spam")
    flagger = newcomer(scene)
    moderation.flag_post(post, acting_user=flagger, reason="spam")
    response = client_of(mona).post(
        f"/en/community/posts/{post.pk}/moderate/",
        {"action": "hide", "reason": "Advertising is not allowed here."},
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.state == PostState.HIDDEN
    assert Flag.objects.get(post=post).outcome == FlagOutcome.HIDDEN
    thread.refresh_from_db()
    assert thread.reply_count == 1  # the visible answer only
    # Others see a notice, nothing of the post.
    others = client_of(flagger).get(thread.get_absolute_url()).content.decode()
    assert "A moderator hid this post." in others and "Kilimanjaro" not in others
    assert "Visible answer" in others
    assert client_of(flagger).get(f"/en/community/posts/{post.pk}/history/").status_code == 404
    # Its author reads it, with the reason, on the post and in the inbox.
    author = client_of(scene.partner)
    own = author.get(thread.get_absolute_url()).content.decode()
    assert "Kilimanjaro" in own and "Advertising is not allowed here." in own
    notice = Notification.objects.get(user=scene.partner, post=post)
    assert notice.reason == Reason.HIDDEN
    inbox = author.get("/en/community/inbox/").content.decode()
    assert "A moderator hid your post" in inbox and "Advertising is not allowed here." in inbox
    # ...and by email at once, with the reason, without a reply address.
    assert notify.send_notification(notice.pk) == "sent"
    [email] = mail.outbox
    assert "Advertising is not allowed here." in email.body and not email.reply_to
    assert answer.pk != post.pk


def test_hiding_needs_a_reason_and_a_moderator(scene) -> None:
    post = a_thread(scene).posts.get()
    mona = moderator(scene)
    with pytest.raises(ValidationError, match="Give a reason"):
        moderation.hide_post(post, acting_user=mona, reason="  ")
    with pytest.raises(ValidationError, match="moderators"):
        moderation.hide_post(post, acting_user=newcomer(scene), reason="Because")
    assert (
        client_of(newcomer(scene, "ned"))
        .post(f"/en/community/posts/{post.pk}/moderate/", {"action": "hide", "reason": "x"})
        .status_code
        == 404
    )
    post.refresh_from_db()
    assert post.state == PostState.PUBLISHED


def test_a_restored_post_is_shown_again_and_its_author_is_told(scene) -> None:
    mona = moderator(scene)
    thread = a_thread(scene)
    post = services.reply(thread, acting_user=scene.partner, body="Kilimanjaro")
    moderation.hide_post(post, acting_user=mona, reason="Looked like spam")
    moderation.restore_post(post, acting_user=mona, reason="It was not spam after all")
    thread.refresh_from_db()
    assert thread.reply_count == 1
    assert (
        "Kilimanjaro" in client_of(newcomer(scene)).get(thread.get_absolute_url()).content.decode()
    )
    assert Notification.objects.get(user=scene.partner, post=post).reason == Reason.RESTORED


def test_a_hidden_post_is_gone_from_search_notifications_digests_and_counts(scene) -> None:
    reader = newcomer(scene)
    thread = a_thread(scene, body="Zanzibar opening")
    post = services.reply(thread, acting_user=scene.partner, body="Kilimanjaro reply")
    Notification.objects.create(
        user=reader, post=post, reason=Reason.REPLY, created=post.created, digest=True
    )
    moderation.hide_post(post, acting_user=scene.secretariat, reason="Off topic")
    rebuild()
    client = client_of(reader)
    assert "Recruitment fees" in client.get("/en/search/?q=zanzibar").content.decode()
    assert "Recruitment fees" not in client.get("/en/search/?q=kilimanjaro").content.decode()
    assert not Notification.objects.visible_to(reader).filter(post=post).exists()
    assert "Kilimanjaro" not in client.get("/en/community/inbox/").content.decode()
    page = selectors.space_page(reader, scene.commons, 1)
    [listed] = page.page.object_list
    assert listed.reply_count == 0
    # The opening post hidden: the thread leaves the space, search and counts.
    moderation.hide_post(thread.posts.earliest("pk"), acting_user=scene.secretariat, reason="Spam")
    rebuild()
    assert "Recruitment fees" not in client.get("/en/search/?q=zanzibar").content.decode()
    assert client.get(thread.get_absolute_url()).status_code == 404
    assert not selectors.space_page(reader, scene.commons, 1).page.object_list
    [commons] = [s for s in selectors.list_spaces(reader)["others"] if s.pk == scene.commons.pk]
    assert commons.thread_count == 0  # type: ignore[attr-defined]
    # Its author still reads it, with the reason.
    assert "Spam" in client_of(scene.partner).get(thread.get_absolute_url()).content.decode()


def test_a_hidden_posts_email_is_not_sent(scene) -> None:
    reader = newcomer(scene)
    thread = a_thread(scene)
    post = services.reply(thread, acting_user=scene.partner, body="Kilimanjaro")
    row = Notification.objects.create(
        user=reader, post=post, reason=Reason.REPLY, created=post.created, mail="pending"
    )
    moderation.hide_post(post, acting_user=scene.secretariat, reason="Spam")
    assert notify.send_notification(row.pk) == "no longer visible"
    assert not mail.outbox


def test_a_moderator_of_one_space_has_no_say_in_another(scene) -> None:
    mona = moderator(scene)
    assert scene.commons.members.get(user=mona).role == SpaceRole.MODERATOR
    other = services.save_space(
        Space(slug="other", name="Other", kind=SpaceKind.COMMONS), acting_user=scene.secretariat
    )
    post = services.start_thread(
        other, acting_user=scene.partner, title="Elsewhere", body="Words"
    ).posts.get()
    client = client_of(mona)
    assert client.get("/en/community/other/").status_code == 200
    assert client.get("/en/community/other/queue/").status_code == 404
    assert client.get("/en/community/other/suspensions/").status_code == 404
    with pytest.raises(ValidationError, match="moderators"):
        moderation.hide_post(post, acting_user=mona, reason="Mine to hide?")


def test_in_the_demo_the_chair_finds_the_flagged_sample_and_hides_it(demo) -> None:
    """Issue 13's "done when": a flagged post is hidden by a moderator."""
    from alliance87.accounts.demo import email_of
    from alliance87.community.demo import FLAGS

    title, author_local, _flagger, _reason, note = FLAGS[0]
    users = get_user_model().objects
    chair, member = users.get(email=email_of("chair")), users.get(email=email_of("member"))
    flagged = Post.objects.get(thread__title=title, author=member, flags__isnull=False)
    assert flagged.thread.illustrative and author_local == "member"
    client = client_of(chair)
    queue = client.get("/en/community/migration/queue/").content.decode()
    assert (
        "1 open flag" in queue
        and note in queue
        and "Illustrative sample"
        in (client.get(flagged.thread.get_absolute_url()).content.decode())
    )
    response = client.post(
        f"/en/community/posts/{flagged.pk}/moderate/",
        {"action": "hide", "reason": "Private phone numbers stay out of the space."},
    )
    assert response.status_code == 302
    assert "No post is flagged." in client.get("/en/community/migration/queue/").content.decode()
    own = client_of(member).get(flagged.thread.get_absolute_url()).content.decode()
    assert "Private phone numbers stay out of the space." in own
