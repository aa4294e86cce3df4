"""Test-wide fixtures: a fresh cache per test and plain static storage."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

# Every audit entry a service writes must name the service's acting_user.
pytest_plugins = ["alliance87.testing.audit_actor"]


def pytest_configure(config: pytest.Config) -> None:
    # WhiteNoise warns when the collected-static folder is missing; tests
    # serve static files through the finders instead.
    from django.conf import settings

    settings.STATIC_ROOT.mkdir(parents=True, exist_ok=True)


@pytest.fixture(autouse=True)
def _isolated_cache(settings: pytest.FixtureRequest) -> Iterator[None]:
    # Tests roll their transactions back, so the content version repeats
    # from one test to the next: a page cached by one test must not be
    # served to another. Each xdist worker gets its own key prefix, since
    # workers share one Redis; so do the rate limits' counts, which must not
    # lock one test out for another's failed sign-ins.
    prefix = f"test-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}-{os.getpid()}"
    settings.CACHES = {
        alias: {**config, "KEY_PREFIX": f"{prefix}-{alias}"}
        if config["BACKEND"].startswith("django_redis")
        else config
        for alias, config in settings.CACHES.items()
    }
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # Pages are requested over plain HTTP by the test client; the HTTPS
    # redirect has its own test, which turns it back on.
    settings.SECURE_SSL_REDIRECT = False
    _clear_own_cache()
    yield
    _clear_own_cache()


def _clear_own_cache() -> None:
    # django-redis's clear() empties the whole Redis database, which the
    # other worker is using: delete only this worker's keys. The database
    # cache is rolled back with each test.
    from django.core.cache import caches

    for alias in ("default", "ratelimit-redis"):
        if alias not in caches.settings:
            continue
        store = caches[alias]
        if hasattr(store, "delete_pattern"):
            try:
                store.delete_pattern("*")
            except Exception:  # a test stopped its own Redis: nothing to clear
                if alias == "default":
                    raise
        elif alias == "default":
            store.clear()


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    # LocaleMiddleware activates each request's language and never resets
    # it, so a /fr/ request would leave French active for the next test.
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: pytest.FixtureRequest) -> None:
    # Argon2 would cost about half a second per persona.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def personas(db: None):  # type: ignore[no-untyped-def]
    from alliance87.test import make_personas

    return make_personas()
