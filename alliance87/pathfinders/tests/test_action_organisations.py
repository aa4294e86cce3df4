"""A roadmap action's responsible and partner organisations are named only
to those who may see each organisation (the directory's own rule): on the
country page, the printable roadmap, the actions CSV and the API."""

from __future__ import annotations

import pytest
from django.test import Client

from alliance87.core.visibility import Visibility
from alliance87.partners.models import Organisation
from alliance87.pathfinders import services
from alliance87.testing.factories import (
    actions_of,
    make_organisation,
    make_pathfinder,
    make_roadmap,
)
from alliance87.testing.personas import make_focal_point

pytestmark = pytest.mark.django_db

HIDDEN = ("Quiet ministry", "quiet-ministry", "Quiet partner", "quiet-partner")


@pytest.fixture
def roadmap(settings):
    settings.PAGE_CACHE_SECONDS = 0
    roadmap = make_roadmap(make_pathfinder("MRT"), actions=1)
    action = actions_of(roadmap)[0]
    action.responsible = make_organisation(
        "quiet-ministry", "Quiet ministry", visibility=Visibility.PARTNERS
    )
    services.save_action(action, acting_user=None)
    action.partners.set(
        [
            make_organisation("open-partner", "Open partner"),
            make_organisation("quiet-partner", "Quiet partner", visibility=Visibility.PARTNERS),
        ]
    )
    return roadmap


def _read(client: Client, roadmap) -> str:
    urls = (
        "/en/countries/mrt/",
        f"/en/pathfinders/mrt/roadmaps/{roadmap.pk}/print/",
        f"/en/pathfinders/mrt/roadmaps/{roadmap.pk}/actions.csv",
        f"/en/pathfinders/mrt/roadmaps/{roadmap.pk}/actions.json",
        "/api/v1/pathfinders/mrt",
    )
    return "".join(client.get(url).content.decode() for url in urls)


def test_hidden_responsible_and_partner_organisations_are_not_named(
    roadmap, personas, client: Client
) -> None:
    text = _read(client, roadmap)
    assert "Open partner" in text and "open-partner" in text
    for hidden in HIDDEN:
        assert hidden not in text, hidden
    client.force_login(personas.partner)
    # (The API reads no session: a partner's pages and CSV name them.)
    text = _read(client, roadmap)
    assert "Quiet ministry" in text and "Quiet partner" in text


def test_the_focal_point_s_action_form_keeps_the_organisations_it_does_not_show(
    roadmap, client: Client
) -> None:
    # The form offers the organisations the focal point may see: saving it
    # leaves the responsible organisation and the partners it did not offer
    # as they were.
    action = actions_of(roadmap)[0]
    client.force_login(make_focal_point("MRT"))
    url = f"/en/pathfinders/mrt/actions/{action.pk}/edit/"
    html = client.get(url).content.decode()
    assert "Open partner" in html
    for hidden in HIDDEN:
        assert hidden not in html, hidden
    shown = Organisation.objects.get(slug="open-partner")
    posted = {
        "priority": action.priority_id,
        "number": action.number,
        "title": "Saved by the focal point",
        "partners": [shown.pk],
        "currency": "USD",
        "budget_needed": "1000",
        "budget_secured": "400",
        "status": action.status,
    }
    response = client.post(url, posted)
    assert response.status_code == 302, response.content.decode()[:2000]
    action.refresh_from_db()
    assert action.title == "Saved by the focal point"
    assert action.responsible is not None and action.responsible.slug == "quiet-ministry"
    assert {o.slug for o in action.partners.all()} == {"open-partner", "quiet-partner"}
    # What it shows, it changes: a partner left out is removed.
    client.post(url, {**posted, "partners": []})
    assert {o.slug for o in action.partners.all()} == {"quiet-partner"}
