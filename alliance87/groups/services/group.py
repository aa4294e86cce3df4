"""A group itself: its address and description."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from alliance87.core.models import Theme
from alliance87.core.services import service
from alliance87.groups.models import (
    Group,
)

# /groups/engagement/ and /groups/engagement.csv (.xlsx, .json) come before
# the slug route.
RESERVED_SLUGS = {"engagement"}


@service
def save_group(group: Group, *, acting_user: Any, themes: Iterable[Theme] | None = None) -> Group:
    """Validate and save `group`; set its themes when given."""
    group.full_clean(exclude=["themes"])
    if group.slug in RESERVED_SLUGS:
        raise ValidationError(
            {
                "slug": _("The address %(slug)s is taken by a page of the Hub.")
                % {"slug": group.slug}
            }
        )
    if group.parent_id is not None and group.parent_id == group.pk:
        raise ValidationError(_("A group cannot be part of itself."))
    group.save()
    if themes is not None:
        group.themes.set(list(themes))
    return group
