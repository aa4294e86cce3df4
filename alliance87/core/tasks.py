"""
Background work: a task is queued when the write that asks for it commits.

Tasks are django-tasks functions (the backport of Django 6's
`django.tasks`), kept in the database by django-tasks-db and run by
`alliance87 db_worker`. An area defines its task with `@task()` in its own
`tasks.py` and queues it from a service with `enqueue_on_commit`, never
with `.enqueue()` inside the transaction: a task queued by a write that is
then rolled back must not run, and a worker must not read rows the write
has not yet committed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

__all__ = ["QueueState", "enqueue_on_commit", "queue_state", "task"]


def enqueue_on_commit(work: Any, *args: Any, **kwargs: Any) -> None:
    """Queue `work` (a `@task()` function) with these arguments once the
    current transaction commits; at once outside a transaction."""
    transaction.on_commit(lambda: work.enqueue(*args, **kwargs))


@dataclass(frozen=True)
class QueueState:
    ready: int
    oldest_ready: datetime | None

    @property
    def late(self) -> bool:
        """Whether a task has waited longer than a worker would let it."""
        if self.oldest_ready is None:
            return False
        waited = timezone.now() - self.oldest_ready
        return waited > timedelta(seconds=settings.TASKS_LATE_SECONDS)


def queue_state() -> QueueState:
    """Count the tasks waiting for a worker (for /healthz)."""
    ready = DBTaskResult.objects.ready()
    oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    return QueueState(ready=ready.count(), oldest_ready=oldest)
