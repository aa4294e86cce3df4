"""Every UN member and observer state is present after migrating."""

from __future__ import annotations

import pytest

from alliance87.countries.models import Country, Region
from alliance87.countries.services import sync_countries
from alliance87.testing.translations import in_each_language

pytestmark = pytest.mark.django_db


def test_all_193_member_states_are_present() -> None:
    assert Country.objects.filter(status=Country.Status.MEMBER).count() == 193


def test_both_observer_states_are_present() -> None:
    observers = Country.objects.filter(status=Country.Status.OBSERVER)
    assert set(observers.values_list("iso3", flat=True)) == {"PSE", "VAT"}


def test_every_country_has_a_name_in_each_language_and_an_ilo_region() -> None:
    for country in Country.objects.all():
        assert all(in_each_language(country, "name")), country.iso3
        assert country.region in Region.values, country.iso3


def test_codes_are_stored_in_upper_case() -> None:
    nepal = Country.objects.get(iso3="NPL")
    assert (nepal.iso2, nepal.m49) == ("NP", "524")


def test_syncing_again_changes_nothing() -> None:
    assert sync_countries(acting_user=None) == 0
