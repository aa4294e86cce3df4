"""The community's background work (core.tasks): who hears of a post,
emails at once, digests. Each is queued after the write that asks for it
commits; the work itself lives in community/notify.py."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from alliance87.community import notify
from alliance87.core.tasks import task


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
        send_notification_task.using(run_after=timezone.now() + delay).enqueue(notification_id)
    return outcome


def sweep_and_requeue() -> tuple[int, int]:
    """Mark stuck emails uncertain and queue the lost ones again; return
    both counts."""
    uncertain, stale = notify.sweep()
    for pk in stale:
        send_notification_task.enqueue(pk)
    return uncertain, len(stale)


@task()
def send_digest_task(user_id: int) -> str:
    return notify.send_digest(user_id)
