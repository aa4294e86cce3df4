"""
Sign-in limits hold whatever the cache does, count across processes, and
cannot be turned by a stranger against an account's owner.

The Redis tests start a Redis server of their own and stop it half-way,
as an outage would: nothing is mocked.
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import caches
from django.test import Client
from pytest_django import Settings

from alliance87.testing.personas import PASSWORD

pytestmark = pytest.mark.django_db

TOO_MANY = b"Too many failed sign-in attempts for this account from your network"


def sign_in(client: Client, email: str, password: str = PASSWORD, address: str = "") -> Any:
    data = {"login": email, "password": password}
    if address:
        return client.post("/en/accounts/login/", data, REMOTE_ADDR=address)
    return client.post("/en/accounts/login/", data)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class RedisServer:
    """A Redis server of the test's own, which the test can stop."""

    def __init__(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.skip("redis-server is not installed")
        self.port = _free_port()
        self.process = subprocess.Popen(
            [
                binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
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
        self.process.kill()
        self.process.wait(timeout=10)


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    server = RedisServer()
    yield server
    server.stop()


def production_caches(redis_url: str) -> dict[str, Any]:
    """Return CACHES exactly as settings.py builds them with REDIS_URL set,
    read in a fresh process."""
    code = "import json; from alliance87 import settings as s; print(json.dumps(s.CACHES))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "REDIS_URL": redis_url},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    import json

    configured: dict[str, Any] = json.loads(result.stdout)
    return configured


@pytest.fixture
def on_redis(settings: Settings, redis_server: RedisServer) -> RedisServer:
    settings.CACHES = production_caches(redis_server.url)
    return redis_server


def test_settings_count_limits_in_a_store_shared_by_processes() -> None:
    """A per-process memory cache let two workers admit twice the limit."""
    for configured in (production_caches(""), production_caches("redis://cache.invalid:6379/0")):
        backend = configured["ratelimit"]["BACKEND"]
        assert "locmem" not in backend
        if "FailoverCache" in backend:
            options = configured["ratelimit"]["OPTIONS"]
            assert configured[options["PRIMARY"]]["BACKEND"] == "django_redis.cache.RedisCache"
            assert configured[options["FALLBACK"]]["BACKEND"].endswith("db.DatabaseCache")
        else:
            assert backend.endswith("db.DatabaseCache")


def test_allauth_counts_in_the_shared_store() -> None:
    from allauth.core.internal import ratelimit

    ratelimit.cache.set("probe", "counted here", 60)
    assert caches["ratelimit"].get("probe") == "counted here"


def test_a_stranger_cannot_lock_the_owner_out(client: Client, accounts: Any) -> None:
    email = accounts.partner.email
    for i in range(6):
        sign_in(client, email, f"a stranger's guess {i}", address="203.0.113.9")
    # The stranger's address is stopped for this account...
    assert TOO_MANY in sign_in(client, email, address="203.0.113.9").content
    # ...and the owner, from their own address, signs in at once.
    owner = Client()
    response = sign_in(owner, email, address="198.51.100.20")
    assert response.status_code == 302
    assert owner.get("/en/account/").status_code == 200


def test_the_page_says_who_is_locked_out(client: Client, accounts: Any) -> None:
    for i in range(5):
        sign_in(client, accounts.partner.email, f"wrong {i}")
    html = sign_in(client, accounts.partner.email).content.decode()
    assert "Attempts made elsewhere do not lock you out" in html


class TestRedisStops:
    def test_sign_in_works_before_and_after_redis_stops(
        self, on_redis: RedisServer, accounts: Any, caplog: pytest.LogCaptureFixture
    ) -> None:
        assert sign_in(Client(), accounts.partner.email).status_code == 302
        on_redis.stop()
        with caplog.at_level(logging.WARNING, logger="alliance87.core.ratelimit"):
            started = time.monotonic()
            client = Client()
            response = sign_in(client, accounts.partner.email)
            elapsed = time.monotonic() - started
        assert response.status_code == 302, response.content[:300]
        assert client.get("/en/account/").status_code == 200
        assert elapsed < 3
        assert "counting in 'ratelimit-db' instead" in caplog.text

    def test_limits_still_hold_while_redis_is_down(
        self, on_redis: RedisServer, accounts: Any
    ) -> None:
        on_redis.stop()
        client = Client()
        for i in range(5):
            assert sign_in(client, accounts.partner.email, f"wrong {i}").status_code == 200
        assert TOO_MANY in sign_in(client, accounts.partner.email).content

    def test_password_reset_works_while_redis_is_down(
        self, on_redis: RedisServer, accounts: Any
    ) -> None:
        on_redis.stop()
        response = Client().post("/en/accounts/password/reset/", {"email": accounts.partner.email})
        assert response.status_code == 302

    def test_healthz_reports_the_cache(self, on_redis: RedisServer, client: Client) -> None:
        assert client.get("/healthz").json()["cache"] == "ok"
        on_redis.stop()
        response = client.get("/healthz")
        assert response.status_code == 200
        assert response.json()["cache"] == "unreachable"
        assert response.json()["status"] == "degraded"


def test_healthz_says_a_memory_cache_is_local(client: Client) -> None:
    if "redis" in caches["default"].__class__.__module__:
        pytest.skip("the suite runs with the Redis cache")
    assert client.get("/healthz").json()["cache"] == "local"


def test_application_posts_are_counted_in_the_shared_store(client: Client, db: None) -> None:
    from alliance87.applications.views import RATE_LIMIT

    for _ in range(RATE_LIMIT + 1):
        client.post("/en/apply/", {})
    assert caches["ratelimit"].get("apply-rate:127.0.0.1") == RATE_LIMIT + 1


def _second_factor(client: Client, accounts: Any) -> Any:
    from alliance87.testing.personas import totp_code as current_code

    assert sign_in(client, accounts.secretariat.email).status_code == 302
    return client.post("/en/accounts/2fa/authenticate/", {"code": current_code()})


def test_a_second_factor_code_used_twice_says_so(accounts: Any) -> None:
    assert _second_factor(Client(), accounts).status_code == 302
    response = _second_factor(Client(), accounts)
    assert response.status_code == 200
    assert b"This code has already been used" in response.content


def test_a_wrong_second_factor_code_is_still_incorrect(client: Client, accounts: Any) -> None:
    sign_in(client, accounts.secretariat.email)
    response = client.post("/en/accounts/2fa/authenticate/", {"code": "000000"})
    assert b"already been used" not in response.content
    assert b"Incorrect code" in response.content


def test_second_factor_codes_work_while_redis_is_down(
    on_redis: RedisServer, accounts: Any
) -> None:
    on_redis.stop()
    assert _second_factor(Client(), accounts).status_code == 302
