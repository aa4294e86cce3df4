"""Error pages keep the visitor in the site: its frame, its language."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

pytestmark = pytest.mark.django_db


class Frame(HTMLParser):
    """Collect the landmarks of the site's frame and the page's headline."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.skip_link = ""
        self.has_header = self.has_main = self.has_footer = False
        self.h1 = ""
        self._in_h1 = self._in_skip = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        classes = a.get("class", "").split()
        if tag == "html":
            self.lang = a.get("lang", "")
        elif tag == "a" and "skip-link" in classes and a.get("href") == "#main":
            self._in_skip = True
        elif tag == "header" and "site-header" in classes:
            self.has_header = True
        elif tag == "main" and a.get("id") == "main":
            self.has_main = True
        elif tag == "footer":
            self.has_footer = True
        elif tag == "h1":
            self._in_h1 = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1":
            self._in_h1 = False
        elif tag == "a":
            self._in_skip = False

    def handle_data(self, data: str) -> None:
        if self._in_h1:
            self.h1 += data
        if self._in_skip:
            self.skip_link += data


def frame_of(client: Client, url: str) -> Frame:
    response = client.get(url)
    assert response.status_code == 404
    frame = Frame()
    frame.feed(response.content.decode())
    return frame


@pytest.mark.parametrize(
    "url", ["/en/no-such-page/", "/en/countries/xxx/", "/en/partners/no-such-organisation/"]
)
def test_not_found_page_is_in_the_site_frame(client: Client, url: str) -> None:
    frame = frame_of(client, url)
    assert frame.has_header
    assert frame.skip_link.strip() == "Skip to main content"
    assert frame.has_main
    assert frame.has_footer
    assert frame.h1 == "Page not found"


def test_not_found_page_outside_the_language_prefixes_is_in_the_frame(client: Client) -> None:
    frame = frame_of(client, "/no-such-page")
    assert frame.has_header
    assert frame.h1 == "Page not found"


@pytest.mark.parametrize("language", ["fr", "es"])
def test_not_found_page_is_in_the_active_language(client: Client, language: str) -> None:
    with translation.override(language):
        headline, skip = gettext("Page not found"), gettext("Skip to main content")
    assert (headline, skip) != ("Page not found", "Skip to main content"), "no catalogue"
    frame = frame_of(client, f"/{language}/no-such-page/")
    assert frame.lang == language
    assert frame.h1 == headline
    assert frame.skip_link.strip() == skip


def test_not_found_page_links_back_into_the_site(client: Client) -> None:
    html = client.get("/fr/no-such-page/").content.decode()
    for href in ('href="/fr/"', 'href="/fr/countries/"', 'href="/fr/partners/"'):
        assert href in html


def _database_down(monkeypatch: pytest.MonkeyPatch) -> None:
    def cursor(self: Any) -> Any:
        raise OperationalError("the database went away")

    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", cursor)


def test_database_down_answers_503_with_retry_after(monkeypatch: pytest.MonkeyPatch) -> None:
    _database_down(monkeypatch)
    response = Client(raise_request_exception=False).get("/fr/")
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    html = response.content.decode()
    assert '<html lang="fr">' in html
    with translation.override("fr"):
        headline = gettext("The Hub is briefly unavailable")
    assert headline != "The Hub is briefly unavailable", "no catalogue"
    assert headline in html
    frame = Frame()
    frame.feed(html)
    assert frame.has_header and frame.has_main


def test_database_down_answers_503_to_a_signed_in_visitor_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The session and the user are read from the database before any view.
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = "a-session-that-needs-the-database"
    _database_down(monkeypatch)
    response = client.get("/en/partners/")
    assert response.status_code == 503


def test_a_failing_query_while_the_database_answers_stays_a_500(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from django.db.backends.utils import CursorWrapper

    real_execute = CursorWrapper.execute

    def execute(self: Any, sql: str, params: Any = None) -> Any:
        if sql.strip() != "SELECT 1":
            raise OperationalError("no such table: a_bug_not_an_outage")
        return real_execute(self, sql, params)

    monkeypatch.setattr(CursorWrapper, "execute", execute)
    response = Client(raise_request_exception=False).get("/es/")
    assert response.status_code == 500
    assert "Retry-After" not in response
    html = response.content.decode()
    assert '<html lang="es">' in html
    with translation.override("es"):
        assert gettext("Something went wrong") in html
