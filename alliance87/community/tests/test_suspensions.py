"""Suspensions (issue 13, item 6): a suspended person reads the space and
cannot post, reply or flag there until the suspension ends or is lifted;
moderators and the Secretariat are not suspended; the suspensions page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from alliance87.community import moderation, services
from alliance87.community.models import Post, Suspension
from alliance87.community.tests.moderation_support import a_thread, client_of, moderator, newcomer

pytestmark = pytest.mark.django_db


def test_a_suspended_person_reads_the_space_and_cannot_post_reply_or_flag(scene) -> None:
    mona = moderator(scene)
    thread = a_thread(scene)
    someone = newcomer(scene, "sam")
    services.reply(thread, acting_user=scene.secretariat, body="An answer")
    suspension = moderation.suspend(
        scene.commons, scene.partner, acting_user=mona, reason="Repeated spam"
    )
    client = client_of(scene.partner)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "An answer" in page and "You are suspended from this space" in page
    response = client.post(f"{thread.get_absolute_url()}reply/", {"body": "More spam"})
    assert response.status_code == 404
    assert client.get(f"/en/community/{scene.commons.slug}/new/").status_code == 404
    answer = Post.objects.get(body="An answer")
    assert (
        client.post(f"/en/community/posts/{answer.pk}/flag/", {"reason": "spam"}).status_code
        == 404
    )
    partner = type(scene.partner).objects.get(pk=scene.partner.pk)
    with pytest.raises(ValidationError):
        services.reply(thread, acting_user=partner, body="By another way")
    # Elsewhere they post as before; lifted, they post here again.
    assert someone.pk != partner.pk
    moderation.lift_suspension(suspension, acting_user=mona)
    partner = type(scene.partner).objects.get(pk=scene.partner.pk)
    services.reply(thread, acting_user=partner, body="Back again")


def test_a_suspension_ends_on_its_date(scene) -> None:
    mona = moderator(scene)
    suspension = moderation.suspend(
        scene.commons,
        scene.partner,
        acting_user=mona,
        reason="A week off",
        ends=timezone.now() + dt.timedelta(days=7),
    )
    assert moderation.suspension_of(
        type(scene.partner).objects.get(pk=scene.partner.pk), scene.commons
    )
    Suspension.objects.filter(pk=suspension.pk).update(
        starts=timezone.now() - dt.timedelta(days=8), ends=timezone.now() - dt.timedelta(days=1)
    )
    partner = type(scene.partner).objects.get(pk=scene.partner.pk)
    services.reply(a_thread(scene), acting_user=partner, body="Fine now")


def test_moderators_and_the_secretariat_are_not_suspended_and_dates_are_checked(scene) -> None:
    mona = moderator(scene)
    with pytest.raises(ValidationError, match="Secretariat cannot"):
        moderation.suspend(scene.commons, scene.secretariat, acting_user=mona, reason="x")
    with pytest.raises(ValidationError, match="yourself"):
        moderation.suspend(scene.commons, mona, acting_user=mona, reason="x")
    with pytest.raises(ValidationError):
        moderation.suspend(
            scene.commons,
            scene.partner,
            acting_user=mona,
            reason="x",
            ends=timezone.now() - dt.timedelta(days=1),
        )
    assert not Suspension.objects.exists()


def test_the_suspensions_page_suspends_by_username_and_lifts(scene) -> None:
    mona = moderator(scene)
    client = client_of(mona)
    url = f"/en/community/{scene.commons.slug}/suspensions/"
    response = client.post(url, {"person": "@partner", "reason": "Spam", "ends": "2099-01-01"})
    assert response.status_code == 302
    suspension = Suspension.objects.get()
    assert suspension.user == scene.partner and suspension.ends.year == 2099
    assert "Spam" in client.get(url).content.decode()
    assert (
        "No active account"
        in client.post(url, {"person": "nobody", "reason": "x"}).content.decode()
    )
    client.post(url, {"lift": suspension.pk})
    suspension.refresh_from_db()
    assert suspension.lifted is not None and suspension.lifted_by == mona
    assert client_of(scene.partner).get(url).status_code == 404
