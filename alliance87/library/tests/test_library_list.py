"""The library's list: facets with counts read from what the visitor may
see, filters in the address, sorting, pagination, and bad input answered
with a message, never an error."""

from __future__ import annotations

import datetime as dt

import pytest

from alliance87.core.models import Theme
from alliance87.countries.models import Country
from alliance87.library.services import Links
from alliance87.testing.factories import make_organisation, make_resource
from alliance87.testing.personas import sign_in

pytestmark = pytest.mark.django_db


def theme(slug: str) -> Theme:
    return Theme.objects.get_or_create(
        slug=slug, defaults={"name": slug, "name_en": slug, "kind": "target"}
    )[0]


def month(year: int, m: int) -> dict:
    return {"date_start": dt.date(year, m, 1), "date_precision": "month"}


def test_the_list_shows_published_resources_with_facet_counts(client, personas):
    ilo = make_organisation("ilo", "International Labour Organization")
    nepal = Country.objects.get(iso3="NPL")
    make_resource(
        "a",
        "Alpha report",
        links=Links(themes=[theme("child-labour")], countries=[nepal], publishers=[ilo]),
        **month(2017, 9),
    )
    make_resource(
        "b",
        "Beta video",
        resource_type="video",
        links=Links(themes=[theme("child-labour")]),
        **month(2022, 9),
    )
    html = client.get("/en/library/").content.decode()
    assert "Alpha report" in html and "Beta video" in html
    assert "2 resources" in html
    assert '<option value="report">Report (1)</option>' in html
    assert '<option value="video">Video (1)</option>' in html
    assert '<option value="child-labour">child-labour (2)</option>' in html
    assert '<option value="npl">Nepal (1)</option>' in html
    assert '<option value="asia_pacific">Asia and the Pacific (1)</option>' in html
    # Organisations are typed, not listed (test_organisation_filter.py).
    assert 'name="organisation_q"' in html and '<option value="ilo"' not in html
    assert '<option value="2017">2017 (1)</option>' in html


def test_a_hidden_resource_changes_no_count_and_brings_no_choice(client, personas):
    secret_org = make_organisation("secret", "Secret Org", visibility="partners")
    mali = Country.objects.get(iso3="MLI")
    make_resource("open", "Open report", links=Links(themes=[theme("forced-labour")]))
    make_resource(
        "hidden",
        "Hidden report",
        visibility="partners",
        resource_type="video",
        links=Links(themes=[theme("forced-labour")], countries=[mali], publishers=[secret_org]),
        **month(2011, 1),
    )
    make_resource("draft", "Draft report", status="draft", resource_type="data_set")
    html = client.get("/en/library/").content.decode()
    assert "Hidden report" not in html and "Draft report" not in html
    assert "1 resource" in html
    assert '<option value="forced-labour">forced-labour (1)</option>' in html
    for leak in ('value="video"', 'value="data_set"', 'value="mli"', "Secret Org", 'value="2011"'):
        assert leak not in html
    sign_in(client, personas.partner)
    html = client.get("/en/library/").content.decode()
    assert "Hidden report" in html
    assert '<option value="forced-labour">forced-labour (2)</option>' in html
    assert '<option value="mli">Mali (1)</option>' in html


def test_each_facet_counts_what_the_other_filters_let_through(client, personas):
    make_resource("a", "Alpha", **month(2017, 9))
    make_resource("b", "Beta", resource_type="video", **month(2017, 3))
    make_resource("c", "Gamma", resource_type="video", **month(2020, 3))
    html = client.get("/en/library/?type=video").content.decode()
    assert "Alpha" not in html and "Beta" in html and "Gamma" in html
    # The type facet still offers every type, counted under the other filters.
    assert '<option value="report">Report (1)</option>' in html
    assert '<option value="video" selected>Video (2)</option>' in html
    assert '<option value="2017">2017 (1)</option>' in html
    html = client.get("/en/library/?type=video&year=2017").content.decode()
    assert "Beta" in html and "Gamma" not in html


def test_filters_by_organisation_region_and_language(client, personas):
    walk_free = make_organisation("walk-free", "Walk Free")
    fiji = Country.objects.get(iso3="FJI")
    make_resource("a", "Alpha", links=Links(contributors=[walk_free]))
    make_resource("b", "Beta", links=Links(countries=[fiji]))
    make_resource(
        "c",
        "Gamma",
        links=Links(regions=["africa"]),
        url="https://example.org/c",
        url_language="fr",
    )
    assert "Alpha" in client.get("/en/library/?organisation=walk-free").content.decode()
    assert "Beta" not in client.get("/en/library/?organisation=walk-free").content.decode()
    html = client.get("/en/library/?region=asia_pacific").content.decode()
    assert "Beta" in html and "Gamma" not in html
    html = client.get("/en/library/?language=fr").content.decode()
    assert "Gamma" in html and "Alpha" not in html


def test_sorting_by_title_date_and_oldest(client, personas):
    make_resource("z", "Zeta", **month(2020, 1))
    make_resource("a", "Alpha", **month(2010, 1))
    make_resource("n", "No date")
    newest = client.get("/en/library/").content.decode()
    assert newest.index("Zeta") < newest.index("Alpha") < newest.index("No date")
    oldest = client.get("/en/library/?sort=oldest").content.decode()
    assert oldest.index("Alpha") < oldest.index("Zeta") < oldest.index("No date")
    by_title = client.get("/en/library/?sort=title").content.decode()
    assert by_title.index("Alpha") < by_title.index("No date") < by_title.index("Zeta")


def test_pagination_keeps_the_filters_and_survives_any_page(client, personas):
    for n in range(25):
        make_resource(f"r{n:02}", f"Report {n:02}")
    html = client.get("/en/library/?type=report").content.decode()
    assert "Page 1 of 2" in html and "?type=report&amp;page=2" in html
    for page in ("abc", "0", "-1", "99999", "1" * 40, "%00"):
        response = client.get(f"/en/library/?page={page}")
        assert response.status_code == 200, page


@pytest.mark.parametrize(
    "query",
    [
        "type=nonsense",
        "year=abc",
        "year=99999999999999999999",
        "year=%D9%A1%D9%A9",
        "country=zz",
        "country=%00",
        "theme=" + "x" * 5000,
        "organisation=does-not-exist",
        "sort=%27%3B--",
        "region=mars&language=klingon",
        "type=video&type=report",
        "%ZZ=1&page",
    ],
)
def test_a_malformed_query_string_gets_a_page_with_a_message(client, personas, query):
    make_resource("a", "Alpha")
    response = client.get(f"/en/library/?{query}")
    assert response.status_code == 200
    assert "Alpha" in response.content.decode()


def test_an_unknown_filter_value_is_named_as_ignored(client, personas):
    html = client.get("/en/library/?country=zzz&year=abc").content.decode()
    assert "The country “zzz” was not understood and is ignored." in html
    assert "The year “abc” was not understood and is ignored." in html


def test_a_hidden_organisation_cannot_be_chosen_by_its_slug(client, personas):
    make_organisation("secret", "Secret Org", visibility="partners")
    html = client.get("/en/library/?organisation=secret").content.decode()
    assert "was not understood" in html and "Secret Org" not in html


def test_the_list_reads_a_constant_number_of_queries(client, personas):
    ilo = make_organisation("ilo", "ILO")
    for n in range(3):
        make_resource(f"r{n}", f"Report {n}", links=Links(publishers=[ilo], themes=[theme("t")]))
    client.get("/en/library/")  # warm the caches of reference data
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get("/en/library/?sort=title")
    for n in range(3, 30):
        make_resource(f"r{n}", f"Report {n}", links=Links(publishers=[ilo], themes=[theme("t")]))
    with CaptureQueriesContext(connection) as many:
        # Another address: the page cache moves only when a write commits.
        client.get("/en/library/?sort=oldest")
    assert len(many) == len(few)
