"""The member organisations of a group as its page shows them: counts by
stakeholder type over every current member the reader may see, and one
page of them (issue 16: a group of thousands is read a page at a time), in
the types' order then by name, each with the representatives the reader
may see."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch

from alliance87.groups.models import Group, Membership, current_q
from alliance87.partners.models import (
    Organisation,
    Person,
    StakeholderType,
    stakeholder_type_order,
)

MEMBERS_PAGE_SIZE = 100


@dataclass
class MemberType:
    stakeholder_type: str
    label: str
    count: int  # every current member of this type the reader may see
    memberships: list[Membership]  # those on the page shown


@dataclass
class Members:
    types: list[MemberType]
    total: int
    page: Page
    memberships: list[Membership]  # the page's, in order


def members(user: Any, group: Group, page_number: Any = 1) -> Members:
    """Return `group`'s current members that `user` may see, a page of them."""
    seen = Membership.objects.filter(current_q(), group=group).filter(
        organisation__in=Organisation.objects.visible_to(user)
    )
    counts = dict(
        seen.order_by()
        .values_list("organisation__stakeholder_type")
        .annotate(n=Count("pk"))
        .values_list("organisation__stakeholder_type", "n")
    )
    rows = (
        seen.select_related("organisation")
        .prefetch_related(
            Prefetch(
                "representatives",
                queryset=Person.objects.visible_to(user).order_by("name"),
                to_attr="visible_representatives",
            )
        )
        .order_by(
            stakeholder_type_order("organisation__stakeholder_type"),
            "organisation__sort_name",
            "pk",
        )
    )
    page = Paginator(rows, MEMBERS_PAGE_SIZE).get_page(page_number)
    memberships = list(page.object_list)
    grouped: dict[str, list[Membership]] = defaultdict(list)
    for membership in memberships:
        grouped[membership.organisation.stakeholder_type].append(membership)
    return Members(
        types=[
            MemberType(value, str(label), counts[value], grouped[value])
            for value, label in StakeholderType.choices
            if counts.get(value)
        ],
        total=sum(counts.values()),
        page=page,
        memberships=memberships,
    )


def member_slugs(user: Any, group: Group) -> list[str]:
    """Return every current member of `group` that `user` may see, by slug,
    in the page's order: the API's group, which lists them whole."""
    return list(
        Membership.objects.filter(current_q(), group=group)
        .filter(organisation__in=Organisation.objects.visible_to(user))
        .order_by(
            stakeholder_type_order("organisation__stakeholder_type"),
            "organisation__sort_name",
            "pk",
        )
        .values_list("organisation__slug", flat=True)
    )
