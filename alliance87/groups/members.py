"""The member organisations of a group as its page shows them: counts by
stakeholder type over every current member the reader may see, and one
page of them (issue 16: a group of thousands is read a page at a time), in
the types' order then by name, each with the representatives the reader
may see."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page
from django.db.models import Prefetch

from alliance87.groups.models import Group, Membership, current_q
from alliance87.partners.models import (
    Organisation,
    Person,
    stakeholder_type_order,
)
from alliance87.partners.selectors import by_stakeholder_type, visible_organisation_q

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
    seen = Membership.objects.filter(current_q(), visible_organisation_q(user), group=group)
    found = by_stakeholder_type(
        seen.select_related("organisation").prefetch_related(
            Prefetch(
                "representatives",
                queryset=Person.objects.visible_to(user).order_by("name"),
                to_attr="visible_representatives",
            )
        ),
        page_number,
        MEMBERS_PAGE_SIZE,
    )
    return Members(
        types=[MemberType(*parts) for parts in found.types()],
        total=found.total,
        page=found.page,
        memberships=list(found.page.object_list),
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
