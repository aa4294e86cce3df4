"""
The schedule: tasks queued every so often, by the workers themselves.

`settings.TASKS_SCHEDULE` names each job, its task (a dotted path to a
`@task()`), its period in seconds and perhaps its arguments (`args`). Every
`alliance87 worker` runs `tick()` every few seconds; time is cut into
periods counted from the epoch, and a job is queued in a period when a
worker is the first to write that period's `ScheduledRun` row (unique on
job and period): with any number of workers, on one machine or many, each
period queues the job once. The row and the queued task commit together on
the database backend; with RQ, a queue that cannot be reached keeps the
call in the database (core.tasks.enqueue_or_keep), queued at a later tick.

A period nobody ticked through (every worker stopped) is not made up: the
jobs are written to cover whatever time passed since their last run (the
community's digests send from the end of the last window sent).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from alliance87.core.taskrecords import ScheduledRun
from alliance87.core.tasks import enqueue_or_keep, requeue_unqueued

logger = logging.getLogger(__name__)

KEEP_MARKS = dt.timedelta(days=7)


@dataclass(frozen=True)
class Job:
    name: str
    task_path: str
    every: int  # seconds
    args: tuple[object, ...] = ()


def jobs() -> list[Job]:
    """Return the configured jobs."""
    configured: dict[str, dict[str, Any]] = settings.TASKS_SCHEDULE
    return [
        Job(name, spec["task"], int(spec["every"]), tuple(spec.get("args", ())))
        for name, spec in configured.items()
    ]


def period_of(job: Job, now: dt.datetime) -> int:
    return int(now.timestamp()) // job.every


def run_due(*, now: dt.datetime | None = None) -> list[str]:
    """Queue each job whose current period has not been queued yet by
    any worker; return the names of the jobs this call queued."""
    now = now or timezone.now()
    queued = []
    for job in jobs():
        try:
            with transaction.atomic():
                ScheduledRun.objects.create(job=job.name, period=period_of(job, now))
                enqueue_or_keep(import_string(job.task_path), *job.args)
        except IntegrityError:
            continue  # another worker queued this period
        queued.append(job.name)
    return queued


def tick(*, now: dt.datetime | None = None) -> list[str]:
    """One turn of a worker's scheduler: queue the due jobs, queue again
    the calls kept while the queue was unreachable, forget old marks."""
    now = now or timezone.now()
    queued = run_due(now=now)
    requeue_unqueued()
    ScheduledRun.objects.filter(queued__lt=now - KEEP_MARKS).delete()
    return queued
