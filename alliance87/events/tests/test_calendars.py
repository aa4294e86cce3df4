"""The .ics files parse with icalendar and keep the right times in UTC."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from alliance87.core.dates import ReportedDate
from alliance87.testing.factories import make_event

D = dt.date
pytestmark = pytest.mark.django_db


def _events(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return {str(e["uid"]): e for e in Calendar.from_ical(response.content).walk("VEVENT")}


def test_timed_event_is_written_in_utc(client, personas):
    make_event(
        "hlpf",
        acting_user=personas.secretariat,
        date=ReportedDate(D(2019, 7, 17)),
        start_time=dt.time(10),
        end_time=dt.time(12, 30),
        time_zone="America/New_York",
    )
    event = _events(client.get("/en/events/hlpf/event.ics"))["event-hlpf@hub.alliance87.org"]
    start, end = event.decoded("dtstart"), event.decoded("dtend")
    assert start == dt.datetime(2019, 7, 17, 14, 0, tzinfo=dt.UTC)
    assert start.utcoffset() == dt.timedelta(0)
    assert end == dt.datetime(2019, 7, 17, 16, 30, tzinfo=dt.UTC)
    assert b"DTSTART:20190717T140000Z" in client.get("/en/events/hlpf/event.ics").content


def test_all_day_range_is_a_date_with_exclusive_end(client, personas):
    make_event(
        "nadi",
        acting_user=personas.secretariat,
        date=ReportedDate(D(2017, 10, 3), D(2017, 10, 5), "range"),
        time_zone="Pacific/Fiji",
    )
    event = _events(client.get("/events.ics"))["event-nadi@hub.alliance87.org"]
    assert event.decoded("dtstart") == D(2017, 10, 3)
    assert not isinstance(event.decoded("dtstart"), dt.datetime)
    assert event.decoded("dtend") == D(2017, 10, 6)
    assert str(event["status"]) == "CONFIRMED"


def test_tentative_date_is_marked(client, personas):
    make_event(
        "gcg-5",
        acting_user=personas.secretariat,
        date=ReportedDate(D(2019, 7, 17), None, "day", True),
    )
    event = _events(client.get("/events.ics"))["event-gcg-5@hub.alliance87.org"]
    assert str(event["status"]) == "TENTATIVE"


def test_international_day_recurs_yearly(client, personas):
    make_event(
        "world-day-against-child-labour",
        acting_user=personas.secretariat,
        event_type="international_day",
        date=ReportedDate(D(2017, 6, 12)),
        recurs_yearly=True,
    )
    event = _events(client.get("/events.ics?type=international_day"))[
        "event-world-day-against-child-labour@hub.alliance87.org"
    ]
    assert event.decoded("dtstart") == D(2017, 6, 12)
    assert event["rrule"]["FREQ"] == ["YEARLY"]
    assert b"RRULE:FREQ=YEARLY" in client.get("/events.ics").content


def test_feed_takes_the_list_filters(client, personas, gcg):
    make_event(
        "gcg-5",
        acting_user=personas.secretariat,
        series=gcg,
        number=5,
        date=ReportedDate(D(2019, 7, 17)),
    )
    make_event(
        "forum",
        acting_user=personas.secretariat,
        event_type="forum",
        date=ReportedDate(D(2018, 12, 1), None, "month"),
    )
    uids = set(_events(client.get("/events.ics?series=gcg-meetings")))
    assert uids == {"event-gcg-5@hub.alliance87.org"}
    uids = set(_events(client.get("/events.ics?type=forum&year=2018")))
    assert uids == {"event-forum@hub.alliance87.org"}


def test_feed_refuses_a_bad_filter_clearly(client):
    response = client.get("/events.ics?year=soon")
    assert response.status_code == 400
    assert "four digits" in response.content.decode()


def test_feed_speaks_the_language_asked(client, personas):
    event = make_event("day", acting_user=personas.secretariat, date=ReportedDate(D(2019, 7, 17)))
    setattr(event, "title_fr", "Journée")  # noqa: B010 - a modeltranslation field
    event.save()
    cal = Calendar.from_ical(client.get("/events.ics?lang=fr").content)
    assert [str(e["summary"]) for e in cal.walk("VEVENT")] == ["Journée"]
    assert "/fr/events/day/" in str(cal.walk("VEVENT")[0]["url"])


def test_month_precision_event_is_one_tentative_day_not_a_month_long_block(client, personas):
    make_event(
        "workshop-july",
        acting_user=personas.secretariat,
        date=ReportedDate(D(2019, 7, 1), None, "month"),
    )
    event = _events(client.get("/en/events/workshop-july/event.ics"))[
        "event-workshop-july@hub.alliance87.org"
    ]
    assert event.decoded("dtstart") == D(2019, 7, 1)
    assert event.decoded("dtend") == D(2019, 7, 2)
    assert str(event["status"]) == "TENTATIVE"
    assert "July 2019" in str(event["summary"])
