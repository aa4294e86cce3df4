"""Open action items roll over to the next meeting of the same body, and
to later ones only while someone still follows them."""

from __future__ import annotations

import datetime as dt

import pytest

from alliance87.core.dates import ReportedDate
from alliance87.events import selectors, services
from alliance87.events.models import EventSeries
from alliance87.testing.factories import make_event

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def meetings(personas, gcg):
    sec = personas.secretariat
    third = make_event(
        "gcg-3",
        acting_user=sec,
        series=gcg,
        number=3,
        date=ReportedDate(D(2018, 10, 1), None, "month"),
    )
    fourth = make_event(
        "gcg-4",
        acting_user=sec,
        series=gcg,
        number=4,
        date=ReportedDate(D(2019, 4, 1), None, "month"),
    )
    fifth = make_event(
        "gcg-5",
        acting_user=sec,
        series=gcg,
        number=5,
        date=ReportedDate(D(2019, 7, 17), None, "day", True),
    )
    old = services.record_action_item(
        third, acting_user=sec, text="Old open item", owner_role="secretariat"
    )
    open_ = services.record_action_item(
        fourth,
        acting_user=sec,
        text="Argentina contacts its mission",
        owner_organisation=personas.partner_org,
        due=ReportedDate(D(2019, 7, 1), None, "month"),
    )
    done = services.record_action_item(
        fourth, acting_user=sec, text="Finished item", owner_role="chair"
    )
    services.close_action_item(done, acting_user=sec, note="Sent.")
    other = EventSeries.objects.create(
        slug="other", name="Other", name_en="Other", body="X", body_en="X"
    )
    stranger = make_event(
        "other-1", acting_user=sec, series=other, number=1, date=ReportedDate(D(2019, 1, 1))
    )
    services.record_action_item(
        stranger, acting_user=sec, text="Another body's item", owner_role="chair"
    )
    return {"third": third, "fourth": fourth, "fifth": fifth, "old": old, "open": open_}


def test_next_meeting_shows_the_open_items_of_the_meeting_before(personas, meetings):
    items = list(selectors.follow_up_items(personas.anonymous, meetings["fifth"]))
    assert [i.text for i in items] == ["Argentina contacts its mission"]


def test_an_older_open_item_nobody_follows_does_not_roll_into_every_meeting(personas, meetings):
    # Failed before: every open item of every earlier meeting rolled over.
    texts = {i.text for i in selectors.follow_up_items(personas.anonymous, meetings["fifth"])}
    assert "Old open item" not in texts
    page = selectors.event_page(personas.anonymous, meetings["fifth"])
    assert "Old open item" not in {a.text for a in page["follow_up"]}


def test_an_older_open_item_still_followed_rolls_over(personas, meetings):
    services.correct_row(
        meetings["old"],
        acting_user=personas.secretariat,
        text="Old open item",
        owner_role="secretariat",
        followed=True,
    )
    items = list(selectors.follow_up_items(personas.anonymous, meetings["fifth"]))
    assert [i.text for i in items] == ["Old open item", "Argentina contacts its mission"]


def test_done_items_and_other_bodies_do_not_roll_over(personas, meetings):
    texts = {i.text for i in selectors.follow_up_items(personas.anonymous, meetings["fifth"])}
    assert "Finished item" not in texts
    assert "Another body's item" not in texts


def test_page_shows_follow_up_since_the_last_meeting(client, meetings):
    page = client.get("/en/events/gcg-5/").content.decode()
    assert "Follow-up since the last meeting" in page
    assert "Argentina contacts its mission" in page
    assert "Finished item" not in page
    assert "Old open item" not in page


def test_closed_item_leaves_the_follow_up(personas, meetings):
    services.close_action_item(
        meetings["open"], acting_user=personas.secretariat, note="Done in June."
    )
    assert list(selectors.follow_up_items(personas.anonymous, meetings["fifth"])) == []


def test_briefing_pack_gathers_agenda_previous_decisions_and_open_items(
    client, personas, meetings
):
    services.record_decision(
        meetings["fourth"],
        acting_user=personas.secretariat,
        identifier="GCG4/D1",
        text="France as next Chair",
    )
    services.add_agenda_item(
        meetings["fifth"],
        acting_user=personas.secretariat,
        number="I",
        title="Welcome by the new Chair",
    )
    page = client.get("/en/events/gcg-5/briefing/").content.decode()
    assert "Welcome by the new Chair" in page
    assert "GCG4/D1" in page and "France as next Chair" in page
    assert "Argentina contacts its mission" in page
    assert "Finished item" not in page
