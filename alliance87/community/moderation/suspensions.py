"""Suspensions from a space: the ones in force, making and lifting them,
and the email that tells the person (of one that ends on its date:
notify.ended_suspension_notices)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance87.community.models import (
    Pseudonym,
    Space,
    Suspension,
    SuspensionEvent,
    SuspensionNotice,
    forget_standing,
    standing,
)
from alliance87.community.moderation.base import check_reason, require_moderator
from alliance87.core.services import service
from alliance87.core.tasks import enqueue_on_commit


def active_suspensions(space: Space) -> list[Suspension]:
    now = timezone.now()
    return list(
        Suspension.objects.filter(space=space, lifted__isnull=True)
        .filter(Q(ends__isnull=True) | Q(ends__gt=now))
        .select_related("user", "pseudonym", "created_by")
        .order_by("-starts", "-pk")
    )


def suspension_of(user: Any, space: Space) -> Suspension | None:
    """Return `user`'s suspension from `space` in force now, if any."""
    if not getattr(user, "is_authenticated", False) or space.pk not in standing(user).suspended:
        return None
    now = timezone.now()
    return (
        Suspension.objects.filter(space=space, user=user, lifted__isnull=True)
        .filter(Q(ends__isnull=True) | Q(ends__gt=now))
        .first()
    )


@service
def suspend(
    space: Space,
    person: Any,
    *,
    acting_user: Any,
    reason: str,
    ends: dt.datetime | None = None,
    pseudonym: Pseudonym | None = None,
) -> Suspension:
    """Suspend `person` from `space` (until `ends`, or until lifted).
    `pseudonym`: the suspension is made from a post written under it,
    whose author the moderator does not know; the suspensions are listed
    under it, and a refusal says nothing of the account behind it."""
    require_moderator(acting_user, space)
    reason = check_reason(reason)
    forget_standing(person)
    found = standing(person)
    if pseudonym is not None and (
        person.pk == getattr(acting_user, "pk", None)
        or found.secretariat
        or space.pk in found.moderates
    ):
        raise ValidationError(
            _(
                "The author of this post cannot be suspended from this space. If it must "
                "be done, ask the Secretariat."
            ),
            code="pseudonym",
        )
    if person.pk == getattr(acting_user, "pk", None):
        raise ValidationError(_("You cannot suspend yourself."), code="self")
    if found.secretariat:
        raise ValidationError(_("The Secretariat cannot be suspended."), code="secretariat")
    if space.pk in found.moderates:
        raise ValidationError(
            _(
                "A moderator of the space cannot be suspended from it; the Secretariat can "
                "first make them a member again."
            ),
            code="moderator",
        )
    now = timezone.now()
    if ends is not None and ends <= now:
        raise ValidationError({"ends": _("The end of a suspension must be in the future.")})
    # A suspension still open (perhaps ended by its date) gives way to this one.
    for earlier in Suspension.objects.filter(space=space, user=person, lifted__isnull=True):
        earlier.lifted, earlier.lifted_by = now, acting_user
        earlier.save(update_fields=["lifted", "lifted_by"])
    made = Suspension.objects.create(
        space=space,
        user=person,
        pseudonym=pseudonym,
        reason=reason,
        starts=now,
        ends=ends,
        created_by=acting_user,
    )
    forget_standing(person)
    # The one it replaced is not announced as lifted: this one says it all.
    _notify_suspension(made, SuspensionEvent.SUSPENDED)
    return made


def _notify_suspension(suspension: Suspension, event: str) -> None:
    """Write the email telling the person of `event` and queue it after
    commit (one per suspension and event: never twice)."""
    if not suspension.user.is_active:
        return
    notice, created = SuspensionNotice.objects.get_or_create(
        suspension=suspension, event=event, defaults={"created": timezone.now()}
    )
    if created:
        from alliance87.community.tasks import send_suspension_notice_task

        enqueue_on_commit(send_suspension_notice_task, notice.pk)


@service
def lift_suspension(suspension: Suspension, *, acting_user: Any) -> Suspension:
    """End a suspension now."""
    require_moderator(acting_user, suspension.space)
    if suspension.lifted is not None:
        raise ValidationError(_("This suspension was already lifted."), code="lifted")
    now = timezone.now()
    in_force = suspension.is_active(now)
    suspension.lifted, suspension.lifted_by = now, acting_user
    suspension.save(update_fields=["lifted", "lifted_by"])
    forget_standing(suspension.user)
    if in_force:  # one that had ended by its date is news to nobody
        _notify_suspension(suspension, SuspensionEvent.LIFTED)
    return suspension
