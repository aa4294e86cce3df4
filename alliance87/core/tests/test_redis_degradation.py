"""The Redis cache speeds pages up when it answers and fails nothing when
it does not: refused, or silent."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from pytest_django import DjangoCaptureOnCommitCallbacks, Settings

from alliance87.testing.factories import make_organisation
from alliance87.testing.personas import Personas

pytestmark = pytest.mark.django_db

LIVE_REDIS = "redis://127.0.0.1:6379/15"
REFUSING_REDIS = "redis://127.0.0.1:1/0"  # nothing listens on port 1
PAGES = ["/en/", "/en/countries/", "/en/countries/che/", "/en/partners/", "/en/partners/ituc/"]


@pytest.fixture(scope="module")
def redis_settings() -> dict[str, Any]:
    """Return CACHES and SESSION_ENGINE as settings.py builds them when
    REDIS_URL is set, read in a fresh process so nothing is copied here."""
    code = (
        "import json; from alliance87 import settings as s; "
        "print(json.dumps({'CACHES': s.CACHES, 'SESSION_ENGINE': s.SESSION_ENGINE}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "REDIS_URL": "redis://redis.invalid:6379/0"},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return dict(json.loads(result.stdout))


def use_redis(settings: Settings, redis_settings: dict[str, Any], location: str) -> None:
    configured = redis_settings["CACHES"]["default"]
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    settings.CACHES = {
        "default": {
            **configured,
            "LOCATION": location,
            "KEY_PREFIX": f"test-redis-{worker}-{os.getpid()}",
        }
    }
    settings.SESSION_ENGINE = redis_settings["SESSION_ENGINE"]


@pytest.fixture
def silent_redis() -> Iterator[str]:
    """Return the address of a server that accepts connections and never
    answers, as a Redis stuck under load does."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(64)
        yield f"redis://127.0.0.1:{server.getsockname()[1]}/0"


def test_settings_use_django_redis_with_short_timeouts(redis_settings: dict[str, Any]) -> None:
    configured = redis_settings["CACHES"]["default"]
    assert configured["BACKEND"] == "django_redis.cache.RedisCache"
    assert configured["OPTIONS"]["IGNORE_EXCEPTIONS"] is True
    assert configured["OPTIONS"]["SOCKET_CONNECT_TIMEOUT"] <= 0.5
    assert configured["OPTIONS"]["SOCKET_TIMEOUT"] <= 0.5


class TestRedisRefusing:
    @pytest.fixture(autouse=True)
    def _refusing(self, settings: Settings, redis_settings: dict[str, Any]) -> None:
        use_redis(settings, redis_settings, REFUSING_REDIS)

    def test_cache_reads_as_a_miss(self) -> None:
        cache.set("key", "value")
        assert cache.get("key") is None

    @pytest.mark.parametrize("url", PAGES)
    def test_public_pages_still_answer(self, client: Client, personas: Personas, url: str) -> None:
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 200
            assert response["X-Page-Cache"] == "miss"

    def test_signed_in_pages_still_answer(self, client: Client, personas: Personas) -> None:
        client.force_login(personas.partner)
        for url in PAGES:
            assert client.get(url).status_code == 200

    def test_committed_write_still_succeeds_and_shows(
        self,
        client: Client,
        personas: Personas,
        django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
    ) -> None:
        with django_capture_on_commit_callbacks(execute=True):
            make_organisation("written-during-outage", "Written During Outage")
        assert "Written During Outage" in client.get("/en/partners/").content.decode()


class TestRedisSilent:
    def test_pages_still_answer_promptly(
        self,
        client: Client,
        personas: Personas,
        settings: Settings,
        redis_settings: dict[str, Any],
        silent_redis: str,
    ) -> None:
        use_redis(settings, redis_settings, silent_redis)
        for url in ("/en/", "/en/partners/"):
            started = time.monotonic()
            response = client.get(url)
            assert response.status_code == 200
            # Each cache call gives up after its short timeout.
            assert time.monotonic() - started < 5, url


class TestRedisUp:
    @pytest.fixture(autouse=True)
    def _live(self, settings: Settings, redis_settings: dict[str, Any]) -> None:
        import redis

        try:
            redis.Redis.from_url(LIVE_REDIS, socket_connect_timeout=0.5).ping()
        except redis.exceptions.ConnectionError:
            if os.environ.get("REDIS_URL"):
                raise
            pytest.skip(f"no Redis at {LIVE_REDIS}")
        use_redis(settings, redis_settings, LIVE_REDIS)

    def test_second_anonymous_request_is_a_hit(self, client: Client, personas: Personas) -> None:
        assert client.get("/en/partners/")["X-Page-Cache"] == "miss"
        response = client.get("/en/partners/")
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "hit"

    def test_committed_change_is_seen_through_redis(
        self,
        client: Client,
        personas: Personas,
        django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
    ) -> None:
        client.get("/en/partners/")
        with django_capture_on_commit_callbacks(execute=True):
            make_organisation("seen-through-redis", "Seen Through Redis")
        assert "Seen Through Redis" in client.get("/en/partners/").content.decode()
