"""The world every cell reads: the personas, the host meeting, group,
statement and pathfinder, and one object per row (objects/)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import AnonymousUser

from alliance87.accounts.tests.visibility_matrix.kinds import items
from alliance87.accounts.tests.visibility_matrix.objects import (
    Scene,
    country,
    make_event,
    make_object,
)
from alliance87.accounts.tests.visibility_matrix.ways import (
    CARDS_LISTED_THREAD,
    CARDS_RECORD_THREAD,
    CARDS_THREAD,
    HOST_COUNTRY,
    HOST_EVENT,
    HOST_GROUP,
    HOST_POST,
    HOST_RESOURCE,
    HOST_STATEMENT,
    NEXT_EVENT,
    OUTCOMES_THREAD,
    PATHFINDER_COUNTRIES,
    PEOPLE_ORG,
    World,
)
from alliance87.api.services import create_token
from alliance87.comms.models import Post
from alliance87.comms.services import PostLinks, save_post
from alliance87.community import services as community
from alliance87.community.models import Conversion, Space, SpaceKind
from alliance87.core.dates import ReportedDate
from alliance87.core.visibility import Visibility
from alliance87.events.models import EventSeries
from alliance87.groups.models import Activity, ChairRole, Group, GroupKind
from alliance87.groups.services import add_member, save_group, set_representatives
from alliance87.partners.models import StakeholderType
from alliance87.pathfinders import services as pathfinders
from alliance87.pathfinders.models import Action, Pathfinder, Stage
from alliance87.search.index import rebuild as rebuild_index
from alliance87.statements.models import Statement
from alliance87.testing.factories import make_organisation, make_resource
from alliance87.testing.personas import (
    make_focal_point,
    make_former_staff,
    make_member,
    make_personas,
    name_chair,
)


def _news_links(scene: Any) -> None:
    """A public news post by each matrix organisation (its page, and the
    news list filtered by it, name the author to whoever may see it), and
    the public HOST_POST linked to every matrix event and group (its page
    lists those the reader may see). The oldest posts, so that the lists'
    first pages keep the matrix posts."""
    oldest = dt.datetime(1800, 1, 1, tzinfo=dt.UTC)
    for organisation in scene.organisations:
        save_post(
            Post(
                slug=f"{organisation.slug}-news",
                kind="news",
                title_en="News of a matrix organisation",
                status="published",
                publish_at=oldest,
                organisation=organisation,
            ),
            acting_user=None,
        )
    linked: dict[str, list[Any]] = {"event": [], "group": []}
    for key, obj in scene.objects.items():
        kind = key.split("-", 1)[0]
        if kind in linked:
            linked[kind].append(obj)
    save_post(
        Post(
            slug=HOST_POST,
            kind="news",
            title_en="Host post",
            status="published",
            publish_at=oldest,
        ),
        acting_user=None,
        links=PostLinks(events=linked["event"], groups=linked["group"]),
    )


def _cards_and_outcomes(secretariat: Any, objects: dict[str, Any]) -> None:
    """Start the public threads of ways.CARD, CARD_LISTED, CARD_RECORD and
    OUTCOME: the first three link to every decision and action item (the
    first to every roadmap action too) by its row's address on its
    parent's page, on the register or tracker, and on its meeting's record
    page; the last became every action item and library resource."""
    space = community.save_space(
        Space(slug="mx-cards", name="Cards space", kind=SpaceKind.COMMONS, visibility="public"),
        acting_user=secretariat,
    )
    rows = [objects[i.key] for i in items() if i.kind in ("decision", "actionitem")]
    rows += [
        Action.objects.filter(priority__roadmap=objects[i.key]).select_related(
            "priority__roadmap__pathfinder__country"
        )[0]
        for i in items()
        if i.kind == "roadmap"
    ]
    # The links' text tells nothing: the cards alone show the rows.
    body = "\n".join(f"- [a link]({row.get_absolute_url()})" for row in rows)
    objects[CARDS_THREAD] = community.start_thread(
        space, acting_user=secretariat, title="Cards", body=body
    )
    meeting_rows = [row for row in rows if not isinstance(row, Action)]
    listed = {"decision": "/en/events/decisions/", "action": "/en/events/action-items/"}
    for key, title, address in (
        (CARDS_LISTED_THREAD, "Listed cards", lambda row: listed[row.anchor.split("-")[0]]),
        (CARDS_RECORD_THREAD, "Record cards", lambda row: f"/en/events/{row.event.slug}/record/"),
    ):
        body = "\n".join(f"- [a link]({address(row)}#{row.anchor})" for row in meeting_rows)
        objects[key] = community.start_thread(
            space, acting_user=secretariat, title=title, body=body
        )
    outcomes = community.start_thread(
        space, acting_user=secretariat, title="Outcomes", body="What it became"
    )
    for i in items():
        if i.kind == "actionitem":
            Conversion.objects.create(thread=outcomes, action_item=objects[i.key])
        elif i.kind == "resource":
            Conversion.objects.create(thread=outcomes, resource=objects[i.key])
    objects[OUTCOMES_THREAD] = outcomes


def build_world() -> World:
    personas = make_personas()
    secretariat = personas.secretariat

    host_group = Group(
        slug=HOST_GROUP,
        name="Host action group",
        name_en="Host action group",
        visibility=Visibility.PUBLIC,
        kind=GroupKind.ACTION_GROUP,
    )
    host_group = save_group(host_group, acting_user=secretariat)
    # The group member: works for an organisation that is not a partner,
    # but is a current member of the host group and of every matrix group.
    member = make_member(host_group, acting_user=secretariat)
    member_org = member.person.organisation
    # A former Secretariat staff member of the same organisation, whose
    # account was deactivated: staff, and in every matrix group.
    inactive = make_former_staff(member_org)
    # The member persona chairs the host group: the chair's pages are ways out.
    name_chair(
        host_group,
        member,
        role=ChairRole.CHAIR,
        starts_on=dt.date(2019, 1, 1),
        acting_user=secretariat,
    )
    people_org = make_organisation(PEOPLE_ORG, "People NGO", is_partner=True)

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
    host_event = make_event(
        secretariat,
        HOST_EVENT,
        "Host meeting",
        day=dt.date(2019, 5, 1),
        publish=True,
        series=series,
        number=1,
    )
    make_event(
        secretariat,
        NEXT_EVENT,
        "Next meeting",
        day=dt.date(2020, 5, 1),
        publish=True,
        series=series,
        number=2,
    )
    scene = Scene(
        personas=personas,
        member_org=member_org,
        host_group=host_group,
        host_event=host_event,
        host_statement=Statement.objects.create(
            slug=HOST_STATEMENT, title="Host statement", title_en="Host statement"
        ),
        host_pathfinder=host_pathfinder,
        people_org=people_org,
        # An organisation that takes part in every matrix event (engagement
        # counts).
        academy=make_organisation(
            "mx-academy",
            "Matrix academy",
            is_partner=False,
            stakeholder_type=StakeholderType.ACADEMIA,
        ),
        regional_body=make_organisation(
            "mx-regional-body",
            "Matrix regional body",
            is_partner=False,
            stakeholder_type=StakeholderType.REGIONAL_BODY,
        ),
    )
    scene.host_focal = focal_points[HOST_COUNTRY]
    objects = scene.objects
    objects["people:membership"] = add_member(
        host_group, organisation=people_org, acting_user=secretariat
    )
    for n, item in enumerate(items()):
        objects[item.key] = make_object(scene, n, item)

    _cards_and_outcomes(secretariat, objects)
    set_representatives(objects["people:membership"], people=scene.people, acting_user=secretariat)
    # A public activity of the host group, owned by every matrix organisation.
    owned = Activity.objects.create(group=host_group, title="Owned", title_en="Owned")
    owned.owners.set(scene.organisations)
    # A public library resource, published by every matrix organisation.
    make_resource(HOST_RESOURCE, "Host resource").publishers.set(scene.organisations)
    _news_links(scene)
    # The focal point's persona must not be a partner, or the cells of the
    # partners level would not tell them apart.
    users: dict[str, Any] = {
        "anonymous": AnonymousUser(),
        "outsider": personas.outsider,
        "partner": personas.partner,
        "member": member,
        "secretariat": secretariat,
        "inactive": inactive,
    }
    # The index follows writes once they commit; the world is built in a
    # transaction that never does, so it is indexed as `alliance87
    # reindex` would.
    rebuild_index()
    # Each persona calls the API with a token of their own (the API reads
    # no session), one that may write: the API's writes are ways too, each
    # refused before it writes (ways/writes.py). A deactivated account
    # holds none: it calls as anonymous (a token made before the account
    # was closed is refused: api/tests).
    tokens = {}
    for user in [*users.values(), *focal_points.values()]:
        if user.is_authenticated and user.is_active:
            _token, tokens[user.pk] = create_token(
                user, name="matrix", scope="write", days=1, acting_user=None
            )
    return World(users=users, focal_points=focal_points, objects=objects, tokens=tokens)
