"""The community's test scene: a members-only space of a group, an open
space for partners, and the people who read and write in them. They have
been on the Hub for a month, so their posts are published at once; the
moderation tests make new accounts, whose first posts are held. The
`countries` fixture (alliance87/testing/countries.py) is registered here
for the tests that commit. Below the scene, the fixtures that the modules
of one behaviour share: `new_accounts_held` (the moderation tests),
`thread` (reply by email), `media` and `accounts` (the Slack import)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from alliance87.community import services
from alliance87.community.models import Level, Space, SpaceKind, Thread
from alliance87.community.tests.reply_by_email_support import DOMAIN
from alliance87.core.visibility import Visibility
from alliance87.testing.countries import countries  # noqa: F401 - a fixture of this folder
from alliance87.testing.factories import make_group
from alliance87.testing.personas import Personas, make_member, verified


@dataclass
class Scene:
    personas: Personas
    group: Any
    member: Any  # works for a member organisation of the group; not a partner
    group_space: Space  # members only
    commons: Space  # partners

    @property
    def secretariat(self) -> Any:
        return self.personas.secretariat

    @property
    def partner(self) -> Any:
        return self.personas.partner

    @property
    def outsider(self) -> Any:
        return self.personas.outsider


@pytest.fixture
def scene(personas: Personas) -> Scene:
    group = make_group("migration", "Action Group on Migration")
    member = make_member(group, acting_user=personas.secretariat)
    group_space = services.save_space(
        Space(
            slug="migration",
            name="Migration space",
            kind=SpaceKind.GROUP,
            group=group,
            visibility=Visibility.MEMBERS,
        ),
        acting_user=personas.secretariat,
    )
    commons = services.save_space(
        Space(slug="commons", name="Commons", kind=SpaceKind.COMMONS),
        acting_user=personas.secretariat,
    )
    month_ago = timezone.now() - dt.timedelta(days=30)
    people = [member, personas.partner, personas.outsider, personas.secretariat]
    get_user_model().objects.filter(pk__in=[p.pk for p in people]).update(date_joined=month_ago)
    for person in people:
        person.date_joined = month_ago
    return Scene(personas, group, member, group_space, commons)


@pytest.fixture
def new_accounts_held(settings: Any) -> None:
    """An account of today is new (its first post is held); no hourly limit
    to count across tests."""
    settings.COMMUNITY_HOLD_DAYS, settings.COMMUNITY_HOLD_POSTS = 7, 1
    settings.COMMUNITY_NEW_POSTS_PER_HOUR = 0


@pytest.fixture
def thread(scene: Scene, settings: Any) -> Thread:
    """The thread the reply-by-email tests reply to: of the members-only
    space, which the member follows."""
    settings.REPLY_EMAIL_DOMAIN = DOMAIN
    verified(scene.member)
    verified(scene.partner)
    services.set_level(scene.group_space, acting_user=scene.member, level=Level.EVERYTHING)
    return services.start_thread(
        scene.group_space, acting_user=scene.secretariat, title="Meeting", body="Where?"
    )


@pytest.fixture
def media(settings: Any, tmp_path: Any) -> Any:
    """Uploaded files stored under the test's own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def accounts(scene: Scene) -> Scene:
    """The scene, with the partner's and the member's addresses verified."""
    verified(scene.partner)
    verified(scene.member)
    return scene
