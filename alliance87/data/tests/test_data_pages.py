"""The data pages: an indicator with its chart, ranked table, trend and
downloads; a place; what changed; a country's data section."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from alliance87.data.demo import ESTIMATES
from alliance87.data.models import Edition
from alliance87.data.services import import_path, lines_of_text, write_observations

pytestmark = pytest.mark.django_db


@pytest.fixture
def estimates() -> None:
    import_path(ESTIMATES, acting_user=None)


def page(client: Client, url: str, **params: Any) -> str:
    response = client.get(url, params)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_the_data_page_shows_the_latest_edition_with_its_source(
    client: Client, estimates: None
) -> None:
    html = page(client, "/en/data/", indicator="people_in_modern_slavery")
    assert "49,600,000 people" in html
    assert "Global Estimates of Modern Slavery 2022" in html
    assert "https://www.ilo.org/global/topics/forced-labour/publications/WCMS_854733" in html
    # The 2017 edition is one choice away, and the trend shows both years.
    assert "Global Estimates of Modern Slavery 2017" in html
    assert "40,300,000 people" in html
    assert 'id="data-trend-title"' in html


def test_an_earlier_edition_can_be_shown(client: Client, estimates: None) -> None:
    edition = Edition.objects.get(title="Global Estimates of Modern Slavery 2017")
    html = page(
        client, "/en/data/", indicator="modern_slavery_prevalence", edition=str(edition.pk)
    )
    assert "This is not the latest edition." in html
    assert "7.6 per 1,000 people" in html  # Africa, 2016
    assert 'id="data-regions-title"' in html


def test_regional_figures_are_a_bar_chart_with_a_ranked_table(
    client: Client, estimates: None
) -> None:
    html = page(client, "/en/data/", indicator="modern_slavery_prevalence")
    table = html[html.index("ranked</caption>") :]
    assert table.index("Arab States") < table.index("Americas")  # 10.1 before 5.0
    assert 'id="data-regions-title"' in html
    assert "10.1 per 1,000 people" in html


def test_the_pages_read_in_french_and_spanish(client: Client, estimates: None) -> None:
    html = page(client, "/fr/data/", indicator="people_in_modern_slavery")
    assert "Personnes en situation d&#x27;esclavage moderne" in html
    assert "49 600 000" in html or "49\u00a0600\u00a0000" in html
    html = page(client, "/es/data/", indicator="people_in_modern_slavery")
    assert "Personas en situación de esclavitud moderna" in html


def test_the_csv_download_is_exactly_the_table(client: Client, estimates: None) -> None:
    query = {"indicator": "modern_slavery_prevalence"}
    response = client.get(reverse("data:download", args=["csv"]), query)
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [r["geography"] for r in rows] == [
        "Arab States",
        "Europe and Central Asia",
        "Asia and the Pacific",
        "Africa",
        "Americas",
    ]
    assert {r["edition"] for r in rows} == {"Global Estimates of Modern Slavery 2022"}
    assert all(r["source_url"].startswith("https://") for r in rows)
    assert {r["illustrative"] for r in rows} == {"no"}
    data = json.loads(client.get(reverse("data:download", args=["json"]), query).content)
    assert [r["value"] for r in data["rows"]] == [10.1, 6.9, 6.8, 5.2, 5]


def test_downloads_neutralise_formula_like_text(client: Client) -> None:
    write_observations(
        lines_of_text(
            "edition,publisher,published,reference_year,geography,geography_level,indicator,"
            "value,unit,source_url,note\n"
            "Edition X,Publisher,2030-01,2029,World,world,people_in_forced_labour,1,persons,"
            'https://example.org/,"note, then =cmd"\n'
        ),
        acting_user=None,
    )
    # A note cannot begin with "=" (the importer refuses it), but a
    # publisher edited in the back office could: the export escapes it.
    Edition.objects.filter(title="Edition X").update(publisher="=HYPERLINK(1)")
    response = client.get(
        reverse("data:download", args=["csv"]), {"indicator": "people_in_forced_labour"}
    )
    assert "'=HYPERLINK(1)" in response.content.decode()
    response = client.get(
        reverse("data:download", args=["xlsx"]), {"indicator": "people_in_forced_labour"}
    )
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [cell.value for cell in next(sheet.iter_rows(min_row=2, max_row=2))]
    assert "'=HYPERLINK(1)" in values


def test_an_unknown_indicator_or_format_is_not_found(client: Client, estimates: None) -> None:
    assert client.get("/en/data/", {"indicator": "nope"}).status_code == 404
    assert client.get("/en/data/download.exe").status_code == 404


def test_a_region_page_lists_its_figures_and_countries(client: Client, estimates: None) -> None:
    html = page(client, "/en/data/places/asia_pacific/")
    assert "29,300,000 people" in html  # 2022 edition
    assert "25,000,000 people" in html  # the 2017 edition beside it
    assert "Nepal" in html


def test_what_changed_compares_two_editions(client: Client, estimates: None) -> None:
    html = page(client, "/en/data/changes/")
    assert (
        "Global Estimates of Modern Slavery 2017 and Global Estimates of Modern Slavery 2022"
        in html
    )
    assert "+9,300,000" in html  # 49.6 million against 40.3 million
    assert "not given" in html


def test_a_country_profile_shows_its_region_for_comparison(
    client: Client, estimates: None
) -> None:
    html = page(client, "/en/countries/npl/")
    assert 'id="data-title"' in html
    assert "No figures for Nepal itself are held" in html
    assert "6.8 per 1,000 people" in html


def test_a_country_without_any_figures_has_no_data_section(client: Client) -> None:
    assert 'id="data-title"' not in page(client, "/en/countries/npl/")


def _query_count(client: Client, url: str) -> int:
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _grow(edition: str, countries: list[str], years: tuple[int, ...]) -> None:
    rows = "".join(
        f"{edition},Grown,2031-01,{year},{iso3},country,modern_slavery_prevalence,"
        f"{n}.5,per 1000 people,https://example.org/{n}\n"
        for n, iso3 in enumerate(countries)
        for year in years
    )
    write_observations(
        lines_of_text(
            "edition,publisher,published,reference_year,geography,geography_level,indicator,"
            "value,unit,source_url\n" + rows
        ),
        acting_user=None,
    )


def test_the_pages_read_in_a_number_of_queries_that_does_not_grow(
    client: Client, estimates: None
) -> None:
    _grow("Seed edition", ["NPL"], (2028,))
    urls = [
        "/en/data/?indicator=modern_slavery_prevalence",
        "/en/data/places/asia_pacific/",
        "/en/data/changes/",
        "/en/countries/npl/",
        "/en/",
    ]
    before = [_query_count(client, url) for url in urls]
    # Twenty countries' figures in a new edition, for two years.
    countries = "NPL IND BGD PAK LKA CHN THA VNM KHM LAO MMR IDN PHL MYS FJI PNG AFG BTN MDV MNG"
    _grow("Grown edition", countries.split(), (2029, 2030))
    after = [_query_count(client, url) for url in urls]
    assert after == before, list(zip(urls, before, after, strict=True))
    # The grown edition's countries make a map.
    html = page(client, "/en/data/", indicator="modern_slavery_prevalence")
    assert 'id="data-map-title"' in html


def test_a_country_s_own_figures_cost_no_query_more_than_its_region_s_alone(
    client: Client, estimates: None
) -> None:
    # The country's and its region's figures are read together: three
    # queries more for a country with its own figures before (issue 16).
    region_only = _query_count(client, "/en/countries/npl/")
    _grow("Seed edition", ["NPL"], (2027, 2028))
    assert _query_count(client, "/en/countries/npl/") == region_only
    html = page(client, "/en/countries/npl/")
    assert "Figures for Nepal" in html and "6.8 per 1,000 people" in html
    assert "https://example.org/0" in html


def test_a_country_profile_shows_its_first_indicators_and_links_to_all_of_them(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alliance87.data.models import Indicator

    monkeypatch.setattr("alliance87.data.selectors.geography.PROFILE_INDICATORS", 1)
    rows = "".join(
        f"{edition},P,{published},{year},NPL,country,{code},{value},{unit},https://example.org/{value}\n"
        for edition, published, years in (
            ("Edition A", "2030-01", (2020, 2021)),
            ("Edition B", "2031-01", (2022, 2023)),
        )
        for year in years
        for code, unit, value in (
            ("people_in_forced_labour", "persons", year * 10 + 1),
            ("modern_slavery_prevalence", "per 1000 people", year * 10 + 2),
        )
    )
    write_observations(
        lines_of_text(
            "edition,publisher,published,reference_year,geography,geography_level,indicator,"
            "value,unit,source_url\n" + rows
        ),
        acting_user=None,
    )
    first = Indicator.objects.filter(
        code__in=["people_in_forced_labour", "modern_slavery_prevalence"]
    ).first()
    assert first is not None
    shown, hidden = (1, 2) if first.code == "people_in_forced_labour" else (2, 1)
    html = page(client, "/en/countries/npl/")
    assert f"https://example.org/{2023 * 10 + shown}" in html
    assert f"https://example.org/{2023 * 10 + hidden}" not in html
    assert 'href="/en/data/places/npl/">All figures for Nepal</a>' in html
    # The country's place page shows every indicator: the latest edition's
    # latest year, beside the earlier edition's latest year (not its every
    # year, nor the latest edition's earlier years).
    html = page(client, "/en/data/places/npl/")
    for n in (shown, hidden):
        assert f"https://example.org/{2023 * 10 + n}" in html
        assert f"https://example.org/{2021 * 10 + n}" in html
        assert f"https://example.org/{2020 * 10 + n}" not in html
        assert f"https://example.org/{2022 * 10 + n}" not in html


def test_a_ranked_row_gives_its_place_link_interval_footnote_status_and_source(
    client: Client,
) -> None:
    # /data/ makes its rows in Python (data/shown.py), not through the
    # filters and tags the place pages use: the same markup either way.
    write_observations(
        lines_of_text(
            "edition,publisher,published,reference_year,geography,geography_level,indicator,"
            "value,unit,source_url,lower,upper,status,note,illustrative\n"
            "Row edition,Rows,2031-01,2030,NPL,country,modern_slavery_prevalence,"
            "1234.5,per 1000 people,https://example.org/npl,1000,1500,provisional,"
            "<b>a note</b>,yes\n"
            "Row edition,Rows,2031-01,2030,World,world,modern_slavery_prevalence,"
            "6.2,per 1000 people,https://example.org/world,,,estimate,,no\n"
        ),
        acting_user=None,
    )
    html = page(client, "/en/data/", indicator="modern_slavery_prevalence")
    assert (
        '<th scope="row"><a href="/en/countries/npl/">Nepal</a> <span class="tag">Illustrative'
        '</span></th><td class="num" data-label="Figure">1,234.5 per 1,000 people'
        ' <span class="hint">(1,000–1,500)</span></td><td data-label="Source">'
        '<a href="https://example.org/npl">Source (Row edition)</a>'
        ' <span class="hint">— &lt;b&gt;a note&lt;/b&gt;</span> <span class="tag">Provisional'
        "</span></td>"
    ) in html
    assert (
        '<a href="/en/data/places/world/">World</a></th><td class="num" data-label="Figure">'
        '6.2 per 1,000 people</td><td data-label="Source">'
        '<a href="https://example.org/world">Source (Row edition)</a></td>'
    ) in html
    # The publication's title is English on a French page, and marked so.
    html = page(client, "/fr/data/", indicator="modern_slavery_prevalence")
    assert 'Source (<span lang="en">Row edition</span>)' in html
