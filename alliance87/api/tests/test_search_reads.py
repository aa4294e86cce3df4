"""GET /api/v1/search: the Hub's one search, as /search/ shows it, for
what the caller may see."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from alliance87.api.services import create_token
from alliance87.search.index import rebuild
from alliance87.testing.factories import make_organisation

pytestmark = pytest.mark.usefixtures("demo")
PARTNER = "partner@demo.alliance87.example"


def get(path: str, secret: str = "", **headers: str) -> Any:
    if secret:
        headers["Authorization"] = f"Bearer {secret}"
    return Client().get(f"/api/v1{path}", headers=headers)


def token_of(email: str) -> str:
    user = get_user_model().objects.get(email=email)
    return create_token(user, name="t", scope="read", days=1, acting_user=user)[1]


def page_titles(client: Client, query: str, page: int = 1) -> list[str]:
    params: dict[str, str | int] = {"q": query, "page": page}
    body = client.get("/en/search/", params).content.decode()
    listed = body[body.index('<ol class="results">') : body.index("</ol>")]
    titles = re.findall(r'<li class="result">.*?<a href="[^"]*">(.*?)</a>', listed, re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", t)) for t in titles]


def test_the_results_are_the_search_page_s_in_its_order(client: Client) -> None:
    rebuild()
    body = get("/search?q=Bangkok+Statement").json()
    assert [r["title"] for r in body["items"]] == page_titles(client, "Bangkok Statement")
    first = body["items"][0]
    assert "Bangkok" in first["title"] and "<mark>" not in first["snippet"]
    assert first["url"].startswith("http://testserver/en/")
    assert body["total"] >= len(body["items"])
    assert {f["value"] for f in body["facets"]["kind"]} >= {r["kind"] for r in body["items"]}


def test_a_partners_only_row_is_found_with_a_partner_s_token_only() -> None:
    make_organisation("zq-partners-only", "Zanquettle Foundation", visibility="partners")
    rebuild()
    assert get("/search?q=Zanquettle").json()["items"] == []
    assert get("/search?q=Zanquettle").json()["total"] == 0
    found = get("/search?q=Zanquettle", token_of(PARTNER)).json()
    assert [r["title"] for r in found["items"]] == ["Zanquettle Foundation"]


def test_the_filters_are_the_page_s() -> None:
    rebuild()
    body = get("/search?q=labour&type=resource").json()
    assert body["items"]
    assert {r["kind"] for r in body["items"]} == {"resource"}
    assert get("/search?q=labour&type=no-such-kind").json()["items"] == []


def test_the_cursor_walks_the_ranking_page_by_page(client: Client) -> None:
    rebuild()
    first = get("/search?q=labour").json()
    assert first["total"] > 20 and len(first["items"]) == 20
    second = get(f"/search?q=labour&cursor={first['next_cursor']}").json()
    assert [r["title"] for r in second["items"]] == page_titles(client, "labour", page=2)
    past = get("/search?q=labour&cursor=9999").json()
    assert (past["items"], past["next_cursor"]) == ([], None)
    # A page is numbered from 1: 0 is no cursor the schema admits.
    refused = get("/search?q=labour&cursor=0")
    assert refused.status_code == 422
    assert refused["Content-Type"] == "application/problem+json"


def _holds_id(found: Any, wanted: str) -> bool:
    """Whether the API's answer `found` holds an object with this id."""
    if isinstance(found, dict):
        if str(found.get("id")) == wanted:
            return True
        found = list(found.values())
    return isinstance(found, list) and any(_holds_id(item, wanted) for item in found)


def test_every_result_has_a_stable_id_that_its_api_address_reads() -> None:
    from alliance87.api.endpoints.search import LOCATIONS
    from alliance87.core import hooks
    from alliance87.search.models import SearchDocument

    kinds = {provider.kind for provider in hooks.SEARCH_PROVIDERS.items()}
    assert kinds <= set(LOCATIONS), "a kind of search result without its stable id"
    rebuild()
    secret = token_of("secretariat@demo.alliance87.example")
    seen: set[str] = set()
    for kind in sorted(kinds):
        doc = SearchDocument.objects.filter(kind=kind).order_by("pk").first()
        if doc is None:
            continue
        word = max(re.findall(r"\w+", doc.title_in("en")[0]), key=len)
        items = get(f"/search?q={word}&type={kind}", secret).json()["items"]
        assert items, kind
        for item in items:
            assert item["kind"] == kind and item["id"]
            if item["api_url"] is None:
                assert kind == "term"
                continue
            assert item["api_url"].startswith("http://testserver/api/v1/")
            path = item["api_url"].removeprefix("http://testserver/api/v1")
            read = get(path, secret)
            assert read.status_code == 200, (kind, path)
            assert _holds_id(read.json(), item["id"]), (kind, item["id"], path)
        seen.add(kind)
    # The demo holds most kinds; those it holds were all checked.
    assert {"event", "agendaitem", "decision", "organisation", "thread"} <= seen
