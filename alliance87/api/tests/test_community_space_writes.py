"""The Secretariat creates, changes, archives and reopens community spaces
through the API, through the pages' services (community.services'
`save_space` and `archive_space`), each refusal with its outsider."""

from __future__ import annotations

from typing import Any

import pytest

from alliance87.community import services
from alliance87.community.models import Space
from alliance87.testing.api import send, token_of
from alliance87.testing.community_api import Scene, build_scene, partner_colleague
from alliance87.testing.personas import Personas

pytestmark = pytest.mark.django_db

NEW = {
    "name": "  Fair recruitment  ",
    "slug": "fair-recruitment",
    "description": "For the partners who work on fees.",
    "kind": "commons",
}


@pytest.fixture
def scene(personas: Personas) -> Scene:
    return build_scene(personas)


def test_the_secretariat_creates_a_space_once_per_key(scene: Scene) -> None:
    secret = token_of(scene.personas.secretariat)
    made = send("post", "/community/spaces", NEW, secret=secret, Idempotency_Key="new-space")
    assert made.status_code == 201, made.content
    answer = made.json()
    assert (answer["id"], answer["name"], answer["kind"], answer["visibility"]) == (
        "fair-recruitment",
        "Fair recruitment",
        "commons",
        "partners",
    )
    assert answer["url"].endswith("/community/fair-recruitment/") and not answer["archived"]
    again = send("post", "/community/spaces", NEW, secret=secret, Idempotency_Key="new-space")
    assert again["Idempotent-Replayed"] == "true"
    assert Space.objects.filter(slug="fair-recruitment").count() == 1
    # The partners read it; the outsider does not.
    read = send("get", "/community/spaces/fair-recruitment", None, scene.personas.partner)
    assert read.status_code == 200
    hidden = send("get", "/community/spaces/fair-recruitment", None, scene.personas.outsider)
    assert hidden.status_code == 404
    # A group's members-only space names its group.
    group_space = send(
        "post",
        "/community/spaces",
        {
            "name": "Migration, chairs",
            "slug": "migration-chairs",
            "kind": "group",
            "group": "migration",
            "visibility": "members",
        },
        scene.personas.secretariat,
    )
    assert group_space.status_code == 201, group_space.content
    assert (group_space.json()["group"], group_space.json()["visibility"]) == (
        "migration",
        "members",
    )


def test_a_space_refused_says_why(scene: Scene) -> None:
    secretariat = scene.personas.secretariat
    cases = [
        # An address taken, by a space or a page of the community's.
        ({**NEW, "slug": "commons"}, 409, "Space with this Slug already exists."),
        ({**NEW, "slug": "queue"}, 409, "This address is a page of the community's"),
        # What is named and does not exist: as an unknown id in an address.
        ({**NEW, "kind": "group", "group": "nothing"}, 404, "No group has the id “nothing”."),
        ({**NEW, "kind": "country", "country": "xxx"}, 404, "No country has the id “xxx”."),
        ({**NEW, "kind": "theme", "theme": "nothing"}, 404, "No theme has the id “nothing”."),
    ]
    for body, status, sentence in cases:
        response = send("post", "/community/spaces", body, secretariat)
        assert response.status_code == status, (body, response.content)
        assert sentence in response.json()["detail"], response.json()
    # What the schema refuses: a group's, country's or theme's space
    # without it, a members-only space of no group, and the rest.
    not_understood: list[dict[str, Any]] = [
        {**NEW, "kind": "group"},
        {**NEW, "kind": "country"},
        {**NEW, "kind": "theme"},
        {**NEW, "visibility": "members"},
        {**NEW, "kind": "country", "country": "fr"},
        {**NEW, "group": None},
        {**NEW, "slug": "two words"},
        {**NEW, "name": "   "},
        {**NEW, "kind": "club"},
        {**NEW, "visibility": "everyone"},
        {**NEW, "name": "x" * 121},
        {key: value for key, value in NEW.items() if key != "kind"},
    ]
    for body in not_understood:
        response = send("post", "/community/spaces", body, secretariat)
        assert response.status_code == 422, (body, response.content)
        assert response.json()["title"] == "Invalid request"
    assert Space.objects.count() == 3


def test_the_secretariat_changes_a_space(scene: Scene) -> None:
    secretariat = scene.personas.secretariat
    changed = send(
        "patch",
        "/community/spaces/migration",
        {"name": "Migration", "visibility": "partners", "kind": "commons", "group": None},
        secretariat,
    )
    assert changed.status_code == 200, changed.content
    assert (changed.json()["name"], changed.json()["group"], changed.json()["kind"]) == (
        "Migration",
        None,
        "commons",
    )
    space = Space.objects.get(slug="migration")
    assert space.group is None and space.visibility == "partners"
    assert space.description == ""  # left out: kept
    # A members-only space keeps a group; null is no name.
    refused = send("patch", "/community/spaces/migration", {"visibility": "members"}, secretariat)
    assert refused.status_code == 422
    assert "A members-only space must belong to a group." in refused.json()["detail"]
    assert (
        send("patch", "/community/spaces/migration", {"name": None}, secretariat).status_code
        == 422
    )
    moved = send("patch", "/community/spaces/migration", {"slug": "migration-2"}, secretariat)
    assert moved.status_code == 200 and moved.json()["id"] == "migration-2"
    taken = send("patch", "/community/spaces/migration-2", {"slug": "commons"}, secretariat)
    assert taken.status_code == 409
    space.refresh_from_db()
    assert (space.slug, space.visibility) == ("migration-2", "partners")


def test_the_secretariat_archives_and_reopens_a_space(scene: Scene) -> None:
    secretariat = scene.personas.secretariat
    archived = send("post", "/community/spaces/commons/archive", {}, secretariat)
    assert archived.status_code == 200 and archived.json()["archived"] is True
    when = Space.objects.get(slug="commons").archived_at
    # Archiving it again changes nothing.
    send("post", "/community/spaces/commons/archive", {}, secretariat)
    assert Space.objects.get(slug="commons").archived_at == when
    # Nobody posts in an archived space.
    reply = send(
        "post",
        f"/community/spaces/commons/threads/{scene.thread.pk}/posts",
        {"body": "Still here?"},
        scene.personas.partner,
    )
    assert reply.status_code == 403 and "archived" in reply.json()["detail"]
    reopened = send("post", "/community/spaces/commons/reopen", {}, secretariat)
    assert reopened.status_code == 200 and reopened.json()["archived"] is False
    assert Space.objects.get(slug="commons").archived_at is None


@pytest.mark.parametrize("who", ["partner", "moderator", "member", "outsider", "anonymous"])
def test_only_the_secretariat_creates_changes_or_archives(scene: Scene, who: str) -> None:
    user = {
        "partner": scene.personas.partner,
        "moderator": None,
        "member": scene.member,
        "outsider": scene.personas.outsider,
        "anonymous": None,
    }[who]
    if who == "moderator":
        user = partner_colleague(scene, "mona")
        services.set_moderator(scene.commons, user, acting_user=scene.personas.secretariat)
    made = send("post", "/community/spaces", NEW, user)
    changed = send("patch", "/community/spaces/commons", {"name": "Mine"}, user)
    archived = send("post", "/community/spaces/commons/archive", {}, user)
    reopened = send("post", "/community/spaces/commons/reopen", {}, user)
    answers = (made, changed, archived, reopened)
    if user is None:
        assert [a.status_code for a in answers] == [401] * 4
    elif who in ("partner", "moderator"):
        # They see the partners' commons and may not: told why.
        assert [a.status_code for a in answers] == [403] * 4
        assert {a.json()["detail"] for a in answers} == {"Only the Secretariat may do this."}
    else:
        # The commons is hidden from them: as a missing space.
        missing = send("patch", "/community/spaces/no-such-space", {"name": "Mine"}, user)
        assert made.status_code == 403
        assert [a.status_code for a in answers[1:]] == [404] * 3
        assert changed.json()["detail"] == missing.json()["detail"]
    # The members-only space is hidden from all of them but its member.
    if user is not None and who != "member":
        hidden = send("post", "/community/spaces/migration/archive", {}, user)
        assert hidden.status_code == 404
    read_only = send(
        "post", "/community/spaces", NEW, secret=token_of(scene.personas.secretariat, "read")
    )
    assert read_only.status_code == 403
    commons = Space.objects.get(slug="commons")
    assert (commons.name, commons.archived_at) == ("Commons", None)
    assert not Space.objects.filter(slug="fair-recruitment").exists()
