"""The scene the matrix objects are built in, and the helpers the
builders of several areas share."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model

from alliance87.accounts.tests.visibility_matrix.ways import EVENT_COUNTRY
from alliance87.core.dates import ReportedDate
from alliance87.countries.models import Country
from alliance87.events import services as events
from alliance87.events.models import Event
from alliance87.groups.models import Group, GroupKind
from alliance87.groups.services import add_member, save_group
from alliance87.partners.models import Organisation, Person
from alliance87.pathfinders.models import Pathfinder
from alliance87.statements.models import Statement
from alliance87.testing.personas import Personas, make_user


@dataclass
class Scene:
    """What the objects are built in, and what they are built into."""

    personas: Personas
    member_org: Organisation  # the member persona's; in every matrix group
    host_group: Group
    host_event: Event
    host_statement: Statement
    host_pathfinder: Pathfinder
    people_org: Organisation  # the matrix people work for it
    academy: Organisation  # takes part in every matrix event
    regional_body: Organisation  # hosts the regional workshops
    objects: dict[str, Any] = field(default_factory=dict)
    organisations: list[Organisation] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    host_focal: Any = None  # the focal point of HOST_COUNTRY

    @property
    def secretariat(self) -> Any:
        return self.personas.secretariat


def matrix_account(username: str) -> Any:
    """The account `username`, made the first time it is asked for."""
    found = get_user_model().objects.filter(username=username).first()
    return found if found is not None else make_user(username)


def country(iso3: str) -> Country:
    return Country.objects.get(iso3=iso3.upper())


def make_group(
    scene: Scene,
    slug: str,
    name: str,
    visibility: str,
    parent: Group | None = None,
    member: bool = True,
) -> Group:
    """Return a new action group; the member persona's organisation is a
    member of it unless `member` is False."""
    group = Group(slug=slug, name=name, name_en=name, visibility=visibility, parent=parent)
    group.kind = GroupKind.ACTION_GROUP
    group = save_group(group, acting_user=scene.secretariat)
    if member:
        add_member(group, organisation=scene.member_org, acting_user=scene.secretariat)
    return group


def make_event(
    secretariat: Any,
    slug: str,
    title: str,
    *,
    day: dt.date,
    publish: bool,
    held_in: str = EVENT_COUNTRY,
    **values: Any,
) -> Event:
    event = Event(slug=slug, title=title, title_en=title, event_type="gcg_meeting", **values)
    date = ReportedDate(day)
    event.date_start, event.date_end = date.start, date.end
    event.date_precision, event.date_tentative = date.precision, date.tentative
    events.save_event(event, acting_user=secretariat, countries=[country(held_in)])
    if publish:
        events.publish_event(event, acting_user=secretariat)
        event.refresh_from_db()
    return event
