"""
Who reviews a campaign's submissions: the one rule.

The Secretariat, and the members of the campaign's reviewing group (the
Communications and Engagement Action Group in the demo): a person belongs
to a group when their organisation is a current member, holds a current
chair role or GCG seat in it, or they are named as one of its
representatives (groups.selectors.group_standing, read through the
audience of core.visibility). Registered as the "review" permission on
`Campaign` (core.permissions passes the Secretariat first).
"""

from __future__ import annotations

from typing import Any

from alliance87.campaigns.models import Campaign
from alliance87.core import hooks
from alliance87.core.permissions import may
from alliance87.core.visibility import audience_for


def is_reviewer_of_campaign(user: Any, campaign: Campaign) -> bool:
    """Return True if `user` belongs to the group reviewing `campaign`."""
    return campaign.review_group_id in audience_for(user).group_ids


def may_review(user: Any, campaign: Campaign) -> bool:
    return may(user, "review", campaign)


def may_write(user: Any, campaign: Campaign) -> bool:
    """Return True if `user` writes `campaign` and its toolkit: its
    reviewers (the same rule as reviewing)."""
    return may_review(user, campaign)


def groups_for_new_campaign(user: Any) -> Any:
    """Return the groups `user` may name as a new campaign's reviewers:
    every group for the Secretariat; else the user's own groups that
    already review a campaign (the CEAG's members start the next one).
    Empty: `user` may not start a campaign."""
    from alliance87.groups.models import Group

    audience = audience_for(user)
    if audience.is_secretariat:
        return Group.objects.order_by("name")
    if not user.is_authenticated or not audience.group_ids:
        return Group.objects.none()
    return (
        Group.objects.filter(pk__in=sorted(audience.group_ids))
        .filter(pk__in=Campaign.objects.values("review_group"))
        .order_by("name")
    )


def may_submit(user: Any) -> bool:
    """Return True if `user` is a member of an approved partner organisation
    (or the Secretariat)."""
    return bool(user.is_authenticated and audience_for(user).is_partner)


def register_rules() -> None:
    hooks.PERMISSION_RULES.register(
        hooks.PermissionRule("review", Campaign, is_reviewer_of_campaign)
    )
