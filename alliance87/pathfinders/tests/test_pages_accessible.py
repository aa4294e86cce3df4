"""The editing pages meet the same accessibility and CSP rules as the rest:
the site-wide walk sees them only as the Secretariat, so walk them here as
a focal point."""

from __future__ import annotations

import pytest
from django.test import Client

from alliance87.pathfinders.models import Action, Roadmap
from alliance87.testing.pages import problems_of
from alliance87.testing.personas import make_focal_point

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_every_pathfinder_page_of_a_focal_point_meets_the_rules(
    demo: None, client: Client, language: str
) -> None:
    client.force_login(make_focal_point("MDG"))
    roadmap = Roadmap.objects.get(pathfinder__country__iso3="MDG")
    action = Action.objects.filter(priority__roadmap=roadmap).first()
    assert action is not None
    urls = [
        "/pathfinders/",
        "/countries/mdg/",
        "/countries/chl/",
        "/pathfinders/mdg/edit/",
        "/pathfinders/mdg/stages/",
        "/pathfinders/mdg/findings/new/",
        "/pathfinders/mdg/roadmaps/new/",
        f"/pathfinders/mdg/roadmaps/{roadmap.pk}/edit/",
        f"/pathfinders/mdg/roadmaps/{roadmap.pk}/priorities/new/",
        f"/pathfinders/mdg/roadmaps/{roadmap.pk}/actions/new/",
        f"/pathfinders/mdg/roadmaps/{roadmap.pk}/upload/",
        f"/pathfinders/mdg/roadmaps/{roadmap.pk}/print/",
        f"/pathfinders/mdg/actions/{action.pk}/edit/",
        f"/pathfinders/mdg/actions/{action.pk}/progress/",
    ]
    failing = {}
    for url in urls:
        response = client.get(f"/{language}{url}")
        assert response.status_code == 200, url
        found = problems_of(response.content.decode(), language)
        if found:
            failing[url] = found
    assert not failing, failing
    # A form sent back with errors keeps the rules too.
    response = client.post(f"/{language}/pathfinders/mdg/stages/", {"stage": "monitoring"})
    assert response.status_code == 200
    assert not problems_of(response.content.decode(), language)
