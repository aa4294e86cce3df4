"""Helpers of the groups' reads: naming a term's holder and a group's
parent only to those who may see them, a group's activities, one row
or 404."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from django.db.models import Model, Prefetch, QuerySet
from django.http import Http404

from alliance87.core.visibility import audience_for, visible_flag
from alliance87.groups.models import Activity, Group, GroupQuerySet
from alliance87.partners.models import Organisation

M = TypeVar("M", bound=Model)


def name_organisations(terms: Sequence[Any]) -> None:
    """Set each chair or seat term's `visible_organisation`: its
    organisation when the reader may see it (`organisation_seen`, asked in
    the term's own query), else None. Pages, lists and the API name the
    holder through it, never through `organisation`."""
    for term in terms:
        seen = term.organisation_seen
        setattr(term, "visible_organisation", term.organisation if seen else None)  # noqa: B010


def parent_seen(user: Any) -> Any:
    """Return whether `user` may see each row's parent group, to annotate
    the rows: `Group.objects.visible_to`'s rule asked on the row's own join
    to its parent."""
    return visible_flag(
        audience_for(user), prefix="parent__", group_field=GroupQuerySet.visibility_group_field
    )


def name_parents(groups: list[Group]) -> None:
    """Set each group's `visible_parent`: its parent, when the reader may
    see it (`parent_seen`), or None. Pages, lists and exports name the
    parent through it, never through `parent`: a public sub-group of a
    hidden group does not name it."""
    for group in groups:
        seen = group.parent_id is not None and group.parent_seen  # type: ignore[attr-defined]
        setattr(group, "visible_parent", group.parent if seen else None)  # noqa: B010


def visible_activities(user: Any, group: Group) -> list[Activity]:
    """Return the activities of `group` that `user` may see, in workplan
    order, each with the owners `user` may see (`owners`)."""
    return list(
        Activity.objects.visible_to(user)
        .filter(group=group)
        .prefetch_related(
            Prefetch(
                "owners", queryset=Organisation.objects.visible_to(user).order_by("sort_name")
            )
        )
        .order_by("order", "pk")
    )


def first_or_404(rows: QuerySet[M], message: str) -> M:
    """Return the first of `rows`, or raise 404 with `message`: alike for
    a row that is missing and one the reader may not see."""
    found = rows.first()
    if found is None:
        raise Http404(message)
    return found
