"""One group's page: the group, its chairs, members, workplan, progress,
meetings and the GCG's seats."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page
from django.db.models import Prefetch, Q
from django.http import Http404
from django.utils import timezone

from alliance87.core import provenance
from alliance87.core.models import Theme
from alliance87.groups import meetings
from alliance87.groups.members import MemberType
from alliance87.groups.members import members as members_of
from alliance87.groups.models import (
    Activity,
    ActivityStatus,
    ChairTerm,
    Group,
    NextStep,
    Seat,
    SeatTerm,
    WorkplanArea,
)
from alliance87.groups.selectors.base import (
    name_organisations,
    name_parents,
    parent_seen,
    visible_activities,
)
from alliance87.partners.selectors import visible_organisation_flag, visible_person_flag


def get_group_for_user(user: Any, slug: str) -> Group:
    """Return the group, or 404 alike when missing or hidden, with its
    `visible_subgroups`: read in the same query as the group (the rows
    `user` may see of it and of the groups it is the parent of), and its
    `visible_parent` (None when `user` may not see the parent)."""
    rows = list(
        Group.objects.visible_to(user)
        .filter(Q(slug=slug) | Q(parent__slug=slug))
        .select_related("parent", "organisation")
        .annotate(
            parent_seen=parent_seen(user),
            organisation_seen=visible_organisation_flag(user),
        )
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("kind", "order")))
        .order_by("order", "slug")
    )
    group = next((g for g in rows if g.slug == slug), None)
    if group is None:
        raise Http404("No such group.")
    name_parents([group])
    # The group's own entry in the directory, when `user` may see it.
    seen = group.organisation_id is not None and group.organisation_seen
    group.visible_organisation = group.organisation if seen else None
    group.visible_subgroups = [g for g in rows if g.parent_id == group.pk]
    return group


@dataclass
class Progress:
    total: int = 0
    by_status: list[tuple[str, str, int]] = field(default_factory=list)
    reported_percent: int | None = None


@dataclass
class SeatView:
    seat: Seat
    current: SeatTerm | None
    history: list[SeatTerm]


@dataclass
class GroupPage:
    group: Group
    current_chairs: list[ChairTerm]
    past_chairs: list[ChairTerm]
    member_types: list[MemberType]
    member_count: int
    members_page: Page
    areas: list[WorkplanArea]
    loose_activities: list[Activity]
    progress: Progress
    next_steps: list[NextStep]
    meetings: list[meetings.Meeting]
    meetings_linked: bool
    seats: list[SeatView]
    vacant_seats: int


def group_page(user: Any, group: Group, members_page: Any = 1) -> GroupPage:
    """Return what the group's page shows, as `user` may see it."""
    today = timezone.localdate()
    # Whether the reader may see each term's person is asked on the term's
    # own join to it (a chair's or seat holder's name shows only to those
    # who may see that person; directory entries are partners-only by
    # default).
    person_seen = visible_person_flag(user)
    organisation_seen = visible_organisation_flag(user)
    terms: list[ChairTerm] = list(
        group.chair_terms.select_related("organisation", "person")
        .annotate(person_seen=person_seen, organisation_seen=organisation_seen)
        .order_by("role", "-starts_on", "pk")
    )
    current = [t for t in terms if t.is_current(today)]
    past = [t for t in terms if not t.is_current(today)]

    members = members_of(user, group, members_page)
    memberships = members.memberships

    activities = visible_activities(user, group)
    areas = list(group.workplan_areas.order_by("order", "pk"))
    by_area: dict[int | None, list[Activity]] = defaultdict(list)
    for activity in activities:
        by_area[activity.area_id].append(activity)
    for area in areas:
        area.visible_activities = by_area.get(area.pk, [])  # type: ignore[attr-defined]

    seats: list[SeatView] = []
    if group.is_gcg:
        for seat in group.seats.prefetch_related(
            Prefetch(
                "terms",
                queryset=SeatTerm.objects.select_related("organisation", "person")
                .annotate(person_seen=person_seen, organisation_seen=organisation_seen)
                .order_by("-starts_on", "pk"),
            )
        ).order_by("order", "pk"):
            all_terms = list(seat.terms.all())
            running = next((t for t in all_terms if t.is_current(today)), None)
            seats.append(SeatView(seat, running, [t for t in all_terms if t is not running]))

    seat_terms = [t for view in seats for t in ([view.current] if view.current else [])]
    seat_terms += [t for view in seats for t in view.history]
    named_terms: list[Any] = [*terms, *seat_terms]
    name_organisations(named_terms)
    for any_term in named_terms:
        person = any_term.person if any_term.person_id and any_term.person_seen else None
        setattr(any_term, "visible_person", person)  # noqa: B010 - read by the template

    next_steps = list(group.next_steps.order_by("done", "order", "pk"))
    # Where each fact shown comes from, in one query (docs/provenance.md).
    provenance.attach_sources(
        user,
        [
            group,
            *terms,
            *(view.seat for view in seats),
            *seat_terms,
            *memberships,
            *areas,
            *activities,
            *next_steps,
        ],
    )
    return GroupPage(
        group=group,
        current_chairs=current,
        past_chairs=past,
        member_types=members.types,
        member_count=members.total,
        members_page=members.page,
        areas=areas,
        loose_activities=by_area.get(None, []),
        progress=progress_of(activities),
        next_steps=next_steps,
        meetings=meetings.meetings_for(user, group),
        meetings_linked=meetings.has_providers(),
        seats=seats,
        vacant_seats=sum(1 for s in seats if s.current is None),
    )


def progress_of(activities: list[Activity]) -> Progress:
    """Count activities by status; average the percentages reported."""
    counts: dict[str, int] = defaultdict(int)
    for activity in activities:
        counts[activity.status] += 1
    reported = [a.percent_done for a in activities if a.percent_done is not None]
    return Progress(
        total=len(activities),
        by_status=[
            (value, str(label), counts[value])
            for value, label in ActivityStatus.choices
            if counts.get(value)
        ],
        reported_percent=round(sum(reported) / len(reported)) if reported else None,
    )
