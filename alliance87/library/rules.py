"""Who may submit and edit library resources (the Secretariat may do
everything: core.permissions)."""

from __future__ import annotations

from typing import Any

from alliance87.core.visibility import audience_for
from alliance87.library.models import Resource, ResourceStatus


def may_submit(user: Any, obj: Any) -> bool:
    """A member of a partner organisation may submit a resource."""
    return audience_for(user).is_partner


def may_edit(user: Any, resource: Any) -> bool:
    """Its submitter may edit a resource until it is published."""
    return (
        isinstance(resource, Resource)
        and resource.submitted_by_id == user.pk
        and resource.status != ResourceStatus.PUBLISHED
        and audience_for(user).is_partner
    )
