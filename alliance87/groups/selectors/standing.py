"""Which groups a user belongs to, as the visibility module asks it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from django.db.models import Q, Subquery

from alliance87.groups.models import ChairTerm, Membership, SeatTerm, current_q
from alliance87.partners.models import Person


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
