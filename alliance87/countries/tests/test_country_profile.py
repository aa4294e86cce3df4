"""A country's profile: found by its lower-case code, showing only the
organisations the reader may see."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client

from alliance87.core import hooks
from alliance87.core.visibility import Visibility
from alliance87.countries import profile
from alliance87.countries.models import Country
from alliance87.testing.factories import make_organisation
from alliance87.testing.personas import Personas, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def nepal_organisations(personas: Personas) -> None:
    nepal = Country.objects.get(iso3="NPL")
    for level in Visibility.values:
        make_organisation(
            f"nepal-{level}", f"Nepal Organisation ({level})", country=nepal, visibility=level
        )
    make_organisation(
        "india-public", "India Organisation", country=Country.objects.get(iso3="IND")
    )


def organisations_shown(client: Client) -> set[str]:
    html = client.get("/en/countries/npl/").content.decode()
    return {level for level in Visibility.values if f"Nepal Organisation ({level})" in html}


def test_profile_answers_at_the_lower_case_code(client: Client) -> None:
    response = client.get("/en/countries/npl/")
    assert response.status_code == 200
    assert "<h1>Nepal</h1>" in response.content.decode()


def test_profile_shows_region_and_status(client: Client) -> None:
    html = client.get("/en/countries/vat/").content.decode()
    assert "Europe and Central Asia" in html
    assert "UN observer state" in html


@pytest.mark.parametrize(
    "url",
    [
        "/en/countries/NPL/",
        "/en/countries/Npl/",
        "/en/countries/xxx/",
        "/en/countries/nepal/",
        "/en/countries/np/",
    ],
)
def test_other_addresses_are_not_found_in_the_site_frame(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert '<header class="site-header">' in html
    assert 'class="skip-link"' in html


class TestOrganisationsListed:
    def test_anonymous_sees_public_organisations_only(
        self, client: Client, nepal_organisations: None
    ) -> None:
        assert organisations_shown(client) == {"public"}

    def test_outsider_sees_public_organisations_only(
        self, client: Client, personas: Personas, nepal_organisations: None
    ) -> None:
        client.force_login(personas.outsider)
        assert organisations_shown(client) == {"public"}

    def test_partner_also_sees_partners_organisations(
        self, client: Client, personas: Personas, nepal_organisations: None
    ) -> None:
        client.force_login(personas.partner)
        assert organisations_shown(client) == {"public", "partners"}

    def test_secretariat_sees_every_organisation(
        self, client: Client, personas: Personas, nepal_organisations: None
    ) -> None:
        sign_in(client, personas.secretariat)
        assert organisations_shown(client) == set(Visibility.values)

    def test_organisations_of_other_countries_are_not_listed(
        self, client: Client, nepal_organisations: None
    ) -> None:
        assert "India Organisation" not in client.get("/en/countries/npl/").content.decode()

    def test_country_without_organisations_says_so(self, client: Client) -> None:
        html = client.get("/en/countries/isl/").content.decode()
        assert "No organisation in the directory is based in this country yet." in html


class TestContributedSections:
    @pytest.fixture
    def sections(self) -> Iterator[None]:
        # Sections two other areas would register, for this test only.

        def pathfinder(user: Any, country: Country) -> dict[str, Any] | None:
            return {"iso3": country.iso3} if country.iso3 == "NPL" else None

        def events(user: Any, country: Country) -> dict[str, Any] | None:
            return {"user": user}

        with hooks.COUNTRY_PROFILE_SECTIONS.only(
            hooks.ProfileSection("events", order=20, template="e.html", context=events),
            hooks.ProfileSection("pathfinder", order=10, template="p.html", context=pathfinder),
        ):
            yield

    def test_sections_come_in_their_order_with_their_context(
        self, sections: None, personas: Personas
    ) -> None:
        nepal = Country.objects.get(iso3="NPL")
        shown = profile.sections_for(personas.partner, nepal)
        assert [s["key"] for s in shown] == ["pathfinder", "events"]
        assert shown[0]["data"] == {"iso3": "NPL"}
        assert shown[1]["data"] == {"user": personas.partner}

    def test_section_with_nothing_to_show_is_left_out(
        self, sections: None, personas: Personas
    ) -> None:
        india = Country.objects.get(iso3="IND")
        assert [s["key"] for s in profile.sections_for(personas.partner, india)] == ["events"]


def test_a_country_with_many_organisations_lists_the_first_and_links_to_all() -> None:
    from alliance87.partners.selectors import COUNTRY_SECTION_LIMIT

    nepal = Country.objects.get(iso3="NPL")
    for n in range(COUNTRY_SECTION_LIMIT + 5):
        make_organisation(f"npl-{n:02d}", f"Nepali body {n:02d}", country=nepal)
    make_organisation("npl-hidden", "Nepali hidden body", country=nepal, visibility="partners")
    html = Client().get("/en/countries/npl/").content.decode()
    assert html.count("Nepali body") == COUNTRY_SECTION_LIMIT
    link = f'href="/en/partners/?country=npl">All {COUNTRY_SECTION_LIMIT + 5} organisations'
    assert link in html
    assert "Nepali hidden body" not in html
    directory = Client().get("/en/partners/?country=npl").content.decode()
    assert f"{COUNTRY_SECTION_LIMIT + 5} organisations" in directory
