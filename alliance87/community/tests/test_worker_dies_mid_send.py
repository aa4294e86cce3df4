"""Nothing is sent twice when a worker dies mid-send: a real worker process
(`alliance87 worker`, on the database queue and on RQ) is killed while a
real SMTP server holds its message; the email is never sent again, and the
Secretariat sees it as stopped mid-way (community/notify.py's claim)."""

from __future__ import annotations

import asyncio
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

# Committed rows, so that a worker process of its own reads them.
pytestmark = pytest.mark.django_db(transaction=True)
TEST_REDIS_DB = 6


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
def countries(transactional_db: None) -> None:
    """The reference countries, which an earlier transactional test's flush
    may have emptied (they come from a data migration)."""
    from alliance87.countries.models import Country
    from alliance87.countries.services import sync_countries

    if not Country.objects.exists():
        sync_countries(Country, acting_user=None)


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
        env["REDIS_URL"] = f"redis://127.0.0.1:6379/{TEST_REDIS_DB}"
    return env


def worker(env: dict[str, str], *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "alliance87.cli", "worker", "--no-schedule", *extra],
        env=env,
        start_new_session=True,  # its own group: RQ's work horse dies with it
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def use_rq(settings: Any) -> None:
    redis = pytest.importorskip("redis")
    url = f"redis://127.0.0.1:6379/{TEST_REDIS_DB}"
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
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=30)
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
