"""
The focal points of a pathfinder: who acts for the country, and since when.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance87.core.services import service
from alliance87.pathfinders.models import FocalPoint, Pathfinder


@service
def assign_focal_point(
    pathfinder: Pathfinder,
    *,
    user: Any = None,
    person: Any = None,
    role: str = "",
    start: dt.date | None = None,
    end: dt.date | None = None,
    acting_user: Any,
) -> FocalPoint:
    """Make a user or a person a focal point of `pathfinder` from `start`."""
    if user is None and person is None:
        raise ValidationError(_("A focal point is a user account or a person of the directory."))
    focal_point = FocalPoint(
        pathfinder=pathfinder,
        user=user,
        person=person,
        role=role,
        start=start or timezone.localdate(),
        end=end,
    )
    if focal_point.end and focal_point.end < focal_point.start:
        raise ValidationError(_("A focal point's role cannot end before it starts."))
    focal_point.full_clean()
    focal_point.save()
    return focal_point


@service
def end_focal_point(focal_point: FocalPoint, *, acting_user: Any) -> FocalPoint:
    """End a focal point's role today; the row stays as its history."""
    today = timezone.localdate()
    focal_point.end = max(today, focal_point.start)
    focal_point.full_clean()
    focal_point.save(update_fields=["end"])
    return focal_point
