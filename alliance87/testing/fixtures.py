"""
The pytest fixtures every test folder shares, registered as a plugin by the
root conftest.py (`pytest_plugins`).

- Autouse: a fresh cache per test, English active, fast password hashing,
  plain static storage, no HTTPS redirect.
- `personas`: the secretariat, partner, outsider and anonymous personas
  (alliance87/testing/personas.py).
- `world`: two groups and four organisations (factories.make_world).
- `demo`: the demo data, loaded once per worker and shared by the tests
  that read it (see `SharedDemo`).

Fixtures of one area stay in that area's `tests/conftest.py`; test modules
import helpers from alliance87.testing, never from a conftest.py or another
test module.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection, transaction
from django.test import override_settings
from django.utils import translation

from alliance87.testing.factories import World, make_world
from alliance87.testing.personas import Personas, make_personas

# Argon2 would cost about half a second per persona.
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def pytest_configure(config: pytest.Config) -> None:
    # WhiteNoise warns when the collected-static folder is missing; tests
    # serve static files through the finders instead.
    settings.STATIC_ROOT.mkdir(parents=True, exist_ok=True)


# The test environment -------------------------------------------------------


def _isolated_caches() -> dict[str, Any]:
    """Return CACHES with this run's and this worker's own key prefix on
    every Redis cache: the page cache and the rate limits' counts."""
    # Two runs sharing one Redis (CI and a developer) must not serve each
    # other's pages: the process id is in the prefix.
    prefix = f"test-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}-{os.getpid()}"
    return {
        alias: {**config, "KEY_PREFIX": f"{prefix}-{alias}"}
        if str(config["BACKEND"]).startswith("django_redis")
        else config
        for alias, config in settings.CACHES.items()
    }


@pytest.fixture(autouse=True)
def _isolated_cache(settings: Any) -> Iterator[None]:
    # Tests roll their transactions back, so the content version repeats
    # from one test to the next: a page cached by one test must not be
    # served to another. Each xdist worker gets its own key prefix, since
    # workers share one Redis; so do the rate limits' counts, which must not
    # lock one test out for another's failed sign-ins.
    settings.CACHES = _isolated_caches()
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # Pages are requested over plain HTTP by the test client; the HTTPS
    # redirect has its own test, which turns it back on.
    settings.SECURE_SSL_REDIRECT = False
    clear_own_cache()
    yield
    clear_own_cache()


def clear_own_cache() -> None:
    """Empty this worker's caches (the page cache among them), and only its."""
    # django-redis's clear() empties the whole Redis database, which the
    # other worker is using: delete only this worker's keys. The database
    # cache (the rate limits on one machine) is rolled back with each test.
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
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    settings.PASSWORD_HASHERS = FAST_HASHERS


# Shared test data -------------------------------------------------------------


@pytest.fixture
def personas(db: None) -> Personas:
    return make_personas()


@pytest.fixture
def world(db: None) -> World:
    return make_world()


@pytest.fixture
def media(settings: Any, tmp_path: Path) -> Path:
    """Uploads go to a folder of the test's own (`uploads.stored_files`
    lists what is left there)."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


# The demo, loaded once ------------------------------------------------------
#
# Loading the demo costs about a second; some forty tests only read it. The
# demo is loaded once per worker, inside a transaction that is never
# committed, and each test that asks for `demo` runs in a savepoint within
# it, rolled back as usual. Every other test must not see the demo: the
# tests that ask for it run last (`pytest_collection_modifyitems`), and
# should another test come after them all the same, the demo is rolled
# back before it and loaded again for the next test that asks.


@contextmanager
def _rolled_back() -> Iterator[None]:
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


class SharedDemo:
    """The demo data in an open transaction of the test database."""

    def __init__(self, blocker: Any) -> None:
        self._blocker = blocker
        self._transaction: ExitStack | None = None

    @property
    def loaded(self) -> bool:
        return self._transaction is not None

    def load(self) -> None:
        from alliance87.demo.services import load_demo

        opened = ExitStack()
        with self._blocker.unblock():
            opened.enter_context(_rolled_back())
            try:
                # As the function-scoped fixtures above set them for a
                # test that loads the demo itself.
                with (
                    override_settings(PASSWORD_HASHERS=FAST_HASHERS, CACHES=_isolated_caches()),
                    translation.override(settings.LANGUAGE_CODE),
                ):
                    load_demo()
                # Each test's teardown checks the deferred constraints (as
                # Django's TestCase does): checked once here, PostgreSQL does
                # not check the whole demo again after every test.
                connection.check_constraints()
            except BaseException:
                opened.close()
                raise
        self._transaction = opened

    def unload(self) -> None:
        if self._transaction is not None:
            with self._blocker.unblock():
                self._transaction.close()
            self._transaction = None


_SHARED_DEMO = pytest.StashKey[SharedDemo]()


@pytest.fixture(scope="session")
def _shared_demo(
    request: pytest.FixtureRequest, django_db_setup: None, django_db_blocker: Any
) -> Iterator[SharedDemo]:
    demo = SharedDemo(django_db_blocker)
    demo.load()
    request.config.stash[_SHARED_DEMO] = demo
    yield demo
    del request.config.stash[_SHARED_DEMO]
    demo.unload()


@pytest.fixture
def demo(_shared_demo: SharedDemo, db: None) -> None:
    """The demo data, for a test that reads it; what the test writes is
    rolled back with its own transaction, as in any other test."""
    assert _shared_demo.loaded


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # A stable sort: the tests keep their order within each part. xdist
    # hands each worker its tests in this order, so each loads the demo once.
    items.sort(key=lambda item: "demo" in getattr(item, "fixturenames", ()))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    # Before the test's fixtures open its own transaction.
    shared = item.config.stash.get(_SHARED_DEMO, None)
    if shared is None:
        return
    wanted = "demo" in getattr(item, "fixturenames", ())
    if shared.loaded and not wanted:
        shared.unload()
    elif wanted and not shared.loaded:
        shared.load()
