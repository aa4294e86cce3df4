"""Reads of the groups: the list, one group's page, the GCG's seats."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.paginator import Page
from django.db.models import Count, Prefetch, Q, Subquery
from django.http import Http404
from django.utils import timezone

from alliance87.core import provenance
from alliance87.core.models import Theme
from alliance87.core.visibility import audience_for, visible_flag, visible_q
from alliance87.groups import meetings
from alliance87.groups.members import MemberType
from alliance87.groups.members import members as members_of
from alliance87.groups.models import (
    Activity,
    ActivityStatus,
    ChairTerm,
    Group,
    GroupKind,
    GroupQuerySet,
    Membership,
    NextStep,
    Seat,
    SeatTerm,
    WorkplanArea,
    current_q,
)
from alliance87.partners.models import Organisation, Person
from alliance87.partners.selectors import visible_organisation_flag, visible_person_flag

KIND_ORDER = [
    GroupKind.GCG,
    GroupKind.ACTION_GROUP,
    GroupKind.STEERING_COMMITTEE,
    GroupKind.WORKING_GROUP,
    GroupKind.NETWORK,
]


def group_standing(user: Any) -> dict[str, Any]:
    """Tell the visibility module which groups `user` belongs to.

    A user belongs to a group when their organisation is a current member,
    holds a current chair role or GCG seat in it, or when they are named as
    one of its representatives.
    """
    # One query (it runs for every signed-in request): the person's first
    # directory entry as subqueries, the three kinds of standing as a UNION.
    entries = Person.objects.filter(user=user).order_by(*(Person._meta.ordering or ["pk"]))
    org_id = Subquery(entries.values("organisation_id")[:1])
    person_id = Subquery(entries.values("pk")[:1])
    memberships = (
        Membership.objects.filter(current_q())
        .filter(Q(organisation_id=org_id) | Q(representatives=person_id))
        .order_by()
        .values_list("group_id", flat=True)
    )
    chairs = (
        ChairTerm.objects.filter(current_q(), organisation_id=org_id)
        .order_by()
        .values_list("group_id", flat=True)
    )
    seats = (
        SeatTerm.objects.filter(current_q(), organisation_id=org_id)
        .order_by()
        .values_list("seat__group_id", flat=True)
    )
    return {"group_ids": set(memberships.union(chairs, seats, all=True))}


def group_standings(users: Sequence[Any]) -> dict[int, dict[str, Any]]:
    """`group_standing` for each of `users`, by their id, in five queries
    whatever their number: their directory entries, then each kind of
    standing (memberships by organisation and by representative, chair
    terms, seat terms) for all those entries at once."""
    entries = list(
        Person.objects.filter(user_id__in=sorted({u.pk for u in users})).values_list(
            "user_id", "pk", "organisation_id"
        )
    )
    org_ids = sorted({org for _user, _person, org in entries if org is not None})
    person_ids = sorted({person for _user, person, _org in entries})
    by_org: dict[int, set[int]] = defaultdict(set)
    by_person: dict[int, set[int]] = defaultdict(set)
    if entries:
        standings = (
            (
                by_org,
                Membership.objects.filter(organisation_id__in=org_ids),
                "organisation_id",
                "group_id",
            ),
            (
                by_person,
                Membership.objects.filter(representatives__in=person_ids),
                "representatives",
                "group_id",
            ),
            (
                by_org,
                ChairTerm.objects.filter(organisation_id__in=org_ids),
                "organisation_id",
                "group_id",
            ),
            (
                by_org,
                SeatTerm.objects.filter(organisation_id__in=org_ids),
                "organisation_id",
                "seat__group_id",
            ),
        )
        for target, rows, key, group in standings:
            for k, group_id in rows.filter(current_q()).order_by().values_list(key, group):
                target[k].add(group_id)
    found: dict[int, dict[str, Any]] = {user.pk: {"group_ids": set()} for user in users}
    for user_id, person_id, org_id in entries:
        found[user_id]["group_ids"] = by_person[person_id] | (
            by_org[org_id] if org_id is not None else set()
        )
    return found


def _current_chairs(user: Any) -> Prefetch:
    return Prefetch(
        "chair_terms",
        queryset=ChairTerm.objects.filter(current_q())
        .select_related("organisation")
        .annotate(organisation_seen=visible_organisation_flag(user))
        .order_by("role", "organisation__sort_name"),
        to_attr="current_chairs",
    )


def _name_organisations(terms: Sequence[Any]) -> None:
    """Set each chair or seat term's `visible_organisation`: its
    organisation when the reader may see it (`organisation_seen`, asked in
    the term's own query), else None. Pages, lists and the API name the
    holder through it, never through `organisation`."""
    for term in terms:
        seen = term.organisation_seen
        setattr(term, "visible_organisation", term.organisation if seen else None)  # noqa: B010


def _parent_seen(user: Any) -> Any:
    """Return whether `user` may see each row's parent group, to annotate
    the rows: `Group.objects.visible_to`'s rule asked on the row's own join
    to its parent."""
    return visible_flag(
        audience_for(user), prefix="parent__", group_field=GroupQuerySet.visibility_group_field
    )


def _name_parents(groups: list[Group]) -> None:
    """Set each group's `visible_parent`: its parent, when the reader may
    see it (`parent_seen`), or None. Pages, lists and exports name the
    parent through it, never through `parent`: a public sub-group of a
    hidden group does not name it."""
    for group in groups:
        seen = group.parent_id is not None and group.parent_seen  # type: ignore[attr-defined]
        setattr(group, "visible_parent", group.parent if seen else None)  # noqa: B010


@dataclass
class GroupSection:
    kind: str
    label: str
    groups: list[Group]


def list_groups(user: Any) -> list[GroupSection]:
    """Return the groups `user` may see, by kind, each with its current
    chairs, member count and workplan counts, in a constant number of
    queries."""
    seen = visible_q(audience_for(user), prefix="activities__", group_field="group")
    activities = Q(activities__isnull=False) if seen is None else seen
    groups = list(
        Group.objects.visible_to(user)
        .select_related("parent")
        .annotate(
            parent_seen=_parent_seen(user),
            member_count=Count("memberships", filter=current_q("memberships__"), distinct=True),
            activity_count=Count("activities", filter=activities, distinct=True),
            done_count=Count(
                "activities",
                filter=activities & Q(activities__status=ActivityStatus.DONE),
                distinct=True,
            ),
        )
        .prefetch_related(_current_chairs(user))
        .order_by("order", "slug")
    )
    _name_parents(groups)
    _name_organisations([t for g in groups for t in g.current_chairs])
    sections = []
    labels = dict(GroupKind.choices)
    for kind in KIND_ORDER:
        members = [g for g in groups if g.kind == kind]
        if members:
            sections.append(GroupSection(kind, str(labels[kind]), members))
    return sections


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
            parent_seen=_parent_seen(user),
            organisation_seen=visible_organisation_flag(user),
        )
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("kind", "order")))
        .order_by("order", "slug")
    )
    group = next((g for g in rows if g.slug == slug), None)
    if group is None:
        raise Http404("No such group.")
    _name_parents([group])
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

    activities = list(
        Activity.objects.visible_to(user)
        .filter(group=group)
        .prefetch_related(
            Prefetch(
                "owners", queryset=Organisation.objects.visible_to(user).order_by("sort_name")
            )
        )
        .order_by("order", "pk")
    )
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
    _name_organisations(named_terms)
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


@dataclass
class Workplan:
    """A group's workplan as its editors see it."""

    group: Group
    areas: list[WorkplanArea]
    loose_activities: list[Activity]
    next_steps: list[NextStep]


def workplan_for_editing(user: Any, group: Group) -> Workplan:
    """Return the group's areas, the activities `user` may see (owners
    preloaded) and its next steps, in a constant number of queries."""
    activities = list(
        Activity.objects.visible_to(user)
        .filter(group=group)
        .prefetch_related(
            Prefetch(
                "owners", queryset=Organisation.objects.visible_to(user).order_by("sort_name")
            )
        )
        .order_by("order", "pk")
    )
    by_area: dict[int | None, list[Activity]] = defaultdict(list)
    for activity in activities:
        by_area[activity.area_id].append(activity)
    areas = list(group.workplan_areas.order_by("order", "pk"))
    for area in areas:
        area.visible_activities = by_area.pop(area.pk, [])  # type: ignore[attr-defined]
    # An activity whose area is gone from the list still shows, as loose.
    loose = [a for items in by_area.values() for a in items]
    return Workplan(
        group=group,
        areas=areas,
        loose_activities=sorted(loose, key=lambda a: (a.order, a.pk)),
        next_steps=list(group.next_steps.order_by("done", "order", "pk")),
    )


def list_memberships_for_editing(user: Any, group: Group) -> list[Membership]:
    """Return the group's current memberships with the representatives
    `user` may see, in a constant number of queries."""
    return list(
        Membership.objects.filter(current_q(), group=group)
        .filter(organisation__in=Organisation.objects.visible_to(user))
        .select_related("organisation")
        .prefetch_related(
            Prefetch(
                "representatives",
                queryset=Person.objects.visible_to(user).order_by("name"),
                to_attr="visible_representatives",
            )
        )
        .order_by("organisation__sort_name")
    )


def get_membership_for_user(user: Any, group: Group, pk: int) -> Membership:
    """Return a current membership of `group`, or 404 alike when missing,
    ended or hidden."""
    membership = (
        Membership.objects.filter(current_q(), group=group, pk=pk)
        .filter(organisation__in=Organisation.objects.visible_to(user))
        .select_related("organisation")
        .first()
    )
    if membership is None:
        raise Http404("No such membership.")
    return membership


def get_area_for_user(user: Any, group: Group, pk: int) -> WorkplanArea:
    """Return one of the group's workplan areas, or 404."""
    area = group.workplan_areas.filter(pk=pk).first()
    if area is None:
        raise Http404("No such workplan area.")
    return area


def get_activity_for_user(user: Any, group: Group, pk: int) -> Activity:
    """Return one of the group's activities, or 404 alike when missing or
    hidden."""
    activity = Activity.objects.visible_to(user).filter(group=group, pk=pk).first()
    if activity is None:
        raise Http404("No such activity.")
    return activity


def get_next_step_for_user(user: Any, group: Group, pk: int) -> NextStep:
    """Return one of the group's next steps, or 404."""
    step = group.next_steps.filter(pk=pk).first()
    if step is None:
        raise Http404("No such next step.")
    return step
