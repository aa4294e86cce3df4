"""A task that fails is tried again with backoff, then recorded as failed;
a call whose queue cannot be reached is kept and queued later; each is
visible to the Secretariat (core.tasks, core/taskrecords.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from alliance87.core.taskrecords import TaskRecord, TaskState
from alliance87.core.tasks import backoff, enqueue_on_commit, requeue_unqueued, retry_record
from alliance87.testing.background import fail_first

# The worker closes a connection left in a transaction (as after a
# request): its tests commit.
pytestmark = pytest.mark.django_db(transaction=True)


def run_worker() -> None:
    call_command("worker", "--batch", "--no-schedule", verbosity=0)


def make_due() -> None:
    """Bring the queued retries' time forward, as if their wait had passed."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


def test_the_waits_grow_then_stay_at_two_hours() -> None:
    waits = [backoff(n) for n in range(1, 7)]
    assert waits[:4] == [
        dt.timedelta(minutes=1),
        dt.timedelta(minutes=5),
        dt.timedelta(minutes=30),
        dt.timedelta(hours=2),
    ]
    assert waits[4] == waits[5] == dt.timedelta(hours=2)


def test_a_failing_task_is_tried_again_later_with_its_error_recorded(tmp_path: Path) -> None:
    runs = tmp_path / "runs"
    fail_first.enqueue(str(runs), 2)
    before = timezone.now()
    run_worker()
    record = TaskRecord.objects.get()
    assert record.state == TaskState.WAITING and record.attempts == 1
    assert record.last_error == "ConnectionError: run 1 of 2 failing"
    assert record.args == [str(runs), 2]
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.run_after is not None
    assert before + dt.timedelta(seconds=59) < retry.run_after < before + dt.timedelta(minutes=2)
    assert record.next_try == retry.run_after
    # Not before its time: the worker leaves it.
    run_worker()
    assert runs.read_text().count("run") == 1

    make_due()
    run_worker()
    record.refresh_from_db()
    assert record.attempts == 2 and record.last_error.endswith("run 2 of 2 failing")
    assert record.next_try is not None and record.next_try > timezone.now() + dt.timedelta(
        minutes=4
    )

    make_due()
    run_worker()
    assert runs.read_text().count("run") == 3
    # It succeeded: nothing is left to show.
    assert not TaskRecord.objects.exists()
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 1


def test_a_task_that_fails_every_try_is_recorded_as_failed_and_not_queued_again(
    tmp_path: Path, django_capture_on_commit_callbacks
) -> None:
    runs = tmp_path / "runs"
    fail_first.enqueue(str(runs), 100)
    for _ in range(5):
        run_worker()
        make_due()
    record = TaskRecord.objects.get()
    assert record.state == TaskState.FAILED and record.attempts == 5
    assert record.next_try is None
    assert not DBTaskResult.objects.filter(status="READY").exists()
    assert runs.read_text().count("run") == 5

    # The Secretariat queues it again: one more try, at once.
    with django_capture_on_commit_callbacks(execute=True):
        assert retry_record(record)
    record.refresh_from_db()
    assert record.state == TaskState.WAITING
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    run_worker()
    assert runs.read_text().count("run") == 6


def test_a_call_whose_queue_cannot_be_reached_is_kept_then_queued(
    tmp_path: Path, settings, django_capture_on_commit_callbacks
) -> None:
    runs = tmp_path / "runs"
    # A Redis queue on a port where nothing listens.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    settings.RQ_QUEUES = {"default": {"URL": "redis://127.0.0.1:9/0?socket_connect_timeout=1"}}
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_on_commit(fail_first, str(runs), 0)
    record = TaskRecord.objects.get()
    assert record.state == TaskState.UNQUEUED and record.attempts == 0
    assert "Connection" in record.last_error
    assert requeue_unqueued() == 0  # still unreachable: kept
    assert TaskRecord.objects.get().state == TaskState.UNQUEUED

    # The queue is back (here the database's): the kept call is queued, runs once.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert requeue_unqueued() == 1
    run_worker()
    assert runs.read_text() == "run\n"
    assert not TaskRecord.objects.exists()
