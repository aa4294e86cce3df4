"""An organisation the reader may not see is missing for them: 404 at its
address, absent from every list, search, filter and count."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from alliance87.core.visibility import Visibility
from alliance87.countries.models import Country
from alliance87.testing.factories import make_organisation
from alliance87.testing.personas import Personas, sign_in

pytestmark = pytest.mark.django_db

HIDDEN_NAME = "Confidential Secretariat Contact Group"
PARTNERS_NAME = "Partners Working Circle"


@pytest.fixture
def hidden(personas: Personas) -> None:
    nepal = Country.objects.get(iso3="NPL")
    make_organisation(
        "hidden-org",
        HIDDEN_NAME,
        acronym="CSCG",
        acronym_en="CSCG",
        country=nepal,
        is_partner=True,
        visibility=Visibility.SECRETARIAT,
    )
    make_organisation("partners-org", PARTNERS_NAME, visibility=Visibility.PARTNERS)


def comparable(content: bytes, slug: str) -> str:
    """Return the page without what differs from one request to the next."""
    html = content.decode().replace(slug, "SLUG")
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


NOT_SECRETARIAT = ["anonymous", "outsider", "partner"]


@pytest.mark.usefixtures("hidden")
class TestSecretariatOnlyOrganisation:
    @pytest.mark.parametrize("who", NOT_SECRETARIAT)
    def test_is_not_found_for(self, client: Client, personas: Personas, who: str) -> None:
        sign_in(client, getattr(personas, who))
        response = client.get("/en/partners/hidden-org/")
        assert response.status_code == 404
        assert HIDDEN_NAME not in response.content.decode()

    def test_is_shown_to_the_secretariat(self, client: Client, personas: Personas) -> None:
        sign_in(client, personas.secretariat)
        response = client.get("/en/partners/hidden-org/")
        assert response.status_code == 200
        assert HIDDEN_NAME in response.content.decode()

    @pytest.mark.parametrize("who", NOT_SECRETARIAT)
    def test_answers_like_a_missing_organisation(
        self, client: Client, personas: Personas, who: str
    ) -> None:
        sign_in(client, getattr(personas, who))
        hidden = client.get("/en/partners/hidden-org/")
        missing = client.get("/en/partners/never-existed/")
        assert hidden.status_code == missing.status_code == 404
        assert comparable(hidden.content, "hidden-org") == comparable(
            missing.content, "never-existed"
        )

    @pytest.mark.parametrize(
        "url",
        [
            "/en/partners/",
            "/en/partners/?q=confidential",
            "/en/partners/?q=cscg",
            "/en/partners/?type=civil_society",
            "/en/countries/npl/",
        ],
    )
    @pytest.mark.parametrize("who", NOT_SECRETARIAT)
    def test_is_never_listed_for(
        self, client: Client, personas: Personas, who: str, url: str
    ) -> None:
        sign_in(client, getattr(personas, who))
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert HIDDEN_NAME not in html
        assert "hidden-org" not in html

    @pytest.mark.parametrize("who", NOT_SECRETARIAT)
    def test_its_country_is_not_offered_as_a_filter(
        self, client: Client, personas: Personas, who: str
    ) -> None:
        # Nepal has no other organisation: offering it would betray one.
        sign_in(client, getattr(personas, who))
        assert 'value="npl"' not in client.get("/en/partners/").content.decode()

    @pytest.mark.parametrize("who", NOT_SECRETARIAT)
    def test_is_not_counted_on_the_home_page(
        self, client: Client, personas: Personas, who: str
    ) -> None:
        # One partner is visible to all: the ITUC.
        sign_in(client, getattr(personas, who))
        assert "1 partner organisation," in client.get("/en/").content.decode()

    def test_is_listed_for_the_secretariat(self, client: Client, personas: Personas) -> None:
        sign_in(client, personas.secretariat)
        for url in ("/en/partners/", "/en/partners/?q=cscg", "/en/countries/npl/"):
            assert HIDDEN_NAME in client.get(url).content.decode(), url
        assert 'value="npl"' in client.get("/en/partners/").content.decode()


@pytest.mark.usefixtures("hidden")
class TestPartnersOnlyOrganisation:
    @pytest.mark.parametrize("who", ["anonymous", "outsider"])
    def test_is_not_found_for(self, client: Client, personas: Personas, who: str) -> None:
        sign_in(client, getattr(personas, who))
        assert client.get("/en/partners/partners-org/").status_code == 404
        assert PARTNERS_NAME not in client.get("/en/partners/").content.decode()

    @pytest.mark.parametrize("who", ["partner", "secretariat"])
    def test_is_shown_to(self, client: Client, personas: Personas, who: str) -> None:
        sign_in(client, getattr(personas, who))
        assert client.get("/en/partners/partners-org/").status_code == 200
        assert PARTNERS_NAME in client.get("/en/partners/").content.decode()
