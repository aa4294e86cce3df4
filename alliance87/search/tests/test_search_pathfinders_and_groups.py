"""Pathfinders, roadmaps and their actions, groups and workplans are found
as their areas show them: a focal point finds their own draft roadmap, a
group's members its members-only rows."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from alliance87.groups.models import Activity
from alliance87.pathfinders.models import Roadmap
from alliance87.search.index import rebuild
from alliance87.search.query import search
from alliance87.testing.factories import make_group, make_pathfinder, make_roadmap
from alliance87.testing.personas import Personas, make_focal_point, make_member

pytestmark = pytest.mark.django_db


def kinds(user: object, query: str, language: str = "en") -> list[str]:
    return sorted(row.kind for row in search(user, query, language=language).rows)


def test_a_country_s_roadmap_actions_are_found_in_each_language() -> None:
    make_roadmap(make_pathfinder("NPL"), title="National plan", actions=2)
    rebuild()
    for query, language in (
        ("Nepal roadmap", "en"),
        ("Népal feuille de route", "fr"),
        ("Nepal hoja de ruta", "es"),
    ):
        found = kinds(AnonymousUser(), query, language)
        assert found.count("action") == 2 and "roadmap" in found, (query, found)


def test_a_focal_point_finds_their_own_draft_roadmap(personas: Personas) -> None:
    focal = make_focal_point("NPL")
    make_roadmap(make_pathfinder("NPL"), title="Draft plan", status=Roadmap.Status.DRAFT)
    other = make_focal_point("KHM")
    rebuild()
    assert "roadmap" in kinds(focal, "draft plan")
    assert kinds(AnonymousUser(), "draft plan") == []
    assert kinds(personas.partner, "draft plan") == []
    assert kinds(other, "draft plan") == []
    assert "roadmap" in kinds(personas.secretariat, "draft plan")


def test_members_find_their_group_s_members_only_activities(personas: Personas) -> None:
    group = make_group("otters", "Otter group")
    Activity.objects.create(group=group, title="Otter census", title_en="Otter census")
    Activity.objects.create(
        group=group, title="Otter budget", title_en="Otter budget", visibility="members"
    )
    Activity.objects.create(
        group=group, title="Otter secrets", title_en="Otter secrets", visibility="secretariat"
    )
    member = make_member(group, acting_user=personas.secretariat)
    rebuild()
    assert kinds(AnonymousUser(), "otter") == ["activity", "group"]
    # The group's members find its members-only rows, not its Secretariat's;
    # the count says so too.
    assert kinds(member, "otter") == ["activity", "activity", "group"]
    assert search(member, "otter").total == 3
    assert kinds(personas.secretariat, "otter") == ["activity", "activity", "activity", "group"]
