"""The community's background work (core.tasks): who hears of a post,
emails at once (the moderators' too), suspension notices, digests. Each
is queued after the write that asks for it commits, but
`community_mail_task`, which the workers' schedule queues every five
minutes (settings.TASKS_SCHEDULE); the work itself lives in
community/notify/.

An email that waits for the mail server, or that a worker left half-sent,
is recorded for the Secretariat's page of background work (core.tasks):
the first with its last error and its next try, the second never sent
again."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from alliance87.community import notify
from alliance87.community.models import MailState, Notification, SuspensionNotice
from alliance87.core.tasks import enqueue_or_keep, note_uncertain, note_waiting, task


@task()
def fan_out_task(post_id: int) -> int:
    """Write a post's notifications and queue its emails at once."""
    ids = notify.fan_out(post_id)
    for pk in ids:
        send_notification_task.enqueue(pk)
    return len(ids)


@task()
def send_notification_task(notification_id: int) -> str:
    """Send one email at once; after a mail server's failure, try again
    later (notify.retry_delay: 1, 5, 30 minutes, then every 2 hours); in
    the person's quiet hours, when they end."""
    outcome = notify.send_notification(notification_id)
    if outcome.startswith("quiet:"):
        send_notification_task.using(run_after=notify.held_until(notification_id)).enqueue(
            notification_id
        )
    elif outcome.startswith("retry:"):
        delay = dt.timedelta(seconds=int(outcome.split(":", 1)[1]))
        when = timezone.now() + delay
        error = (
            Notification.objects.filter(pk=notification_id)
            .values_list("mail_error", flat=True)
            .first()
        )
        note_waiting(send_notification_task, notification_id, error=error or "", next_try=when)
        enqueue_or_keep(send_notification_task.using(run_after=when), notification_id)
    return outcome


@task()
def send_suspension_notice_task(notice_id: int) -> str:
    """Tell a person of their suspension, or of its lifting, by email: at
    most once, in the same rhythm as `send_notification_task`."""
    outcome = notify.send_suspension_notice(notice_id)
    if outcome.startswith("quiet:"):
        send_suspension_notice_task.using(
            run_after=notify.suspension_notice_held_until(notice_id)
        ).enqueue(notice_id)
    elif outcome.startswith("retry:"):
        when = timezone.now() + dt.timedelta(seconds=int(outcome.split(":", 1)[1]))
        error = (
            SuspensionNotice.objects.filter(pk=notice_id)
            .values_list("mail_error", flat=True)
            .first()
        )
        note_waiting(send_suspension_notice_task, notice_id, error=error or "", next_try=when)
        enqueue_or_keep(send_suspension_notice_task.using(run_after=when), notice_id)
    return outcome


UNCERTAIN_NOTE = (
    "A worker stopped while sending this email: whether the mail server took "
    "it cannot be known, so it is not sent again."
)


def sweep_and_requeue() -> tuple[int, int]:
    """Mark stuck emails uncertain (and record them for the Secretariat)
    and queue the lost ones again; return both counts."""
    sending = set(Notification.objects.filter(mail=MailState.SENDING).values_list("pk", flat=True))
    uncertain, stale = notify.sweep()
    if uncertain:
        now_uncertain = Notification.objects.filter(pk__in=sending, mail=MailState.UNCERTAIN)
        for pk in now_uncertain.values_list("pk", flat=True):
            note_uncertain(send_notification_task, pk, error=UNCERTAIN_NOTE)
    for pk in stale:
        enqueue_or_keep(send_notification_task, pk)
    sending = set(
        SuspensionNotice.objects.filter(mail=MailState.SENDING).values_list("pk", flat=True)
    )
    notices_uncertain, notices_stale = notify.sweep_suspension_notices()
    if notices_uncertain:
        now_uncertain = SuspensionNotice.objects.filter(pk__in=sending, mail=MailState.UNCERTAIN)
        for pk in now_uncertain.values_list("pk", flat=True):
            note_uncertain(send_suspension_notice_task, pk, error=UNCERTAIN_NOTE)
    for pk in notices_stale:
        enqueue_or_keep(send_suspension_notice_task, pk)
    return uncertain + notices_uncertain, len(stale) + len(notices_stale)


@task()
def send_digest_task(user_id: int) -> str:
    return notify.send_digest(user_id)


def send_due_mail() -> dict[str, int]:
    """Send the digests that are due, tell the people whose suspension
    ended on its date, and tidy the outgoing mail; return the count of each
    outcome (what `community_mail` prints)."""
    uncertain, requeued = sweep_and_requeue()
    counts: dict[str, int] = {}
    # Suspensions that ended on their date: each told once, whatever how
    # often this runs (one notice per suspension and event).
    ended = notify.ended_suspension_notices()
    for pk in ended:
        enqueue_or_keep(send_suspension_notice_task, pk)
    counts["suspensions ended, told"] = len(ended)
    for chunk in notify.digest_recipient_chunks():
        for outcome in notify.send_digests(chunk):
            counts[outcome] = counts.get(outcome, 0) + 1
    counts["emails marked uncertain"] = uncertain
    counts["emails queued again"] = requeued
    return counts


@task(retries=0)
def community_mail_task() -> dict[str, int]:
    """The schedule's job: `send_due_mail` (not retried: the next period's
    run covers what this one missed, each digest window once)."""
    return send_due_mail()
