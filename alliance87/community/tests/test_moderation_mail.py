"""The mail of moderation (issue 13, item 6): a space's moderators are told
when a post enters their queue (flagged, or held for review), in their
inbox and by an email at once in their language, never the flagger nor the
author, never saying who flagged; a suspended person is told by email, and
told again when the suspension is lifted. Each email goes once, through a
real SMTP server."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone, translation

from alliance87.community import moderation, notify, services
from alliance87.community.models import (
    FlagReason,
    Level,
    MailState,
    Notification,
    Preferences,
    Reason,
    SuspensionEvent,
    SuspensionNotice,
    Thread,
)
from alliance87.community.tasks import sweep_and_requeue
from alliance87.community.tests.smtp import free_port, smtp  # noqa: F401 - a fixture
from alliance87.partners.models import Person
from alliance87.testing.personas import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _new_accounts_held(settings: Any) -> None:
    # An account of today is new; no hourly limit to count across tests.
    settings.COMMUNITY_HOLD_DAYS, settings.COMMUNITY_HOLD_POSTS = 7, 1
    settings.COMMUNITY_NEW_POSTS_PER_HOUR = 0


def person(scene: Any, name: str, *, days: int = 30) -> Any:
    """A person of a partner organisation, on the Hub for `days` days."""
    user = make_user(name)
    Person.objects.create(
        slug=f"{name}-p", name=name.title(), organisation=scene.personas.partner_org, user=user
    )
    joined = timezone.now() - dt.timedelta(days=days)
    get_user_model().objects.filter(pk=user.pk).update(date_joined=joined)
    user.date_joined = joined
    return user


def moderator_of(scene: Any, space: Any, name: str, language: str = "en") -> Any:
    user = person(scene, name)
    services.set_moderator(space, user, acting_user=scene.secretariat)
    Preferences.objects.create(user=user, language=language)
    return user


def a_reply(scene: Any, body: str = "Call +41 22 555 01 02 for cheap visas") -> Any:
    thread = services.start_thread(
        scene.commons, acting_user=scene.partner, title="Recruitment fees", body="Opening"
    )
    return services.reply(thread, acting_user=scene.secretariat, body=body)


def alerts(post: Any) -> dict[Any, Notification]:
    return {
        n.user: n
        for n in Notification.objects.filter(
            post=post, reason__in=[Reason.FLAGGED, Reason.HELD]
        ).select_related("user")
    }


def client_of(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


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


# --- The suspended person ------------------------------------------------------------


def notice(suspension: Any, event: str) -> SuspensionNotice:
    return SuspensionNotice.objects.get(suspension=suspension, event=event)


def test_a_suspended_person_is_told_the_reason_the_space_and_until_when_then_of_the_lifting(
    scene,
    smtp,  # noqa: F811
) -> None:
    mona = moderator_of(scene, scene.commons, "mona")
    Preferences.objects.create(user=scene.partner, language="es", time_zone="America/Lima")
    ends = dt.datetime(2030, 1, 15, tzinfo=dt.UTC)
    suspension = moderation.suspend(
        scene.commons, scene.partner, acting_user=mona, reason="Repeated advertising", ends=ends
    )
    made = notice(suspension, SuspensionEvent.SUSPENDED)
    assert notify.send_suspension_notice(made.pk) == "sent"
    assert notify.send_suspension_notice(made.pk) == "not pending"
    [message] = smtp.messages
    body = message.get_content()
    assert message["To"] == scene.partner.email
    assert "Commons" in message["Subject"] and "Commons" in body
    assert "Repeated advertising" in body
    # The end, in the person's time zone and language.
    assert "14 enero 2030, 19:00" in body
    assert "America/Lima" in body and "/es/community/commons/" in body
    assert message["List-Unsubscribe"] is None and message["Reply-To"] is None
    moderation.lift_suspension(suspension, acting_user=mona)
    lifted = notice(suspension, SuspensionEvent.LIFTED)
    assert notify.send_suspension_notice(lifted.pk) == "sent"
    assert notify.send_suspension_notice(lifted.pk) == "not pending"
    assert len(smtp.messages) == 2
    assert "Repeated advertising" not in smtp.messages[1].get_content()


def test_a_suspension_without_end_says_so(scene, mailoutbox) -> None:
    suspension = moderation.suspend(
        scene.commons, scene.partner, acting_user=scene.secretariat, reason="Abuse"
    )
    assert notify.send_suspension_notice(notice(suspension, "suspended").pk) == "sent"
    assert "no end date was set" in mailoutbox[0].body


def test_a_suspension_replaced_or_ended_by_its_date_is_not_announced_as_lifted(scene) -> None:
    first = moderation.suspend(
        scene.commons, scene.partner, acting_user=scene.secretariat, reason="First"
    )
    second = moderation.suspend(
        scene.commons, scene.partner, acting_user=scene.secretariat, reason="Second"
    )
    assert not SuspensionNotice.objects.filter(suspension=first, event="lifted").exists()
    assert SuspensionNotice.objects.filter(suspension=second, event="suspended").exists()
    type(second).objects.filter(pk=second.pk).update(ends=timezone.now() - dt.timedelta(days=1))
    second.refresh_from_db()
    moderation.lift_suspension(second, acting_user=scene.secretariat)
    assert not SuspensionNotice.objects.filter(suspension=second, event="lifted").exists()


def test_a_suspension_lifted_before_its_email_goes_is_told_only_as_lifted(
    scene, mailoutbox
) -> None:
    suspension = moderation.suspend(
        scene.commons, scene.partner, acting_user=scene.secretariat, reason="Oops"
    )
    moderation.lift_suspension(suspension, acting_user=scene.secretariat)
    assert notify.send_suspension_notice(notice(suspension, "suspended").pk) == "no longer news"
    assert notify.send_suspension_notice(notice(suspension, "lifted").pk) == "sent"
    assert len(mailoutbox) == 1 and "lifted" in mailoutbox[0].subject


def test_a_mail_server_outage_delays_the_notice_and_never_loses_it(scene, settings) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    settings.EMAIL_USE_TLS = False
    suspension = moderation.suspend(
        scene.commons, scene.partner, acting_user=scene.secretariat, reason="Spam"
    )
    row = notice(suspension, "suspended")
    assert notify.send_suspension_notice(row.pk) == "retry:60"
    row.refresh_from_db()
    assert row.mail == MailState.PENDING and row.attempts == 1 and row.mail_error
    # A task lost meanwhile is queued again by the schedule's sweep.
    SuspensionNotice.objects.filter(pk=row.pk).update(
        created=timezone.now() - dt.timedelta(hours=1)
    )
    assert sweep_and_requeue() == (0, 1)


def test_a_worker_that_dies_mid_send_leaves_the_notice_uncertain_never_sent_again(
    scene, mailoutbox
) -> None:
    suspension = moderation.suspend(
        scene.commons, scene.partner, acting_user=scene.secretariat, reason="Spam"
    )
    row = notice(suspension, "suspended")
    SuspensionNotice.objects.filter(pk=row.pk).update(
        mail=MailState.SENDING, mailed=timezone.now() - dt.timedelta(hours=1)
    )
    assert sweep_and_requeue() == (1, 0)
    assert notify.send_suspension_notice(row.pk) == "not pending"
    assert not mailoutbox


def test_a_deactivated_person_is_not_written_to(scene) -> None:
    outsider = person(scene, "otto")
    suspension = moderation.suspend(
        scene.commons, outsider, acting_user=scene.secretariat, reason="Spam"
    )
    get_user_model().objects.filter(pk=outsider.pk).update(is_active=False)
    assert notify.send_suspension_notice(notice(suspension, "suspended").pk) == "no longer news"


# --- A held reply and its thread's last activity ---------------------------------------


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
