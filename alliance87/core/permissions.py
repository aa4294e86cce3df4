"""
The one answer to "may this user do this to this object?".

Each area registers its rules on `hooks.PERMISSION_RULES` in
AppConfig.ready():

    hooks.PERMISSION_RULES.register(
        hooks.PermissionRule("edit", Roadmap, is_focal_point_of_roadmap_country)
    )

Every write view, form and API endpoint asks `may(user, "edit", obj)`; a
rule takes (user, obj) and returns a bool. The secretariat may do
everything; an anonymous or inactive user may do nothing; an action with no
rule for the object's model is refused. Views turn a refusal into the same
404 a missing object gets, so a refusal reveals nothing.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404

from alliance87.core import hooks
from alliance87.core.visibility import is_secretariat


def may(user: Any, action: str, obj: Any) -> bool:
    """Return True if `user` may perform `action` on `obj`."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if is_secretariat(user):
        return True
    model = obj if isinstance(obj, type) else type(obj)
    for klass in model.__mro__:
        registered = hooks.PERMISSION_RULES.get((action, klass))
        if registered is not None:
            return bool(registered.rule(user, obj))
    return False


def require(user: Any, action: str, obj: Any) -> None:
    """Raise Http404 unless `user` may perform `action` on `obj`."""
    if not may(user, action, obj):
        raise Http404("Not found.")
