"""The directory's matrix objects: organisations, people, groups and
statements."""

from __future__ import annotations

import datetime as dt
from typing import Any

from alliance87.accounts.tests.visibility_matrix.objects.base import Scene, country, make_group
from alliance87.accounts.tests.visibility_matrix.objects.comms import plan_host_activity
from alliance87.accounts.tests.visibility_matrix.ways import (
    LEAD_COUNTRIES,
    ORG_COUNTRY,
    SOLE_COUNTRIES,
    Item,
)
from alliance87.core.dates import ReportedDate
from alliance87.events import services as events
from alliance87.groups.models import Activity, ChairRole, Constituency, Seat
from alliance87.groups.services import add_member, start_chair_term
from alliance87.partners.models import Person, StakeholderType
from alliance87.pathfinders import services as pathfinders
from alliance87.pathfinders.models import Action, PriorityArea, Roadmap, Stage, Workshop
from alliance87.pathfinders.services import create_pathfinder
from alliance87.statements.models import Statement
from alliance87.statements.services import endorse_statement
from alliance87.testing.factories import make_organisation


def build(scene: Scene, n: int, item: Item) -> Any:
    """Build the object of `item` if this module builds its kind
    (objects.make_object); return None otherwise."""
    m, level = item.marker, item.level
    obj: Any
    if item.kind == "organisation":
        obj = make_organisation(
            item.key,
            m,
            is_partner=True,
            country=country(ORG_COUNTRY),
            visibility=level,
            stakeholder_type=StakeholderType.CIVIL_SOCIETY,
        )
        endorse_statement(scene.host_statement, organisation=obj, acting_user=scene.secretariat)
        # Plans an activity for the host campaign (its calendar, ways.HOST_CAMPAIGN).
        plan_host_activity(scene, obj, title=f"Activity planned by {m}")
        scene.objects[f"{item.key}:membership"] = add_member(
            scene.host_group, organisation=obj, acting_user=scene.secretariat
        )
        scene.organisations.append(obj)
        # Takes part in the host pathfinder, and leads one of its own.
        scene.host_pathfinder.participants.add(obj)
        led = create_pathfinder(
            country=country(LEAD_COUNTRIES[level]),
            lead_organisation=obj,
            acting_user=scene.secretariat,
        )
        # The host of a public regional workshop of that pathfinder, held
        # before its roadmap is adopted (/pathfinders/, the events' lists).
        workshop = Workshop(
            pathfinder=led,
            host_organisation=obj,
            region=country(LEAD_COUNTRIES[level]).region,
            status=Workshop.Status.HELD,
        )
        date = ReportedDate(dt.date(2019, 2, 1 + n % 28))
        workshop.date_start, workshop.date_end = date.start, date.end
        workshop.date_precision = date.precision
        pathfinders.save_workshop(workshop, acting_user=scene.secretariat)
        pathfinders.record_stage(
            led, stage=Stage.WORKSHOP_HELD, date=date, acting_user=scene.secretariat
        )
        # Responsible for, and a partner in, an action of that
        # pathfinder's roadmap (its printable roadmap, CSV and API name
        # no lead).
        roadmap = Roadmap(pathfinder=led, title="Led", period_start=2019, period_end=2021)
        pathfinders.adopt_roadmap(
            roadmap, date=ReportedDate(dt.date(2019, 3, 28)), acting_user=scene.secretariat
        )
        priority = pathfinders.save_priority_area(
            PriorityArea(roadmap=roadmap, number=1, title="Prevention"),
            acting_user=scene.secretariat,
        )
        action = pathfinders.save_action(
            Action(priority=priority, number=1, title="Owned", responsible=obj),
            acting_user=scene.secretariat,
        )
        action.partners.add(obj)
        scene.objects[f"{item.key}:roadmap"] = roadmap
        # The lead of a public group of its own, of which it is no member
        # (its page and its card on /groups/).
        chaired = make_group(scene, f"{item.key}-chaired", "Chaired", "public", member=False)
        start_chair_term(
            chaired, role=ChairRole.LEAD, organisation=obj, acting_user=scene.secretariat
        )
        scene.host_event.organisers.add(obj)
        # Named as the owner of a public action item, too.
        events.record_action_item(
            scene.host_event, acting_user=scene.secretariat, text="Owned", owner_organisation=obj
        )
        events.add_agenda_item(
            scene.host_event,
            acting_user=scene.secretariat,
            number=f"O{n}",
            title="Presented",
            presenter_organisations=[obj],
        )
    elif item.kind == "person":
        obj = Person.objects.create(
            slug=item.key, name=m, organisation=scene.people_org, visibility=level
        )
        scene.people.append(obj)
        # A past co-chair of the host group, for its organisation.
        start_chair_term(
            scene.host_group,
            role=ChairRole.CO_CHAIR,
            organisation=scene.people_org,
            person=obj,
            starts_on=dt.date(2010 + len(scene.people), 1, 1),
            ends_on=dt.date(2010 + len(scene.people), 12, 31),
            acting_user=scene.secretariat,
        )
        # A party to the public record: asks a question, presents an item.
        events.record_exchange(
            scene.host_event, acting_user=scene.secretariat, question="Asked", asked_by_person=obj
        )
        events.add_agenda_item(
            scene.host_event,
            acting_user=scene.secretariat,
            number=f"P{n}",
            title="Presented",
            presenter_people=[obj],
        )
    elif item.kind == "group":
        obj = make_group(scene, item.key, m, level, parent=scene.host_group)
        _subgroup(scene, n, obj)
        # A seat open for nominations: the application form offers
        # those of public groups.
        Seat.objects.create(
            group=obj,
            constituency=Constituency.SOCIAL_PARTNERS,
            label=f"{m} seat",
            open_for_nominations=True,
        )
    elif item.kind == "othergroup":
        obj = make_group(scene, item.key, m, level, parent=scene.host_group, member=False)
        _subgroup(scene, n, obj)
    elif item.kind == "activity":
        obj = Activity.objects.create(
            group=scene.host_group, title=m, title_en=m, visibility=level
        )
    elif item.kind == "statement":
        obj = Statement.objects.create(slug=item.key, title=m, title_en=m, visibility=level)
    elif item.kind == "itemowner":
        obj = make_organisation(item.key, m, is_partner=False)
        events.record_action_item(
            scene.host_event,
            acting_user=scene.secretariat,
            text="Owned alone",
            visibility=level,
            owner_organisation=obj,
        )
    elif item.kind == "soleorg":
        obj = make_organisation(
            item.key,
            m,
            is_partner=False,
            country=country(SOLE_COUNTRIES[level]),
            visibility=level,
        )
    else:
        return None
    return obj


def _subgroup(scene: Scene, n: int, group: Any) -> None:
    """Give `group` a public sub-group, whose page names it as its parent
    (the `subgroup` ways); its name and address carry no marker."""
    make_group(scene, f"{group.slug}-sub", f"Sub-group {n}", "public", parent=group, member=False)
