"""Spaces: who sees them, who creates and archives them, joining and
leaving, moderators."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from alliance87.community import services
from alliance87.community.models import Space, SpaceKind, SpaceMember, SpaceRole, Thread
from alliance87.core.visibility import Visibility
from alliance87.groups.models import Membership
from alliance87.groups.services import end_term

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_a_members_only_space_is_seen_by_its_group_and_the_secretariat_only(scene) -> None:
    services.start_thread(scene.group_space, acting_user=scene.member, title="Inside", body="Hi")
    for user, seen in [
        (scene.member, True),
        (scene.secretariat, True),
        (scene.partner, False),
        (scene.outsider, False),
    ]:
        assert Space.objects.visible_to(user).filter(pk=scene.group_space.pk).exists() is seen
        assert Thread.objects.visible_to(user).filter(title="Inside").exists() is seen
    anonymous = Client()
    assert anonymous.get("/en/community/migration/").status_code == 404
    assert "Migration space" not in anonymous.get("/en/community/").content.decode()
    assert client_for(scene.partner).get("/en/community/migration/").status_code == 404


def test_a_person_removed_from_the_group_loses_its_space_at_once(scene) -> None:
    thread = services.start_thread(
        scene.group_space, acting_user=scene.member, title="Inside", body="Hi"
    )
    client = client_for(scene.member)
    assert client.get(thread.get_absolute_url()).status_code == 200
    membership = Membership.objects.get(group=scene.group)
    end_term(membership, ends_on=dt.date.today(), acting_user=scene.secretariat)
    assert client.get(thread.get_absolute_url()).status_code == 404
    assert client.get("/en/community/migration/").status_code == 404
    assert "Migration space" not in client.get("/en/community/").content.decode()


def test_the_list_counts_threads_of_the_spaces_each_person_sees(scene) -> None:
    services.start_thread(scene.commons, acting_user=scene.partner, title="Open", body="Hi")
    body = client_for(scene.partner).get("/en/community/").content.decode()
    assert "Commons" in body and "1 thread" in body
    assert "Migration space" not in body


def test_only_the_secretariat_creates_a_space(scene) -> None:
    with pytest.raises(ValidationError):
        services.save_space(
            Space(slug="x", name="X", kind=SpaceKind.COMMONS), acting_user=scene.partner
        )
    assert client_for(scene.partner).get("/en/community/new/").status_code == 404
    response = client_for(scene.secretariat).post(
        "/en/community/new/",
        {"name": "Fisheries", "slug": "fisheries", "kind": "commons", "visibility": "partners"},
    )
    assert response.status_code == 302
    assert Space.objects.filter(slug="fisheries").exists()


def test_a_members_only_space_without_a_group_is_refused_with_a_reason(scene) -> None:
    response = client_for(scene.secretariat).post(
        "/en/community/new/",
        {"name": "Secret", "slug": "secret", "kind": "commons", "visibility": "members"},
    )
    assert response.status_code == 200
    assert "A members-only space must belong to a group." in response.content.decode()
    assert not Space.objects.filter(slug="secret").exists()


def test_an_archived_space_is_read_but_not_written(scene) -> None:
    thread = services.start_thread(scene.commons, acting_user=scene.partner, title="T", body="B")
    client_for(scene.secretariat).post("/en/community/commons/archive/")
    scene.commons.refresh_from_db()
    assert scene.commons.is_archived
    partner = client_for(scene.partner)
    assert partner.get(thread.get_absolute_url()).status_code == 200
    with pytest.raises(ValidationError):
        services.reply(thread, acting_user=scene.partner, body="Too late")
    assert partner.post(f"{thread.get_absolute_url()}reply/", {"body": "x"}).status_code == 404


def test_people_join_and_leave(scene) -> None:
    client = client_for(scene.partner)
    client.post("/en/community/commons/join/")
    assert SpaceMember.objects.filter(space=scene.commons, user=scene.partner).exists()
    client.post("/en/community/commons/join/", {"action": "leave"})
    assert not SpaceMember.objects.filter(space=scene.commons, user=scene.partner).exists()


def test_an_outsider_reads_an_open_space_but_may_not_join_or_post(scene) -> None:
    public = services.save_space(
        Space(slug="open", name="Open", kind=SpaceKind.COMMONS, visibility=Visibility.PUBLIC),
        acting_user=scene.secretariat,
    )
    client = client_for(scene.outsider)
    assert client.get("/en/community/open/").status_code == 200
    with pytest.raises(ValidationError):
        services.join_space(public, acting_user=scene.outsider)
    assert client.get("/en/community/open/new/").status_code == 404


def test_the_secretariat_names_a_moderator_who_may_pin_and_close(scene) -> None:
    thread = services.start_thread(scene.commons, acting_user=scene.partner, title="T", body="B")
    partner = client_for(scene.partner)
    assert partner.post(f"{thread.get_absolute_url()}state/", {"action": "pin"}).status_code == 404
    client_for(scene.secretariat).post(
        "/en/community/commons/moderators/", {"email": scene.partner.email}
    )
    assert SpaceMember.objects.get(space=scene.commons, user=scene.partner).role == (
        SpaceRole.MODERATOR
    )
    partner.post(f"{thread.get_absolute_url()}state/", {"action": "pin"})
    partner.post(f"{thread.get_absolute_url()}state/", {"action": "close"})
    thread.refresh_from_db()
    assert thread.pinned and thread.closed


def test_erasing_an_account_keeps_its_posts_under_a_former_participant(scene) -> None:
    from alliance87.accounts import services as accounts
    from alliance87.accounts.personal_data import collect

    thread = services.start_thread(scene.commons, acting_user=scene.partner, title="T", body="B")
    assert collect(scene.partner)["community"]["posts"][0]["text"] == "B"
    erasure = accounts.request_erasure(scene.partner, acting_user=scene.partner)
    accounts.erase(erasure, acting_user=scene.secretariat)
    thread.refresh_from_db()
    assert thread.author is None and thread.posts.get().author is None
    page = client_for(scene.secretariat).get(thread.get_absolute_url()).content.decode()
    assert "A former participant" in page
