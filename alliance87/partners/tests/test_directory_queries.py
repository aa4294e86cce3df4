"""The directory's pages cost a fixed number of queries, however many
organisations, countries, themes and people there are."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from pytest_django import DjangoAssertNumQueries, Settings

from alliance87.core.models import Theme
from alliance87.countries.models import Country
from alliance87.partners.models import Organisation, Person
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


def add_organisations(count: int) -> None:
    """Add `count` organisations, each in its own country, with a theme."""
    countries = list(Country.objects.order_by("iso3")[:count])
    start = Organisation.objects.count()
    for n, country in enumerate(countries, start=start):
        org = make_organisation(f"org-{n:03}", f"Organisation {n:03}", country=country)
        theme = Theme.objects.create(slug=f"theme-{n:03}", name=f"Theme {n:03}", kind="topic")
        org.themes.add(theme)


def queries_for(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("who", ["anonymous", "partner", "secretariat"])
@pytest.mark.parametrize(
    "url", ["/en/partners/", "/en/partners/?type=civil_society&page=2", "/fr/partners/?q=org"]
)
def test_list_queries_do_not_grow_with_the_organisations(
    client: Client, personas: Personas, who: str, url: str
) -> None:
    sign_in(client, getattr(personas, who))
    add_organisations(5)
    few = queries_for(client, url)
    add_organisations(45)
    assert Organisation.objects.count() >= 50
    assert queries_for(client, url) == few


def test_list_page_costs_a_handful_of_queries(
    client: Client, personas: Personas, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    add_organisations(30)
    with django_assert_max_num_queries(5):
        client.get("/en/partners/")


def test_organisation_page_queries_do_not_grow_with_its_people_and_themes(
    client: Client, personas: Personas
) -> None:
    client.force_login(personas.partner)
    ituc = personas.partner_org

    def add(count: int) -> None:
        for _ in range(count):
            suffix = f"{Person.objects.count():03}"
            Person.objects.create(
                slug=f"person-{suffix}",
                name=f"Person {suffix}",
                organisation=ituc,
                email=f"p{suffix}@example.org",
            )
            ituc.themes.add(
                Theme.objects.create(slug=f"t-{suffix}", name=f"Theme {suffix}", kind="topic")
            )

    add(2)
    few = queries_for(client, "/en/partners/ituc/")
    add(20)
    assert queries_for(client, "/en/partners/ituc/") == few
