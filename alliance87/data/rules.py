"""Who may submit a government reply: a current national focal point of
the country (its pathfinder's), or the Secretariat (core.permissions)."""

from __future__ import annotations

from typing import Any

from alliance87.pathfinders.models import FocalPoint


def may_reply(user: Any, reply: Any) -> bool:
    """Return True if `user` is today a focal point of the reply's country."""
    return (
        FocalPoint.objects.current()
        .for_user(user)
        .filter(pathfinder__country_id=reply.country_id)
        .exists()
    )
