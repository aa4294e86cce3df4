"""
Fixtures of the browser tests: a live Hub holding the demo data, Chromium,
and each demo persona signed in.

The live server shares the test database (SQLite: one in-memory database
seen by the server thread), so every test here is transactional: the demo
data is put in at its start (copied from the first load: `DemoSnapshot`)
and the tables are emptied at its end. The flush also removes what the
data migrations wrote; the demo loader writes the countries again, and the
table versions' rows are created on demand.
pytest-django runs transactional tests after all the others.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import pytest

from alliance87.testing.browser import PHONE, RequestGuard, launch, sign_in

# Each persona's demo account (README, "Demo accounts"); None is the
# anonymous visitor.
PERSONAS = {
    "anonymous": None,
    "outsider": "outsider",
    "partner": "partner",
    "member": "member",
    "chair": "chair",
    "focal_point": "focal-point",
    "secretariat": "secretariat",
    "safeguarding": "safeguarding",
}


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    # Playwright's synchronous API keeps an event loop running in this
    # thread, which Django takes for an async context and refuses the ORM
    # (database set-up and flush included). The calls are plain synchronous
    # ones. The variable lives only as long as the browser: per module, as
    # pytest-django runs the transactional tests (these) after the others
    # that use the database, and before those that do not, which must not
    # inherit it (`check --deploy` refuses it).
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = launch(playwright)
            yield browser
            browser.close()


@pytest.fixture(scope="session")
def live_server() -> Iterator[Any]:
    """Serve the Hub over plain HTTP on localhost, as pytest-django does.

    Django's SecurityMiddleware reads SECURE_SSL_REDIRECT when the server
    starts, before any test's settings fixture: without HTTPS the redirect
    and HSTS are turned off for the server's whole life. Cookies stay
    secure, which Chromium accepts from localhost.
    """
    from django.test.utils import override_settings
    from pytest_django.live_server_helper import LiveServer

    with override_settings(SECURE_SSL_REDIRECT=False, SECURE_HSTS_SECONDS=0):
        server = LiveServer("localhost")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def demo_snapshot() -> Iterator[DemoSnapshot]:
    snapshot = DemoSnapshot()
    yield snapshot
    snapshot.close()


class DemoSnapshot:
    """The demo data, loaded by the first test and copied into the test
    database for each later one.

    Loading the demo costs seconds; SQLite's backup copies the loaded
    database in milliseconds, rows, sequences and search index alike. Each
    test still starts from exactly what `load_demo()` writes: the copy is
    taken right after the first load, and the tables are emptied after
    every test as before. On PostgreSQL (not used by these tests in
    `make test`) every test loads the demo itself.
    """

    def __init__(self) -> None:
        self._copy: sqlite3.Connection | None = None

    def load(self) -> None:
        from django.contrib.contenttypes.models import ContentType
        from django.db import connection

        from alliance87.demo.services import load_demo

        if connection.vendor != "sqlite":
            load_demo()
            return
        connection.ensure_connection()
        if self._copy is None:
            load_demo()
            self._copy = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(self._copy)
        else:
            self._copy.backup(connection.connection)
            # The flush after the last test wrote the content types again,
            # under other ids than the copy's.
            ContentType.objects.clear_cache()

    def close(self) -> None:
        if self._copy is not None:
            self._copy.close()


@pytest.fixture
def hub(chromium: Any, live_server: Any, demo_snapshot: DemoSnapshot) -> Hub:
    """Return the live Hub with the demo data loaded."""
    demo_snapshot.load()
    return Hub(url=live_server.url, host=urlsplit(live_server.url).netloc)


@dataclass
class Hub:
    url: str
    host: str


@dataclass
class Visit:
    """A browser context of one persona, with its request guard."""

    context: Any
    guard: RequestGuard
    closed: bool = False

    def new_page(self) -> Any:
        return self.context.new_page()

    def close(self) -> None:
        if not self.closed:
            self.context.close()
            self.closed = True


class Browser:
    """Open contexts as each persona; sign each in once and keep the cookies."""

    def __init__(self, chromium: Any, hub: Hub) -> None:
        self.chromium = chromium
        self.hub = hub
        self.states: dict[str, Any] = {}
        self.visits: list[Visit] = []

    def state(self, persona: str) -> Any:
        from alliance87.accounts.demo import DEMO_PASSWORD, current_code, email_of

        local = PERSONAS[persona]
        if local is None:
            return None
        if persona not in self.states:
            # Sign in with JavaScript off: it must work without it.
            visit = self.open(None, js=False)
            page = visit.new_page()
            # A code with time left in its window: the Hub takes no other.
            sign_in(
                page,
                self.hub.url,
                email_of(local),
                DEMO_PASSWORD,
                lambda: current_code(seconds_to_use=10),
            )
            assert "/accounts/" not in page.url, f"{persona} could not sign in: {page.url}"
            self.states[persona] = visit.context.storage_state()
            visit.close()
        return self.states[persona]

    def open(
        self, persona: str | None, *, viewport: dict[str, int] | None = None, js: bool = True
    ) -> Visit:
        context = self.chromium.new_context(
            viewport=viewport or PHONE,
            java_script_enabled=js,
            storage_state=self.state(persona) if persona else None,
            base_url=self.hub.url,
        )
        guard = RequestGuard(self.hub.host)
        guard.install(context)
        visit = Visit(context, guard)
        self.visits.append(visit)
        return visit

    def refused(self) -> list[str]:
        return [url for visit in self.visits for url in visit.guard.refused]


@pytest.fixture
def browser(chromium: Any, hub: Hub) -> Iterator[Browser]:
    """Yield a browser on the live Hub; fail if a page reached another host."""
    b = Browser(chromium, hub)
    yield b
    for visit in b.visits:
        visit.close()
    assert b.refused() == [], "requests left the Hub's host"
