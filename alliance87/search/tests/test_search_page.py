"""/search/: finds what a person may see, in any of the three languages,
however a name is written; never an error, whatever is typed."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from alliance87.core.dates import ReportedDate
from alliance87.countries.models import Country
from alliance87.search.index import rebuild
from alliance87.testing.factories import make_event, make_organisation, make_statement
from alliance87.testing.personas import Personas

pytestmark = pytest.mark.django_db


def page(client: Client, query: str, lang: str = "en", **params: str) -> str:
    response = client.get(f"/{lang}/search/", {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("typed", ["Viet Nam", "vietnam", "Việt Nam", "VIETNAM", "Viêt-Nam"])
def test_a_country_is_found_however_its_name_is_written(client: Client, typed: str) -> None:
    rebuild()
    assert 'href="/en/countries/vnm/"' in page(client, typed)


@pytest.mark.parametrize(
    ("typed", "lang"), [("Allemagne", "fr"), ("Alemania", "es"), ("Germany", "en"), ("DEU", "en")]
)
def test_country_names_of_every_language_find_the_country(
    client: Client, typed: str, lang: str
) -> None:
    rebuild()
    assert f'href="/{lang}/countries/deu/"' in page(client, typed, lang)


def test_words_are_stemmed_in_each_language(client: Client) -> None:
    make_statement(
        slug="fisheries",
        title="Forced labour in fisheries",
        title_en="Forced labour in fisheries",
        title_fr="Le travail forcé dans les pêcheries",
        title_es="El trabajo forzoso en la pesca",
    )
    rebuild()
    for typed, lang in (("forcing", "en"), ("pêcherie", "fr"), ("forzosos", "es")):
        body = page(client, typed, lang)
        assert f'href="/{lang}/statements/fisheries/"' in body, typed
    # The page's language is shown, the matched word marked.
    assert "<mark>forcé</mark>" in page(client, "forcé", "fr")


def test_an_organisation_is_found_by_its_acronym(client: Client, personas: Personas) -> None:
    rebuild()
    assert 'href="/en/partners/ituc/"' in page(client, "ituc")


@pytest.mark.parametrize(
    "typed",
    [
        'labour"',
        '"unbalanced "quotes',
        "NEAR(forced labour, 2) OR * ^ : - + ( ) { } [ ]",
        "title:forced AND NOT",
        "' OR 1=1 --",
        "x" * 10_000,
        "labour " * 2_000,
        "the of and",
        "le la les des",
        "แรงงานบังคับ",
        "العمل الجبري",
        "принудительный труд",
        "\x00\x1f",
        "%_\\",
    ],
)
def test_any_query_answers_a_page(client: Client, typed: str) -> None:
    make_statement()
    rebuild()
    page(client, typed)


def test_a_query_of_stop_words_only_says_so(client: Client) -> None:
    assert "only very common words" in page(client, "the of and")


def test_text_from_the_database_is_escaped_in_titles_and_snippets(client: Client) -> None:
    make_statement(
        slug="xss",
        title="<script>alert(1)</script> Bangkok",
        title_en="<script>alert(1)</script> Bangkok",
        summary_en='Bangkok <img src=x onerror="alert(2)">',
    )
    rebuild()
    body = page(client, "bangkok alert")
    assert "<script>alert" not in body and "<img src=x" not in body
    assert "&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt; <mark>Bangkok</mark>" in body


def test_the_query_is_escaped_where_it_is_echoed(client: Client) -> None:
    body = page(client, '"><script>alert(3)</script>')
    assert "<script>alert(3)" not in body


def _zebra_events(secretariat: Any) -> None:
    npl = Country.objects.get(iso3="NPL")
    day = ReportedDate(dt.date(2021, 5, 4))
    make_event(
        "zebra-public", title="Zebra public", acting_user=secretariat, countries=[npl], date=day
    )
    make_event(
        "zebra-partners",
        title="Zebra for partners",
        acting_user=secretariat,
        countries=[npl],
        visibility="partners",
        date=day,
    )
    make_event("zebra-draft", title="Zebra draft", acting_user=secretariat, publish=False)


def test_a_hidden_item_changes_no_result_snippet_or_count(
    client: Client, personas: Personas
) -> None:
    _zebra_events(personas.secretariat)
    rebuild()
    body = page(client, "zebra")
    assert "Zebra public" in body.replace("<mark>", "").replace("</mark>", "")
    assert "Zebra for partners" not in body.replace("<mark>", "").replace("</mark>", "")
    assert "1 result<" in body
    assert '<span class="count">(1)</span>' in body
    assert '<span class="count">(2)</span>' not in body
    client.force_login(personas.partner)
    body = page(client, "zebra")
    assert "2 results" in body and '<span class="count">(2)</span>' in body
    client.force_login(personas.secretariat)
    assert "3 results" in page(client, "zebra")


def test_filters_are_in_the_address(client: Client, personas: Personas) -> None:
    _zebra_events(personas.secretariat)
    make_statement(slug="zebra-statement", title="Zebra statement", title_en="Zebra statement")
    rebuild()
    assert "2 results" in page(client, "zebra")
    assert "1 result<" in page(client, "zebra", type="statement")
    body = page(client, "zebra", country="NPL")
    assert "1 result<" in body and "Zebra statement" not in body.replace("<mark>", "").replace(
        "</mark>", ""
    )
    assert "1 result<" in page(client, "zebra", year="2021")
    assert "0 results" in page(client, "zebra", year="1999")
    # Values that cannot be filters are ignored, never an error.
    assert "2 results" in page(client, "zebra", type="nonsense", country="<b>", year="x" * 50)


def test_results_come_in_pages(client: Client) -> None:
    for n in range(25):
        make_organisation(f"pager-{n}", f"Pager organisation {n}")
    rebuild()
    first = page(client, "pager")
    assert "25 results" in first and 'rel="next"' in first
    second = page(client, "pager", page="2")
    assert "Page 2 of 2" in second and 'rel="prev"' in second
    assert "Page 2 of 2" in page(client, "pager", page="99")


def test_every_page_has_the_search_box(client: Client) -> None:
    body = client.get("/fr/").content.decode()
    assert 'action="/fr/search/"' in body and 'id="site-search-q"' in body
