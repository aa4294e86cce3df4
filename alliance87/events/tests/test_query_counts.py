"""The list and the event page cost a constant number of queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from alliance87.core.dates import ReportedDate
from alliance87.events import services
from alliance87.events.tests.conftest import make_event

D = dt.date
pytestmark = pytest.mark.django_db


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _add_events(personas, first, n):
    for i in range(first, first + n):
        make_event(
            f"event-{i}",
            acting_user=personas.secretariat,
            date=ReportedDate(D(2015 + i % 15, 1 + i % 12, 1), None, "month"),
        )


def _add_record(personas, event, n):
    sec = personas.secretariat
    for i in range(n):
        item = services.add_agenda_item(
            event,
            acting_user=sec,
            number=f"{event.agenda_items.count() + 1}",
            title=f"Item {i}",
            minutes="Minutes",
            presenter_organisations=[personas.partner_org],
        )
        services.record_exchange(
            event,
            acting_user=sec,
            agenda_item=item,
            question="Q?",
            asked_by_organisation=personas.partner_org,
            answer="A.",
            answered_by_role="secretariat",
        )
        services.record_decision(
            event,
            acting_user=sec,
            agenda_item=item,
            identifier=f"{event.slug}/D{event.decisions.count() + 1}",
            text="Decided.",
        )
        services.record_action_item(
            event,
            acting_user=sec,
            agenda_item=item,
            text="Do it.",
            owner_organisation=personas.partner_org,
        )


@pytest.mark.parametrize("who", ["anonymous", "partner"])
def test_event_list_queries_do_not_grow(who, client, personas, settings):
    settings.PAGE_CACHE_SECONDS = 0
    if who == "partner":
        client.force_login(personas.partner)
    _add_events(personas, 0, 3)
    few = _count(client, "/en/events/")
    _add_events(personas, 3, 15)
    assert _count(client, "/en/events/") == few


@pytest.mark.parametrize("who", ["anonymous", "partner", "secretariat"])
def test_event_page_queries_do_not_grow(who, client, personas, gcg, settings):
    settings.PAGE_CACHE_SECONDS = 0
    if who != "anonymous":
        client.force_login(getattr(personas, who))
    earlier = make_event(
        "gcg-3",
        acting_user=personas.secretariat,
        series=gcg,
        number=3,
        date=ReportedDate(D(2018, 10, 1)),
    )
    event = make_event(
        "gcg-4",
        acting_user=personas.secretariat,
        series=gcg,
        number=4,
        date=ReportedDate(D(2019, 4, 1)),
    )
    _add_record(personas, event, 1)
    _add_record(personas, earlier, 1)
    few = _count(client, "/en/events/gcg-4/")
    _add_record(personas, event, 6)
    _add_record(personas, earlier, 4)
    assert _count(client, "/en/events/gcg-4/") == few


def test_tracker_and_register_queries_do_not_grow(client, personas, settings):
    settings.PAGE_CACHE_SECONDS = 0
    event = make_event("gcg-4", acting_user=personas.secretariat, date=ReportedDate(D(2019, 4, 1)))
    _add_record(personas, event, 1)
    tracker = _count(client, "/en/events/action-items/")
    register = _count(client, "/en/events/decisions/")
    _add_record(personas, event, 8)
    assert _count(client, "/en/events/action-items/") == tracker
    assert _count(client, "/en/events/decisions/") == register
