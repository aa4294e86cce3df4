"""Safeguarding's background work (core.tasks): the officers' alerts,
queued when the report commits."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from alliance87.core.tasks import task
from alliance87.safeguarding import alerts


@task()
def send_alert_task(alert_id: int) -> str:
    """Send one officer's alert; after a mail server's failure, try again
    later (1, 5, 30 minutes, then every 2 hours, as community emails)."""
    outcome = alerts.send_alert(alert_id)
    if outcome.startswith("retry:"):
        delay = dt.timedelta(seconds=int(outcome.split(":", 1)[1]))
        send_alert_task.using(run_after=timezone.now() + delay).enqueue(alert_id)
    return outcome
