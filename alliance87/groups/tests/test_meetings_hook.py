"""The events area lists a group's meetings through hooks.GROUP_MEETINGS."""

from __future__ import annotations

import datetime as dt

from alliance87.core import hooks


def test_without_a_provider_the_page_says_meetings_are_not_linked_yet(client, world):
    with hooks.GROUP_MEETINGS.only():
        html = client.get("/en/groups/migration/").content.decode()
    assert "once the events calendar is linked" in html


def test_the_events_area_lists_the_meetings_of_a_group(client, world, django_user_model):
    from alliance87.events.models import Event, EventSeries

    series = EventSeries.objects.create(
        slug="migration-meetings",
        name="Migration meetings",
        body="Migration",
        group=world.migration,
    )
    Event.objects.create(
        slug="migration-online-1",
        title="First online meeting",
        title_en="First online meeting",
        event_type="action_group_meeting",
        series=series,
        date_start=dt.date(2019, 6, 3),
        status="published",
        visibility="public",
    )
    Event.objects.create(
        slug="migration-draft",
        title="Draft meeting",
        title_en="Draft meeting",
        event_type="action_group_meeting",
        series=series,
        date_start=dt.date(2019, 9, 3),
        status="draft",
        visibility="public",
    )
    html = client.get("/en/groups/migration/").content.decode()
    assert "First online meeting" in html
    assert "Draft meeting" not in html


def test_a_registered_provider_lists_the_groups_meetings(client, world):
    def provider(user, group):
        if group.slug != "migration":
            return []
        return [hooks.Meeting("Online meeting", "/en/events/x/", "May 2019", dt.date(2019, 5, 1))]

    with hooks.GROUP_MEETINGS.registered(provider):
        html = client.get("/en/groups/migration/").content.decode()
        assert 'href="/en/events/x/">Online meeting</a>' in html
        assert "No meeting of this group" in client.get("/en/groups/gcg/").content.decode()
