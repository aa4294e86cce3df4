"""A draft event, and a record part above its reader's level, never leak:
not on pages, lists, the tracker, the register, calendars or the briefing
pack."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from alliance87.core.dates import ReportedDate
from alliance87.countries.models import Country
from alliance87.events import services
from alliance87.testing.factories import make_event

D = dt.date
pytestmark = pytest.mark.django_db

SECRET = "Secret draft meeting"


@pytest.fixture
def draft(personas, gcg):
    event = make_event(
        "draft-meeting",
        acting_user=personas.secretariat,
        title=SECRET,
        date=ReportedDate(D(2030, 3, 1)),
        series=gcg,
        number=9,
        publish=False,
        countries=[Country.objects.get(iso3="FJI")],
    )
    services.record_decision(
        event, acting_user=personas.secretariat, identifier="GCG9/D1", text="Draft decision text"
    )
    services.record_action_item(
        event,
        acting_user=personas.secretariat,
        text="Draft action text",
        owner_organisation=personas.partner_org,
    )
    return event


def _pages(client):
    return [
        client.get("/en/events/"),
        client.get("/en/events/?type=gcg_meeting"),
        client.get("/en/events/action-items/?state=all"),
        client.get("/en/events/decisions/"),
        client.get("/en/countries/fji/"),
    ]


@pytest.mark.parametrize("who", ["anonymous", "outsider", "partner"])
def test_draft_is_hidden_from(who, client, personas, draft):
    user = getattr(personas, who)
    if user.is_authenticated:
        client.force_login(user)
    for url in (
        "/en/events/draft-meeting/",
        "/en/events/draft-meeting/event.ics",
        "/en/events/draft-meeting/briefing/",
        "/en/events/draft-meeting/record/",
    ):
        assert client.get(url).status_code == 404, url
    for response in _pages(client):
        assert response.status_code == 200
        text = response.content.decode()
        for secret in (SECRET, "Draft decision text", "Draft action text", "GCG9/D1"):
            assert secret not in text, (response.request["PATH_INFO"], secret)


def test_draft_never_enters_the_feed_even_for_the_secretariat(client, personas, draft):
    client.force_login(personas.secretariat)
    cal = Calendar.from_ical(client.get("/events.ics").content)
    assert SECRET not in [str(e.get("summary")) for e in cal.walk("VEVENT")]


def test_secretariat_sees_the_draft_and_its_record(client, personas, draft):
    client.force_login(personas.secretariat)
    page = client.get("/en/events/draft-meeting/").content.decode()
    assert SECRET in page and "Draft decision text" in page
    assert SECRET in client.get("/en/events/").content.decode()


def test_publishing_shows_it_to_everyone(client, personas, draft):
    services.publish_event(draft, acting_user=personas.secretariat)
    page = client.get("/en/events/draft-meeting/").content.decode()
    assert SECRET in page and "GCG9/D1" in page
    cal = Calendar.from_ical(client.get("/events.ics").content)
    assert SECRET in [str(e.get("summary")) for e in cal.walk("VEVENT")]


def test_partners_only_exchange_is_hidden_from_the_public(client, personas, gcg):
    event = make_event("open", acting_user=personas.secretariat, date=ReportedDate(D(2019, 4, 1)))
    services.record_exchange(
        event,
        acting_user=personas.secretariat,
        question="A question for partners only",
        asked_by_organisation=personas.partner_org,
        visibility="partners",
    )
    assert "for partners only" not in client.get("/en/events/open/").content.decode()
    client.force_login(personas.outsider)
    assert "for partners only" not in client.get("/en/events/open/").content.decode()
    client.force_login(personas.partner)
    assert "for partners only" in client.get("/en/events/open/").content.decode()


def test_partners_only_event_is_404_for_the_public(client, personas):
    make_event(
        "partners-event",
        acting_user=personas.secretariat,
        date=ReportedDate(D(2019, 4, 1)),
        visibility="partners",
    )
    assert client.get("/en/events/partners-event/").status_code == 404
    client.force_login(personas.partner)
    assert client.get("/en/events/partners-event/").status_code == 200
