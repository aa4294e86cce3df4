"""A pathfinder's lead and participating organisations are named only to
those who may see each organisation (the directory's own rule)."""

from __future__ import annotations

import pytest
from django.test import Client

from alliance87.core.visibility import Visibility
from alliance87.partners.models import Organisation
from alliance87.pathfinders import services as pathfinders
from alliance87.testing.factories import make_organisation, make_pathfinder
from alliance87.testing.personas import make_focal_point

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


def test_the_focal_point_s_form_keeps_the_organisations_it_does_not_show(
    taking_part, client: Client
) -> None:
    # The form offers the organisations the focal point may see: saving
    # it leaves the lead and the participants it did not offer as they were.
    focal = make_focal_point("MRT")
    client.force_login(focal)
    html = client.get("/en/pathfinders/mrt/edit/").content.decode()
    assert "Open participant" in html
    assert "Quiet lead ministry" not in html and "Quiet participant" not in html
    shown = Organisation.objects.get(slug="open-part")
    response = client.post(
        "/en/pathfinders/mrt/edit/",
        {"summary": "Saved by the focal point", "participants": [shown.pk], "ministries": ""},
    )
    assert response.status_code == 302
    taking_part.refresh_from_db()
    assert taking_part.summary == "Saved by the focal point"
    assert taking_part.lead_organisation is not None
    assert taking_part.lead_organisation.slug == "quiet-lead"
    assert {o.slug for o in taking_part.participants.all()} == {"open-part", "quiet-part"}
    # What it shows, it changes: a participant left out is removed.
    client.post("/en/pathfinders/mrt/edit/", {"summary": "Again", "ministries": ""})
    assert {o.slug for o in taking_part.participants.all()} == {"quiet-part"}
