"""
Every persona, every content type, every visibility, every way out.

One world is built per test module (per xdist worker) inside a transaction
that is rolled back at the end; each cell then asks one page, feed or export
as one persona and checks whether the object's marker is there. What should
be there is decided by `expected()`, written from the rules in DESIGN.md
and issue 6, not from `core.visibility`:

- public: everyone;
- partners: partners and the Secretariat (here the group member and the
  focal point are not partners, so they do not);
- members: members of the group the object belongs to, and the
  Secretariat; an object that belongs to no group is the Secretariat's;
- secretariat: the Secretariat only;
- drafts (events, roadmaps): the Secretariat only, and for roadmaps the
  country's focal points too;
- a focal point sees everything of their own country's pathfinder (the
  pathfinder, its roadmaps, workshops and findings): they edit it;
- the calendar feed carries no session: it is what anonymous visitors see,
  whoever asks;
- a deactivated account (`inactive`: former Secretariat staff of the group
  member's organisation) sees what anonymous visitors see;
- editing pages open to their editors only (`Way.openers`: the member
  persona chairs the host group, the focal point edits their pathfinder,
  the partner owns the action items); to anyone else they answer as a
  missing page does, or send to the login page.

Beyond the cells, `test_counts_agree` checks the figures a page shows (how
many partners, activities, actions, participating organisations) against
the objects each persona may see.

`tools/visibility_mutations.py` removes each visibility check of the Hub in
turn and runs this module: docs/visibility-matrix.md says which cell catches
each one, and why the few that no cell can catch are redundant.

A hidden object's own page answers 404, as a missing one does.
Responses are memoised per (user, address) within a run: the world does not
change while the cells read it, and a page is then asked once for all the
objects it may show.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.test import Client, override_settings
from django.utils import translation

from alliance87.core.dates import ReportedDate
from alliance87.core.models import KeyFigure
from alliance87.core.visibility import Visibility
from alliance87.countries.models import Country
from alliance87.partners.models import Person, StakeholderType

PERSONAS = ("anonymous", "outsider", "partner", "member", "focal", "secretariat", "inactive")
LEVELS = ("public", "partners", "members", "secretariat")
HOST_EVENT = "mx-host-meeting"
NEXT_EVENT = "mx-next-meeting"
HOST_GROUP = "mx-host-group"
HOST_STATEMENT = "mx-host-statement"
HOST_COUNTRY = "mrt"  # the pathfinder that holds the roadmaps, workshops...
EVENT_COUNTRY = "npl"  # where the matrix events are held
ORG_COUNTRY = "per"  # where the matrix organisations are based
FOLLOWER_COUNTRY = "che"  # where the meetings that follow the matrix events are held
PEOPLE_ORG = "mx-people-org"  # the matrix people work for it; a member of the host group
PATHFINDER_COUNTRIES = {"public": "uga", "partners": "khm", "members": "alb", "secretariat": "gha"}


@dataclass(frozen=True)
class Way:
    """One way an object can leave the Hub."""

    name: str
    url: Callable[[World, Item], str]
    # The object's own page: hidden answers 404; seen answers 200.
    own_page: bool = False
    # What the page shows of the object, when not its marker.
    look_for: Callable[[World, Item], str] | None = None
    # Served without a session: what anonymous visitors see, whoever asks.
    public_only: bool = False
    # An editing page: the personas who may open it (the Secretariat may
    # open every page); None for a page open to all.
    openers: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Kind:
    name: str
    ways: tuple[Way, ...]
    statuses: tuple[str, ...] = ("",)
    draft_statuses: tuple[str, ...] = ()
    has_group: bool = False  # members-only rows belong to a group
    # Whether the member persona's organisation belongs to that group.
    member_belongs: bool = True
    pathfinder_owned: bool = False  # the country's focal points see it all
    levels: tuple[str, ...] = LEVELS


@dataclass(frozen=True)
class Item:
    kind: str
    level: str
    status: str = ""

    @property
    def key(self) -> str:
        return "-".join(p for p in (self.kind, self.level, self.status) if p)

    @property
    def marker(self) -> str:
        return f"MK-{self.key}-KM"


@dataclass
class World:
    users: dict[str, Any]
    focal_points: dict[str, Any]  # lower-case iso3 -> focal point
    objects: dict[str, Any] = field(default_factory=dict)
    responses: dict[tuple[int | None, str], tuple[int, str]] = field(default_factory=dict)

    def fresh_user(self, persona: str, item: Item) -> Any:
        """The persona as read anew from the database: no cached audience."""
        user = self.user(persona, item)
        return type(user).objects.get(pk=user.pk) if user.is_authenticated else AnonymousUser()

    def user(self, persona: str, item: Item) -> Any:
        if persona == "focal":
            return self.focal_points[country_of(item)]
        return self.users[persona]

    def get(self, user: Any, url: str) -> tuple[int, str]:
        key = (getattr(user, "pk", None), url)
        if key not in self.responses:
            client = Client()
            if user.is_authenticated:
                client.force_login(user)
            response = client.get(url)
            self.responses[key] = (response.status_code, response.content.decode())
        return self.responses[key]


def country_of(item: Item) -> str:
    """Return the country whose focal point is the `focal` persona."""
    if item.kind == "pathfinder":
        return PATHFINDER_COUNTRIES[item.level]
    return HOST_COUNTRY


def _obj(world: World, item: Item) -> Any:
    return world.objects[item.key]


def _fixed(url: str) -> Callable[[World, Item], str]:
    return lambda world, item: url


def _slug_url(template: str) -> Callable[[World, Item], str]:
    return lambda world, item: template.format(slug=_obj(world, item).slug)


def _pathfinder_link(world: World, item: Item) -> str:
    return f"/en/countries/{PATHFINDER_COUNTRIES[item.level]}/#pathfinder"


def _pk_url(template: str) -> Callable[[World, Item], str]:
    return lambda world, item: template.format(pk=_obj(world, item).pk)


def _membership_url(key: Callable[[Item], str]) -> Callable[[World, Item], str]:
    """The representatives page of a membership of the host group."""
    return lambda world, item: (
        f"/en/groups/{HOST_GROUP}/members/{world.objects[key(item)].pk}/representatives/"
    )


def _roadmap_url(suffix: str) -> Callable[[World, Item], str]:
    return lambda world, item: (
        f"/en/pathfinders/{HOST_COUNTRY}/roadmaps/{_obj(world, item).pk}/{suffix}"
    )


HOST_EVENT_PAGE = Way("event-page", _fixed(f"/en/events/{HOST_EVENT}/"))
HOST_BRIEFING = Way("briefing", _fixed(f"/en/events/{HOST_EVENT}/briefing/"))
NEXT_EVENT_PAGE = Way("next-event-page", _fixed(f"/en/events/{NEXT_EVENT}/"))
NEXT_BRIEFING = Way("next-briefing", _fixed(f"/en/events/{NEXT_EVENT}/briefing/"))


def _workshop_date(world: World, item: Item) -> str:
    # The overview lists a workshop by its host and date: each has its own.
    return f'datetime="{_obj(world, item).date_start:%Y-%m-%d}"'


def _regional_workshop_date(world: World, item: Item) -> str:
    return f'datetime="{_obj(world, item).date_start:%Y-%m-%d}"'


HOST_COUNTRY_PAGE = Way("country", _fixed(f"/en/countries/{HOST_COUNTRY}/"))
PATHFINDER_INDEX = Way("index", _fixed("/en/pathfinders/"))
HOST_GROUP_PAGE = Way("group", _fixed(f"/en/groups/{HOST_GROUP}/"))
# Who may open the editing pages, besides the Secretariat.
CHAIR = ("member",)  # the member persona chairs the host group
FOCAL = ("focal",)  # the focal point edits their own pathfinder
OWNER = ("partner",)  # the partner's organisation owns the action items
WORKPLAN = Way("workplan", _fixed(f"/en/groups/{HOST_GROUP}/workplan/"), openers=CHAIR)
MEMBERS = Way("members", _fixed(f"/en/groups/{HOST_GROUP}/members/"), openers=CHAIR)

KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("keyfigure", (Way("home", _fixed("/en/")),)),
        Kind(
            "organisation",
            (
                Way("detail", _slug_url("/en/partners/{slug}/"), own_page=True),
                Way("list", _fixed("/en/partners/")),
                # The directory's search: the object's own name asked for.
                Way(
                    "search",
                    lambda world, item: f"/en/partners/?q={item.marker}",
                    # The query is echoed in the form: look for the row's link.
                    look_for=lambda world, item: f'href="/en/partners/{_obj(world, item).slug}/"',
                ),
                Way("country", _fixed(f"/en/countries/{ORG_COUNTRY}/")),
                Way("statement", _fixed(f"/en/statements/{HOST_STATEMENT}/")),
                # The tracker's Owner filter: a filter's choices are a way
                # out (it offered partners-only owners to anyone).
                Way("tracker-owner-filter", _fixed("/en/events/action-items/")),
                # A member of the host group, and an owner of its activity.
                HOST_GROUP_PAGE,
                HOST_EVENT_PAGE,
                # The chair's pages: the activity's owners, the form's
                # choice of owners, the members and the form to add one,
                # the organisation's representatives.
                WORKPLAN,
                Way(
                    "activity-form",
                    _fixed(f"/en/groups/{HOST_GROUP}/workplan/activities/new/"),
                    openers=CHAIR,
                ),
                MEMBERS,
                Way(
                    "representatives",
                    _membership_url(lambda item: f"{item.key}:membership"),
                    own_page=True,
                    openers=CHAIR,
                ),
                # The focal point's forms offer organisations to choose.
                Way(
                    "pathfinder-form",
                    _fixed(f"/en/pathfinders/{HOST_COUNTRY}/edit/"),
                    openers=FOCAL,
                ),
                Way(
                    "action-form",
                    lambda world, item: (
                        f"/en/pathfinders/{HOST_COUNTRY}/roadmaps/"
                        f"{world.objects['roadmap-public-adopted'].pk}/actions/new/"
                    ),
                    openers=FOCAL,
                ),
            ),
        ),
        Kind(
            "person",
            (
                Way("organisation", _fixed(f"/en/partners/{PEOPLE_ORG}/")),
                HOST_EVENT_PAGE,
                # Representatives of a member of the host group, and its
                # past co-chairs.
                HOST_GROUP_PAGE,
                MEMBERS,
                Way(
                    "representatives",
                    _membership_url(lambda item: "people:membership"),
                    openers=CHAIR,
                ),
            ),
        ),
        Kind(
            "event",
            (
                Way("detail", _slug_url("/en/events/{slug}/"), own_page=True),
                Way("list", _fixed("/en/events/")),
                Way("calendar", _fixed("/events.ics"), public_only=True),
                Way("ics", _slug_url("/en/events/{slug}/event.ics"), own_page=True),
                Way("briefing", _slug_url("/en/events/{slug}/briefing/"), own_page=True),
                Way("country", _fixed(f"/en/countries/{EVENT_COUNTRY}/")),
                Way("group", _fixed(f"/en/groups/{HOST_GROUP}/")),
                # Each event carries a public decision and a public action
                # item whose text is its marker.
                Way("decisions", _fixed("/en/events/decisions/")),
                Way("tracker", _fixed("/en/events/action-items/?state=all")),
                Way("feeds-into", _fixed(f"/en/events/{HOST_EVENT}/")),
                # Each event is the previous meeting of a public one, whose
                # briefing names it.
                Way("next-briefing", _slug_url("/en/events/{slug}-next/briefing/")),
            ),
            statuses=("published", "draft"),
            draft_statuses=("draft",),
        ),
        Kind("objective", (HOST_EVENT_PAGE, HOST_BRIEFING)),
        Kind("agendaitem", (HOST_EVENT_PAGE, HOST_BRIEFING)),
        Kind("exchange", (HOST_EVENT_PAGE,)),
        Kind("document", (HOST_EVENT_PAGE,)),
        Kind(
            "decision",
            (HOST_EVENT_PAGE, Way("register", _fixed("/en/events/decisions/")), NEXT_BRIEFING),
        ),
        Kind(
            "actionitem",
            (
                HOST_EVENT_PAGE,
                Way("tracker", _fixed("/en/events/action-items/?state=all")),
                NEXT_EVENT_PAGE,
                NEXT_BRIEFING,
                Way(
                    "close",
                    _pk_url("/en/events/action-items/{pk}/close/"),
                    own_page=True,
                    openers=OWNER,
                ),
            ),
        ),
        Kind("participant", (HOST_EVENT_PAGE,)),
        Kind(
            "group",
            (
                Way("detail", _slug_url("/en/groups/{slug}/"), own_page=True),
                Way("list", _fixed("/en/groups/")),
                Way("engagement", _fixed("/en/groups/engagement/")),
                Way("engagement-csv", _fixed("/en/groups/engagement.csv")),
                # The application form offers the public action groups, and
                # their seats open for nominations.
                Way("apply-form", _fixed("/en/apply/"), public_only=True),
                # Each is a sub-group of the host group.
                Way("parent", _fixed(f"/en/groups/{HOST_GROUP}/")),
            ),
            has_group=True,
        ),
        # A members-only group the group member does not belong to.
        Kind(
            "othergroup",
            (
                Way("detail", _slug_url("/en/groups/{slug}/"), own_page=True),
                Way("list", _fixed("/en/groups/")),
                Way("parent", _fixed(f"/en/groups/{HOST_GROUP}/")),
            ),
            has_group=True,
            member_belongs=False,
            levels=("members",),
        ),
        Kind(
            "activity",
            (
                HOST_GROUP_PAGE,
                WORKPLAN,
                Way(
                    "edit",
                    _pk_url(f"/en/groups/{HOST_GROUP}/workplan/activities/{{pk}}/edit/"),
                    own_page=True,
                    openers=CHAIR,
                ),
            ),
            has_group=True,
        ),
        Kind(
            "pathfinder",
            (
                Way("index", _fixed("/en/pathfinders/"), look_for=_pathfinder_link),
                Way(
                    "country",
                    lambda world, item: f"/en/countries/{PATHFINDER_COUNTRIES[item.level]}/",
                ),
                Way(
                    "briefing",
                    _fixed(f"/en/events/{HOST_EVENT}/briefing/"),
                    look_for=_pathfinder_link,
                ),
                Way(
                    "progress-csv",
                    lambda world, item: (
                        f"/en/pathfinders/{PATHFINDER_COUNTRIES[item.level]}/progress.csv"
                    ),
                    own_page=True,
                    look_for=lambda world, item: "country,roadmap,priority_area",
                ),
            ),
            pathfinder_owned=True,
        ),
        Kind(
            "roadmap",
            (
                HOST_COUNTRY_PAGE,
                Way("print", _roadmap_url("print/"), own_page=True),
                Way("actions-csv", _roadmap_url("actions.csv"), own_page=True),
                Way("progress-csv", _fixed(f"/en/pathfinders/{HOST_COUNTRY}/progress.csv")),
            ),
            statuses=("adopted", "draft"),
            draft_statuses=("draft",),
            pathfinder_owned=True,
        ),
        Kind(
            "workshop",
            (
                HOST_COUNTRY_PAGE,
                Way("index", _fixed("/en/pathfinders/"), look_for=_workshop_date),
                Way("events", _fixed("/en/events/")),
                Way("calendar", _fixed("/events.ics"), public_only=True),
            ),
            pathfinder_owned=True,
        ),
        # A workshop hosted by a regional body: it belongs to no pathfinder.
        Kind(
            "regionalworkshop",
            (
                Way("index", _fixed("/en/pathfinders/"), look_for=_regional_workshop_date),
                Way("events", _fixed("/en/events/")),
                Way("calendar", _fixed("/events.ics"), public_only=True),
            ),
        ),
        Kind("finding", (HOST_COUNTRY_PAGE,), pathfinder_owned=True),
        Kind("lesson", (PATHFINDER_INDEX,)),
        Kind(
            "statement",
            (
                Way("list", _fixed("/en/statements/")),
                Way("detail", _slug_url("/en/statements/{slug}/"), own_page=True),
            ),
        ),
        Kind(
            "application",
            (
                Way("review-list", _fixed("/en/applications/")),
                Way(
                    "review",
                    lambda world, item: f"/en/applications/{_obj(world, item).pk}/",
                    own_page=True,
                ),
            ),
            levels=("secretariat",),
        ),
    )
}


def items() -> Iterator[Item]:
    for kind in KINDS.values():
        for level in kind.levels:
            for status in kind.statuses:
                yield Item(kind.name, level, status)


def expected(persona: str, item: Item, way: Way) -> bool:
    """Return whether `persona` should see `item` through `way`."""
    kind = KINDS[item.kind]
    if way.public_only or persona == "inactive":
        persona = "anonymous"
    if persona == "secretariat":
        return True
    if way.openers is not None and persona not in way.openers:
        return False
    if persona == "focal" and kind.pathfinder_owned:
        return True
    if item.status in kind.draft_statuses:
        return False
    if item.level == "public":
        return True
    if item.level == "partners":
        return persona == "partner"
    if item.level == "members":
        return kind.has_group and kind.member_belongs and persona == "member"
    return False


CELLS = [
    pytest.param(item, persona, way, id=f"{item.key}-{persona}-{way.name}")
    for item in items()
    for persona in PERSONAS
    for way in KINDS[item.kind].ways
]


# The world ---------------------------------------------------------------


def _build() -> World:
    from alliance87.applications.services import submit_application
    from alliance87.events import services as events
    from alliance87.events.models import Event, EventSeries, Objective
    from alliance87.groups.models import Activity, ChairRole, Constituency, Group, GroupKind, Seat
    from alliance87.groups.services import (
        add_member,
        save_group,
        set_representatives,
        start_chair_term,
    )
    from alliance87.pathfinders import services as pathfinders
    from alliance87.pathfinders.models import (
        Action,
        Finding,
        Lesson,
        Pathfinder,
        PriorityArea,
        Roadmap,
        Stage,
        Workshop,
    )
    from alliance87.statements.models import Statement
    from alliance87.statements.services import endorse_statement
    from alliance87.testing.factories import make_organisation
    from alliance87.testing.personas import make_focal_point, make_personas, make_user

    personas = make_personas()
    secretariat = personas.secretariat

    # The group member: works for an organisation that is not a partner,
    # but is a current member of the host group and of every matrix group.
    member_org = make_organisation("mx-member-org", "Member NGO", is_partner=False)
    member = make_user("member")
    mo = Person.objects.create(
        slug="mo-member", name="Mo Member", organisation=member_org, user=member
    )
    # A former Secretariat staff member of the same organisation, whose
    # account was deactivated: staff, and in every matrix group.
    inactive = make_user("inactive", staff=True)
    inactive.is_active = False
    inactive.save(update_fields=["is_active"])
    Person.objects.create(
        slug="ina-inactive", name="Ina Inactive", organisation=member_org, user=inactive
    )

    def country(iso3: str) -> Country:
        return Country.objects.get(iso3=iso3.upper())

    def make_group(
        slug: str, name: str, visibility: str, parent: Group | None = None, member: bool = True
    ) -> Group:
        group = Group(slug=slug, name=name, name_en=name, visibility=visibility, parent=parent)
        group.kind = GroupKind.ACTION_GROUP
        group = save_group(group, acting_user=secretariat)
        if member:
            add_member(group, organisation=member_org, acting_user=secretariat)
        return group

    host_group = make_group(HOST_GROUP, "Host action group", Visibility.PUBLIC)
    # The member persona chairs the host group: the chair's pages are ways out.
    start_chair_term(
        host_group,
        role=ChairRole.CHAIR,
        organisation=member_org,
        person=mo,
        starts_on=dt.date(2019, 1, 1),
        acting_user=secretariat,
    )
    people_org = make_organisation(PEOPLE_ORG, "People NGO", is_partner=True)
    people: list[Person] = []
    # An organisation that takes part in every matrix event (engagement counts).
    academy = make_organisation(
        "mx-academy", "Matrix academy", is_partner=False, stakeholder_type=StakeholderType.ACADEMIA
    )
    regional_body = make_organisation(
        "mx-regional-body",
        "Matrix regional body",
        is_partner=False,
        stakeholder_type=StakeholderType.REGIONAL_BODY,
    )

    focal_points = {HOST_COUNTRY: make_focal_point(HOST_COUNTRY.upper())}
    host_pathfinder = Pathfinder.objects.get(country=country(HOST_COUNTRY))
    pathfinders.record_stage(
        host_pathfinder,
        stage=Stage.WORKSHOP_HELD,
        date=ReportedDate(dt.date(2019, 3, 1)),
        acting_user=secretariat,
    )
    for iso3 in PATHFINDER_COUNTRIES.values():
        focal_points[iso3] = make_focal_point(iso3.upper())

    series = EventSeries.objects.create(
        slug="mx-series", name="Matrix meetings", name_en="Matrix meetings", body="Matrix body"
    )

    def make_event(
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

    host_event = make_event(
        HOST_EVENT, "Host meeting", day=dt.date(2019, 5, 1), publish=True, series=series, number=1
    )
    make_event(
        NEXT_EVENT, "Next meeting", day=dt.date(2020, 5, 1), publish=True, series=series, number=2
    )
    host_statement = Statement.objects.create(
        slug=HOST_STATEMENT, title="Host statement", title_en="Host statement"
    )

    objects: dict[str, Any] = {
        "people:membership": add_member(
            host_group, organisation=people_org, acting_user=secretariat
        )
    }
    organisations: list[Any] = []
    for n, item in enumerate(items()):
        m, level = item.marker, item.level
        obj: Any
        if item.kind == "keyfigure":
            obj = KeyFigure.objects.create(
                slug=item.key,
                value=n,
                label=m,
                reference_year=2021,
                source="ILO",
                publication_year=2022,
                visibility=level,
            )
        elif item.kind == "organisation":
            obj = make_organisation(
                item.key,
                m,
                is_partner=True,
                country=country(ORG_COUNTRY),
                visibility=level,
                stakeholder_type=StakeholderType.CIVIL_SOCIETY,
            )
            endorse_statement(host_statement, organisation=obj, acting_user=secretariat)
            objects[f"{item.key}:membership"] = add_member(
                host_group, organisation=obj, acting_user=secretariat
            )
            organisations.append(obj)
            host_event.organisers.add(obj)
            # Named as the owner of a public action item, too.
            events.record_action_item(
                host_event, acting_user=secretariat, text="Owned", owner_organisation=obj
            )
            events.add_agenda_item(
                host_event,
                acting_user=secretariat,
                number=f"O{n}",
                title="Presented",
                presenter_organisations=[obj],
            )
        elif item.kind == "person":
            obj = Person.objects.create(
                slug=item.key, name=m, organisation=people_org, visibility=level
            )
            people.append(obj)
            # A past co-chair of the host group, for its organisation.
            start_chair_term(
                host_group,
                role=ChairRole.CO_CHAIR,
                organisation=people_org,
                person=obj,
                starts_on=dt.date(2010 + len(people), 1, 1),
                ends_on=dt.date(2010 + len(people), 12, 31),
                acting_user=secretariat,
            )
            # A party to the public record: asks a question, presents an item.
            events.record_exchange(
                host_event, acting_user=secretariat, question="Asked", asked_by_person=obj
            )
            events.add_agenda_item(
                host_event,
                acting_user=secretariat,
                number=f"P{n}",
                title="Presented",
                presenter_people=[obj],
            )
        elif item.kind == "event":
            # Each event opens a series of its own; a public meeting follows.
            own_series = EventSeries.objects.create(
                slug=f"mx-series-{n}", name=f"Series {n}", name_en=f"Series {n}", body="Body"
            )
            obj = make_event(
                item.key,
                m,
                day=dt.date(2018, 1, 1 + n % 28),
                publish=item.status == "published",
                visibility=level,
                series=own_series,
                number=1,
            )
            make_event(
                f"{item.key}-next",
                f"Follows {n}",
                day=dt.date(2018, 12, 1 + n % 28),
                publish=True,
                held_in=FOLLOWER_COUNTRY,
                series=own_series,
                number=2,
            )
            obj.groups.add(host_group)
            events.add_participant(obj, acting_user=secretariat, organisation=academy)
            # Its outcomes feed into the host meeting, whose page links it.
            events.link_events(obj, host_event, acting_user=secretariat)
            events.record_decision(obj, acting_user=secretariat, identifier=f"MX/{n}", text=m)
            events.record_action_item(
                obj, acting_user=secretariat, text=m, owner_organisation=personas.partner_org
            )
        elif item.kind == "objective":
            obj = events.add_objective(host_event, acting_user=secretariat, text=m)
            Objective.objects.filter(pk=obj.pk).update(visibility=level)
        elif item.kind == "agendaitem":
            obj = events.add_agenda_item(
                host_event, acting_user=secretariat, number=str(n), title=m, visibility=level
            )
        elif item.kind == "exchange":
            obj = events.record_exchange(
                host_event,
                acting_user=secretariat,
                question=m,
                visibility=level,
                asked_by_organisation=personas.partner_org,
            )
        elif item.kind == "document":
            obj = events.attach_document(
                host_event,
                acting_user=secretariat,
                kind="report",
                title=m,
                url=f"https://example.org/{item.key}",
                visibility=level,
            )
        elif item.kind == "decision":
            obj = events.record_decision(
                host_event,
                acting_user=secretariat,
                identifier=item.key,
                text=m,
                visibility=level,
            )
        elif item.kind == "actionitem":
            obj = events.record_action_item(
                host_event,
                acting_user=secretariat,
                text=m,
                visibility=level,
                owner_organisation=personas.partner_org,
            )
        elif item.kind == "participant":
            obj = events.add_participant(
                host_event,
                acting_user=secretariat,
                organisation=make_organisation(item.key, m, is_partner=False),
                visibility=level,
            )
        elif item.kind == "group":
            obj = make_group(item.key, m, level, parent=host_group)
            # A seat open for nominations: the application form offers
            # those of public groups.
            Seat.objects.create(
                group=obj,
                constituency=Constituency.SOCIAL_PARTNERS,
                label=f"{m} seat",
                open_for_nominations=True,
            )
        elif item.kind == "othergroup":
            obj = make_group(item.key, m, level, parent=host_group, member=False)
        elif item.kind == "activity":
            obj = Activity.objects.create(group=host_group, title=m, title_en=m, visibility=level)
        elif item.kind == "pathfinder":
            obj = Pathfinder.objects.get(country=country(PATHFINDER_COUNTRIES[level]))
            obj.summary = m
            obj.visibility = level
            obj = pathfinders.update_pathfinder(obj, acting_user=secretariat)
        elif item.kind == "roadmap":
            roadmap = Roadmap(
                pathfinder=host_pathfinder,
                title=m,
                period_start=2019,
                period_end=2021,
                visibility=level,
            )
            if item.status == "adopted":
                pathfinders.adopt_roadmap(
                    roadmap, date=ReportedDate(dt.date(2019, 3, 28)), acting_user=secretariat
                )
            else:
                pathfinders.save_roadmap(roadmap, acting_user=secretariat)
            priority = pathfinders.save_priority_area(
                PriorityArea(roadmap=roadmap, number=1, title="Prevention"),
                acting_user=secretariat,
            )
            action = pathfinders.save_action(
                Action(
                    priority=priority,
                    number=1,
                    title=m,
                    currency="USD",
                    budget_needed=Decimal(1000),
                    budget_secured=Decimal(400),
                ),
                acting_user=secretariat,
            )
            pathfinders.record_progress(
                action, date=dt.date(2020, 1, 1), text=m, acting_user=secretariat
            )
            obj = roadmap
        elif item.kind == "workshop":
            workshop = Workshop(
                pathfinder=host_pathfinder,
                host_country=country(HOST_COUNTRY),
                region=country(HOST_COUNTRY).region,
                title=m,
                visibility=level,
            )
            date = ReportedDate(dt.date(2019, 6, 1 + n % 28))
            workshop.date_start, workshop.date_end = date.start, date.end
            workshop.date_precision = date.precision
            obj = pathfinders.save_workshop(workshop, acting_user=secretariat)
        elif item.kind == "regionalworkshop":
            workshop = Workshop(
                host_organisation=regional_body,
                region=country(HOST_COUNTRY).region,
                title=m,
                visibility=level,
            )
            date = ReportedDate(dt.date(2019, 7, 1 + n % 28))
            workshop.date_start, workshop.date_end = date.start, date.end
            workshop.date_precision = date.precision
            obj = pathfinders.save_workshop(workshop, acting_user=secretariat)
        elif item.kind == "finding":
            obj = pathfinders.save_finding(
                Finding(
                    pathfinder=host_pathfinder,
                    kind=Finding.Kind.ACHIEVEMENT,
                    text=m,
                    visibility=level,
                ),
                acting_user=secretariat,
            )
        elif item.kind == "lesson":
            obj = Lesson.objects.create(text=m, text_en=m, visibility=level)
        elif item.kind == "statement":
            obj = Statement.objects.create(slug=item.key, title=m, title_en=m, visibility=level)
        elif item.kind == "application":
            obj = submit_application(
                kind="partner",
                organisation_name=m,
                stakeholder_type="civil_society",
                contact_name="Ana Example",
                email="ana@example.org",
                acting_user=None,
            )
        else:  # pragma: no cover - a kind without a builder
            raise AssertionError(item.kind)
        objects[item.key] = obj

    set_representatives(objects["people:membership"], people=people, acting_user=secretariat)
    # A public activity of the host group, owned by every matrix organisation.
    owned = Activity.objects.create(group=host_group, title="Owned", title_en="Owned")
    owned.owners.set(organisations)
    # The focal point's persona must not be a partner, or the cells of the
    # partners level would not tell them apart.
    users = {
        "anonymous": AnonymousUser(),
        "outsider": personas.outsider,
        "partner": personas.partner,
        "member": member,
        "secretariat": secretariat,
        "inactive": inactive,
    }
    return World(users=users, focal_points=focal_points, objects=objects)


@pytest.fixture(scope="module")
def world(django_db_setup: None, django_db_blocker: Any) -> Iterator[World]:
    # Built once per module and worker, inside a transaction rolled back at
    # the end; each cell runs in a savepoint within it.
    md5 = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with django_db_blocker.unblock(), transaction.atomic(), translation.override("en"):
        with override_settings(PASSWORD_HASHERS=md5):
            built = _build()
        yield built
        transaction.set_rollback(True)


@pytest.fixture
def no_page_cache(settings: Any) -> None:
    settings.PAGE_CACHE_SECONDS = 0


# The cells ---------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.usefixtures("no_page_cache")
@pytest.mark.parametrize(("item", "persona", "way"), CELLS)
def test_matrix(world: World, item: Item, persona: str, way: Way) -> None:
    user = world.user(persona, item)
    status, body = world.get(user, way.url(world, item))
    look_for = way.look_for(world, item) if way.look_for else item.marker
    if expected(persona, item, way):
        assert status == 200, f"{persona} should see {item.key} at {way.name}: got {status}"
        assert look_for in body, f"{persona} should see {look_for} at {way.name}"
    else:
        opens = way.openers is None or persona in (*way.openers, "secretariat")
        if way.own_page:
            # A hidden object answers as a missing one; an editing page
            # refused answers so too, or sends to the login page.
            allowed = (404,) if opens else (302, 404)
            assert status in allowed, f"{persona} must get 404 for {item.key}, got {status}"
        assert look_for not in body, f"{persona} must not see {look_for} at {way.name}"


# The figures a page shows -----------------------------------------------


def _number(pattern: str) -> Callable[[str], int]:
    def read(body: str) -> int:
        found = re.search(pattern, body)
        return int(found.group(1)) if found else 0

    return read


def _host_group_activities(body: str) -> int:
    card = body.split(f'<h3><a href="/en/groups/{HOST_GROUP}/">', 1)[1].split("</li>", 1)[0]
    return _number(r"of (\d+) activit")(card)


def _event_participation(body: str) -> int:
    # One row per (period, stakeholder type): the matrix events are held in
    # 2018, and the academy is the only academia that takes part.
    for row in csv.reader(io.StringIO(body)):
        if row[:3] == ["Events", "2018", "Academia"]:
            return int(row[3])
    return 0


@dataclass(frozen=True)
class Figure:
    name: str
    kind: str  # the matrix objects it counts
    url: str
    read: Callable[[str], int]


FIGURES = (
    Figure("home-partners", "organisation", "/en/", _number(r"(\d+) partner organisation")),
    Figure("group-activities", "activity", "/en/groups/", _host_group_activities),
    Figure(
        "roadmap-actions",
        "roadmap",
        "/en/pathfinders/",
        _number(r"Roadmap actions by status \((\d+) action"),
    ),
    Figure("event-participation", "event", "/en/groups/engagement.csv", _event_participation),
)


@pytest.mark.django_db
@pytest.mark.usefixtures("no_page_cache")
@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f.name)
@pytest.mark.parametrize("persona", [p for p in PERSONAS if p != "anonymous"])
def test_counts_agree(world: World, persona: str, figure: Figure) -> None:
    """A count counts what the persona may see: beyond what anonymous
    visitors count, exactly the matrix objects the persona sees and they
    do not (other rows in the count are public)."""
    rows = [item for item in items() if item.kind == figure.kind]
    way = Way(figure.name, _fixed(figure.url))

    def count(who: str) -> int:
        status, body = world.get(world.user(who, rows[0]), figure.url)
        assert status == 200
        return figure.read(body)

    extra = sum(expected(persona, i, way) - expected("anonymous", i, way) for i in rows)
    assert count(persona) - count("anonymous") == extra


@pytest.mark.django_db
def test_page_cache_never_crosses_personas(world: World, settings: Any) -> None:
    """A signed-in page is never served to anonymous visitors, nor theirs to
    a signed-in persona."""
    settings.PAGE_CACHE_SECONDS = 300
    hidden = Item("statement", "partners").marker
    anonymous, partner = Client(), Client()
    partner.force_login(world.users["partner"])

    # Anonymous first: the page is cached, and the partner still gets theirs.
    assert anonymous.get("/en/statements/")["X-Page-Cache"] == "miss"
    cached = anonymous.get("/en/statements/")
    assert cached["X-Page-Cache"] == "hit" and hidden not in cached.content.decode()
    mine = partner.get("/en/statements/")
    assert mine["X-Page-Cache"] == "miss" and hidden in mine.content.decode()

    # The partner first: nothing is cached for the anonymous visitor after.
    org = Item("organisation", "partners").marker
    assert org in partner.get("/en/partners/").content.decode()
    first = anonymous.get("/en/partners/")
    assert first["X-Page-Cache"] == "miss" and org not in first.content.decode()
    again = anonymous.get("/en/partners/")
    assert again["X-Page-Cache"] == "hit" and org not in again.content.decode()
    assert org in partner.get("/en/partners/").content.decode()
