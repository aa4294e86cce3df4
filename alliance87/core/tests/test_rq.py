"""The scale tier's queue: RQ on Redis (django-tasks-rq), chosen by
REDIS_URL; run by `alliance87 worker` with retries and the schedule; a
Redis outage loses no task queued meanwhile (kept in the database, queued
when Redis answers again). Against real Redis servers: 127.0.0.1:6379
(database 6, or 6 + n for pytest-xdist's worker gwN: two workers sharing
one database flushed each other's queue) and one this file starts and stops
itself."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from alliance87.core import schedule
from alliance87.core.taskrecords import TaskRecord, TaskState
from alliance87.core.tasks import enqueue_on_commit, queue_state
from alliance87.testing.background import fail_first
from alliance87.testing.redis import worker_redis_url
from alliance87.testing.tasks import leave_a_line

pytestmark = pytest.mark.django_db
SHARED_REDIS = "redis://127.0.0.1:6379/6"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class RedisServer:
    """A redis-server of the test's own, on a port of its own."""

    def __init__(self, port: int | None = None) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.skip("redis-server is not installed")
        self.port = port or free_port()
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("redis-server did not start")

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


def use_rq(settings: Any, url: str) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    settings.RQ_QUEUES = {"default": {"URL": f"{url}?socket_connect_timeout=1"}}
    # Jobs run in this process, which holds the test database.
    settings.RQ = {"WORKER_CLASS": "rq.worker.SimpleWorker"}


@pytest.fixture
def shared_redis(settings: Any) -> Iterator[str]:
    redis = pytest.importorskip("redis")
    url = worker_redis_url()
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).flushdb()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    use_rq(settings, url)
    yield url
    redis.Redis.from_url(url).flushdb()


@pytest.fixture
def own_redis(settings: Any) -> Iterator[RedisServer]:
    server = RedisServer()
    use_rq(settings, server.url)
    yield server
    server.stop()


def run_worker() -> None:
    call_command("worker", "--batch", "--no-schedule", verbosity=0)


def configured(**env: str) -> subprocess.CompletedProcess[str]:
    code = (
        "import json; from alliance87 import settings as s; "
        "print(json.dumps([s.TASKS['default']['BACKEND'], 'django_rq' in s.INSTALLED_APPS]))"
    )
    base = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "TASKS_BACKEND")}
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_redis_url_chooses_rq_and_tasks_backend_overrides_it() -> None:
    with_redis = configured(REDIS_URL=SHARED_REDIS)
    assert json.loads(with_redis.stdout) == ["django_tasks_rq.RQBackend", True]
    assert json.loads(configured().stdout) == ["django_tasks_db.DatabaseBackend", False]
    forced = configured(REDIS_URL=SHARED_REDIS, TASKS_BACKEND="database")
    assert json.loads(forced.stdout) == ["django_tasks_db.DatabaseBackend", False]
    refused = configured(TASKS_BACKEND="rq")
    assert refused.returncode != 0 and "TASKS_BACKEND=rq needs REDIS_URL" in refused.stderr
    unknown = configured(TASKS_BACKEND="celery")
    assert unknown.returncode != 0 and 'must be "database" or "rq"' in unknown.stderr


def test_a_task_queued_on_redis_is_run_by_the_worker(shared_redis: str, tmp_path: Path) -> None:
    out = tmp_path / "ran.txt"
    leave_a_line.enqueue(str(out), "from redis")
    state = queue_state()
    assert state.ready == 1 and state.reachable and not state.late
    run_worker()
    assert out.read_text() == "from redis\n"
    assert queue_state().ready == 0


def test_a_failing_task_on_redis_is_retried_later_and_recorded(
    shared_redis: str, tmp_path: Path
) -> None:
    import django_rq

    fail_first.enqueue(str(tmp_path / "runs"), 1)
    run_worker()
    record = TaskRecord.objects.get()
    assert record.state == TaskState.WAITING and record.attempts == 1
    # The retry waits in RQ's schedule, for its time.
    scheduled = django_rq.get_queue("default").scheduled_job_registry.get_job_ids()
    assert len(scheduled) == 1


def test_the_schedule_queues_its_job_on_redis_once(
    shared_redis: str, settings: Any, tmp_path: Path
) -> None:
    marks = tmp_path / "marks"
    settings.TASKS_SCHEDULE = {
        "mark": {
            "task": "alliance87.testing.background.leave_a_mark",
            "every": 300,
            "args": [str(marks)],
        }
    }
    call_command("worker", "--batch", verbosity=0)
    call_command("worker", "--batch", verbosity=0)
    assert marks.read_text() == "ran\n"


def test_a_redis_outage_loses_no_task_queued_meanwhile(
    own_redis: RedisServer,
    tmp_path: Path,
    django_capture_on_commit_callbacks,
    client: Client,
    settings: Any,
) -> None:
    out = tmp_path / "ran.txt"
    settings.TASKS_SCHEDULE = {}  # this test's one task only
    own_redis.stop()

    # The write commits; the task cannot reach Redis: kept, no error.
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_on_commit(leave_a_line, str(out), "kept through the outage")
    record = TaskRecord.objects.get()
    assert record.state == TaskState.UNQUEUED and "Connection" in record.last_error
    body = client.get("/healthz").json()
    assert body["tasks"] == "late" and body["status"] == "degraded"
    # A worker's schedule tick meanwhile keeps it still.
    schedule.tick()
    assert TaskRecord.objects.get().state == TaskState.UNQUEUED

    # Redis comes back (empty: it kept nothing): the next tick queues the call.
    back = RedisServer(own_redis.port)
    try:
        schedule.tick()
        assert TaskRecord.objects.get().state == TaskState.WAITING
        run_worker()
    finally:
        back.stop()
    assert out.read_text() == "kept through the outage\n"
    assert not TaskRecord.objects.exists()
