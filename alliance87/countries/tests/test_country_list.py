"""The country list: every state by ILO region, filtered and searched."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.test import Client

from alliance87.countries.models import Country

pytestmark = pytest.mark.django_db


def names_listed(client: Client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    found = re.findall(
        r'<li><a href="/\w\w/countries/\w{3}/">([^<]+)</a></li>', response.content.decode()
    )
    return [unescape(name) for name in found]


def test_list_shows_every_state(client: Client) -> None:
    names = names_listed(client, "/en/countries/")
    assert len(names) == Country.objects.count()
    assert "Nepal" in names and "Holy See" in names


class TestRegionFilter:
    def test_shows_only_that_regions_countries(self, client: Client) -> None:
        names = names_listed(client, "/en/countries/?region=americas")
        assert "Mexico" in names and "Chile" in names
        assert "Nepal" not in names and "France" not in names

    def test_links_keep_the_language(self, client: Client) -> None:
        html = client.get("/fr/countries/?region=americas").content.decode()
        assert 'href="/fr/countries/mex/"' in html

    def test_unknown_region_gives_a_clear_error_and_still_answers(self, client: Client) -> None:
        response = client.get("/en/countries/?region=atlantis")
        assert response.status_code == 200
        html = response.content.decode()
        assert 'class="error-summary"' in html
        assert "atlantis is not one of the available choices" in html
        assert 'href="#id_region"' in html  # the error leads to the field


class TestSearch:
    def test_finds_a_country_by_its_english_name(self, client: Client) -> None:
        assert names_listed(client, "/en/countries/?q=nepal") == ["Nepal"]

    def test_ignores_case(self, client: Client) -> None:
        assert names_listed(client, "/en/countries/?q=NePaL") == ["Nepal"]

    def test_ignores_accents(self, client: Client) -> None:
        assert names_listed(client, "/en/countries/?q=cote") == ["Côte d'Ivoire"]

    def test_finds_a_name_written_without_its_spaces_or_accents(self, client: Client) -> None:
        for typed in ("vietnam", "Viet Nam", "Việt Nam", "VIET-NAM"):
            assert names_listed(client, f"/en/countries/?q={typed}") == ["Viet Nam"], typed

    def test_finds_a_country_by_its_french_name_without_accents(self, client: Client) -> None:
        assert names_listed(client, "/fr/countries/?q=nepal") == ["Népal"]

    def test_finds_a_country_by_its_french_name_with_accents(self, client: Client) -> None:
        assert names_listed(client, "/fr/countries/?q=Népal") == ["Népal"]

    def test_finds_a_country_by_its_spanish_name(self, client: Client) -> None:
        assert names_listed(client, "/es/countries/?q=mexico") == ["México"]

    def test_finds_a_country_by_a_name_in_another_language(self, client: Client) -> None:
        # "Allemagne" typed on the English page still finds Germany.
        assert names_listed(client, "/en/countries/?q=allemagne") == ["Germany"]

    def test_matches_part_of_a_name(self, client: Client) -> None:
        names = names_listed(client, "/en/countries/?q=guinea")
        assert set(names) == {"Equatorial Guinea", "Guinea", "Guinea-Bissau", "Papua New Guinea"}

    def test_combines_with_the_region_filter(self, client: Client) -> None:
        assert names_listed(client, "/en/countries/?q=guinea&region=asia_pacific") == [
            "Papua New Guinea"
        ]

    def test_typographic_apostrophe_matches(self, client: Client) -> None:
        assert names_listed(client, "/en/countries/?q=cote+d%E2%80%99ivoire") == ["Côte d'Ivoire"]

    def test_no_match_says_so(self, client: Client) -> None:
        response = client.get("/en/countries/?q=atlantis")
        assert response.status_code == 200
        assert "No country matches" in response.content.decode()

    def test_sorted_by_name_in_the_pages_language_ignoring_accents(self, client: Client) -> None:
        names = names_listed(client, "/fr/countries/?region=americas")
        expected = ["Dominique", "El Salvador", "Équateur", "États-Unis", "Grenade"]
        assert [n for n in names if n in expected] == expected
