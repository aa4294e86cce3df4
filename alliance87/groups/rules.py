"""
"Chair of this group": the one rule for every write to a group's workplan
and members.

Each model a chair edits is registered on `hooks.PERMISSION_RULES` here, and
every write view asks `permissions.require(user, "edit", obj)`. The
Secretariat passes before any rule is asked (core.permissions).

Who counts as a chair: the person named on a current, confirmed chair term
of the group (Chair, Vice-Chair, Co-Chair or Lead), as long as that person
still works for the organisation holding the term. The named person rather
than everyone at the chairing organisation, because that is the role the
Secretariat assigns and the person sees on their profile (groups.roles):
editing rights follow the role, and a large agency's whole staff does not
gain them because one colleague chairs. A term that names nobody gives no
one editing rights until the Secretariat names the representative. A
candidature not yet confirmed gives none either. Chairing a group gives no
rights over its sub-groups, which have chairs of their own.
"""

from __future__ import annotations

from typing import Any

from django.db.models import F

from alliance87.core import hooks
from alliance87.groups.models import (
    Activity,
    ChairTerm,
    Group,
    Membership,
    NextStep,
    WorkplanArea,
    current_q,
)


def group_id_of(obj: Any) -> int | None:
    """Return the id of the group `obj` belongs to, or None."""
    if isinstance(obj, Group):
        return obj.pk
    if isinstance(obj, (WorkplanArea, Activity, NextStep, Membership)):
        return obj.group_id
    return None


def is_chair_of_group(user: Any, obj: Any) -> bool:
    """Return True if `user` today chairs the group `obj` belongs to."""
    group_id = group_id_of(obj)
    if group_id is None:
        return False
    return (
        ChairTerm.objects.filter(current_q(), group_id=group_id, confirmed=True, person__user=user)
        .filter(person__organisation=F("organisation"))
        .exists()
    )


def register_rules() -> None:
    for model in (Group, WorkplanArea, Activity, NextStep, Membership):
        hooks.PERMISSION_RULES.register(hooks.PermissionRule("edit", model, is_chair_of_group))
