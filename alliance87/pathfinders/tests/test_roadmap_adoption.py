"""Saving a roadmap as adopted records the path's stage "Roadmap adopted",
as adopting it does (issue 10, item 12)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from alliance87.pathfinders.models import Pathfinder, Roadmap, Stage
from alliance87.testing.factories import make_pathfinder
from alliance87.testing.personas import make_focal_point

pytestmark = pytest.mark.django_db


def test_a_roadmap_saved_as_adopted_moves_the_path(client: Client) -> None:
    pathfinder = make_pathfinder("CHL")
    assert not pathfinder.milestones.filter(stage=Stage.ROADMAP_ADOPTED).exists()
    client.force_login(make_focal_point("CHL"))
    response = client.post(
        "/en/pathfinders/chl/roadmaps/new/",
        {
            "title": "National roadmap",
            "period_start": "2020",
            "period_end": "2022",
            "status": Roadmap.Status.ADOPTED,
            "date_start": "2019-06-12",
            "date_precision": "day",
            "document_url": "",
            "note": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    milestone = pathfinder.milestones.get(stage=Stage.ROADMAP_ADOPTED)
    assert milestone.date_start == dt.date(2019, 6, 12)
    assert Pathfinder.objects.get(pk=pathfinder.pk).stage == Stage.ROADMAP_ADOPTED
    page = client.get("/en/countries/chl/").content.decode()
    reached = page.split('class="pf-reached"')[1:]
    assert any("Roadmap adopted" in step.split("</li>")[0] for step in reached)
    assert "not yet" not in page.split("Roadmap adopted", 1)[1].split("</li>")[0]


def test_a_draft_roadmap_leaves_the_path_alone(client: Client) -> None:
    pathfinder = make_pathfinder("CHL")
    client.force_login(make_focal_point("CHL"))
    response = client.post(
        "/en/pathfinders/chl/roadmaps/new/",
        {
            "title": "Draft roadmap",
            "period_start": "2020",
            "period_end": "2022",
            "status": Roadmap.Status.DRAFT,
            "date_precision": "day",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert not pathfinder.milestones.filter(stage=Stage.ROADMAP_ADOPTED).exists()
