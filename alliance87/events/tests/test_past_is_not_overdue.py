"""Past is not overdue: an open item past its due date that nobody follows
reads "no report since <the date of its meeting>"; only a followed one is
overdue. The tracker filters both."""

from __future__ import annotations

import datetime as dt

import pytest

from alliance87.core.dates import ReportedDate
from alliance87.events import selectors, services
from alliance87.testing.factories import make_event

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def items(personas, monkeypatch):
    monkeypatch.setattr(selectors.base, "today", lambda: D(2026, 12, 1))
    sec = personas.secretariat
    event = make_event("gcg-4", acting_user=sec, date=ReportedDate(D(2019, 4, 1), None, "month"))
    due = ReportedDate(D(2019, 7, 1), None, "month")
    quiet = services.record_action_item(
        event, acting_user=sec, text="Quiet item", owner_role="chair", due=due
    )
    followed = services.record_action_item(
        event, acting_user=sec, text="Followed item", owner_role="chair", due=due, followed=True
    )
    future = services.record_action_item(
        event,
        acting_user=sec,
        text="Future item",
        owner_role="chair",
        due=ReportedDate(D(2027, 1, 1), None, "month"),
        followed=True,
    )
    return {"quiet": quiet, "followed": followed, "future": future}


def test_the_rule_both_ways(items):
    now = D(2026, 12, 1)
    assert selectors.follow_state(items["quiet"], now) == "unreported"
    assert selectors.follow_state(items["followed"], now) == "overdue"
    assert selectors.follow_state(items["future"], now) == ""


def test_a_past_item_nobody_follows_reads_no_report_since_its_meeting(client, items):
    # Failed before: every open item past its due date read "Overdue".
    page = client.get("/en/events/gcg-4/").content.decode()
    row = page[page.index("Quiet item") : page.index("</tr>", page.index("Quiet item"))]
    assert "No report since April 2019" in row
    assert "Overdue" not in row


def test_a_followed_item_past_its_due_date_is_overdue(client, items):
    page = client.get("/en/events/gcg-4/").content.decode()
    row = page[page.index("Followed item") : page.index("</tr>", page.index("Followed item"))]
    assert "Overdue" in row
    assert "No report since" not in row


def test_the_tracker_filters_overdue_and_unreported_apart(client, items):
    overdue = client.get("/en/events/action-items/?state=overdue").content.decode()
    assert "Followed item" in overdue
    assert "Quiet item" not in overdue and "Future item" not in overdue
    unreported = client.get("/en/events/action-items/?state=unreported").content.decode()
    assert "Quiet item" in unreported
    assert "Followed item" not in unreported and "Future item" not in unreported


def test_closing_ends_both(personas, items):
    services.close_action_item(items["quiet"], acting_user=personas.secretariat, note="Done.")
    items["quiet"].refresh_from_db()
    assert selectors.follow_state(items["quiet"], D(2026, 12, 1)) == ""
