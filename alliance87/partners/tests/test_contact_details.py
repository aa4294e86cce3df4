"""People's contact details are for signed-in partners, never the public."""

from __future__ import annotations

import pytest
from django.test import Client

from alliance87.core.visibility import Visibility
from alliance87.partners.models import Person
from alliance87.testing.personas import Personas, sign_in

pytestmark = pytest.mark.django_db

EMAIL = "dana.delegate@ituc.example.org"
PHONE = "+32 2 000 00 00"


@pytest.fixture
def people(personas: Personas) -> None:
    Person.objects.create(
        slug="dana-delegate",
        name="Dana Delegate",
        position="Policy officer",
        organisation=personas.partner_org,
        email=EMAIL,
        phone=PHONE,
        visibility=Visibility.PUBLIC,
    )
    Person.objects.create(
        slug="quinn-quiet",
        name="Quinn Quiet",
        organisation=personas.partner_org,
        email="quinn@ituc.example.org",
        visibility=Visibility.PARTNERS,
    )


def page(client: Client, personas: Personas, who: str) -> str:
    sign_in(client, getattr(personas, who))
    response = client.get("/en/partners/ituc/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.usefixtures("people")
class TestContactDetails:
    @pytest.mark.parametrize("who", ["anonymous", "outsider"])
    def test_are_never_shown_to(self, client: Client, personas: Personas, who: str) -> None:
        html = page(client, personas, who)
        assert "Dana Delegate" in html  # a public person: name and position only
        assert EMAIL not in html
        assert PHONE not in html
        assert "mailto:" not in html
        assert "Contact details are shown to signed-in partners only." in html

    @pytest.mark.parametrize("who", ["partner", "secretariat"])
    def test_are_shown_to(self, client: Client, personas: Personas, who: str) -> None:
        html = page(client, personas, who)
        assert f'<a href="mailto:{EMAIL}">{EMAIL}</a>' in html
        assert PHONE in html

    def test_are_not_in_a_page_cached_for_visitors(
        self, client: Client, personas: Personas
    ) -> None:
        client.force_login(personas.partner)
        client.get("/en/partners/ituc/")
        client.logout()
        html = page(client, personas, "anonymous")
        assert EMAIL not in html


@pytest.mark.usefixtures("people")
class TestPartnersOnlyPerson:
    @pytest.mark.parametrize("who", ["anonymous", "outsider"])
    def test_is_not_shown_to(self, client: Client, personas: Personas, who: str) -> None:
        assert "Quinn Quiet" not in page(client, personas, who)

    def test_partner_sees_partners_only_person(self, client: Client, personas: Personas) -> None:
        html = page(client, personas, "partner")
        assert "Quinn Quiet" in html
        assert "quinn@ituc.example.org" in html
