"""An empty query shows the library's front page: /search/ with nothing to
look for redirects to /library/ in the reader's language (a plain HTTP
redirect: no JavaScript), and the library's own search box sends its words
back to the site search, narrowed to the library's resources."""

from __future__ import annotations

import pytest
from django.test import Client

from alliance87.search.index import rebuild
from alliance87.testing.factories import make_resource, make_statement

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
@pytest.mark.parametrize("query", [None, "", "   "])
def test_an_empty_query_shows_the_library_s_front_page(
    client: Client, lang: str, query: str | None
) -> None:
    params = {} if query is None else {"q": query}
    response = client.get(f"/{lang}/search/", params)
    assert response.status_code == 302
    assert response["Location"] == f"/{lang}/library/"
    assert client.get(response["Location"]).status_code == 200


def test_a_filter_without_words_stays_on_the_search_page(client: Client) -> None:
    response = client.get("/en/search/", {"q": "", "type": "resource"})
    assert response.status_code == 200
    assert "Type a word, a name or an acronym" in response.content.decode()


def test_the_library_s_search_box_searches_its_resources(client: Client) -> None:
    make_resource("capybara-guide", "Capybara guide")
    make_statement(slug="capybara-statement", title="Capybara", title_en="Capybara")
    rebuild()
    body = client.get("/fr/library/").content.decode()
    assert 'action="/fr/search/"' in body and 'name="type" value="resource"' in body
    found = client.get("/fr/search/", {"q": "capybara", "type": "resource"}).content.decode()
    assert 'href="/fr/library/capybara-guide/"' in found
    assert "capybara-statement" not in found
