"""The focal-point role, as the accounts area lists and assigns it."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from alliance87.core import hooks
from alliance87.core.hooks import Holding, RoleKind
from alliance87.pathfinders.models import FocalPoint, Pathfinder


def holdings(user: Any) -> list[Holding]:
    today = timezone.localdate()
    rows = (
        FocalPoint.objects.filter(Q(user=user) | Q(person__user=user))
        .select_related("pathfinder__country")
        .order_by("-start")
    )
    return [
        Holding(
            "focal_point",
            gettext_lazy("National focal point"),
            scope=str(fp.pathfinder.country),
            scope_url=fp.pathfinder.country.get_absolute_url(),
            starts_on=fp.start,
            ends_on=fp.end,
            current=fp.start <= today and (fp.end is None or fp.end >= today),
            ref=fp,
        )
        for fp in rows
    ]


def scopes() -> list[tuple[str, str]]:
    return [
        (f"pathfinder:{p.pk}", str(p.country))
        for p in Pathfinder.objects.select_related("country").order_by("country__name")
    ]


def assign(user: Any, scope: str, *, acting_user: Any) -> None:
    from alliance87.pathfinders.services import assign_focal_point

    if not scope.startswith("pathfinder:"):
        raise ValidationError(_("Choose the country this focal point is for."))
    pathfinder = Pathfinder.objects.get(pk=int(scope.split(":", 1)[1]))
    if any(h.current and h.ref.pathfinder_id == pathfinder.pk for h in holdings(user)):
        raise ValidationError(_("This person is already a focal point of this country."))
    assign_focal_point(
        pathfinder, user=user, role=_("National focal point"), acting_user=acting_user
    )


def end(ref: FocalPoint, *, user: Any, acting_user: Any) -> None:
    from alliance87.pathfinders.services import end_focal_point

    end_focal_point(ref, acting_user=acting_user)


def register_role() -> None:
    hooks.ROLE_KINDS.register(
        RoleKind(
            "focal_point",
            gettext_lazy("National focal point"),
            30,
            holdings,
            assign=assign,
            scopes=scopes,
            end=end,
        )
    )
