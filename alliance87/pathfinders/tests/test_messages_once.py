"""A message after a write is shown once on the page it leads to (issue 10,
item 11): the frame shows messages, no section of a page shows them again."""

from __future__ import annotations

import pytest
from django.test import Client

from alliance87.testing.factories import make_pathfinder, make_roadmap
from alliance87.testing.personas import make_focal_point

pytestmark = pytest.mark.django_db


def test_the_message_after_adding_a_priority_area_appears_once(personas, client: Client) -> None:
    roadmap = make_roadmap(make_pathfinder("CHL"), actions=0)
    client.force_login(make_focal_point("CHL"))
    response = client.post(
        f"/en/pathfinders/chl/roadmaps/{roadmap.pk}/priorities/new/",
        {"number": "2", "title_en": "Protection", "title": "Protection", "description": ""},
        follow=True,
    )
    assert response.redirect_chain, response.content.decode()[:2000]
    page = response.content.decode()
    assert page.count("The priority area is added.") == 1
    # Read once: the next page shows it no more.
    assert "The priority area is added." not in client.get("/en/countries/chl/").content.decode()
