"""The suspended person's mail (issue 13, item 6): told by email of the
reason, the space and until when, and told again when the suspension is
lifted, or when it ends on its date (the workers' schedule); each email
goes once, through a real SMTP server, and survives an outage or a worker
that dies mid-send."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import dateformat, timezone, translation

from alliance87.community import moderation, notify
from alliance87.community.models import MailState, Preferences, SuspensionEvent, SuspensionNotice
from alliance87.community.tasks import send_due_mail, sweep_and_requeue
from alliance87.community.tests.moderation_support import moderator_of, person
from alliance87.community.tests.smtp import free_port, smtp  # noqa: F401 - a fixture

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("new_accounts_held")]


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


# --- A suspension that ends on its date ---------------------------------------------


def ended_yesterday(suspension: Any, *, days: int = 1) -> None:
    """Move `suspension`'s end `days` into the past, as time would."""
    ends = timezone.now() - dt.timedelta(days=days)
    type(suspension).objects.filter(pk=suspension.pk).update(ends=ends)
    suspension.refresh_from_db()


# The worker closes a connection left in a transaction (as after a
# request): this test commits, and so needs the reference countries again.
@pytest.mark.django_db(transaction=True)
def test_the_worker_tells_a_person_once_that_their_suspension_ended_on_its_date(
    countries,
    scene,
    smtp,  # noqa: F811
) -> None:
    Preferences.objects.create(user=scene.partner, language="es", time_zone="America/Lima")
    suspension = moderation.suspend(
        scene.commons,
        scene.partner,
        acting_user=scene.secretariat,
        reason="Repeated advertising",
        ends=timezone.now() + dt.timedelta(days=3),
    )
    ended_yesterday(suspension)
    # Not yet run: nothing written.
    assert not SuspensionNotice.objects.filter(event=SuspensionEvent.ENDED).exists()

    call_command("worker", "--batch", verbosity=0)
    call_command("worker", "--batch", verbosity=0)
    assert send_due_mail()["suspensions ended, told"] == 0  # never twice

    ended = notice(suspension, SuspensionEvent.ENDED)
    assert ended.mail == MailState.SENT
    # The notice of the suspension itself came too late: not sent.
    assert notice(suspension, SuspensionEvent.SUSPENDED).mail == MailState.NONE
    [message] = smtp.messages
    body = message.get_content()
    assert message["To"] == scene.partner.email
    # In the person's language.
    assert message["Subject"] == "[Commons] Su suspensión ha terminado"
    # Its date, in the person's time zone and language.
    assert suspension.ends is not None
    with translation.override("es"):
        day = dateformat.format(suspension.ends.astimezone(ZoneInfo("America/Lima")), "j F Y")
    assert day in body and "America/Lima" in body and "/es/community/commons/" in body
    assert "Repeated advertising" not in body
    assert message["List-Unsubscribe"] is None and message["Reply-To"] is None


def test_only_a_suspension_that_ran_to_its_date_is_announced_as_ended(scene, mailoutbox) -> None:
    suspend = moderation.suspend
    outsider, member = scene.outsider, scene.member
    # Lifted before its date: the lifting was told, its end is no news.
    lifted = suspend(
        scene.commons,
        outsider,
        acting_user=scene.secretariat,
        reason="R",
        ends=timezone.now() + dt.timedelta(days=2),
    )
    moderation.lift_suspension(lifted, acting_user=scene.secretariat)
    ended_yesterday(lifted)
    type(lifted).objects.filter(pk=lifted.pk).update(lifted=timezone.now() - dt.timedelta(days=2))
    # Ended more than a week ago (a new installation's first run): old news.
    old = suspend(
        scene.group_space,
        outsider,
        acting_user=scene.secretariat,
        reason="R",
        ends=timezone.now() + dt.timedelta(days=2),
    )
    ended_yesterday(old, days=8)
    # Without an end date: only a moderator ends it.
    suspend(scene.commons, member, acting_user=scene.secretariat, reason="R")
    # Ended yesterday, lifted after: it ended all the same.
    late = suspend(
        scene.group_space,
        member,
        acting_user=scene.secretariat,
        reason="R",
        ends=timezone.now() + dt.timedelta(days=2),
    )
    ended_yesterday(late)
    moderation.lift_suspension(late, acting_user=scene.secretariat)
    assert not SuspensionNotice.objects.filter(suspension=late, event="lifted").exists()

    assert len(notify.ended_suspension_notices()) == 1
    assert notify.ended_suspension_notices() == []
    [told] = SuspensionNotice.objects.filter(event=SuspensionEvent.ENDED)
    assert told.suspension == late
    assert notify.send_suspension_notice(told.pk) == "sent"
    assert "has ended" in mailoutbox[-1].subject


def test_an_end_told_after_the_person_was_suspended_again_is_not_sent(scene, mailoutbox) -> None:
    first = moderation.suspend(
        scene.commons,
        scene.partner,
        acting_user=scene.secretariat,
        reason="First",
        ends=timezone.now() + dt.timedelta(days=2),
    )
    ended_yesterday(first)
    assert len(notify.ended_suspension_notices()) == 1
    moderation.suspend(scene.commons, scene.partner, acting_user=scene.secretariat, reason="Again")
    mailoutbox.clear()
    assert notify.send_suspension_notice(notice(first, "ended").pk) == "no longer news"
    assert not mailoutbox
