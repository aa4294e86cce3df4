"""An unpublished roadmap is seen by the Secretariat and the country's focal
points only; every list and export goes through `visible_to`."""

from __future__ import annotations

import pytest
from django.test import Client

from alliance87.core.visibility import Visibility
from alliance87.pathfinders.models import Action, Pathfinder, Roadmap
from alliance87.testing.factories import make_pathfinder, make_roadmap
from alliance87.testing.personas import make_focal_point

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(personas):
    pathfinder = make_pathfinder("MRT")
    return make_roadmap(pathfinder, status=Roadmap.Status.DRAFT, title="Draft roadmap")


def test_draft_is_seen_by_secretariat_and_own_focal_point_only(draft, personas) -> None:
    own = make_focal_point("MRT")
    other = make_focal_point("NPL")
    assert Roadmap.objects.visible_to(personas.secretariat).filter(pk=draft.pk).exists()
    assert Roadmap.objects.visible_to(own).filter(pk=draft.pk).exists()
    assert Action.objects.visible_to(own).filter(priority__roadmap=draft).count() == 2
    for user in (other, personas.partner, personas.outsider, personas.anonymous):
        assert not Roadmap.objects.visible_to(user).filter(pk=draft.pk).exists()
        assert not Action.objects.visible_to(user).filter(priority__roadmap=draft).exists()


def test_draft_is_absent_from_pages_and_exports_for_outsiders(
    draft, personas, client: Client
) -> None:
    assert "Draft roadmap" not in client.get("/en/countries/mrt/").content.decode()
    for fmt in ("csv", "xlsx", "json"):
        actions = f"/en/pathfinders/mrt/roadmaps/{draft.pk}/actions.{fmt}"
        assert client.get(actions).status_code == 404
    assert client.get(f"/en/pathfinders/mrt/roadmaps/{draft.pk}/print/").status_code == 404
    overview = client.get("/en/pathfinders/").content.decode()
    assert "3,000 USD" not in overview  # the draft's budget is not in the funding gap
    client.force_login(make_focal_point("MRT"))
    page = client.get("/en/countries/mrt/").content.decode()
    assert "Draft roadmap" in page and "Draft, not published" in page
    for fmt in ("csv", "xlsx", "json"):
        actions = f"/en/pathfinders/mrt/roadmaps/{draft.pk}/actions.{fmt}"
        assert client.get(actions).status_code == 200


def test_a_secretariat_only_pathfinder_is_hidden_from_the_public(personas, client: Client) -> None:
    pathfinder = make_pathfinder("ALB")
    Pathfinder.objects.filter(pk=pathfinder.pk).update(visibility=Visibility.SECRETARIAT)
    assert "Albania" not in client.get("/en/pathfinders/").content.decode()
    assert "pf-title" not in client.get("/en/countries/alb/").content.decode()
    client.force_login(personas.secretariat)
    assert "Albania" in client.get("/en/pathfinders/").content.decode()
