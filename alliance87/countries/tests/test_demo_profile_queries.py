"""A country's profile on the demo costs what bench/run.py holds it to
("Queries per page"): the same number of queries whatever the organisations
based there, counted as the bench counts them (anonymous, cold page cache).

The profile is every area's section on one page (pathfinder, data, events,
library, news, organisations), each a constant number of queries: a pathfinder
with a roadmap (Chile) reads its priority areas and their first actions, one
without (Nepal) its findings' themes. It stays above the bench's ceiling of
15: bench/README.md, "Queries per page since that run"."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from alliance87.core.models import Theme
from alliance87.core.visibility import Visibility
from alliance87.countries.models import Country
from alliance87.testing.factories import make_organisation
from alliance87.testing.queries import cold_page

# The most each profile may cost an anonymous visitor; 23 and 24 before
# each section read what it shows in fewer queries (issue 16).
CEILING = {"npl": 20, "chl": 21}


def add_organisations(iso3: str, count: int) -> None:
    """Add `count` organisations based in `iso3`, public and partners-only
    in turn, each with themes (as the bench grows the directory)."""
    country = Country.objects.get(iso3=iso3.upper())
    themes = list(Theme.objects.all()[:3])
    for n in range(count):
        org = make_organisation(
            f"grown-{iso3}-{n:03}",
            f"Grown organisation {n:03}",
            country=country,
            visibility=Visibility.PARTNERS if n % 2 else Visibility.PUBLIC,
        )
        org.themes.set(themes)


@pytest.mark.parametrize("iso3", ["npl", "chl"])
def test_an_anonymous_visit_costs_the_same_few_queries_however_many_organisations(
    client: Client, demo: None, iso3: str
) -> None:
    url = f"/en/countries/{iso3}/"
    few, _ = cold_page(client, url)
    assert few <= CEILING[iso3]
    # More than the profile lists, so that the count and the link show.
    add_organisations(iso3, 45)
    many, html = cold_page(client, url)
    assert many == few
    assert f'href="/en/partners/?country={iso3}">All ' in html


@pytest.mark.parametrize("iso3", ["npl", "chl"])
def test_a_partners_visit_costs_the_same_queries_however_many_organisations(
    client: Client, demo: None, iso3: str
) -> None:
    client.force_login(get_user_model().objects.get(email="partner@demo.alliance87.example"))
    url = f"/en/countries/{iso3}/"
    few, _ = cold_page(client, url)
    add_organisations(iso3, 45)
    assert cold_page(client, url)[0] == few
