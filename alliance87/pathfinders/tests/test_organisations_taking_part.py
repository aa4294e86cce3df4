"""A pathfinder's lead and participating organisations are named only to
those who may see each organisation (the directory's own rule)."""

from __future__ import annotations

import pytest
from django.test import Client

from alliance87.core.visibility import Visibility
from alliance87.pathfinders import services as pathfinders
from alliance87.testing.factories import make_organisation, make_pathfinder

pytestmark = pytest.mark.django_db


@pytest.fixture
def taking_part(personas):
    pathfinder = make_pathfinder("MRT")
    pathfinder.lead_organisation = make_organisation(
        "quiet-lead", "Quiet lead ministry", visibility=Visibility.PARTNERS
    )
    pathfinders.update_pathfinder(
        pathfinder,
        acting_user=None,
        participants=[
            make_organisation("open-part", "Open participant"),
            make_organisation("quiet-part", "Quiet participant", visibility=Visibility.PARTNERS),
        ],
    )
    return pathfinder


def test_the_country_page_names_only_the_organisations_the_reader_may_see(
    taking_part, personas, client: Client
) -> None:
    html = client.get("/en/countries/mrt/").content.decode()
    assert "Open participant" in html
    for hidden in ("Quiet lead ministry", "Quiet participant", "quiet-lead", "quiet-part"):
        assert hidden not in html
    # With no lead to show, no "Lead" row.
    assert "<dt>Lead</dt>" not in html
    client.force_login(personas.partner)
    html = client.get("/en/countries/mrt/").content.decode()
    assert "Quiet lead ministry" in html and "Quiet participant" in html
