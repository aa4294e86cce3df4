"""An action belongs to a priority area: on a roadmap with none, "Add an
action" says why and leads to adding one, rather than offering a required
empty list (issue 10, item 12)."""

from __future__ import annotations

import pytest
from django.test import Client

from alliance87.pathfinders import services
from alliance87.pathfinders.models import Roadmap
from alliance87.testing.factories import make_pathfinder
from alliance87.testing.personas import make_focal_point

pytestmark = pytest.mark.django_db


def test_a_roadmap_without_priority_areas_leads_to_adding_one(client: Client) -> None:
    pathfinder = make_pathfinder("CHL")
    roadmap = services.save_roadmap(
        Roadmap(pathfinder=pathfinder, title="Draft", period_start=2020, period_end=2022),
        acting_user=None,
    )
    client.force_login(make_focal_point("CHL"))
    response = client.get(f"/en/pathfinders/chl/roadmaps/{roadmap.pk}/actions/new/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="priority"' not in html
    assert "this roadmap has none yet" in html
    assert f'href="/en/pathfinders/chl/roadmaps/{roadmap.pk}/priorities/new/"' in html
    # A post changes nothing and gets the same explanation.
    response = client.post(f"/en/pathfinders/chl/roadmaps/{roadmap.pk}/actions/new/", {})
    assert response.status_code == 200
    assert "this roadmap has none yet" in response.content.decode()
