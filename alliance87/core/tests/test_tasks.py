"""Background tasks: queued when their write commits, run by the real
`db_worker`, reported by /healthz, and kept running beside the server."""

from __future__ import annotations

import os
import signal
import sys
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from alliance87.core.management.commands.serve import supervise
from alliance87.core.tasks import enqueue_on_commit, queue_state
from alliance87.testing.tasks import leave_a_line


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_a_task_queued_by_a_committed_write_is_run_by_the_worker(tmp_path: Path) -> None:
    out = tmp_path / "ran.txt"
    with transaction.atomic():
        enqueue_on_commit(leave_a_line, str(out), "committed")
        # Not queued while the write is open: a worker must not run ahead of it.
        assert DBTaskResult.objects.count() == 0
    assert queue_state().ready == 1
    run_worker()
    assert out.read_text() == "committed\n"
    assert queue_state().ready == 0
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"


@pytest.mark.django_db(transaction=True)
def test_a_task_queued_by_a_rolled_back_write_never_runs(tmp_path: Path) -> None:
    out = tmp_path / "ran.txt"
    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue_on_commit(leave_a_line, str(out), "rolled back")
        raise RuntimeError("the write failed")
    run_worker()
    assert DBTaskResult.objects.count() == 0
    assert not out.exists()


@pytest.mark.django_db
def test_healthz_says_tasks_are_ok_when_none_wait(client: Client) -> None:
    body = client.get("/healthz").json()
    assert body["tasks"] == "ok" and body["tasks_waiting"] == 0


@pytest.mark.django_db
def test_healthz_says_tasks_are_late_when_no_worker_takes_them(
    client: Client, settings, tmp_path: Path
) -> None:
    settings.TASKS_LATE_SECONDS = 60
    leave_a_line.enqueue(str(tmp_path / "x"), "waiting")
    body = client.get("/healthz").json()
    assert body["tasks"] == "ok" and body["tasks_waiting"] == 1
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(seconds=61))
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["tasks"] == "late"
    assert response.json()["status"] == "degraded"


def python(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def test_the_worker_is_started_again_when_it_dies_and_both_stop_together(
    tmp_path: Path,
) -> None:
    starts = tmp_path / "starts"
    pid_file = tmp_path / "server.pid"
    server = python(
        f"import os, time; open({str(pid_file)!r}, 'w').write(str(os.getpid())); time.sleep(60)"
    )
    # A worker that dies at once, each start leaving a line.
    worker = python(f"open({str(starts)!r}, 'a').write('x\\n'); raise SystemExit(3)")
    timer = threading.Timer(2.0, os.kill, (os.getpid(), signal.SIGTERM))
    timer.start()
    try:
        code = supervise(server, worker, restart_pause=0.1)
    finally:
        timer.cancel()
    assert code == 0
    assert len(starts.read_text().splitlines()) >= 2
    server_pid = int(pid_file.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(server_pid, 0)


def test_supervise_returns_the_servers_exit_code_when_it_stops(tmp_path: Path) -> None:
    assert supervise(python("raise SystemExit(4)"), python("import time; time.sleep(60)")) == 4
