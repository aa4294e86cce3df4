"""The series warns when meeting numbers and dates disagree."""

from __future__ import annotations

import datetime as dt

import pytest

from alliance87.core.dates import ReportedDate
from alliance87.events import selectors
from alliance87.testing.factories import make_event

D = dt.date
pytestmark = pytest.mark.django_db


def test_numbers_in_date_order_raise_no_warning(personas, gcg):
    make_event(
        "gcg-4",
        acting_user=personas.secretariat,
        series=gcg,
        number=4,
        date=ReportedDate(D(2019, 4, 1), None, "month"),
    )
    make_event(
        "gcg-5",
        acting_user=personas.secretariat,
        series=gcg,
        number=5,
        date=ReportedDate(D(2019, 7, 17)),
    )
    assert selectors.numbering_warnings(gcg) == []


def test_a_later_number_dated_earlier_is_warned(personas, gcg):
    make_event(
        "gcg-4",
        acting_user=personas.secretariat,
        series=gcg,
        number=4,
        date=ReportedDate(D(2019, 4, 1), None, "month"),
    )
    make_event(
        "gcg-5",
        acting_user=personas.secretariat,
        series=gcg,
        number=5,
        date=ReportedDate(D(2018, 7, 17)),
    )
    warnings = selectors.numbering_warnings(gcg)
    assert len(warnings) == 1
    assert "Meeting 5" in warnings[0] and "meeting 4" in warnings[0]


def test_warning_shows_to_the_secretariat_only(client, personas, gcg):
    make_event(
        "gcg-4",
        acting_user=personas.secretariat,
        series=gcg,
        number=4,
        date=ReportedDate(D(2019, 4, 1)),
    )
    make_event(
        "gcg-5",
        acting_user=personas.secretariat,
        series=gcg,
        number=5,
        date=ReportedDate(D(2019, 3, 1)),
    )
    assert "check the numbers" not in client.get("/en/events/gcg-5/").content.decode()
    client.force_login(personas.partner)
    assert "check the numbers" not in client.get("/en/events/gcg-5/").content.decode()
    client.force_login(personas.secretariat)
    assert "check the numbers" in client.get("/en/events/gcg-5/").content.decode()


def test_admin_change_page_shows_the_warning(client, personas, gcg):
    make_event(
        "gcg-4",
        acting_user=personas.secretariat,
        series=gcg,
        number=4,
        date=ReportedDate(D(2019, 4, 1)),
    )
    five = make_event(
        "gcg-5",
        acting_user=personas.secretariat,
        series=gcg,
        number=5,
        date=ReportedDate(D(2019, 3, 1)),
    )
    personas.secretariat.is_superuser = True
    personas.secretariat.save()
    client.force_login(personas.secretariat)
    page = client.get(f"/admin/events/event/{five.pk}/change/").content.decode()
    assert "check the numbers" in page
