"""
Pathfinder workshops live in one place, the pathfinders area: /events/ and
the calendar feed list them from there, and no event can be recorded as
one.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from alliance87.core.dates import ReportedDate
from alliance87.core.visibility import Visibility
from alliance87.events import selectors, services
from alliance87.events.models import Event, EventType
from alliance87.testing.factories import make_event, make_workshop

D = dt.date
pytestmark = pytest.mark.django_db


def test_the_events_list_and_feed_show_the_pathfinders_workshops(client):
    make_workshop("NPL")
    assert "Pathfinder workshop: Nepal" in client.get("/en/events/").content.decode()
    assert "Pathfinder workshop: Nepal" in client.get("/events.ics").content.decode()
    only = client.get("/en/events/?type=pathfinder_workshop").content.decode()
    assert "Pathfinder workshop: Nepal" in only
    other = client.get("/en/events/?type=webinar").content.decode()
    assert "Pathfinder workshop: Nepal" not in other


def test_a_workshop_hidden_from_the_public_is_not_listed_for_an_outsider(client, personas):
    make_workshop("NPL", visibility=Visibility.PARTNERS)
    assert selectors.pathfinder_workshops(personas.anonymous) == []
    assert selectors.pathfinder_workshops(personas.outsider) == []
    assert [w.title for w in selectors.pathfinder_workshops(personas.partner)] == [
        "Pathfinder workshop: Nepal"
    ]
    assert "Pathfinder workshop: Nepal" not in client.get("/events.ics").content.decode()


def test_an_event_cannot_be_recorded_as_a_pathfindermake_workshop(personas):
    with pytest.raises(ValidationError, match="kept with each pathfinder's path"):
        make_event(
            "nepal-workshop",
            acting_user=personas.secretariat,
            event_type=EventType.PATHFINDER_WORKSHOP,
            date=ReportedDate(D(2019, 2, 7)),
        )
    assert not Event.objects.filter(slug="nepal-workshop").exists()


def test_an_event_recorded_as_a_workshop_before_stays_editable(personas):
    # Written raw on purpose: the services no longer let such a row be made.
    event = Event.objects.create(
        slug="old-workshop",
        title_en="Old workshop",
        event_type=EventType.PATHFINDER_WORKSHOP,
        date_start=D(2019, 2, 7),
    )
    event.title = "Old workshop, corrected"

    services.save_event(event, acting_user=personas.secretariat)
    event.refresh_from_db()
    assert event.title == "Old workshop, corrected"
