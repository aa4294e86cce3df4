"""
Background work: a task is queued when the write that asks for it commits.

Tasks are django-tasks functions (the backport of Django 6's
`django.tasks`). On one machine they are kept in the database
(django-tasks-db); with `REDIS_URL` set they go to RQ on Redis
(django-tasks-rq); `TASKS_BACKEND` chooses otherwise. Either way
`alliance87 worker` runs them, and the schedule (core/schedule.py) beside
them (docs/tasks.md).

An area defines its task with this module's `@task()` in its own
`tasks.py` and queues it from a service with `enqueue_on_commit`, never
with `.enqueue()` inside the transaction: a task queued by a write that is
then rolled back must not run, and a worker must not read rows the write
has not yet committed.

What this module adds to django-tasks, the same on both backends:

- a task that raises is tried again later, after 1, 5 and 30 minutes and
  2 hours (`retries`, 4 by default), then recorded as failed; a task that
  handles its own retries (the community's email at once: a mail server's
  outage delays mail, never loses it) records its wait with `note_waiting`;
- a call queued after a commit while the queue cannot be reached (Redis
  down) is kept in the database and queued when it answers again: the
  commit never fails for it, and the call is not lost;
- every call that is not done has one `TaskRecord` (core/taskrecords.py),
  with its attempts and last error, which the Secretariat's page lists and
  may queue again; the record goes when the call succeeds.

A task must therefore be safe to run twice (most claim their row with a
conditional update first, as community/notify/ and comms/tasks.py do):
a retry, a requeued call or a second worker may run it again.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks import task as django_task
from django_tasks.base import Task
from django_tasks_db.models import DBTaskResult

from alliance87.core.taskrecords import TaskRecord, TaskState

__all__ = [
    "QueueState",
    "backoff",
    "enqueue_on_commit",
    "enqueue_or_keep",
    "note_uncertain",
    "note_waiting",
    "queue_state",
    "retry_record",
    "task",
]

logger = logging.getLogger(__name__)

BACKOFF = [
    dt.timedelta(minutes=1),
    dt.timedelta(minutes=5),
    dt.timedelta(minutes=30),
    dt.timedelta(hours=2),
]
DEFAULT_RETRIES = len(BACKOFF)


def backoff(attempt: int) -> dt.timedelta:
    """Return how long to wait after the `attempt`-th failure (from 1)."""
    return BACKOFF[min(attempt, len(BACKOFF)) - 1]


def record_key(task_path: str, args: Any, kwargs: Any) -> str:
    """Return the key of one call: its task and its arguments."""
    text = json.dumps([task_path, list(args), dict(kwargs)], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _keep(
    task_path: str,
    args: Any,
    kwargs: Any,
    *,
    state: str,
    error: str,
    next_try: datetime | None,
    count_attempt: bool,
) -> TaskRecord:
    """Write (or update) the record of one call; return it."""
    with transaction.atomic():
        record, _created = TaskRecord.objects.select_for_update().get_or_create(
            key=record_key(task_path, args, kwargs),
            defaults={"task_path": task_path, "args": list(args), "kwargs": dict(kwargs)},
        )
        record.state = state
        record.last_error = error[:2000]
        record.next_try = next_try
        if count_attempt:
            record.attempts += 1
        record.save()
    return record


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def _retrying(func: Callable[..., Any], retries: int) -> Callable[..., Any]:
    """Wrap a task's function: record its failures, queue its retries,
    clear its record when it succeeds."""

    @functools.wraps(func)
    def run(*args: Any, **kwargs: Any) -> Any:
        # The Task object that wraps `run`: the module attribute of this name.
        this: Task = import_string(f"{func.__module__}.{func.__qualname__}")
        path = this.module_path
        started = timezone.now()
        try:
            result = func(*args, **kwargs)
        except Exception as error:
            record = TaskRecord.objects.filter(key=record_key(path, args, kwargs)).first()
            attempt = (record.attempts if record else 0) + 1
            give_up = attempt > retries
            _try_later(this, args, kwargs, _describe(error), backoff(attempt), give_up=give_up)
            raise
        # Done: its record goes, unless this run wrote it (note_waiting).
        TaskRecord.objects.filter(key=record_key(path, args, kwargs), updated__lt=started).delete()
        return result

    return run


def _try_later(
    this: Task, args: Any, kwargs: Any, error: str, after: dt.timedelta, *, give_up: bool
) -> None:
    path = this.module_path
    if give_up:
        _keep(path, args, kwargs, state=TaskState.FAILED, error=error, next_try=None,
              count_attempt=True)  # fmt: skip
        logger.error("Task %s%s failed and will not be tried again: %s", path, args, error)
        return
    when = timezone.now() + after
    _keep(path, args, kwargs, state=TaskState.WAITING, error=error, next_try=when,
          count_attempt=True)  # fmt: skip
    logger.warning("Task %s%s failed (%s); trying again at %s", path, args, error, when)
    enqueue_or_keep(this.using(run_after=when), *args, **kwargs)


def task(
    function: Callable[..., Any] | None = None, *, retries: int = DEFAULT_RETRIES, **options: Any
) -> Any:
    """Make a background task of a module-level function, as django-tasks'
    `@task()` does, tried again with backoff when it raises (`retries`
    times, then recorded as failed)."""

    def decorate(func: Callable[..., Any]) -> Task:
        made: Task = django_task(**options)(_retrying(func, retries))
        return made

    return decorate(function) if function is not None else decorate


def note_waiting(work: Task, *args: Any, error: str, next_try: datetime) -> None:
    """Record that a call of `work` with `args` did not do its work and is
    queued again for `next_try` by the task itself (it counts as an
    attempt; the record goes when a later run succeeds)."""
    _keep(work.module_path, args, {}, state=TaskState.WAITING, error=error,
          next_try=next_try, count_attempt=True)  # fmt: skip


def note_uncertain(work: Task, *args: Any, error: str) -> None:
    """Record that a call of `work` with `args` stopped mid-way and will
    not be run again (whether it had its effect cannot be known)."""
    _keep(work.module_path, args, {}, state=TaskState.UNCERTAIN, error=error,
          next_try=None, count_attempt=False)  # fmt: skip


def enqueue_or_keep(work: Task, *args: Any, **kwargs: Any) -> None:
    """Queue `work` now; if its queue cannot be reached (Redis down), keep
    the call in the database for the schedule to queue when it answers."""
    try:
        work.enqueue(*args, **kwargs)
    except Exception as error:
        logger.warning(
            "Task %s could not be queued (%s); kept to queue later", work.module_path, error
        )
        _keep(
            work.module_path,
            args,
            kwargs,
            state=TaskState.UNQUEUED,
            error=_describe(error),
            next_try=work.run_after,
            count_attempt=False,
        )


def enqueue_on_commit(work: Any, *args: Any, **kwargs: Any) -> None:
    """Queue `work` (a `@task()` function) with these arguments once the
    current transaction commits; at once outside a transaction. A queue
    that cannot be reached then fails neither the write nor the request:
    the call is kept and queued later (`enqueue_or_keep`)."""
    transaction.on_commit(lambda: enqueue_or_keep(work, *args, **kwargs))


def retry_record(record: TaskRecord) -> bool:
    """Queue the recorded call again once the transaction commits; return
    False when it may not be (a call that stopped mid-way) or its task no
    longer exists."""
    if not record.may_retry:
        return False
    try:
        work: Task = import_string(record.task_path)
    except ImportError:
        return False
    TaskRecord.objects.filter(pk=record.pk).update(
        state=TaskState.WAITING, next_try=timezone.now()
    )
    enqueue_on_commit(work, *record.args, **record.kwargs)
    logger.info("Task %s%s queued again by hand", record.task_path, tuple(record.args))
    return True


def requeue_unqueued(*, limit: int = 500) -> int:
    """Queue the calls kept while the queue could not be reached, those
    whose time has come; return how many were queued."""
    now = timezone.now()
    queued = 0
    rows = TaskRecord.objects.filter(state=TaskState.UNQUEUED).order_by("pk")[:limit]
    for record in rows:
        try:
            work: Task = import_string(record.task_path)
        except ImportError:
            continue
        run_after = record.next_try if record.next_try and record.next_try > now else None
        try:
            work.using(run_after=run_after).enqueue(*record.args, **record.kwargs)
        except Exception as error:
            logger.warning("Kept tasks still cannot be queued (%s)", error)
            break
        # Another worker may have queued it meanwhile: the task is safe to
        # run twice, and the record goes when it succeeds.
        TaskRecord.objects.filter(pk=record.pk, state=TaskState.UNQUEUED).update(
            state=TaskState.WAITING, next_try=run_after or now
        )
        queued += 1
    return queued


def uses_rq() -> bool:
    """Whether the default backend is RQ (the scale tier)."""
    return type(task_backends[DEFAULT_TASK_BACKEND_ALIAS]).__name__ == "RQBackend"


@dataclass(frozen=True)
class QueueState:
    ready: int
    oldest_ready: datetime | None
    reachable: bool = True

    @property
    def late(self) -> bool:
        """Whether a task has waited longer than a worker would let it, or
        the queue cannot be read."""
        if not self.reachable:
            return True
        if self.oldest_ready is None:
            return False
        waited = timezone.now() - self.oldest_ready
        return waited > timedelta(seconds=settings.TASKS_LATE_SECONDS)


def queue_state() -> QueueState:
    """Count the tasks waiting for a worker (for /healthz)."""
    if uses_rq():
        return _rq_queue_state()
    ready = DBTaskResult.objects.ready()
    oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    return QueueState(ready=ready.count(), oldest_ready=oldest)


def _rq_queue_state() -> QueueState:
    import django_rq

    try:
        ready, oldest = 0, None
        for name in task_backends[DEFAULT_TASK_BACKEND_ALIAS].queues:
            queue = django_rq.get_queue(name)
            ready += queue.count
            ids = queue.get_job_ids(0, 1)
            job = queue.fetch_job(ids[0]) if ids else None
            if job is not None and job.enqueued_at is not None:
                at = job.enqueued_at
                at = at if at.tzinfo else at.replace(tzinfo=dt.UTC)
                oldest = at if oldest is None else min(oldest, at)
    except Exception as error:
        logger.warning("The task queue cannot be read (%s)", error)
        return QueueState(ready=0, oldest_ready=None, reachable=False)
    return QueueState(ready=ready, oldest_ready=oldest)
