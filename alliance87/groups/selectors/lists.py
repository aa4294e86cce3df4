"""The list of groups, by kind."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q

from alliance87.core.visibility import audience_for, visible_q
from alliance87.groups.models import ActivityStatus, ChairTerm, Group, GroupKind, current_q
from alliance87.groups.selectors.base import name_organisations, name_parents, parent_seen
from alliance87.partners.selectors import visible_organisation_flag

KIND_ORDER = [
    GroupKind.GCG,
    GroupKind.ACTION_GROUP,
    GroupKind.STEERING_COMMITTEE,
    GroupKind.WORKING_GROUP,
    GroupKind.NETWORK,
]


def _current_chairs(user: Any) -> Prefetch:
    return Prefetch(
        "chair_terms",
        queryset=ChairTerm.objects.filter(current_q())
        .select_related("organisation")
        .annotate(organisation_seen=visible_organisation_flag(user))
        .order_by("role", "organisation__sort_name"),
        to_attr="current_chairs",
    )


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
            parent_seen=parent_seen(user),
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
    name_parents(groups)
    name_organisations([t for g in groups for t in g.current_chairs])
    sections = []
    labels = dict(GroupKind.choices)
    for kind in KIND_ORDER:
        members = [g for g in groups if g.kind == kind]
        if members:
            sections.append(GroupSection(kind, str(labels[kind]), members))
    return sections
