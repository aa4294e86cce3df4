"""The moderators' mail (issue 13, item 6): a space's moderators are told
when a post enters their queue (flagged, or held for review), in their
inbox and by an email at once in their language, never the flagger nor the
author, never saying who flagged. Each email goes once, through a real
SMTP server."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from alliance87.community import moderation, notify, services
from alliance87.community.models import (
    FlagReason,
    Level,
    MailState,
    Notification,
    Preferences,
    Reason,
    Thread,
)
from alliance87.community.tests.moderation_support import (
    a_reply,
    alerts,
    client_of,
    moderator_of,
    person,
)
from alliance87.community.tests.smtp import smtp  # noqa: F401 - a fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("new_accounts_held")]


# --- The moderators, told of a flag ---------------------------------------------------


def test_a_flag_emails_the_spaces_moderators_once_in_their_language_without_the_flagger(
    scene,
    smtp,  # noqa: F811
) -> None:
    mona = moderator_of(scene, scene.commons, "mona", language="fr")
    gus = moderator_of(scene, scene.group_space, "gus")  # another space's moderator
    services.set_level(scene.commons, acting_user=gus, level=Level.EVERYTHING)
    reader = person(scene, "rita")
    post = a_reply(scene)
    moderation.flag_post(post, acting_user=reader, reason="personal", note="A phone number")
    told = alerts(post)
    # The space's moderator only: not the flagger, not the author, not a
    # moderator of another space, not a member who moderates nothing.
    assert set(told) == {mona}
    assert told[mona].mail == MailState.PENDING
    assert notify.send_notification(told[mona].pk) == "sent"
    assert notify.send_notification(told[mona].pk) == "not pending"
    [message] = smtp.messages
    assert message["To"] == mona.email
    body = message.get_content()
    # In her language (the links are the French pages), with the reason...
    assert f"/fr/community/posts/{post.pk}/moderate/" in body
    assert "/fr/community/commons/queue/" in body
    with translation.override("fr"):
        personal = str(FlagReason.PERSONAL.label)
    assert personal in body and "Recruitment fees" in body
    # ...without the post's text nor who flagged it.
    assert "555 01 02" not in body and "rita" not in body.lower()
    assert "A phone number" not in body
    # Mail of the space, which she may leave at one click; a reply posts nothing.
    assert "/fr/community/unsubscribe/" in message["List-Unsubscribe"]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["Reply-To"] is None
    assert "Commons" in message["Subject"]


def test_a_second_flag_on_a_post_already_in_the_queue_emails_nobody(scene) -> None:
    mona = moderator_of(scene, scene.commons, "mona")
    post = a_reply(scene)
    moderation.flag_post(post, acting_user=person(scene, "rita"), reason="spam")
    first = alerts(post)[mona]
    notify.send_notification(first.pk)
    moderation.flag_post(post, acting_user=person(scene, "ravi"), reason="abusive")
    again = alerts(post)[mona]
    assert again.pk == first.pk and again.mail == MailState.SENT
    # Once decided, a new flag is news again.
    moderation.dismiss_flags(post, acting_user=mona)
    moderation.flag_post(post, acting_user=person(scene, "rosa"), reason="spam")
    assert alerts(post)[mona].mail == MailState.PENDING


def test_a_moderator_who_flags_or_wrote_the_post_is_not_told_of_it(scene) -> None:
    mona = moderator_of(scene, scene.commons, "mona")
    milo = moderator_of(scene, scene.commons, "milo")
    post = a_reply(scene)
    moderation.flag_post(post, acting_user=mona, reason="spam")
    assert set(alerts(post)) == {milo}
    # A moderator's own post, flagged: the others are told, not its author.
    thread = Thread.objects.get(pk=post.thread_id)
    own = services.reply(thread, acting_user=milo, body="My own words")
    moderation.flag_post(own, acting_user=person(scene, "rita"), reason="off_topic")
    assert set(alerts(own)) == {mona}


def test_a_flag_decided_before_its_email_goes_is_not_sent(scene, mailoutbox) -> None:
    mona = moderator_of(scene, scene.commons, "mona")
    post = a_reply(scene)
    moderation.flag_post(post, acting_user=person(scene, "rita"), reason="spam")
    moderation.dismiss_flags(post, acting_user=scene.secretariat)
    row = alerts(post)[mona]
    # Settled with the flags: read, its email dropped.
    assert row.mail == MailState.NONE and row.read is not None
    assert notify.send_notification(row.pk) == "not pending"
    assert not mailoutbox


def test_a_moderator_named_off_before_the_flags_email_goes_gets_none(scene, mailoutbox) -> None:
    mona = moderator_of(scene, scene.commons, "mona")
    post = a_reply(scene)
    moderation.flag_post(post, acting_user=person(scene, "rita"), reason="spam")
    services.set_moderator(scene.commons, mona, acting_user=scene.secretariat, moderator=False)
    # She still reads the published post: it is her role that is asked.
    assert notify.send_notification(alerts(post)[mona].pk) == "no longer news"
    assert not mailoutbox


def test_a_moderator_no_longer_gets_no_email_and_nothing_in_the_inbox(scene, mailoutbox) -> None:
    mona = moderator_of(scene, scene.commons, "mona")
    thread = services.start_thread(
        scene.commons, acting_user=scene.partner, title="Recruitment fees", body="Opening"
    )
    held = services.reply(thread, acting_user=person(scene, "nell", days=0), body="Held words")
    row = alerts(held)[mona]
    services.set_moderator(scene.commons, mona, acting_user=scene.secretariat, moderator=False)
    assert notify.send_notification(row.pk) == "no longer visible"
    assert not mailoutbox
    assert "Recruitment fees" not in client_of(mona).get("/en/community/inbox/").content.decode()


def test_a_moderator_at_the_level_nothing_hears_of_it_in_the_inbox_only(scene) -> None:
    mona = moderator_of(scene, scene.commons, "mona")
    services.set_level(scene.commons, acting_user=mona, level=Level.NOTHING)
    post = a_reply(scene)
    moderation.flag_post(post, acting_user=person(scene, "rita"), reason="spam")
    assert alerts(post)[mona].mail == MailState.NONE
    inbox = client_of(mona).get("/en/community/inbox/").content.decode()
    assert "A post was flagged for the moderators" in inbox


def test_the_moderators_email_waits_for_the_end_of_their_quiet_hours(scene) -> None:
    mona = moderator_of(scene, scene.commons, "mona")
    Preferences.objects.filter(user=mona).update(
        time_zone="UTC", quiet_from=dt.time(22), quiet_until=dt.time(7)
    )
    post = a_reply(scene)
    moderation.flag_post(post, acting_user=person(scene, "rita"), reason="spam")
    row = alerts(post)[mona]
    night = dt.datetime(2026, 3, 2, 23, 30, tzinfo=dt.UTC)
    assert notify.send_notification(row.pk, now=night).startswith("quiet:")
    row.refresh_from_db()
    assert row.held_until == dt.datetime(2026, 3, 3, 7, 0, tzinfo=dt.UTC)
    assert row.mail == MailState.PENDING


def test_a_moderator_opens_the_alert_from_the_inbox_on_the_posts_moderation_page(scene) -> None:
    mona = moderator_of(scene, scene.commons, "mona")
    post = a_reply(scene)
    moderation.flag_post(post, acting_user=person(scene, "rita"), reason="spam")
    row = alerts(post)[mona]
    response = client_of(mona).post(f"/en/community/inbox/{row.pk}/")
    assert response.status_code == 302
    assert response["Location"] == f"/en/community/posts/{post.pk}/moderate/"


# --- The moderators, told of a post held for review ----------------------------------


def test_a_held_post_is_told_to_the_moderators_and_no_one_else(scene, smtp) -> None:  # noqa: F811
    mona = moderator_of(scene, scene.commons, "mona", language="es")
    gus = moderator_of(scene, scene.group_space, "gus")
    services.set_level(scene.commons, acting_user=scene.secretariat, level=Level.EVERYTHING)
    thread = services.start_thread(
        scene.commons, acting_user=scene.partner, title="Recruitment fees", body="Opening"
    )
    nell = person(scene, "nell", days=0)
    held = services.reply(thread, acting_user=nell, body="My first words")
    assert set(alerts(held)) == {mona}
    assert gus not in alerts(held)
    # Announced to nobody else: no member hears of it before approval.
    assert set(Notification.objects.filter(post=held).values_list("user", flat=True)) == {mona.pk}
    assert notify.send_notification(alerts(held)[mona].pk) == "sent"
    [message] = smtp.messages
    body = message.get_content()
    assert "/es/community/commons/queue/?show=held" in body
    assert "nell" in body and "My first words" not in body
    # Approved before a second moderator's email went: not news any more.
    milo = moderator_of(scene, scene.commons, "milo")
    other = services.reply(thread, acting_user=nell, body="More words")
    moderation.approve_post(other, acting_user=mona)
    assert alerts(other)[milo].read is not None
    assert notify.send_notification(alerts(other)[milo].pk) == "not pending"
    assert len(smtp.messages) == 1


def test_a_held_thread_is_told_to_the_moderators(scene) -> None:
    mona = moderator_of(scene, scene.commons, "mona")
    nell = person(scene, "nell", days=0)
    thread = services.start_thread(scene.commons, acting_user=nell, title="Hello", body="Hi all")
    assert alerts(thread.posts.get())[mona].reason == Reason.HELD


def test_the_moderators_email_is_queued_after_commit(
    scene, django_capture_on_commit_callbacks
) -> None:
    from django_tasks_db.models import DBTaskResult

    moderator_of(scene, scene.commons, "mona")
    post = a_reply(scene)
    sends = DBTaskResult.objects.filter(task_path__endswith="send_notification_task")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        moderation.flag_post(post, acting_user=person(scene, "rita"), reason="spam")
    assert not sends.exists()
    for callback in callbacks:
        callback()
    assert sends.count() == 1


# --- The Secretariat, told of a space without moderators -------------------------------


def test_a_flag_in_a_space_without_moderators_emails_the_secretariat_in_its_language(
    scene,
    smtp,  # noqa: F811
    django_capture_on_commit_callbacks,
) -> None:
    from django_tasks_db.models import DBTaskResult

    Preferences.objects.update_or_create(user=scene.secretariat, defaults={"language": "fr"})
    other = person(scene, "sam")  # of the Secretariat too, in English
    type(other).objects.filter(pk=other.pk).update(is_staff=True)
    thread = services.start_thread(
        scene.commons, acting_user=scene.partner, title="Recruitment fees", body="Opening"
    )
    post = services.reply(thread, acting_user=person(scene, "paul"), body="Cheap visas")
    sends = DBTaskResult.objects.filter(task_path__endswith="send_notification_task")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        moderation.flag_post(post, acting_user=person(scene, "rita"), reason="spam")
    assert not sends.exists()  # queued after commit
    for callback in callbacks:
        callback()
    told = alerts(post)
    assert set(told) == {scene.secretariat, other}
    assert sends.count() == 2
    for row in told.values():
        assert notify.send_notification(row.pk) == "sent"
        assert notify.send_notification(row.pk) == "not pending"
    by_address = {m["To"]: m for m in smtp.messages}
    assert set(by_address) == {scene.secretariat.email, other.email}
    french = by_address[scene.secretariat.email].get_content()
    assert f"/fr/community/posts/{post.pk}/moderate/" in french
    assert "/fr/community/commons/queue/" in french
    english = by_address[other.email].get_content()
    assert f"/en/community/posts/{post.pk}/moderate/" in english
    assert "this space has no other moderator" in english
    assert "Cheap visas" not in english and "rita" not in english.lower()
    assert "Commons" in by_address[other.email]["Subject"]


def test_a_held_post_in_a_space_without_moderators_is_told_to_the_secretariat(
    scene,
    smtp,  # noqa: F811
) -> None:
    thread = services.start_thread(
        scene.commons, acting_user=scene.partner, title="Recruitment fees", body="Opening"
    )
    held = services.reply(thread, acting_user=person(scene, "nell", days=0), body="First words")
    assert set(alerts(held)) == {scene.secretariat}
    assert notify.send_notification(alerts(held)[scene.secretariat].pk) == "sent"
    [message] = smtp.messages
    assert "/en/community/commons/queue/?show=held" in message.get_content()
    # Approved before the email went: not news any more.
    other = services.reply(thread, acting_user=person(scene, "nina", days=0), body="More")
    moderation.approve_post(other, acting_user=scene.secretariat)
    assert notify.send_notification(alerts(other)[scene.secretariat].pk) == "not pending"
    assert len(smtp.messages) == 1


def test_the_secretariat_is_not_told_when_the_space_has_a_moderator(scene) -> None:
    mona = moderator_of(scene, scene.commons, "mona")
    post = a_reply(scene)
    moderation.flag_post(post, acting_user=person(scene, "rita"), reason="spam")
    assert set(alerts(post)) == {mona}
    # Its only moderator wrote the post: the Secretariat decides.
    thread = Thread.objects.get(pk=post.thread_id)
    own = services.reply(thread, acting_user=mona, body="My own words")
    moderation.flag_post(own, acting_user=person(scene, "ravi"), reason="spam")
    assert set(alerts(own)) == {scene.secretariat}


def test_a_secretariat_member_at_the_level_nothing_hears_of_it_in_the_inbox_only(scene) -> None:
    services.set_level(scene.commons, acting_user=scene.secretariat, level=Level.NOTHING)
    thread = services.start_thread(
        scene.commons, acting_user=scene.partner, title="Recruitment fees", body="Opening"
    )
    flagged = services.reply(thread, acting_user=scene.partner, body="Partner's words")
    moderation.flag_post(flagged, acting_user=person(scene, "rita"), reason="spam")
    assert alerts(flagged)[scene.secretariat].mail == MailState.NONE
