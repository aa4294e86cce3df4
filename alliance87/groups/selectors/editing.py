"""What the editors of a group read: its workplan, its memberships, and
the one row they change."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch

from alliance87.groups.models import Activity, Group, Membership, NextStep, WorkplanArea, current_q
from alliance87.groups.selectors.base import first_or_404, visible_activities
from alliance87.partners.models import Organisation, Person


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
    activities = visible_activities(user, group)
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
    return first_or_404(
        Membership.objects.filter(current_q(), group=group, pk=pk)
        .filter(organisation__in=Organisation.objects.visible_to(user))
        .select_related("organisation"),
        "No such membership.",
    )


def get_area_for_user(user: Any, group: Group, pk: int) -> WorkplanArea:
    """Return one of the group's workplan areas, or 404."""
    return first_or_404(group.workplan_areas.filter(pk=pk), "No such workplan area.")


def get_activity_for_user(user: Any, group: Group, pk: int) -> Activity:
    """Return one of the group's activities, or 404 alike when missing or
    hidden."""
    return first_or_404(
        Activity.objects.visible_to(user).filter(group=group, pk=pk), "No such activity."
    )


def get_next_step_for_user(user: Any, group: Group, pk: int) -> NextStep:
    """Return one of the group's next steps, or 404."""
    return first_or_404(group.next_steps.filter(pk=pk), "No such next step.")
