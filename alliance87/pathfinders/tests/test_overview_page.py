"""/pathfinders/: the map, the same data as a table, workshops by region,
counts and the roadmap summary, in a constant number of queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from alliance87.demo.services import load_demo
from alliance87.testing.factories import make_pathfinder, make_roadmap
from alliance87.testing.personas import make_focal_point

pytestmark = pytest.mark.django_db


def queries_for(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("signed_in", [False, True])
def test_query_count_does_not_grow_with_the_data(
    client: Client, settings, signed_in: bool
) -> None:
    settings.PAGE_CACHE_SECONDS = 0
    if signed_in:
        client.force_login(make_focal_point("CHL"))
    make_roadmap(make_pathfinder("CHL"), actions=1)
    few = queries_for(client, "/en/pathfinders/")
    for iso3 in ("NPL", "TUN", "MDG", "MRT"):
        make_roadmap(make_pathfinder(iso3), actions=4)
    assert queries_for(client, "/en/pathfinders/") == few
    country_few = queries_for(client, "/en/countries/chl/")
    make_roadmap(make_pathfinder("CHL", held=None), actions=5, title="Second roadmap")
    assert queries_for(client, "/en/countries/chl/") == country_few


def test_the_demo_answers_the_questions_of_the_issue(demo: None, client: Client) -> None:
    page = client.get("/en/pathfinders/").content.decode()
    # The map: each pathfinder a link with a text alternative.
    assert '<a href="/en/countries/chl/#pathfinder" class="pf-country pf-s4">' in page
    assert "<title>Chile: Roadmap adopted</title>" in page
    # Workshops in the first quarter of 2019, grouped by region.
    for text in ("4 March 2019", "20–21 March 2019", "28 March 2019", "7 February 2019"):
        assert text in page
    assert "July 2019 (TBC)" in page and "African Union" in page
    assert "Illustrative figures" in page  # the funding gap is labelled
    assert "csrfmiddlewaretoken" not in page
    chile = client.get("/en/countries/chl/").content.decode()
    for area in (
        "Generation of information and knowledge",
        "Prevention",
        "Protection",
        "Inter-sectoral coordination and international cooperation",
    ):
        assert area in chile
    nepal = client.get("/es/countries/npl/").content.decode()
    assert "de 16 a 18 años" in nepal
    french = client.get("/fr/pathfinders/").content.decode()
    assert "juillet 2019 (à confirmer)" in french and "Mauritanie" in french
    assert "<h1>Pays pionniers</h1>" in french and "Besoin de financement" in french
    spanish = client.get("/es/pathfinders/").content.decode()
    assert "<h1>Países pioneros</h1>" in spanish and "julio de 2019 (por confirmar)" in spanish


def test_loading_the_demo_twice_changes_nothing(demo: None) -> None:
    assert not load_demo().changed


def test_focal_point_contact_is_shown_to_partners_only(personas, client: Client) -> None:
    make_pathfinder("CHL")
    make_focal_point("CHL", username="carla")
    assert "carla@example.org" not in client.get("/en/countries/chl/").content.decode()
    client.force_login(personas.outsider)
    assert "carla@example.org" not in client.get("/en/countries/chl/").content.decode()
    client.force_login(personas.partner)
    assert "carla@example.org" in client.get("/en/countries/chl/").content.decode()
