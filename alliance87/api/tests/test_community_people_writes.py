"""A space's moderators suspend a person and lift the suspension, and the
Secretariat names and removes moderators, through the API, through the
pages' services and rules (community.moderation, community.services),
each with its outsider."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from alliance87.api.services import create_token
from alliance87.community import moderation, services
from alliance87.community.models import (
    Pseudonym,
    Space,
    SpaceKind,
    SpaceMember,
    SpaceRole,
    Suspension,
    standing,
)
from alliance87.core.visibility import Visibility
from alliance87.testing.factories import make_group
from alliance87.testing.personas import Personas, make_member, make_user

pytestmark = pytest.mark.django_db


@dataclass
class Scene:
    personas: Personas
    commons: Space  # partners only
    members: Space  # the group's members only
    moderator: Any  # moderates the commons
    colleague: Any  # a partner, to be suspended


@pytest.fixture
def scene(personas: Personas) -> Scene:
    secretariat = personas.secretariat
    group = make_group("migration", "Action Group on Migration")
    make_member(group, acting_user=secretariat)
    commons = services.save_space(
        Space(slug="commons", name="Commons", kind=SpaceKind.COMMONS), acting_user=secretariat
    )
    members = services.save_space(
        Space(
            slug="migration",
            name="Migration space",
            kind=SpaceKind.GROUP,
            group=group,
            visibility=Visibility.MEMBERS,
        ),
        acting_user=secretariat,
    )
    moderator = colleague_of(personas, "mona")
    services.set_moderator(commons, moderator, acting_user=secretariat)
    return Scene(personas, commons, members, moderator, colleague_of(personas, "paz"))


def colleague_of(personas: Personas, name: str) -> Any:
    """A partner: an account working for the partner persona's organisation."""
    from alliance87.partners.models import Person

    user = make_user(name)
    Person.objects.create(
        slug=name, name=name.title(), organisation=personas.partner_org, user=user
    )
    return user


def send(
    method: str, path: str, body: Any, user: Any, scope: str = "write", **headers: str
) -> Any:
    if user is not None:
        secret = create_token(user, name="t", scope=scope, days=1, acting_user=user)[1]
        headers["Authorization"] = f"Bearer {secret}"
    client = Client()
    if method in ("get", "delete"):
        return getattr(client, method)(f"/api/v1/community/spaces/{path}", headers=headers)
    return getattr(client, method)(
        f"/api/v1/community/spaces/{path}",
        data=json.dumps(body),
        content_type="application/json",
        headers=headers,
    )


# --- Suspensions ----------------------------------------------------------------


def test_a_moderator_suspends_a_person_lists_and_lifts_it(scene: Scene) -> None:
    ends = timezone.now().date() + dt.timedelta(days=7)
    made = send(
        "post",
        "commons/suspensions",
        {"person": "@paz", "reason": "Repeated spam", "ends": ends.isoformat()},
        scene.moderator,
        Idempotency_Key="suspend-paz",
    )
    assert made.status_code == 201, made.content
    answer = made.json()
    assert (answer["space"], answer["person"], answer["reason"]) == (
        "commons",
        "paz",
        "Repeated spam",
    )
    assert answer["ends"].startswith(ends.isoformat()) and answer["lifted"] is None
    assert answer["suspended_by"] == "mona" and not answer["under_pseudonym"]
    suspension = Suspension.objects.get()
    assert (
        suspension.user == scene.colleague
        and scene.commons.pk in standing(scene.colleague).suspended
    )
    # Retried with its key: one suspension.
    again = send(
        "post",
        "commons/suspensions",
        {"person": "@paz", "reason": "Repeated spam", "ends": ends.isoformat()},
        scene.moderator,
        Idempotency_Key="suspend-paz",
    )
    assert again["Idempotent-Replayed"] == "true" and Suspension.objects.count() == 1
    listed = send("get", "commons/suspensions", None, scene.moderator)
    assert [s["id"] for s in listed.json()["items"]] == [suspension.pk]
    lifted = send("post", f"commons/suspensions/{suspension.pk}/lift", {}, scene.moderator)
    assert lifted.status_code == 200, lifted.content
    assert lifted.json()["lifted"] is not None
    suspension.refresh_from_db()
    assert suspension.lifted_by == scene.moderator
    twice = send("post", f"commons/suspensions/{suspension.pk}/lift", {}, scene.moderator)
    assert twice.status_code == 409 and "already lifted" in twice.json()["detail"]
    assert send("get", "commons/suspensions", None, scene.moderator).json()["items"] == []


def test_what_the_service_refuses_is_a_422_with_its_sentence(scene: Scene) -> None:
    secretariat = scene.personas.secretariat
    cases = [
        ({"person": "secretariat", "reason": "x"}, "You cannot suspend yourself."),
        ({"person": "mona", "reason": "x"}, "A moderator of the space cannot be suspended"),
        ({"person": "nobody", "reason": "x"}, "No active account has the username"),
        (
            {"person": "paz", "reason": "x", "ends": "2000-01-01"},
            "The end of a suspension must be in the future.",
        ),
    ]
    for body, sentence in cases:
        response = send("post", "commons/suspensions", body, secretariat)
        assert response.status_code == 422, (body, response.content)
        assert sentence in response.json()["detail"]
    # The Secretariat is not suspended, by a moderator either.
    refused = send(
        "post", "commons/suspensions", {"person": "secretariat", "reason": "x"}, scene.moderator
    )
    assert refused.json()["detail"] == "The Secretariat cannot be suspended."
    # The person or a post of theirs, one of the two; a reason: as the
    # schema says.
    not_understood: list[dict[str, Any]] = [
        {"reason": "x"},
        {"person": "paz", "post": 1, "reason": "x"},
        {"person": "paz"},
    ]
    for body in not_understood:
        assert send("post", "commons/suspensions", body, secretariat).status_code == 422
    assert not Suspension.objects.exists()


def test_the_author_of_a_post_under_a_pseudonym_is_suspended_unnamed(scene: Scene) -> None:
    thread = services.start_thread(
        scene.commons, acting_user=scene.colleague, title="Fees", body="Who pays?"
    )
    post = thread.posts.get()
    pseudonym = Pseudonym.objects.create(
        user=scene.colleague, name="River", created=timezone.now()
    )
    type(post).objects.filter(pk=post.pk).update(pseudonym=pseudonym)
    made = send(
        "post", "commons/suspensions", {"post": post.pk, "reason": "Spam"}, scene.moderator
    )
    assert made.status_code == 201, made.content
    assert (made.json()["person"], made.json()["under_pseudonym"]) == ("River", True)
    assert "paz" not in made.content.decode()
    assert Suspension.objects.get().user == scene.colleague
    # A post of another space does not suspend anyone from this one.
    other = services.start_thread(
        scene.members, acting_user=scene.personas.secretariat, title="T", body="B"
    ).posts.get()
    elsewhere = send(
        "post",
        "commons/suspensions",
        {"post": other.pk, "reason": "x"},
        scene.personas.secretariat,
    )
    assert elsewhere.status_code == 404


@pytest.mark.parametrize("who", ["outsider", "partner", "member", "anonymous"])
def test_who_does_not_moderate_suspends_lifts_and_lists_nothing(scene: Scene, who: str) -> None:
    made = moderation.suspend(
        scene.commons, scene.colleague, acting_user=scene.personas.secretariat, reason="Spam"
    )
    user = None if who == "anonymous" else getattr(scene.personas, who, None)
    if who == "member":
        user = get_user_model().objects.get(username__startswith="member")
    body = {"person": "paz", "reason": "Spam"}
    suspended = send("post", "commons/suspensions", body, user)
    lifted = send("post", f"commons/suspensions/{made.pk}/lift", {}, user)
    listed = send("get", "commons/suspensions", None, user)
    if user is None:
        assert (suspended.status_code, lifted.status_code) == (401, 401)
        assert listed.status_code == 404  # anonymous does not see the commons
    elif who == "partner":
        # Sees the space, does not moderate it: told why; the list is the
        # moderators' page's 404.
        assert (suspended.status_code, lifted.status_code) == (403, 403)
        assert suspended.json()["detail"] == "Only the space's moderators may do this."
        assert listed.status_code == 404
    else:
        # Does not see the partners' commons: as a missing space.
        missing = send("post", "no-such-space/suspensions", body, user)
        assert (suspended.status_code, lifted.status_code, listed.status_code) == (404, 404, 404)
        assert suspended.json()["detail"] == missing.json()["detail"]
    read_only = send("post", "commons/suspensions", body, scene.moderator, scope="read")
    assert read_only.status_code == 403
    made.refresh_from_db()
    assert made.lifted is None and Suspension.objects.count() == 1


def test_a_moderator_of_another_space_does_not_suspend_here(scene: Scene) -> None:
    # The commons' moderator, a partner, does not see the group's members'
    # space: it is missing to them. The Secretariat moderates every space.
    response = send(
        "post", "migration/suspensions", {"person": "paz", "reason": "x"}, scene.moderator
    )
    assert response.status_code == 404
    by_secretariat = send(
        "post",
        "migration/suspensions",
        {"person": "paz", "reason": "x"},
        scene.personas.secretariat,
    )
    assert by_secretariat.status_code == 201


# --- Moderators -----------------------------------------------------------------


def test_the_secretariat_names_lists_and_removes_a_moderator(scene: Scene) -> None:
    secretariat = scene.personas.secretariat
    named = send("post", "commons/moderators", {"person": "paz@example.org"}, secretariat)
    assert named.status_code == 200, named.content
    assert named.json() == {"space": "commons", "username": "paz", "name": "paz"}
    member = SpaceMember.objects.get(space=scene.commons, user=scene.colleague)
    assert member.role == SpaceRole.MODERATOR
    twice = send("post", "commons/moderators", {"person": "paz"}, secretariat)
    assert (
        twice.status_code == 200 and SpaceMember.objects.filter(user=scene.colleague).count() == 1
    )
    listed = send("get", "commons/moderators", None, secretariat).json()["items"]
    assert [m["username"] for m in listed] == ["mona", "paz"]
    removed = send("delete", "commons/moderators/paz", None, secretariat)
    assert removed.status_code == 204
    member.refresh_from_db()
    assert member.role == SpaceRole.MEMBER  # a member still
    # Someone who does not moderate the space: nothing to remove, and
    # nobody joins it by being named so.
    assert send("delete", "commons/moderators/paz", None, secretariat).status_code == 404
    assert send("delete", "commons/moderators/outsider", None, secretariat).status_code == 404
    assert not SpaceMember.objects.filter(user=scene.personas.outsider).exists()
    unknown = send("post", "commons/moderators", {"person": "nobody"}, secretariat)
    assert unknown.status_code == 422


@pytest.mark.parametrize("who", ["moderator", "partner", "outsider", "anonymous"])
def test_only_the_secretariat_names_or_removes_moderators(scene: Scene, who: str) -> None:
    user = {
        "moderator": scene.moderator,
        "partner": scene.personas.partner,
        "outsider": scene.personas.outsider,
        "anonymous": None,
    }[who]
    named = send("post", "commons/moderators", {"person": "paz"}, user)
    removed = send("delete", "commons/moderators/mona", None, user)
    listed = send("get", "commons/moderators", None, user)
    if user is None:
        assert (named.status_code, removed.status_code, listed.status_code) == (401, 401, 404)
    elif who == "outsider":
        assert (named.status_code, removed.status_code, listed.status_code) == (404, 404, 404)
    else:
        assert (named.status_code, removed.status_code) == (403, 403)
        assert named.json()["detail"] == "Only the Secretariat may do this."
        assert listed.status_code == 404
    roles = dict(SpaceMember.objects.values_list("user__username", "role"))
    assert roles == {"mona": SpaceRole.MODERATOR}
