"""A resource's page: its facts, its text rendered and sanitised, where it
belongs, related resources, how to cite it; hidden and missing alike 404."""

from __future__ import annotations

import datetime as dt

import pytest

from alliance87.core.dates import ReportedDate
from alliance87.core.markdown import render
from alliance87.core.models import Theme
from alliance87.library.services import Links
from alliance87.testing.factories import make_event, make_organisation, make_resource
from alliance87.testing.personas import sign_in

pytestmark = pytest.mark.django_db


def test_the_page_shows_the_resource_and_how_to_cite_it(client, personas):
    ilo = make_organisation("ilo", "International Labour Organization")
    iom = make_organisation("iom", "International Organization for Migration")
    make_resource(
        "estimates",
        "Global Estimates of Modern Slavery 2017",
        date_start=dt.date(2017, 9, 1),
        date_precision="month",
        doi="10.1234/abc_d",
        url="https://example.org/ge",
        links=Links(publishers=[ilo, iom]),
    )
    html = client.get("/en/library/estimates/").content.decode()
    assert "September 2017" in html
    assert (
        "International Labour Organization, &amp; International Organization for Migration. "
        "(2017, September). Global Estimates of Modern Slavery 2017. https://doi.org/10.1234/abc_d"
    ) in html
    assert "@techreport{estimates2017," in html
    assert (
        "author = {{International Labour Organization} and "
        "{International Organization for Migration}}" in html
    )
    assert "doi = {10.1234/abc\\_d}" in html
    assert "month = sep" in html


def test_a_resource_without_author_or_date_is_cited_without_inventing_them(client, personas):
    make_resource("toolkit", "A toolkit", resource_type="toolkit")
    html = client.get("/en/library/toolkit/").content.decode()
    assert "A toolkit. (n.d.)." in html
    assert "year =" not in html and "author =" not in html
    assert "The Hub holds neither a file nor an address of this document." in html


def test_a_hidden_or_draft_resource_answers_404_like_a_missing_one(client, personas):
    make_resource("partners-only", "Partners only", visibility="partners")
    make_resource("draft", "Draft", status="draft")
    for slug in ("partners-only", "draft", "missing"):
        assert client.get(f"/en/library/{slug}/").status_code == 404
    sign_in(client, personas.outsider)
    assert client.get("/en/library/partners-only/").status_code == 404
    sign_in(client, personas.partner)
    assert client.get("/en/library/partners-only/").status_code == 200
    assert client.get("/en/library/draft/").status_code == 404
    sign_in(client, personas.secretariat)
    assert client.get("/en/library/draft/").status_code == 200


def test_the_text_is_markdown_rendered_and_sanitised():
    html = str(
        render(
            "# Title\n\n**bold** <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n"
            "[bad](javascript:alert(1)) [good](https://example.org)"
        )
    )
    assert "<h2>Title</h2>" in html and "<strong>bold</strong>" in html
    assert "<script" not in html and "<img" not in html and 'href="javascript' not in html
    assert '<a href="https://example.org" rel="noopener noreferrer nofollow">good</a>' in html


def test_a_hidden_publisher_is_not_named(client, personas):
    secret = make_organisation("secret", "Secret Org", visibility="secretariat")
    make_resource("r", "Report", links=Links(publishers=[secret]))
    html = client.get("/en/library/r/").content.decode()
    assert "Secret Org" not in html


def test_related_resources_share_themes_and_are_visible(client, personas):
    theme = Theme.objects.create(slug="t", name="T", name_en="T", kind="target")
    make_resource("a", "Alpha", resource_type="video", links=Links(themes=[theme]))
    make_resource("b", "Beta shares a theme", resource_type="video", links=Links(themes=[theme]))
    make_resource(
        "c",
        "Gamma hidden",
        resource_type="video",
        visibility="secretariat",
        links=Links(themes=[theme]),
    )
    make_resource("d", "Delta unrelated", resource_type="legal_text")
    html = client.get("/en/library/a/").content.decode()
    assert "Beta shares a theme" in html
    assert "Gamma hidden" not in html and "Delta unrelated" not in html


def test_the_event_page_lists_its_library_resources_through_the_hook(client, personas):
    event = make_event(
        "meeting", title="A meeting", acting_user=None, date=ReportedDate(dt.date(2019, 4, 1))
    )
    make_resource("minutes", "The meeting's report", links=Links(events=[event]))
    make_resource(
        "secret", "A secret annex", visibility="secretariat", links=Links(events=[event])
    )
    html = client.get("/en/events/meeting/").content.decode()
    assert "In the library" in html and "The meeting&#x27;s report" in html
    assert "A secret annex" not in html
    page = client.get("/en/library/minutes/").content.decode()
    assert "A meeting" in page


def test_the_country_page_lists_the_resources_about_it(client, personas):
    from alliance87.countries.models import Country

    make_resource("np", "About Nepal", links=Links(countries=[Country.objects.get(iso3="NPL")]))
    html = client.get("/en/countries/npl/").content.decode()
    assert "About Nepal" in html and "/en/library/?country=npl" in html


def test_a_roadmap_lists_the_resources_of_its_actions_on_the_country_page(client, personas):
    from alliance87.testing.factories import actions_of, make_pathfinder, make_roadmap

    roadmap = make_roadmap(make_pathfinder("CHL"))
    action = actions_of(roadmap)[0]
    make_resource("guide", "A guide for the action", links=Links(actions=[action]))
    make_resource(
        "hidden", "A hidden guide", visibility="secretariat", links=Links(actions=[action])
    )
    html = client.get("/en/countries/chl/").content.decode()
    assert "For the actions of its roadmaps" in html
    assert "A guide for the action" in html and "A hidden guide" not in html
    page = client.get("/en/library/guide/").content.decode()
    assert "Roadmap action of Chile:" in page and "Action 1" in page
