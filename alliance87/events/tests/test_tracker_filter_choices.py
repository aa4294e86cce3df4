"""The tracker's Owner filter offers only owners the visitor may see."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from alliance87.core.dates import ReportedDate
from alliance87.core.visibility import Visibility
from alliance87.events import services
from alliance87.testing.factories import make_event, make_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def owners(personas: Any) -> dict[str, Any]:
    sec = personas.secretariat
    event = make_event("gcg-9", acting_user=sec, date=ReportedDate(dt.date(2019, 4, 1)))
    public = make_organisation("open-owner", "Open Owner")
    partners_only = make_organisation("quiet-owner", "Quiet Owner", visibility=Visibility.PARTNERS)
    services.record_action_item(event, acting_user=sec, text="One", owner_organisation=public)
    services.record_action_item(
        event, acting_user=sec, text="Two", owner_organisation=partners_only
    )
    hidden_item_owner = make_organisation("hidden-item-owner", "Hidden Item Owner")
    services.record_action_item(
        event,
        acting_user=sec,
        text="Three",
        owner_organisation=hidden_item_owner,
        visibility=Visibility.SECRETARIAT,
    )
    return {"public": public, "partners": partners_only, "hidden_item": hidden_item_owner}


def owner_choices(client: Client) -> str:
    html = client.get("/en/events/action-items/").content.decode()
    start = html.index('name="owner"')
    return html[start : html.index("</select>", start)]


def test_anonymous_visitors_are_offered_only_public_owners(owners: Any, client: Client) -> None:
    choices = owner_choices(client)
    assert "Open Owner" in choices
    assert "Quiet Owner" not in choices
    assert "Hidden Item Owner" not in choices


def test_partners_are_offered_partners_owners_but_not_owners_of_hidden_items(
    owners: Any, personas: Any, client: Client
) -> None:
    client.force_login(personas.partner)
    choices = owner_choices(client)
    assert "Quiet Owner" in choices
    assert "Hidden Item Owner" not in choices


def test_the_secretariat_is_offered_every_owner(
    owners: Any, personas: Any, client: Client
) -> None:
    client.force_login(personas.secretariat)
    choices = owner_choices(client)
    for name in ("Open Owner", "Quiet Owner", "Hidden Item Owner"):
        assert name in choices
