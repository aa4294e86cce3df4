"""People of the pseudonyms' tests: a member of a survivor-led partner
organisation, on the Hub for a month, whose real name the tests look for
in what the Hub shows of their posts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.test import Client
from django.utils import timezone

from alliance87.community import pseudonyms, services
from alliance87.community.models import Thread
from alliance87.partners.models import Organisation, Person, StakeholderType
from alliance87.partners.services import save_organisation, save_person
from alliance87.testing.personas import make_user

REAL_NAME = ("Amara", "Okafor")


def client_of(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def survivor_org(scene: Any) -> Organisation:
    return save_organisation(
        Organisation(
            slug="survivors-network",
            name="Survivors' Network (test)",
            stakeholder_type=StakeholderType.SURVIVOR,
            is_partner=True,
        ),
        acting_user=scene.secretariat,
    )


def survivor(scene: Any, username: str = "amara") -> Any:
    """A member of a survivor-led partner organisation, on the Hub for a
    month (their posts are published at once)."""
    user = make_user(username)
    user.first_name, user.last_name = REAL_NAME
    user.date_joined = timezone.now() - dt.timedelta(days=30)
    user.save(update_fields=["first_name", "last_name", "date_joined"])
    save_person(
        Person(
            slug=f"{username}-person",
            name=" ".join(REAL_NAME),
            organisation=survivor_org_of(scene),
            user=user,
        ),
        acting_user=scene.secretariat,
    )
    return user


def survivor_org_of(scene: Any) -> Organisation:
    return Organisation.objects.filter(slug="survivors-network").first() or survivor_org(scene)


def leaks(text: str, user: Any) -> list[str]:
    """Return what of `user`'s account `text` shows."""
    marks = [" ".join(REAL_NAME), REAL_NAME[1], user.username, user.email]
    return [m for m in marks if m in text]


def pseudonymous_thread(scene: Any, user: Any) -> Thread:
    pseudonyms.choose_pseudonym(acting_user=user, name="Quiet River")
    return services.start_thread(
        scene.commons,
        acting_user=user,
        title="What helped me",
        body="Words I wrote under a pseudonym",
        under_pseudonym=True,
    )
