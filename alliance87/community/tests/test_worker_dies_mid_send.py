"""Nothing is sent twice when a worker dies mid-send: a real worker process
(`alliance87 worker`, on the database queue and on RQ) is killed while a
real SMTP server holds its message; the email is never sent again, and the
Secretariat sees it as stopped mid-way (the claim in
community/notify/at_once.py)."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from django.db import connection

from alliance87.community import notify, services
from alliance87.community.models import Level, MailState, Notification
from alliance87.community.tasks import send_notification_task, sweep_and_requeue
from alliance87.community.tests.smtp import free_port
from alliance87.core.taskrecords import TaskRecord, TaskState
from alliance87.testing.redis import worker_redis_url

# Committed rows, so that a worker process of its own reads them.
pytestmark = pytest.mark.django_db(transaction=True)


class SlowServer:
    """An SMTP server that receives each message, then keeps its answer
    back for a minute: a worker sending to it is mid-send."""

    def __init__(self) -> None:
        self.received: list[bytes] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append(envelope.content)
        await asyncio.sleep(60)
        return "250 Message accepted"


@pytest.fixture
def slow_smtp() -> Iterator[tuple[SlowServer, int]]:
    handler, port = SlowServer(), free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield handler, port
    finally:
        controller.stop()


def worker_env(port: int, backend: str) -> dict[str, str]:
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DEBUG": "true",
        "HTTPS": "false",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(port),
        "EMAIL_USE_TLS": "false",
        "TASKS_BACKEND": backend,
    }
    if backend == "rq":
        env["REDIS_URL"] = worker_redis_url()
    return env


def worker(env: dict[str, str], *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "alliance87.cli", "worker", "--no-schedule", *extra],
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def process_tree(pid: int) -> list[int]:
    """`pid` and every process descended from it, read from /proc. RQ's work
    horse, which does the sending, puts itself in a process group of its own
    (rq's fork_work_horse calls os.setpgrp), so killing the worker's group
    alone would leave it sending."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                # The name (field 2) may hold spaces: the parent follows its ')'.
                parent = int(stat.read().rpartition(")")[2].split()[1])
        except (OSError, ValueError, IndexError):
            continue  # gone meanwhile
        children.setdefault(parent, []).append(int(entry))
    tree, todo = [], [pid]
    while todo:
        tree.append(todo.pop())
        todo.extend(children.get(tree[-1], []))
    return tree


def kill_mid_send(process: subprocess.Popen[bytes]) -> list[int]:
    """SIGKILL the worker and everything it started, the work horse included;
    the processes still running afterwards (none, unless one would not die)."""
    doomed = process_tree(process.pid)
    for pid in doomed:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    process.wait(timeout=30)
    deadline = time.monotonic() + 30
    while (alive := [pid for pid in doomed if not gone(pid)]) and time.monotonic() < deadline:
        time.sleep(0.1)
    return alive


def gone(pid: int) -> bool:
    """Ended: no such process, or a zombie not yet reaped by its parent."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rpartition(")")[2].split()[0] == "Z"
    except OSError:
        return True


def use_rq(settings: Any) -> None:
    redis = pytest.importorskip("redis")
    url = worker_redis_url()
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).flushdb()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    settings.RQ_QUEUES = {"default": {"URL": url}}


@pytest.mark.parametrize("backend", ["database", "rq"])
def test_a_worker_killed_mid_send_never_sends_the_email_twice(
    countries, scene, slow_smtp, settings, backend: str
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("a worker process of its own shares the test database on PostgreSQL only")
    if backend == "rq":
        use_rq(settings)
    server, port = slow_smtp
    env = worker_env(port, backend)
    services.set_level(scene.commons, acting_user=scene.secretariat, level=Level.EVERYTHING)
    thread = services.start_thread(scene.commons, acting_user=scene.partner, title="T", body="B")
    (pk,) = notify.fan_out(thread.posts.get().pk)
    send_notification_task.enqueue(pk)

    first = worker(env)
    try:
        deadline = time.monotonic() + 90
        while not server.received and time.monotonic() < deadline:
            assert first.poll() is None, "the worker stopped before sending"
            time.sleep(0.1)
        assert len(server.received) == 1, "the worker never reached the mail server"
    finally:
        # Every process of the worker dies before its mail server answers.
        still_running = kill_mid_send(first)
    assert not still_running
    # Claimed, never recorded as sent: the server may or may not have it.
    assert Notification.objects.get(pk=pk).mail == MailState.SENDING

    # The task comes round again (a retry, a sweep, a second worker): nothing goes.
    send_notification_task.enqueue(pk)
    second = worker(env, "--batch")
    assert second.wait(timeout=120) == 0
    assert len(server.received) == 1

    # Fifteen minutes later the schedule's sweep records it as stopped mid-way.
    claimed = Notification.objects.get(pk=pk).mailed
    assert claimed is not None
    Notification.objects.filter(pk=pk).update(mailed=claimed - dt.timedelta(minutes=20))
    assert sweep_and_requeue() == (1, 0)
    assert Notification.objects.get(pk=pk).mail == MailState.UNCERTAIN
    record = TaskRecord.objects.get(state=TaskState.UNCERTAIN)
    assert record.args == [pk] and not record.may_retry
    assert len(server.received) == 1
