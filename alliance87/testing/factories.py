"""
Test data built through the services, as the site builds it.

A factory saves through the area's service wherever there is one, so that
its invariants, sort names, search names and audit entries hold in tests
too. Each passes `acting_user` explicitly: None, a system write, unless the
caller names someone. Directory people and statements have no service yet,
and are saved directly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from alliance87.core.dates import ReportedDate
from alliance87.countries.models import Country
from alliance87.events import services as events
from alliance87.events.models import Event
from alliance87.groups.models import Constituency, Group, GroupKind, Seat
from alliance87.groups.services import save_group
from alliance87.partners.models import Organisation, StakeholderType
from alliance87.partners.services import save_organisation
from alliance87.pathfinders import services as pathfinders
from alliance87.pathfinders.models import Action, Pathfinder, PriorityArea, Roadmap, Stage
from alliance87.statements.models import Statement


def make_organisation(slug: str, name: str, **values: Any) -> Organisation:
    """Create an organisation of civil society unless told otherwise."""
    values.setdefault("stakeholder_type", StakeholderType.CIVIL_SOCIETY)
    org = Organisation(slug=slug, name=name, name_en=name, **values)
    return save_organisation(org, acting_user=None)


# Groups -------------------------------------------------------------------


def make_group(slug: str, name: str, **values: Any) -> Group:
    """Create a group, an action group unless told otherwise."""
    values.setdefault("kind", GroupKind.ACTION_GROUP)
    group = Group(slug=slug, name=name, name_en=name, **values)
    return save_group(group, acting_user=None)


@dataclass
class World:
    """The groups and organisations of the `world` fixture."""

    gcg: Group
    migration: Group
    seat: Seat
    iom: Organisation
    unicef: Organisation
    australia: Organisation
    france: Organisation


def make_world() -> World:
    """Create the Global Coordinating Group with a seat open for nominations,
    the Action Group on Migration, two UN agencies and two governments."""

    gcg = make_group("gcg", "Global Coordinating Group", kind=GroupKind.GCG, order=0)
    seat = Seat.objects.create(
        group=gcg,
        constituency=Constituency.CIVIL_SOCIETY,
        label="Civil society, third seat",
        label_en="Civil society, third seat",
        open_for_nominations=True,
    )
    un = StakeholderType.UN_INTERNATIONAL
    return World(
        gcg=gcg,
        migration=make_group("migration", "Action Group on Migration", order=30),
        seat=seat,
        iom=make_organisation(
            "iom", "International Organization for Migration", stakeholder_type=un
        ),
        unicef=make_organisation("unicef", "UNICEF", stakeholder_type=un),
        australia=make_organisation(
            "australia", "Government of Australia", stakeholder_type=StakeholderType.GOVERNMENT
        ),
        france=make_organisation(
            "france", "Government of France", stakeholder_type=StakeholderType.GOVERNMENT
        ),
    )


# Events -------------------------------------------------------------------


def make_event(
    slug: str,
    *,
    acting_user: Any,
    date: ReportedDate | None = None,
    publish: bool = True,
    **values: Any,
) -> Event:
    """Create an event through the services; published unless told not."""

    values.setdefault("event_type", "gcg_meeting")
    countries = values.pop("countries", None)
    title = values.pop("title", slug.replace("-", " ").title())
    event = Event(slug=slug, title=title, title_en=title, **values)
    if date is not None:
        event.date_start = date.start
        event.date_end = date.end
        event.date_precision = date.precision
        event.date_tentative = date.tentative
    events.save_event(event, acting_user=acting_user, countries=countries)
    if publish:
        events.publish_event(event, acting_user=acting_user)
        event.refresh_from_db()
    return event


# Pathfinders --------------------------------------------------------------


def make_pathfinder(iso3: str, *, held: dt.date | None = dt.date(2019, 3, 28)) -> Pathfinder:
    """Return the country's pathfinder, its national workshop held on `held`."""

    country = Country.objects.get(iso3=iso3)
    pathfinder = Pathfinder.objects.filter(
        country=country
    ).first() or pathfinders.create_pathfinder(country=country, acting_user=None)
    if held:
        pathfinders.record_stage(
            pathfinder, stage=Stage.WORKSHOP_HELD, date=ReportedDate(held), acting_user=None
        )
    return pathfinder


def make_roadmap(
    pathfinder: Pathfinder,
    *,
    status: str = Roadmap.Status.ADOPTED,
    actions: int = 2,
    title: str = "Roadmap",
) -> Roadmap:
    """Create a roadmap of one priority area, "Prevention", with `actions`
    actions; adopted unless told otherwise."""

    roadmap = Roadmap(pathfinder=pathfinder, title=title, period_start=2019, period_end=2021)
    if status == Roadmap.Status.ADOPTED:
        pathfinders.adopt_roadmap(
            roadmap, date=ReportedDate(dt.date(2019, 3, 28)), acting_user=None
        )
    else:
        pathfinders.save_roadmap(roadmap, acting_user=None)
    priority = pathfinders.save_priority_area(
        PriorityArea(roadmap=roadmap, number=1, title="Prevention"), acting_user=None
    )
    for n in range(1, actions + 1):
        pathfinders.save_action(
            Action(
                priority=priority,
                number=n,
                title=f"Action {n}",
                currency="USD",
                budget_needed=Decimal(1000 * n),
                budget_secured=Decimal(400 * n),
            ),
            acting_user=None,
        )
    return roadmap


def make_workshop(
    iso3: str, visibility: str = "public", *, held: dt.date = dt.date(2019, 2, 7)
) -> Any:
    """Record a pathfinder workshop hosted by the country `iso3` in Asia
    and the Pacific, of no pathfinder yet."""
    from alliance87.countries.models import Region
    from alliance87.pathfinders.models import Workshop

    workshop = Workshop(
        host_country=Country.objects.get(iso3=iso3),
        region=Region.ASIA_PACIFIC,
        visibility=visibility,
    )
    pathfinders.set_reported_date(workshop, ReportedDate(held))
    return pathfinders.save_workshop(workshop, acting_user=None)


def actions_of(roadmap: Roadmap) -> list[Action]:
    """Return the roadmap's actions in their order."""

    return list(Action.objects.filter(priority__roadmap=roadmap).order_by("number"))


# Statements ---------------------------------------------------------------


def make_statement(**values: Any) -> Statement:
    """Create the Bangkok Statement, or the statement `values` describe."""

    values.setdefault("slug", "bangkok-statement")
    values.setdefault("title", "The Bangkok Statement")
    values.setdefault("title_en", values["title"])
    return Statement.objects.create(**values)


# Library ------------------------------------------------------------------


def make_resource(slug: str, title: str, *, links: Any = None, **values: Any) -> Any:
    """Create a published library resource (a report unless told)."""
    from alliance87.library import services as library
    from alliance87.library.models import Resource

    values.setdefault("resource_type", "report")
    values.setdefault("status", "published")
    resource = Resource(slug=slug, title=title, title_en=title, **values)
    return library.save_resource(resource, acting_user=None, links=links)


# News ---------------------------------------------------------------------


def make_post(
    slug: str, title: str = "", *, links: Any = None, publish: bool = True, **values: Any
) -> Any:
    """Create a post, news unless told, published unless told, titled in
    English unless a title in some language is given."""
    from alliance87.comms import services as comms
    from alliance87.comms.models import Post, PostStatus

    texts = {"title_en": title or slug} if not any(k.startswith("title_") for k in values) else {}
    post = Post(slug=slug, kind=values.pop("kind", "news"), **texts, **values)
    if publish:
        post.status = PostStatus.PUBLISHED
    return comms.save_post(post, acting_user=None, links=links)
