"""Dates as reported: day, range, month, tentative; time zones; ordering."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from alliance87.core.dates import ReportedDate
from alliance87.events import selectors
from alliance87.events.models import Event
from alliance87.testing.factories import make_event

D = dt.date
pytestmark = pytest.mark.django_db


def test_month_precision_lasts_to_the_end_of_the_month(personas):
    event = make_event(
        "gcg-4", acting_user=personas.secretariat, date=ReportedDate(D(2019, 4, 1), None, "month")
    )
    assert event.last_day == D(2019, 4, 30)
    with translation.override("fr"):
        assert "2019" in str(event.reported_date)


def test_range_keeps_its_last_day(personas):
    event = make_event(
        "nadi",
        acting_user=personas.secretariat,
        date=ReportedDate(D(2017, 10, 3), D(2017, 10, 5), "range"),
    )
    assert event.last_day == D(2017, 10, 5)
    assert str(event.reported_date) == "3–5 October 2017"


def test_tentative_date_says_so(personas):
    event = make_event(
        "gcg-5",
        acting_user=personas.secretariat,
        date=ReportedDate(D(2019, 7, 17), None, "day", True),
    )
    assert str(event.reported_date) == "17 July 2019 (TBC)"


def test_unknown_time_zone_is_refused(personas):
    with pytest.raises(ValidationError) as e:
        make_event(
            "bad-zone",
            acting_user=personas.secretariat,
            date=ReportedDate(D(2019, 7, 17)),
            time_zone="Mars/Olympus_Mons",
            start_time=dt.time(10),
        )
    assert "time zone" in str(e.value)


def test_times_without_a_time_zone_are_kept_as_the_source_gives_them(client, personas):
    event = make_event(
        "no-zone",
        acting_user=personas.secretariat,
        date=ReportedDate(D(2019, 7, 17)),
        start_time=dt.time(10),
    )
    # No zone is guessed: the calendar treats the day as a whole day.
    assert event.starts_at is None
    page = client.get("/en/events/no-zone/").content.decode()
    assert "10:00" in page and "the source gives no time zone" in page


def test_times_are_refused_on_a_month(personas):
    with pytest.raises(ValidationError):
        make_event(
            "month-time",
            acting_user=personas.secretariat,
            date=ReportedDate(D(2019, 7, 1), None, "month"),
            start_time=dt.time(10),
            time_zone="Europe/Geneva",
        )


def test_starts_at_is_aware_in_the_events_zone(personas):
    event = make_event(
        "hlpf",
        acting_user=personas.secretariat,
        date=ReportedDate(D(2019, 7, 17)),
        start_time=dt.time(10),
        end_time=dt.time(12),
        time_zone="America/New_York",
    )
    assert event.starts_at is not None
    assert event.starts_at.astimezone(dt.UTC) == dt.datetime(2019, 7, 17, 14, tzinfo=dt.UTC)


def test_upcoming_ascending_and_past_descending(personas, monkeypatch):
    monkeypatch.setattr(selectors.base, "today", lambda: D(2019, 4, 15))
    for slug, date in [
        ("a-2018", ReportedDate(D(2018, 10, 25))),
        ("b-2019-04", ReportedDate(D(2019, 4, 1), None, "month")),  # still this month
        ("c-2019-07", ReportedDate(D(2019, 7, 17))),
        ("d-2019-05", ReportedDate(D(2019, 5, 14), D(2019, 5, 15), "range")),
        ("e-2017", ReportedDate(D(2017, 10, 3), D(2017, 10, 5), "range")),
    ]:
        make_event(slug, acting_user=personas.secretariat, date=date)
    data = selectors.list_events(personas.anonymous, selectors.EventFilters())
    assert [e.slug for e in data["upcoming"]] == ["b-2019-04", "d-2019-05", "c-2019-07"]
    assert [e.slug for e in data["past"].object_list] == ["a-2018", "e-2017"]


def test_a_reserved_slug_is_refused(personas):
    with pytest.raises(ValidationError):
        make_event("decisions", acting_user=personas.secretariat, date=ReportedDate(D(2019, 1, 1)))
    assert not Event.objects.filter(slug="decisions").exists()
