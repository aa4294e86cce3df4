"""Safeguarding's test scene: a post in an open space and one in a
members-only space, a reporter, the person reported, a moderator, two
safeguarding officers (one of them writes in French) and the personas."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib.auth import get_user_model

from alliance87.community import services as community
from alliance87.community.models import Post, Preferences, Space, SpaceKind
from alliance87.core.visibility import Visibility
from alliance87.partners.models import Person
from alliance87.safeguarding import services
from alliance87.testing.factories import make_group
from alliance87.testing.personas import Personas, make_member, make_user


@dataclass
class Scene:
    personas: Personas
    reporter: Any  # a partner who reads the commons
    reported: Any  # a partner whose post is reported
    moderator: Any  # moderates the commons
    officer: Any
    officer_fr: Any  # a second officer, who reads email in French
    member: Any  # a member of the group, not a partner
    commons: Space
    group_space: Space
    post: Post  # the reported person's post in the commons
    members_post: Post  # a post in the members-only space

    @property
    def secretariat(self) -> Any:
        return self.personas.secretariat

    @property
    def outsider(self) -> Any:
        return self.personas.outsider


def _partner(username: str, org: Any) -> Any:
    user = make_user(username)
    Person.objects.create(slug=username, name=username.title(), organisation=org, user=user)
    return user


@pytest.fixture
def scene(personas: Personas) -> Scene:
    secretariat = personas.secretariat
    org = personas.partner_org
    reporter = _partner("reporter", org)
    reported = _partner("reported", org)
    moderator = _partner("moderator", org)
    officer = make_user("officer")
    officer_fr = make_user("officer-fr")
    Preferences.objects.create(user=officer_fr, language="fr")
    services.designate_officer(officer, acting_user=secretariat)
    services.designate_officer(officer_fr, acting_user=secretariat)
    group = make_group("migration", "Action Group on Migration")
    member = make_member(group, acting_user=secretariat)
    commons = community.save_space(
        Space(slug="commons", name="Commons", kind=SpaceKind.COMMONS),
        acting_user=secretariat,
    )
    group_space = community.save_space(
        Space(
            slug="migration",
            name="Migration space",
            kind=SpaceKind.GROUP,
            group=group,
            visibility=Visibility.MEMBERS,
        ),
        acting_user=secretariat,
    )
    community.set_moderator(commons, moderator, acting_user=secretariat)
    # Long-standing accounts: the community holds a new account's first
    # posts for its moderators, and these posts are to be read by all.
    get_user_model().objects.filter(pk__in=[reported.pk, member.pk]).update(
        date_joined=dt.datetime(2020, 1, 6, tzinfo=dt.UTC)
    )
    reported.refresh_from_db()
    member.refresh_from_db()
    thread = community.start_thread(
        commons, acting_user=reported, title="Recruitment fees", body="POST-TEXT-MARKER"
    )
    members_thread = community.start_thread(
        group_space, acting_user=member, title="Members only", body="Between members"
    )
    return Scene(
        personas,
        reporter,
        reported,
        moderator,
        officer,
        officer_fr,
        member,
        commons,
        group_space,
        thread.posts.get(),
        members_thread.posts.get(),
    )


@pytest.fixture
def report(scene: Scene) -> Any:
    """A report of the reported person's post, its text a marker."""
    return services.file_report(
        reporter=scene.reporter,
        category="harassment",
        what_happened="REPORT-TEXT-MARKER: threats in private messages",
        contact="email",
        post=scene.post,
        post_url="/en/community/commons/1/#post-1",
        acting_user=scene.reporter,
    )
