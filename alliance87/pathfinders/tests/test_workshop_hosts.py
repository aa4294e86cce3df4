"""A workshop's host organisation is named only to those who may see it
(the directory's own rule): on /pathfinders/, in the events list, its
exports and the calendar feed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from alliance87.core.dates import ReportedDate
from alliance87.core.visibility import Visibility
from alliance87.countries.models import Region
from alliance87.pathfinders import services
from alliance87.pathfinders.models import Workshop
from alliance87.testing.factories import make_organisation

pytestmark = pytest.mark.django_db

URLS = ("/en/pathfinders/", "/en/events/", "/en/events.json", "/en/events.csv")


@pytest.fixture
def quiet_host(settings):
    settings.PAGE_CACHE_SECONDS = 0
    host = make_organisation("quiet-body", "Quiet regional body", visibility=Visibility.PARTNERS)
    workshop = Workshop(host_organisation=host, region=Region.AFRICA, status="held")
    services.set_reported_date(workshop, ReportedDate(dt.date(2019, 2, 7)))
    services.save_workshop(workshop, acting_user=None)
    return workshop


def _read(client: Client) -> str:
    return "".join(client.get(url).content.decode() for url in URLS)


def test_a_hidden_host_organisation_is_not_named(quiet_host, personas, client: Client) -> None:
    # The calendar feed is read anonymously whoever asks.
    text = _read(client) + client.get("/events.ics").content.decode()
    assert "Pathfinder workshop" in text
    assert "Quiet regional body" not in text and "quiet-body" not in text
    client.force_login(personas.partner)
    assert "Quiet regional body" in _read(client)
