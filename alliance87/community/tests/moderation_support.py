"""The people and posts the moderation tests share: newcomers and
moderators of the scene's spaces, a thread or a reply to flag, and the
alerts the moderators get (test helpers, not fixtures)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from alliance87.community import services
from alliance87.community.models import Notification, Preferences, Reason, Thread
from alliance87.partners.models import Person
from alliance87.testing.personas import make_user


def client_of(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def newcomer(scene: Any, name: str = "nell") -> Any:
    """A person who joined the Hub today, in a partner organisation."""
    user = make_user(name)
    Person.objects.create(
        slug=f"{name}-new", name=name.title(), organisation=scene.personas.partner_org, user=user
    )
    return user


def moderator(scene: Any) -> Any:
    """A partner named moderator of the commons (not the Secretariat)."""
    user = make_user("mona")
    Person.objects.create(
        slug="mona-moderator",
        name="Mona Moderator",
        organisation=scene.personas.partner_org,
        user=user,
    )
    services.set_moderator(scene.commons, user, acting_user=scene.secretariat)
    return user


def a_thread(scene: Any, body: str = "Opening words") -> Thread:
    thread = services.start_thread(
        scene.commons, acting_user=scene.partner, title="Recruitment fees", body=body
    )
    return thread


def person(scene: Any, name: str, *, days: int = 30) -> Any:
    """A person of a partner organisation, on the Hub for `days` days."""
    user = make_user(name)
    Person.objects.create(
        slug=f"{name}-p", name=name.title(), organisation=scene.personas.partner_org, user=user
    )
    joined = timezone.now() - dt.timedelta(days=days)
    get_user_model().objects.filter(pk=user.pk).update(date_joined=joined)
    user.date_joined = joined
    return user


def moderator_of(scene: Any, space: Any, name: str, language: str = "en") -> Any:
    user = person(scene, name)
    services.set_moderator(space, user, acting_user=scene.secretariat)
    Preferences.objects.create(user=user, language=language)
    return user


def a_reply(scene: Any, body: str = "Call +41 22 555 01 02 for cheap visas") -> Any:
    thread = services.start_thread(
        scene.commons, acting_user=scene.partner, title="Recruitment fees", body="Opening"
    )
    return services.reply(thread, acting_user=scene.secretariat, body=body)


def alerts(post: Any) -> dict[Any, Notification]:
    return {
        n.user: n
        for n in Notification.objects.filter(
            post=post, reason__in=[Reason.FLAGGED, Reason.HELD]
        ).select_related("user")
    }
