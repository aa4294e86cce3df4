"""A country's profile costs a fixed number of queries, however many
organisations are based there."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from pytest_django import Settings

from alliance87.countries.models import Country
from alliance87.partners.models import Organisation
from alliance87.testing.factories import make_organisation
from alliance87.testing.personas import Personas, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings: Settings) -> None:
    # Count what rendering costs, not what the caches save: with the page
    # cache and cached sessions, the count would depend on what the cache
    # holds at that moment.
    settings.PAGE_CACHE_SECONDS = 0
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"


def queries_for(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def add_nepal_organisations(count: int) -> None:
    nepal = Country.objects.get(iso3="NPL")
    for _ in range(count):
        n = Organisation.objects.count()
        make_organisation(f"nepal-{n:03}", f"Nepal Organisation {n:03}", country=nepal)


@pytest.mark.parametrize("who", ["anonymous", "partner"])
def test_profile_queries_do_not_grow_with_its_organisations(
    client: Client, personas: Personas, who: str
) -> None:
    sign_in(client, getattr(personas, who))
    add_nepal_organisations(2)
    few = queries_for(client, "/en/countries/npl/")
    add_nepal_organisations(20)
    assert queries_for(client, "/en/countries/npl/") == few


def test_list_queries_do_not_depend_on_the_filter(client: Client) -> None:
    counts = {
        queries_for(client, url)
        for url in ("/en/countries/", "/en/countries/?region=africa", "/fr/countries/?q=e")
    }
    assert len(counts) == 1
