"""A person's own choices: joining and leaving a space, how much of it
they hear about (and the one-click unsubscribe), their preferences, and
their inbox read."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance87.community.models import (
    Level,
    Notification,
    Preferences,
    Space,
    SpaceMember,
    forget_standing,
)
from alliance87.core.permissions import may
from alliance87.core.services import service


@service
def join_space(space: Space, *, acting_user: Any) -> SpaceMember:
    if not may(acting_user, "post", space):
        raise ValidationError(_("You may not join this space."), code="forbidden")
    member, _created = SpaceMember.objects.get_or_create(space=space, user=acting_user)
    forget_standing(acting_user)
    return member


@service
def leave_space(space: Space, *, acting_user: Any) -> None:
    """Leave a space; a moderator who leaves stops moderating it."""
    SpaceMember.objects.filter(space=space, user=acting_user).delete()
    forget_standing(acting_user)


@service
def set_level(space: Space, *, acting_user: Any, level: str) -> SpaceMember:
    """Set how much of `space` the person hears about (joining it)."""
    if level not in Level.values:
        raise ValidationError({"level": _("Choose one of the levels offered.")}, code="level")
    member, _created = SpaceMember.objects.get_or_create(space=space, user=acting_user)
    if member.level != level:
        member.level = level
        member.save(update_fields=["level"])
    return member


@service
def unsubscribe(space: Space, *, acting_user: Any) -> None:
    """Stop every email of `space` to the person (RFC 8058 one-click)."""
    SpaceMember.objects.filter(space=space, user=acting_user).exclude(level=Level.NOTHING).update(
        level=Level.NOTHING
    )


@service
def save_preferences(preferences: Preferences, *, acting_user: Any) -> Preferences:
    if preferences.user_id != acting_user.pk:
        raise ValidationError(_("You may not do this."), code="forbidden")
    preferences.full_clean()
    preferences.save()
    return preferences


@service
def mark_read(*, acting_user: Any, notification_ids: list[int] | None = None) -> int:
    """Mark the person's notifications read (all of them when no ids)."""
    unread = Notification.objects.filter(user=acting_user, read__isnull=True)
    if notification_ids is not None:
        unread = unread.filter(pk__in=notification_ids)
    return unread.update(read=timezone.now())
