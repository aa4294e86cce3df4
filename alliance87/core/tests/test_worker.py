"""`alliance87 worker`: runs the queued tasks and the schedule, each
scheduled job queued once a period however many workers run it
(core/schedule.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django_tasks_db.models import DBTaskResult

from alliance87.core import schedule
from alliance87.core.management.commands.serve import worker_argv
from alliance87.core.taskrecords import ScheduledRun

# The worker closes a connection left in a transaction (as after a
# request): its tests commit.
pytestmark = pytest.mark.django_db(transaction=True)
NOON = dt.datetime(2026, 12, 7, 12, 0, 3, tzinfo=dt.UTC)


@pytest.fixture
def marks(settings, tmp_path: Path) -> Path:
    path = tmp_path / "marks"
    settings.TASKS_SCHEDULE = {
        "mark": {
            "task": "alliance87.testing.background.leave_a_mark",
            "every": 300,
            "args": [str(path)],
        }
    }
    return path


def test_a_job_is_queued_once_a_period_however_many_workers_look(marks: Path) -> None:
    # Three workers' ticks within one five-minute period, then the next.
    assert schedule.run_due(now=NOON) == ["mark"]
    assert schedule.run_due(now=NOON + dt.timedelta(seconds=10)) == []
    assert schedule.run_due(now=NOON + dt.timedelta(seconds=200)) == []
    assert DBTaskResult.objects.count() == 1
    assert schedule.run_due(now=NOON + dt.timedelta(minutes=5)) == ["mark"]
    assert DBTaskResult.objects.count() == 2


def test_the_period_mark_is_unique_in_the_database(marks: Path) -> None:
    ScheduledRun.objects.create(job="mark", period=7)
    with pytest.raises(IntegrityError), transaction.atomic():
        ScheduledRun.objects.create(job="mark", period=7)


def test_the_worker_runs_the_schedule_and_the_tasks_without_cron(marks: Path) -> None:
    call_command("worker", "--batch", verbosity=0)
    assert marks.read_text() == "ran\n"
    # A second worker in the same period queues nothing more.
    call_command("worker", "--batch", verbosity=0)
    assert marks.read_text() == "ran\n"
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


def test_a_worker_without_the_schedule_leaves_it_to_the_others(marks: Path) -> None:
    call_command("worker", "--batch", "--no-schedule", verbosity=0)
    assert not marks.exists()
    assert not ScheduledRun.objects.exists()


def test_the_community_digests_are_on_the_default_schedule() -> None:
    from django.conf import settings

    (job,) = [j for j in schedule.jobs() if j.name == "community-mail"]
    assert job.task_path == "alliance87.community.tasks.community_mail_task"
    assert 0 < job.every <= 3600
    assert job.every > settings.TASKS_SCHEDULE_TICK


def test_serve_with_worker_and_the_demo_start_this_worker() -> None:
    assert worker_argv()[-1] == "worker"


def test_old_period_marks_are_forgotten(marks: Path) -> None:
    old = ScheduledRun.objects.create(job="mark", period=1)
    ScheduledRun.objects.filter(pk=old.pk).update(queued=NOON - dt.timedelta(days=8))
    schedule.tick(now=NOON)
    assert not ScheduledRun.objects.filter(pk=old.pk).exists()
    assert ScheduledRun.objects.filter(job="mark").count() == 1
