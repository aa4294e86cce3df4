"""The group editing pages cost a constant number of queries and meet the
accessibility rules."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from alliance87.groups import services
from alliance87.groups.models import Activity, WorkplanArea
from alliance87.testing.group_editing import Scene, edit_pages
from alliance87.testing.pages import problems_of

pytestmark = pytest.mark.django_db


def _queries_of(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_workplan_page_costs_the_same_queries_as_activities_grow(scene: Scene, client: Client):
    client.force_login(scene.chair)
    url = "/en/groups/migration/workplan/"
    _queries_of(client, url)  # Warm up: the session, the content type cache.
    few = _queries_of(client, url)
    for n in range(6):
        activity = services.save_activity(
            Activity(group=scene.group, area=scene.area, title=f"Activity {n}"),
            owners=[scene.iom, scene.unicef],
            acting_user=None,
        )
        assert activity.pk
    services.save_workplan_area(WorkplanArea(group=scene.group, title="Tools"), acting_user=None)
    assert _queries_of(client, url) == few


def test_the_editing_pages_meet_the_accessibility_rules(scene: Scene, client: Client):
    client.force_login(scene.chair)
    failing = {}
    for url in edit_pages(scene):
        found = problems_of(client.get(url).content.decode(), "en")
        if found:
            failing[url] = found
    assert not failing, failing
    # A form sent back with errors keeps the rules too.
    response = client.post(
        f"/en/groups/migration/members/{scene.membership.pk}/representatives/",
        {"representatives": ["999999"]},
    )
    assert not problems_of(response.content.decode(), "en")
    response = client.post("/en/groups/migration/members/", {"role": "member"})
    assert not problems_of(response.content.decode(), "en")
