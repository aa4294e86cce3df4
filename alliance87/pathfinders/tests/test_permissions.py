"""Only the Secretariat and a country's current focal points edit its pathfinder;
everyone else gets the same 404 as for a missing page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client

from alliance87.core import permissions
from alliance87.pathfinders import services
from alliance87.pathfinders.models import FocalPoint, Stage
from alliance87.testing.factories import actions_of, make_pathfinder, make_roadmap
from alliance87.testing.personas import make_focal_point

pytestmark = pytest.mark.django_db


@pytest.fixture
def chile(personas):
    pathfinder = make_pathfinder("CHL")
    roadmap = make_roadmap(pathfinder, actions=1)
    return pathfinder, roadmap


def edit_urls(roadmap) -> list[str]:
    action = actions_of(roadmap)[0]
    return [
        "/en/pathfinders/chl/edit/",
        "/en/pathfinders/chl/stages/",
        "/en/pathfinders/chl/findings/new/",
        "/en/pathfinders/chl/roadmaps/new/",
        f"/en/pathfinders/chl/roadmaps/{roadmap.pk}/edit/",
        f"/en/pathfinders/chl/roadmaps/{roadmap.pk}/priorities/new/",
        f"/en/pathfinders/chl/roadmaps/{roadmap.pk}/actions/new/",
        f"/en/pathfinders/chl/roadmaps/{roadmap.pk}/upload/",
        f"/en/pathfinders/chl/actions/{action.pk}/edit/",
        f"/en/pathfinders/chl/actions/{action.pk}/progress/",
    ]


def test_focal_point_may_open_every_editing_page(chile, client: Client) -> None:
    _pathfinder, roadmap = chile
    client.force_login(make_focal_point("CHL"))
    for url in edit_urls(roadmap):
        assert client.get(url).status_code == 200, url


def test_secretariat_may_edit(chile, personas, client: Client) -> None:
    client.force_login(personas.secretariat)
    assert client.get("/en/pathfinders/chl/stages/").status_code == 200


@pytest.mark.parametrize("who", ["other_focal_point", "partner", "outsider", "anonymous"])
def test_outsiders_get_404_on_every_editing_page(
    chile, personas, client: Client, who: str
) -> None:
    _pathfinder, roadmap = chile
    if who == "other_focal_point":
        client.force_login(make_focal_point("NPL"))
    elif who != "anonymous":
        client.force_login(getattr(personas, who))
    for url in edit_urls(roadmap):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {}).status_code == 404, url


def test_focal_point_cannot_edit_another_country(chile) -> None:
    pathfinder, roadmap = chile
    nepal_focal_point = make_focal_point("NPL")
    assert not permissions.may(nepal_focal_point, "edit", pathfinder)
    assert not permissions.may(nepal_focal_point, "edit", roadmap)
    assert not permissions.may(nepal_focal_point, "edit", actions_of(roadmap)[0])
    assert permissions.may(make_focal_point("CHL"), "edit", actions_of(roadmap)[0])


def test_a_focal_point_whose_term_ended_may_no_longer_edit(chile) -> None:
    pathfinder, _roadmap = chile
    user = make_focal_point("CHL")
    FocalPoint.objects.filter(user=user).update(
        start=dt.date(2019, 1, 1), end=dt.date.today() - dt.timedelta(days=1)
    )
    assert not permissions.may(user, "edit", pathfinder)


def test_a_focal_point_can_be_a_directory_person_with_an_account(chile, personas) -> None:
    pathfinder, _roadmap = chile
    person = personas.partner.person
    services.assign_focal_point(pathfinder, person=person, acting_user=personas.secretariat)
    assert permissions.may(personas.partner, "edit", pathfinder)


def test_focal_point_records_a_stage_through_the_site(chile, client: Client) -> None:
    pathfinder, _roadmap = chile
    client.force_login(make_focal_point("CHL"))
    response = client.post(
        "/en/pathfinders/chl/stages/",
        {"stage": Stage.STATUS_GRANTED, "date_start": "2019-07-17", "date_precision": "day"},
    )
    assert response.status_code == 302
    pathfinder.refresh_from_db()
    assert pathfinder.stage == Stage.STATUS_GRANTED


def test_an_impossible_stage_is_explained_on_the_form(client: Client) -> None:
    make_pathfinder("NPL", held=None)
    client.force_login(make_focal_point("NPL"))
    response = client.post(
        "/en/pathfinders/npl/stages/",
        {"stage": Stage.ROADMAP_ADOPTED, "date_start": "2019-03-01", "date_precision": "day"},
    )
    assert response.status_code == 200
    assert "before a workshop has been held" in response.content.decode()
    assert 'class="error-summary"' in response.content.decode()


def test_focal_point_posts_progress(chile, client: Client) -> None:
    _pathfinder, roadmap = chile
    action = actions_of(roadmap)[0]
    client.force_login(make_focal_point("CHL"))
    response = client.post(
        f"/en/pathfinders/chl/actions/{action.pk}/progress/",
        {
            "date": "2020-01-15",
            "text": "Inspectors trained",
            "status": "in_progress",
            "percent_done": "30",
        },
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.status, action.percent_done) == ("in_progress", 30)
    assert action.updates.get().text == "Inspectors trained"
