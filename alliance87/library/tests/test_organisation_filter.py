"""The library's Organisation filter is a text box, as the tracker's Owner
filter (core.forms.read_narrowing): the text typed filters by every
organisation whose name matches it, the first matches are links to one
organisation alone, a link to `?organisation=<slug>` still works, and only
organisations the visitor may see, that published or contributed to a
resource the visitor may see, are matched or named."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from alliance87.core.forms import MATCHES_LISTED
from alliance87.library.services import Links
from alliance87.testing.factories import make_organisation, make_resource
from alliance87.testing.personas import sign_in

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_cache")]

URL = "/en/library/"


@pytest.fixture
def no_cache(settings: Any) -> None:
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def library(personas: Any) -> None:
    walk_free = make_organisation("walk-free", "Walk Free", acronym="WF")
    oit = make_organisation("oit", "Organisation internationale du Travail")
    quiet = make_organisation("quiet-org", "Quiet Organisation", visibility="partners")
    make_organisation("idle-org", "Idle Organisation")  # published nothing
    make_resource("a", "Alpha", links=Links(publishers=[walk_free]))
    make_resource("b", "Beta", links=Links(contributors=[oit]))
    make_resource("c", "Gamma", links=Links(publishers=[quiet]))
    make_resource("d", "Delta", visibility="partners", links=Links(publishers=[oit]))


def page(client: Client, query: dict[str, str]) -> str:
    response = client.get(URL, query)
    assert response.status_code == 200
    return response.content.decode()


def matches(html: str) -> list[str]:
    if 'id="organisation-matches"' not in html:
        return []
    listed = html.split('id="organisation-matches"', 1)[1].split("</nav>", 1)[0]
    return re.findall(r'href="\?[^"]*organisation=([\w-]+)"', listed)


def test_typed_text_filters_by_every_organisation_it_matches(library: Any, client: Client):
    html = page(client, {"organisation_q": "organisation"})
    assert "Beta" in html and "Gamma" not in html and "Alpha" not in html
    assert matches(html) == ["oit"]
    html = page(client, {"organisation_q": "wf"})
    assert "Alpha" in html and matches(html) == ["walk-free"]


def test_a_match_links_to_that_organisation_alone_with_the_other_filters(
    library: Any, client: Client
) -> None:
    html = page(client, {"organisation_q": "walk", "type": "report", "page": "2"})
    assert 'href="?type=report&amp;organisation=walk-free"' in html
    html = page(client, {"organisation": "walk-free", "type": "report"})
    assert "Alpha" in html and "Beta" not in html
    assert re.search(r'name="organisation_q" value="Walk Free \(WF\)"', html)
    assert "Showing “Walk Free (WF)” only." in html


def test_the_form_sent_back_unchanged_keeps_the_organisation(library: Any, client: Client):
    html = page(client, {"organisation": "walk-free", "organisation_q": "Walk Free (WF)"})
    assert "Alpha" in html and "Beta" not in html
    html = page(client, {"organisation": "walk-free", "organisation_q": ""})
    assert "Alpha" in html and "Beta" in html


def test_hidden_organisations_are_never_matched(
    library: Any, personas: Any, client: Client
) -> None:
    html = page(client, {"organisation_q": "org"})
    assert matches(html) == ["oit"]
    assert "Quiet" not in html and "Idle" not in html
    sign_in(client, personas.partner)
    assert matches(page(client, {"organisation_q": "org"})) == ["oit", "quiet-org"]


def test_the_organisation_filter_lists_no_organisation_unasked(library: Any, client: Client):
    html = page(client, {})
    form = html.split('aria-label="Filter the library"', 1)[1].split("</form>", 1)[0]
    assert "Walk Free" not in form and "Organisation internationale" not in form


@pytest.mark.parametrize(
    "query",
    [
        {"organisation_q": "x" * 5000},
        {"organisation_q": "a\x00b"},
        {"organisation": "a\x00b"},
        {"organisation": "quiet-org", "organisation_q": "%"},
        {"organisation_q": "_"},
    ],
)
def test_odd_input_answers_a_page(library: Any, client: Client, query: dict[str, str]) -> None:
    html = page(client, query)
    assert "Quiet" not in html


def test_many_organisations_list_only_the_first_matches(personas: Any, client: Client) -> None:
    publishers = [make_organisation(f"pub-{i:03}", f"Publisher {i:03}") for i in range(60)]
    make_resource("big", "Big report", links=Links(publishers=publishers))
    html = page(client, {"organisation_q": "publisher"})
    assert matches(html) == [f"pub-{i:03}" for i in range(MATCHES_LISTED)]
    assert "More names match than these" in html
    assert html.count("<option") < 40
