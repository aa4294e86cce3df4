"""The directory is in alphabetical order of the names in the page's
language, ignoring accents, "Government of" and leading articles."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from alliance87.partners.models import StakeholderType
from alliance87.testing.factories import make_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory() -> None:
    make_organisation(
        "government-of-mexico",
        "Government of Mexico",
        name_fr="Gouvernement du Mexique",
        name_es="Gobierno de México",
        stakeholder_type=StakeholderType.GOVERNMENT,
    )
    make_organisation(
        "ilo",
        "International Labour Organization",
        name_fr="Organisation internationale du Travail",
        name_es="Organización Internacional del Trabajo",
        stakeholder_type=StakeholderType.UN_INTERNATIONAL,
    )
    make_organisation(
        "ecpat",
        "ECPAT International",
        name_fr="ECPAT International",
        name_es="ECPAT Internacional",
    )
    make_organisation(
        "etat-solidaire",
        "Solidarity State Network",
        name_fr="État solidaire",
        name_es="Estado solidario",
    )
    make_organisation("the-freedom-fund", "The Freedom Fund", name_fr="The Freedom Fund")
    make_organisation("unicef", "UNICEF")


def order(client: Client, url: str) -> list[str]:
    html = client.get(url).content.decode()
    return re.findall(r'<th scope="row"><a href="/\w\w/partners/([\w-]+)/">', html)


def test_english_order_skips_government_of_and_the(client: Client, directory: None) -> None:
    assert order(client, "/en/partners/") == [
        "ecpat",
        "the-freedom-fund",
        "ilo",
        "government-of-mexico",
        "etat-solidaire",
        "unicef",
    ]


def test_french_order_ignores_accents(client: Client, directory: None) -> None:
    assert order(client, "/fr/partners/") == [
        "ecpat",
        "etat-solidaire",
        "the-freedom-fund",
        "government-of-mexico",
        "ilo",
        "unicef",
    ]


def test_spanish_order_uses_the_spanish_names(client: Client, directory: None) -> None:
    assert order(client, "/es/partners/") == [
        "ecpat",
        "etat-solidaire",
        "the-freedom-fund",
        "government-of-mexico",
        "ilo",
        "unicef",
    ]


def test_name_without_a_translation_is_shown_in_english(client: Client, directory: None) -> None:
    assert ">UNICEF</a>" in client.get("/fr/partners/").content.decode()
