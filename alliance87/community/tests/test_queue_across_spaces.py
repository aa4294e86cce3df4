"""The Secretariat's queue across spaces (/community/queue/): the flagged
posts and the posts awaiting review of every space, with each space's
counts, filtered by space, paginated; nobody else opens it. It is linked
from the account page's list of the Secretariat's pages."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from alliance87.community import moderation, services
from alliance87.community.models import Space, SpaceKind
from alliance87.partners.models import Person
from alliance87.testing.personas import make_user, verified

pytestmark = pytest.mark.django_db
URL = "/en/community/queue/"


@pytest.fixture(autouse=True)
def _new_accounts_held(settings: Any) -> None:
    settings.COMMUNITY_HOLD_DAYS, settings.COMMUNITY_HOLD_POSTS = 7, 1
    settings.COMMUNITY_NEW_POSTS_PER_HOUR = 0


def person(scene: Any, name: str, *, days: int = 30) -> Any:
    user = make_user(name)
    Person.objects.create(
        slug=f"{name}-p", name=name.title(), organisation=scene.personas.partner_org, user=user
    )
    joined = timezone.now() - dt.timedelta(days=days)
    get_user_model().objects.filter(pk=user.pk).update(date_joined=joined)
    return user


def client_of(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def flagged_in(space: Space, scene: Any, body: str, flagger: Any) -> Any:
    thread = services.start_thread(
        space, acting_user=scene.secretariat, title="A thread", body="Opening"
    )
    post = services.reply(thread, acting_user=scene.secretariat, body=body)
    moderation.flag_post(post, acting_user=flagger, reason="spam")
    return post


@pytest.fixture
def queued(scene: Any) -> dict[str, Any]:
    """A flagged post in the commons, another in the members-only space,
    and a new member's post awaiting review in the commons."""
    flagger = person(scene, "rita")
    commons_post = flagged_in(scene.commons, scene, "Commons spam words", flagger)
    group_post = flagged_in(scene.group_space, scene, "Group spam words", scene.member)
    thread = commons_post.thread
    held = services.reply(thread, acting_user=person(scene, "nell", days=0), body="Held words")
    return {"commons": commons_post, "group": group_post, "held": held}


def test_the_secretariat_reads_every_spaces_flagged_and_held_posts_with_counts(
    scene, queued
) -> None:
    page = client_of(scene.secretariat).get(URL)
    assert page.status_code == 200
    body = page.content.decode()
    assert "Commons spam words" in body and "Group spam words" in body
    assert "Held words" not in body  # the other tab
    assert "Commons (1 flagged, 1 awaiting review)" in body
    assert "Migration space (1 flagged, 0 awaiting review)" in body
    assert "Flagged (2 posts)" in body and "Awaiting review (1 post)" in body
    # Each item names its space and leads to the post's decision page.
    assert f"/en/community/posts/{queued['group'].pk}/moderate/" in body
    held = client_of(scene.secretariat).get(f"{URL}?show=held").content.decode()
    assert "Held words" in held and "Commons spam words" not in held
    assert 'value="approve"' in held


def test_the_queue_is_filtered_by_space(scene, queued) -> None:
    body = client_of(scene.secretariat).get(f"{URL}?space=migration").content.decode()
    assert "Group spam words" in body and "Commons spam words" not in body
    assert "Flagged (1 post)" in body and "Awaiting review (0 posts)" in body
    assert "?space=migration&amp;show=held" in body
    unknown = client_of(scene.secretariat).get(f"{URL}?space=nowhere")
    assert unknown.status_code == 200
    text = unknown.content.decode()
    assert "No space has this address" in text and "Group spam words" in text


def test_the_queue_is_paginated(scene) -> None:
    flagger = person(scene, "rita")
    for n in range(moderation.QUEUE_PAGE + 1):
        flagged_in(scene.commons, scene, f"Spam number {n:02d}", flagger)
    client = client_of(scene.secretariat)
    first = client.get(URL).content.decode()
    second = client.get(f"{URL}?page=2").content.decode()
    assert "Page 1 of 2" in first and "Page 2 of 2" in second
    assert first.count('class="post"') == moderation.QUEUE_PAGE
    assert second.count('class="post"') == 1
    assert client.get(f"{URL}?page=nonsense").status_code == 200


def test_a_decision_from_the_queue_comes_back_to_it(scene, queued) -> None:
    here = f"{URL}?space=commons"
    response = client_of(scene.secretariat).post(
        f"/en/community/posts/{queued['commons'].pk}/moderate/",
        {"action": "hide", "reason": "Advertising", "next": here},
    )
    assert response.status_code == 302 and response["Location"] == here
    assert "Commons spam words" not in client_of(scene.secretariat).get(here).content.decode()


@pytest.mark.parametrize("who", ["outsider", "partner", "member"])
def test_nobody_but_the_secretariat_opens_it(scene, queued, who: str) -> None:
    assert client_of(getattr(scene, who)).get(URL).status_code == 404


def test_a_spaces_moderator_opens_their_own_queue_not_every_spaces(scene, queued) -> None:
    mona = person(scene, "mona")
    services.set_moderator(scene.commons, mona, acting_user=scene.secretariat)
    assert client_of(mona).get(URL).status_code == 404
    assert client_of(mona).get("/en/community/commons/queue/").status_code == 200
    # A moderator of one space has no queue of another.
    assert client_of(mona).get("/en/community/migration/queue/").status_code == 404


def test_an_anonymous_visitor_is_sent_to_sign_in(scene) -> None:
    response = Client().get(URL)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_account_page_lists_it_among_the_secretariats_pages(scene, queued) -> None:
    response = client_of(verified(scene.secretariat)).get("/en/account/")
    assert response.status_code == 200, response.get("Location")
    body = response.content.decode()
    assert f'href="{URL}"' in body
    assert "Community moderation across spaces (2 flagged, 1 awaiting review)" in body
    assert 'href="/en/secretariat/tasks/"' in body
    partner = client_of(verified(scene.partner)).get("/en/account/").content.decode()
    assert URL not in partner and "/secretariat/tasks/" not in partner


def test_the_queue_takes_a_bounded_number_of_queries(scene, django_assert_max_num_queries) -> None:
    flagger = person(scene, "rita")
    for n in range(3):
        flagged_in(scene.commons, scene, f"Spam {n}", flagger)
    client = client_of(scene.secretariat)
    client.get(URL)
    with django_assert_max_num_queries(20) as few:
        client.get(URL)
    for n in range(3, 15):
        space, who = (scene.group_space, scene.member) if n % 2 else (scene.commons, flagger)
        flagged_in(space, scene, f"Spam {n}", who)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(URL)


def test_a_space_cannot_take_the_address_of_a_community_page(scene) -> None:
    with pytest.raises(ValidationError, match="page of the community"):
        services.save_space(
            Space(slug="queue", name="Queue", kind=SpaceKind.COMMONS),
            acting_user=scene.secretariat,
        )
