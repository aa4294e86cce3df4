"""Owners mark their action items done with a note; nobody else may."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from alliance87.core import permissions
from alliance87.core.dates import ReportedDate
from alliance87.events import services
from alliance87.events.models import ActionItem
from alliance87.partners.models import Person
from alliance87.testing.factories import make_event, make_organisation
from alliance87.testing.personas import make_user

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def item(personas):
    event = make_event("gcg-4", acting_user=personas.secretariat, date=ReportedDate(D(2019, 4, 1)))
    return services.record_action_item(
        event,
        acting_user=personas.secretariat,
        text="Share the workplan",
        owner_organisation=personas.partner_org,
    )


def test_member_of_the_owning_organisation_closes_it(client, personas, item):
    client.force_login(personas.partner)
    assert client.get(f"/en/events/action-items/{item.pk}/close/").status_code == 200
    response = client.post(
        f"/en/events/action-items/{item.pk}/close/", {"status": "done", "note": "Shared in May."}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == ActionItem.Status.DONE
    assert item.done_note == "Shared in May."
    assert item.closed_by == personas.partner


def test_owning_person_closes_it(personas):
    event = make_event("e", acting_user=personas.secretariat, date=ReportedDate(D(2019, 4, 1)))
    pat = Person.objects.get(user=personas.partner)
    own = services.record_action_item(
        event, acting_user=personas.secretariat, text="Mine", owner_person=pat
    )
    assert permissions.may(personas.partner, "close", own)


def test_another_partner_gets_404(client, personas, item):
    other_partner_org = make_organisation("ioe", "IOE", is_partner=True)
    user = make_user("ioe-member")
    Person.objects.create(
        slug="ioe-member", name="I. Member", organisation=other_partner_org, user=user
    )
    client.force_login(user)
    assert client.get(f"/en/events/action-items/{item.pk}/close/").status_code == 404
    assert (
        client.post(
            f"/en/events/action-items/{item.pk}/close/", {"status": "done", "note": "x"}
        ).status_code
        == 404
    )
    item.refresh_from_db()
    assert item.status == ActionItem.Status.OPEN


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_anonymous_and_outsider_get_404(who, client, personas, item):
    user = getattr(personas, who)
    if user.is_authenticated:
        client.force_login(user)
    assert (
        client.post(
            f"/en/events/action-items/{item.pk}/close/", {"status": "done", "note": "x"}
        ).status_code
        == 404
    )
    item.refresh_from_db()
    assert item.status == ActionItem.Status.OPEN


def test_a_note_is_required(client, personas, item):
    client.force_login(personas.partner)
    response = client.post(
        f"/en/events/action-items/{item.pk}/close/", {"status": "done", "note": ""}
    )
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()


def test_closing_twice_is_refused(personas, item):
    services.close_action_item(item, acting_user=personas.secretariat, note="Done.")
    with pytest.raises(ValidationError, match="already closed"):
        services.close_action_item(item, acting_user=personas.secretariat, note="Again.")


def test_mark_done_link_only_for_the_owner(client, personas, item):
    url = f"/en/events/action-items/{item.pk}/close/"
    assert url not in client.get("/en/events/gcg-4/").content.decode()
    client.force_login(personas.outsider)
    assert url not in client.get("/en/events/gcg-4/").content.decode()
    client.force_login(personas.partner)
    assert url in client.get("/en/events/gcg-4/").content.decode()


def test_tracker_filters_overdue_open_and_done(client, personas, item, monkeypatch):
    from alliance87.events import selectors

    monkeypatch.setattr(selectors.base, "today", lambda: D(2019, 8, 1))
    event = item.event
    late = services.record_action_item(
        event,
        acting_user=personas.secretariat,
        text="Late item",
        owner_role="chair",
        due=ReportedDate(D(2019, 7, 1), None, "month"),
        followed=True,
    )
    services.record_action_item(
        event,
        acting_user=personas.secretariat,
        text="Later item",
        owner_role="chair",
        due=ReportedDate(D(2019, 8, 1), None, "month"),
    )
    overdue = client.get("/en/events/action-items/?state=overdue").content.decode()
    assert "Late item" in overdue and "Later item" not in overdue
    services.close_action_item(late, acting_user=personas.secretariat, note="Done.")
    assert "Late item" in client.get("/en/events/action-items/?state=done").content.decode()
    by_owner = client.get("/en/events/action-items/?state=open&group=owner").content.decode()
    assert "Share the workplan" in by_owner and "ITUC" in by_owner
