"""
"Focal point of this country": the one rule for every write to a pathfinder.

Each pathfinder model is registered on `hooks.PERMISSION_RULES` here, and every
write view asks `permissions.require(user, "edit", obj)`. The Secretariat
passes before any rule is asked (core.permissions); everyone else must be a
current focal point of the pathfinder the object belongs to.
"""

from __future__ import annotations

from typing import Any

from alliance87.core import hooks
from alliance87.pathfinders.models import (
    Action,
    Finding,
    FocalPoint,
    Milestone,
    Pathfinder,
    PriorityArea,
    ProgressUpdate,
    Roadmap,
    Workshop,
)


def pathfinder_id_of(obj: Any) -> int | None:
    """Return the id of the pathfinder `obj` belongs to, or None."""
    if isinstance(obj, Pathfinder):
        return obj.pk
    if isinstance(obj, (Milestone, Roadmap, Finding, Workshop)):
        return obj.pathfinder_id
    if isinstance(obj, PriorityArea):
        return obj.roadmap.pathfinder_id
    if isinstance(obj, Action):
        return obj.priority.roadmap.pathfinder_id
    if isinstance(obj, ProgressUpdate):
        return obj.action.priority.roadmap.pathfinder_id
    return None


def is_focal_point(user: Any, obj: Any) -> bool:
    """Return True if `user` is today a focal point of `obj`'s pathfinder."""
    pathfinder_id = pathfinder_id_of(obj)
    if pathfinder_id is None:
        return False
    return FocalPoint.objects.current().for_user(user).filter(pathfinder_id=pathfinder_id).exists()


def register_rules() -> None:
    for model in (
        Pathfinder,
        Milestone,
        Roadmap,
        PriorityArea,
        Action,
        ProgressUpdate,
        Finding,
        Workshop,
    ):
        hooks.PERMISSION_RULES.register(hooks.PermissionRule("edit", model, is_focal_point))
