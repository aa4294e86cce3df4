"""A group's chairs, seat holders and directory entry are named only to
those who may see each organisation (the directory's own rule)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from alliance87.core.visibility import Visibility
from alliance87.groups.models import ChairRole
from alliance87.groups.services import start_chair_term, start_seat_term
from alliance87.testing.factories import make_organisation

pytestmark = pytest.mark.django_db

HIDDEN = (
    *("Quiet chair", "quiet-chair", "Quiet past chair", "quiet-past", "Quiet seat"),
    *("quiet-seat", "Quiet earlier seat", "quiet-earlier", "Quiet network", "quiet-net"),
)


@pytest.fixture
def quiet(world, settings):
    settings.PAGE_CACHE_SECONDS = 0

    def org(slug: str, name: str):
        return make_organisation(slug, name, visibility=Visibility.PARTNERS)

    start_chair_term(
        world.migration,
        role=ChairRole.CO_CHAIR,
        organisation=org("quiet-chair", "Quiet chair"),
        acting_user=None,
    )
    start_chair_term(
        world.gcg,
        role=ChairRole.CHAIR,
        organisation=org("quiet-past", "Quiet past chair"),
        starts_on=dt.date(2017, 11, 1),
        ends_on=dt.date(2019, 4, 1),
        acting_user=None,
    )
    start_seat_term(
        world.seat,
        organisation=org("quiet-earlier", "Quiet earlier seat"),
        starts_on=dt.date(2017, 1, 1),
        ends_on=dt.date(2018, 1, 1),
        acting_user=None,
    )
    start_seat_term(
        world.seat,
        organisation=org("quiet-seat", "Quiet seat"),
        starts_on=dt.date(2019, 1, 1),
        acting_user=None,
    )
    world.migration.organisation = org("quiet-net", "Quiet network")
    world.migration.save()
    return world


def _read(client: Client) -> str:
    return "".join(
        client.get(url).content.decode()
        for url in (
            "/en/groups/",
            "/en/groups/migration/",
            "/en/groups/gcg/",
            "/api/v1/groups/migration",
            "/api/v1/groups/gcg",
        )
    )


def test_hidden_chairs_seat_holders_and_directory_entries_are_not_named(
    quiet, personas, client: Client
) -> None:
    text = _read(client)
    for hidden in HIDDEN:
        assert hidden not in text, hidden
    assert "an organisation not shown to you" in text
    client.force_login(personas.partner)
    text = _read(client)
    # Earlier seat holders are named, not linked.
    for hidden in HIDDEN:
        assert hidden in text or hidden == "quiet-earlier", hidden
