"""The community API tests' scene: a members-only space of a group, a
space for partners and a public one, the people who write in them (on the
Hub for a month, so their posts are published at once), and a question
the partner opened in the partners' space."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from alliance87.community import services
from alliance87.community.models import Space, SpaceKind, Thread, ThreadKind
from alliance87.core.visibility import Visibility
from alliance87.partners.models import Person
from alliance87.testing.factories import make_group
from alliance87.testing.personas import Personas, make_member, make_user


@dataclass
class Scene:
    personas: Personas
    member: Any  # of the group; not a partner
    group_space: Space  # members only
    commons: Space  # partners
    public: Space  # everyone reads it
    thread: Thread  # in the commons, opened by the partner


def build_scene(personas: Personas) -> Scene:
    """The spaces, people and thread the community API tests write in."""
    secretariat = personas.secretariat
    group = make_group("migration", "Action Group on Migration")
    member = make_member(group, acting_user=secretariat)
    spaces = [
        services.save_space(space, acting_user=secretariat)
        for space in (
            Space(
                slug="migration",
                name="Migration space",
                kind=SpaceKind.GROUP,
                group=group,
                visibility=Visibility.MEMBERS,
            ),
            Space(slug="commons", name="Commons", kind=SpaceKind.COMMONS),
            Space(slug="open", name="Open", kind=SpaceKind.COMMONS, visibility=Visibility.PUBLIC),
        )
    ]
    # People who have been on the Hub for a month: their posts are
    # published at once (new accounts' are held: partner_colleague).
    people = [member, personas.partner, personas.outsider, secretariat]
    month_ago = timezone.now() - dt.timedelta(days=30)
    get_user_model().objects.filter(pk__in=[p.pk for p in people]).update(date_joined=month_ago)
    for person in people:
        person.date_joined = month_ago
    thread = services.start_thread(
        spaces[1],
        acting_user=personas.partner,
        title="Recruitment fees",
        body="Who pays them?",
        kind=ThreadKind.QUESTION,
    )
    group_space, commons, public = spaces
    return Scene(personas, member, group_space, commons, public, thread)


def replies(scene: Scene) -> str:
    return f"/community/spaces/commons/threads/{scene.thread.pk}/posts"


def partner_colleague(scene: Scene, name: str = "paz", *, joined_today: bool = False) -> Any:
    """Another person of the partner organisation."""
    user = make_user(name)
    if not joined_today:
        user.date_joined = timezone.now() - dt.timedelta(days=30)
        user.save(update_fields=["date_joined"])
    Person.objects.create(
        slug=f"{name}-person",
        name=name.title(),
        organisation=scene.personas.partner_org,
        user=user,
    )
    return user
