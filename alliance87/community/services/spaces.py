"""The Secretariat's writes to spaces: creating, changing, archiving and
restoring them, and naming their moderators."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance87.community.models import Space, SpaceKind, SpaceMember, SpaceRole, forget_standing
from alliance87.core.services import service
from alliance87.core.visibility import Visibility, is_secretariat


def _require_secretariat(user: Any) -> None:
    if not is_secretariat(user):
        raise ValidationError(_("Only the Secretariat may do this."), code="forbidden")


# The community's own pages under /community/, which a space's address
# would shadow (urls.py).
RESERVED_SLUGS = frozenset({"new", "inbox", "settings", "unsubscribe", "posts", "queue"})


def check_space(space: Space) -> None:
    """Raise ValidationError unless the space's kind, links and
    visibility agree, and its address is free."""
    errors: dict[str, str] = {}
    if space.slug in RESERVED_SLUGS:
        errors["slug"] = _("This address is a page of the community's; choose another.")
    needs = {SpaceKind.GROUP: "group", SpaceKind.COUNTRY: "country", SpaceKind.THEME: "theme"}
    field = needs.get(SpaceKind(space.kind))
    if field and getattr(space, f"{field}_id") is None:
        labels = {"group": _("group"), "country": _("country"), "theme": _("theme")}
        errors[field] = _("A space of this kind must name its %(what)s.") % {"what": labels[field]}
    if space.visibility == Visibility.MEMBERS and space.group_id is None:
        errors["visibility"] = _("A members-only space must belong to a group.")
    if errors:
        raise ValidationError(errors)


@service
def save_space(space: Space, *, acting_user: Any) -> Space:
    """Create or change a space (the Secretariat only)."""
    _require_secretariat(acting_user)
    check_space(space)
    space.full_clean(exclude=["group", "country", "theme"])
    space.save()
    return space


@service
def archive_space(space: Space, *, acting_user: Any, archived: bool = True) -> Space:
    """Archive a space (kept readable, closed to new posts) or restore it."""
    _require_secretariat(acting_user)
    space.archived_at = timezone.now() if archived else None
    space.save(update_fields=["archived_at"])
    return space


@service
def set_moderator(space: Space, user: Any, *, acting_user: Any, moderator: bool = True) -> None:
    """Name `user` a moderator of `space`, or return them to member."""
    _require_secretariat(acting_user)
    if moderator and not user.is_active:
        raise ValidationError(_("This account is deactivated."), code="inactive")
    role = SpaceRole.MODERATOR if moderator else SpaceRole.MEMBER
    member, created = SpaceMember.objects.get_or_create(
        space=space, user=user, defaults={"role": role}
    )
    if not created and member.role != role:
        member.role = role
        member.save(update_fields=["role"])
    forget_standing(user)
