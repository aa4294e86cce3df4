"""The list and the event page cost a constant number of queries, at most
ten for an anonymous visitor, whatever the data; the event page may add one
for each section another area adds to it (hooks.PAGE_SECTIONS: the library's
resources of the meeting). The bench's own ceiling is 15."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from alliance87.core import hooks
from alliance87.core.dates import ReportedDate
from alliance87.core.models import Theme
from alliance87.countries.models import Country
from alliance87.events import services
from alliance87.partners.models import Person
from alliance87.testing.factories import make_event, make_organisation
from alliance87.testing.queries import cold_page

D = dt.date
pytestmark = pytest.mark.django_db


CEILING = 10


def _event_page_ceiling():
    """Ten for the record, one for each area's section on the page."""
    return CEILING + sum(1 for s in hooks.PAGE_SECTIONS.items() if s.page == "event")


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _cold_count(client, url):
    return cold_page(client, url)[0]


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
    if who == "anonymous":
        assert few <= CEILING


def test_event_list_stays_within_the_ceiling_with_the_page_cache_on(client, personas):
    _add_events(personas, 0, 3)
    few = _cold_count(client, "/en/events/")
    _add_events(personas, 3, 25)
    assert _cold_count(client, "/en/events/") == few <= CEILING


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


def _add_everything(personas, event, n, start):
    """Add `n` of every row the event page shows, through the services,
    with people and organisations whose names only partners may read."""
    sec = personas.secretariat
    countries = list(Country.objects.order_by("iso3")[start : start + n])
    themes = list(Theme.objects.order_by("slug")[start : start + n])
    organisers = [
        make_organisation(f"organiser-{start + i}", f"Organiser {start + i}") for i in range(n)
    ]
    services.save_event(
        event,
        acting_user=sec,
        organisers=list(event.organisers.all()) + organisers,
        countries=list(event.countries.all()) + countries,
        themes=list(event.themes.all()) + themes,
        regions=["africa", "americas", "arab_states", "asia_pacific", "europe_central_asia"][
            : min(5, start + n)
        ],
    )
    for i in range(start, start + n):
        person = Person.objects.create(slug=f"speaker-{i}", name=f"Speaker {i}")
        services.add_objective(event, acting_user=sec, text=f"Objective {i}")
        services.add_participant(event, acting_user=sec, organisation=organisers[i - start])
        services.add_participant(event, acting_user=sec, person=person, role="speaker")
        services.attach_document(
            event, acting_user=sec, kind="annex", title=f"Annex {i}", url=f"https://e.org/{i}"
        )
        services.add_agenda_item(
            event,
            acting_user=sec,
            number=str(i + 1),
            title=f"Item {i}",
            presenter_organisations=[organisers[i - start], personas.partner_org],
            presenter_people=[person],
        )
        item = event.agenda_items.get(number=str(i + 1))
        services.record_exchange(
            event,
            acting_user=sec,
            agenda_item=item,
            question=f"Question {i}?",
            asked_by_person=person,
            asked_by_organisation=organisers[i - start],
            answer="Answer.",
            answered_by_role="secretariat",
        )
        services.record_exchange(event, acting_user=sec, question="Loose?", asked_by_role="chair")
        services.record_decision(
            event, acting_user=sec, agenda_item=item, identifier=f"{event.slug}/D{i}", text="D."
        )
        services.record_action_item(
            event, acting_user=sec, agenda_item=item, text=f"Do {i}.", owner_person=person
        )
        services.record_decision(
            event,
            acting_user=sec,
            identifier=f"{event.slug}/X{i}",
            text="Hidden.",
            visibility="partners",
        )


def test_event_page_stays_within_the_ceiling_as_its_record_grows(client, personas, gcg):
    sec = personas.secretariat
    earlier = make_event(
        "gcg-3", acting_user=sec, series=gcg, number=3, date=ReportedDate(D(2018, 10, 1))
    )
    event = make_event(
        "gcg-4", acting_user=sec, series=gcg, number=4, date=ReportedDate(D(2019, 4, 1))
    )
    later = make_event(
        "gcg-5", acting_user=sec, series=gcg, number=5, date=ReportedDate(D(2019, 11, 1))
    )
    services.link_events(earlier, event, acting_user=sec)
    services.link_events(event, later, acting_user=sec)
    _add_everything(personas, event, 1, 0)
    _add_record(personas, earlier, 1)  # open action items roll over to gcg-4
    few = _cold_count(client, "/en/events/gcg-4/")
    _add_everything(personas, event, 8, 1)
    _add_record(personas, earlier, 6)
    for i in range(6):
        linked = make_event(f"linked-{i}", acting_user=sec, date=ReportedDate(D(2020, 1, 1 + i)))
        services.link_events(event, linked, acting_user=sec)
    many, page = cold_page(client, "/en/events/gcg-4/")
    assert "Organiser 8" in page and "Annex 8" in page and "Do 8." in page
    assert "Speaker 8" not in page  # a person's name is partners' content
    assert "Hidden." not in page
    assert many == few <= _event_page_ceiling()


def test_record_page_queries_do_not_grow(client, personas, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.force_login(personas.secretariat)
    event = make_event("gcg-4", acting_user=personas.secretariat, date=ReportedDate(D(2019, 4, 1)))
    _add_record(personas, event, 1)
    url = "/en/events/gcg-4/record/"
    client.get(url)
    few = _count(client, url)
    _add_record(personas, event, 8)
    assert _count(client, url) == few
