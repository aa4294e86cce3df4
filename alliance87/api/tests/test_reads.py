"""Reads of the open API: what an anonymous caller gets, page by page,
conditionally, and as problem details when something is wrong."""

from __future__ import annotations

import html
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from alliance87.events.models import Event
from alliance87.partners.models import Organisation
from alliance87.pathfinders.models import Pathfinder

pytestmark = pytest.mark.usefixtures("demo")


def get(client: Client, path: str, **headers: Any) -> Any:
    return client.get(f"/api/v1{path}", headers=headers)


@pytest.mark.parametrize(
    "path",
    [
        "/countries",
        "/partners",
        "/pathfinders",
        "/events",
        "/decisions",
        "/action-items?state=all",
        "/groups",
        "/statements",
        "/library",
        "/news",
        "/data/indicators",
        "/data/editions",
        "/data/observations",
        "/community/spaces",
        "/search?q=labour",
    ],
)
def test_every_list_answers_json_with_a_cursor(client: Client, path: str) -> None:
    response = get(client, path)
    assert response.status_code == 200, response.content
    body = response.json()
    # The search adds its counts and facets.
    assert {"items", "next_cursor"} <= set(body)
    assert response["ETag"].startswith('W/"')
    assert "Last-Modified" in response


def test_the_cursor_walks_every_row_once(client: Client) -> None:
    seen: list[str] = []
    cursor = ""
    for _ in range(100):
        body = get(client, f"/countries?limit=17{'&cursor=' + cursor if cursor else ''}").json()
        seen += [c["id"] for c in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    from alliance87.countries.models import Country

    assert len(seen) == len(set(seen)) == Country.objects.count()


def test_anonymous_callers_list_exactly_the_organisations_the_public_sees(
    client: Client,
) -> None:
    from alliance87.testing.factories import make_organisation

    make_organisation("partners-only-org", "Partners only", visibility="partners")
    body = get(client, "/partners?limit=200").json()
    expected = set(Organisation.objects.visible_to(AnonymousUser()).values_list("slug", flat=True))
    assert {o["id"] for o in body["items"]} == expected
    assert "partners-only-org" not in expected


def test_filters_match_the_directory_page(client: Client) -> None:
    body = get(client, "/partners?stakeholder_type=government&limit=200").json()
    assert body["items"]
    assert {o["stakeholder_type"] for o in body["items"]} == {"government"}


def test_a_pathfinder_lists_its_roadmap_actions_and_progress(client: Client) -> None:
    iso3 = (
        Pathfinder.objects.visible_to(AnonymousUser())
        .filter(roadmaps__priorities__actions__isnull=False)
        .values_list("country__iso3", flat=True)
        .first()
    )
    assert iso3
    body = get(client, f"/pathfinders/{iso3.lower()}").json()
    actions = [a for r in body["roadmaps"] for p in r["priorities"] for a in p["actions"]]
    assert actions
    assert all({"id", "number", "status", "progress"} <= set(a) for a in actions)


def test_an_event_comes_with_its_record(client: Client) -> None:
    event = Event.objects.visible_to(AnonymousUser()).filter(decisions__isnull=False).first()
    assert event is not None
    body = get(client, f"/events/{event.slug}").json()
    assert body["id"] == event.slug
    assert body["decisions"]


def test_a_hidden_event_is_a_404_problem(client: Client) -> None:
    from alliance87.testing.factories import make_event

    hidden = make_event("a-draft-meeting", acting_user=None, publish=False)
    response = get(client, f"/events/{hidden.slug}")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 404


def test_a_current_copy_is_answered_304_without_a_body(client: Client) -> None:
    first = get(client, "/events")
    again = get(client, "/events", If_None_Match=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]


def test_a_write_changes_the_entity_tag(client: Client) -> None:
    from alliance87.core.invalidation import bump_content_version

    first = get(client, "/events")
    bump_content_version()
    assert get(client, "/events", If_None_Match=first["ETag"]).status_code == 200


def test_a_304_reads_no_content(client: Client) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first = get(client, "/partners")
    with CaptureQueriesContext(connection) as queries:
        assert get(client, "/partners", If_None_Match=first["ETag"]).status_code == 304
    # The content version (the sum of the table counters), and the rate
    # limits' store: no row of content.
    tables = {"core_tableversion", "a87_ratelimit"}
    read = [q["sql"] for q in queries.captured_queries if "SAVEPOINT" not in q["sql"]]
    assert [sql for sql in read if not any(t in sql for t in tables)] == []
    assert sum("core_tableversion" in sql for sql in read) == 1


def test_bad_parameters_are_problem_details(client: Client) -> None:
    for path in ("/events?year=abc", "/partners?cursor=nonsense", "/countries?limit=0"):
        response = get(client, path)
        assert response.status_code in (400, 422), path
        assert response["Content-Type"] == "application/problem+json", path


def test_the_schema_is_openapi_3_1(client: Client) -> None:
    schema = get(client, "/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    assert "/api/v1/pathfinders/{iso3}" in schema["paths"]


def test_the_documentation_page_is_served_by_the_hub(client: Client) -> None:
    response = client.get("/en/api/")
    assert response.status_code == 200
    assert b"/api/v1/pathfinders/{iso3}" in response.content
    assert b"<script" not in response.content
    assert b"/api/v1/api/v1" not in response.content


def test_the_documentation_page_shows_how_to_write(client: Client) -> None:
    body = html.unescape(client.get("/en/api/").content.decode())
    section = body[body.index("<code>POST /api/v1/community/spaces/{slug}/threads</code>") :]
    section = section[: section.index("</section>")]
    # The body's fields, as parameters "in" the body, and a curl that posts.
    for field in ("<code>title</code> (required)", "<code>body</code> (required)", "kind"):
        assert field in section
    assert (
        "curl -s -X POST -H 'Authorization: Bearer a87_...' -H 'Content-Type: application/json'"
        """ -d '{"title": "...", "body": "..."}'"""
        " 'http://testserver/api/v1/community/spaces/<slug>/threads'"
    ) in section


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/search?q=labour", "alliance87.api.endpoints.search.search"),
        ("/news", "alliance87.api.endpoints.news.posts"),
        ("/data/observations", "alliance87.api.endpoints.data.observation_out"),
        ("/partners", "alliance87.api.endpoints.directory.directory"),
    ],
)
def test_a_304_calls_neither_the_selector_nor_the_serializer(
    client: Client, path: str, target: str
) -> None:
    from unittest import mock

    tag = get(client, path)["ETag"]
    with mock.patch(target, side_effect=AssertionError("rendered")) as reads:
        assert get(client, path, If_None_Match=tag).status_code == 304
        assert not reads.called
        # The same call without the tag does read: the patch is on the
        # path of the answer.
        with pytest.raises(AssertionError, match="rendered"):
            get(client, path)
    assert reads.called
