"""The partner directory is filtered by stakeholder type, country and
theme, and searched by name or acronym in any language."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from alliance87.core.models import Theme
from alliance87.countries.models import Country
from alliance87.partners.models import Organisation, StakeholderType
from alliance87.partners.services import save_organisation
from alliance87.testing.factories import make_organisation
from alliance87.testing.personas import Personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(personas: Personas) -> None:
    switzerland = Country.objects.get(iso3="CHE")
    mexico = Country.objects.get(iso3="MEX")
    fisheries = Theme.objects.create(slug="fisheries", name="Fisheries", kind=Theme.Kind.SECTOR)
    make_organisation(
        "ilo",
        "International Labour Organization",
        name_fr="Organisation internationale du Travail",
        name_es="Organización Internacional del Trabajo",
        acronym="ILO",
        acronym_en="ILO",
        acronym_fr="OIT",
        acronym_es="OIT",
        stakeholder_type=StakeholderType.UN_INTERNATIONAL,
        country=switzerland,
        is_partner=True,
    )
    make_organisation(
        "government-of-mexico",
        "Government of Mexico",
        name_fr="Gouvernement du Mexique",
        name_es="Gobierno de México",
        stakeholder_type=StakeholderType.GOVERNMENT,
        country=mexico,
        is_partner=True,
    )
    fishers = make_organisation(
        "fishers-union",
        "Fishers' Union of the Pacific",
        stakeholder_type=StakeholderType.WORKERS,
        country=mexico,
    )
    fishers.themes.add(fisheries)


def listed(client: Client, url: str) -> set[str]:
    response = client.get(url)
    assert response.status_code == 200
    return set(
        re.findall(
            r'<th scope="row"><a href="/\w\w/partners/([\w-]+)/">', response.content.decode()
        )
    )


ALL = {"ituc", "applicant-ngo", "ilo", "government-of-mexico", "fishers-union"}


@pytest.mark.usefixtures("directory")
class TestFilters:
    def test_without_filters_every_visible_organisation_is_listed(self, client: Client) -> None:
        assert listed(client, "/en/partners/") == ALL

    def test_by_stakeholder_type(self, client: Client) -> None:
        assert listed(client, "/en/partners/?type=workers") == {"ituc", "fishers-union"}

    def test_by_country(self, client: Client) -> None:
        assert listed(client, "/en/partners/?country=mex") == {
            "government-of-mexico",
            "fishers-union",
        }

    def test_by_theme(self, client: Client) -> None:
        assert listed(client, "/en/partners/?theme=fisheries") == {"fishers-union"}

    def test_filters_combine(self, client: Client) -> None:
        assert listed(client, "/en/partners/?country=che&type=workers") == {"ituc"}
        assert listed(client, "/en/partners/?country=che&type=government") == set()

    def test_country_choices_are_named_in_the_pages_language(self, client: Client) -> None:
        html = client.get("/fr/partners/").content.decode()
        assert '<option value="mex">Mexique</option>' in html

    @pytest.mark.parametrize("query", ["type=pirates", "country=atlantis", "theme=no-such-theme"])
    def test_unknown_filter_value_gives_a_clear_error_and_still_answers(
        self, client: Client, query: str
    ) -> None:
        response = client.get(f"/en/partners/?{query}")
        assert response.status_code == 200
        html = response.content.decode()
        assert 'class="error-summary"' in html
        assert "is not one of the available choices" in html


@pytest.mark.usefixtures("directory")
class TestSearch:
    def test_by_english_name(self, client: Client) -> None:
        assert listed(client, "/en/partners/?q=labour+organization") == {"ilo"}

    def test_by_acronym(self, client: Client) -> None:
        assert listed(client, "/en/partners/?q=ILO") == {"ilo"}

    def test_by_french_acronym_on_the_english_page(self, client: Client) -> None:
        assert listed(client, "/en/partners/?q=OIT") == {"ilo"}

    def test_by_french_name_on_the_english_page(self, client: Client) -> None:
        assert listed(client, "/en/partners/?q=organisation+internationale") == {"ilo"}

    def test_by_spanish_name_ignoring_accents(self, client: Client) -> None:
        assert listed(client, "/fr/partners/?q=organizacion") == {"ilo"}

    def test_by_name_ignoring_case(self, client: Client) -> None:
        assert listed(client, "/es/partners/?q=gobierno+de+mexico") == {"government-of-mexico"}

    def test_search_combines_with_filters(self, client: Client) -> None:
        assert listed(client, "/en/partners/?q=union&country=mex") == {"fishers-union"}

    def test_apostrophe_is_matched(self, client: Client) -> None:
        assert listed(client, "/en/partners/?q=fishers%E2%80%99+union") == {"fishers-union"}

    def test_wildcards_are_taken_literally(self, client: Client) -> None:
        assert listed(client, "/en/partners/?q=%25") == set()
        assert listed(client, "/en/partners/?q=_") == set()

    def test_no_match_says_so(self, client: Client) -> None:
        response = client.get("/en/partners/?q=zzzz")
        assert "No organisation matches" in response.content.decode()

    def test_listed_names_are_in_the_pages_language(self, client: Client) -> None:
        html = client.get("/fr/partners/?q=OIT").content.decode()
        assert "Organisation internationale du Travail" in html
        assert "(OIT)" in html


def test_search_names_follow_a_rename(personas: Personas) -> None:
    ituc: Any = Organisation.objects.get(slug="ituc")  # acronym_fr is added at run time
    ituc.acronym_fr = "CSI"
    save_organisation(ituc, acting_user=None)
    assert list(Organisation.objects.search("csi").values_list("slug", flat=True)) == ["ituc"]
