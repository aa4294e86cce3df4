"""The suspended person's mail (issue 13, item 6): told by email of the
reason, the space and until when, and told again when the suspension is
lifted; each email goes once, through a real SMTP server, and survives an
outage or a worker that dies mid-send."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from alliance87.community import moderation, notify
from alliance87.community.models import MailState, Preferences, SuspensionEvent, SuspensionNotice
from alliance87.community.tasks import sweep_and_requeue
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
