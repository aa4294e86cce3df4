"""What the moderators' decisions share: who may take them, the reason
they give, and telling people (the post's author of a decision, the
space's moderators of a post that entered their queue)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance87.community.models import (
    Level,
    MailState,
    Notification,
    Post,
    Space,
    SpaceMember,
    SpaceRole,
)
from alliance87.core.permissions import may
from alliance87.core.tasks import enqueue_on_commit
from alliance87.core.visibility import secretariat_users

REASON_MAX_CHARS = 1000


def require_moderator(user: Any, space: Space) -> None:
    if not may(user, "moderate", space):
        raise ValidationError(_("Only the space's moderators may do this."), code="forbidden")


def check_reason(reason: str, *, required: bool = True) -> str:
    reason = (reason or "").strip()
    if required and not reason:
        raise ValidationError(
            {"reason": _("Give a reason: the author reads it.")}, code="no_reason"
        )
    if len(reason) > REASON_MAX_CHARS:
        raise ValidationError(
            {
                "reason": _("A reason may be %(max)s characters long at most.")
                % {"max": REASON_MAX_CHARS}
            },
            code="too_long",
        )
    return reason


def tell_author(post: Post, reason: str) -> None:
    """Tell the post's author of a moderator's decision: their inbox, and an
    email at once after commit (one row per person and post: a later
    decision replaces the earlier one, unread)."""
    author = post.author
    if author is None or not author.is_active:
        return
    tell(author, post, reason)


def tell(user: Any, post: Post, reason: str, *, mail: bool = True) -> None:
    """Write `user`'s notification of `post` for `reason` (one row per
    person and post: a later event replaces the earlier one, unread) and
    queue its email at once after commit."""
    row, _created = Notification.objects.update_or_create(
        user=user,
        post=post,
        defaults={
            "reason": reason,
            "created": timezone.now(),
            "read": None,
            "digest": False,
            "mail": MailState.PENDING if mail else MailState.NONE,
            "attempts": 0,
            "mail_error": "",
            "mailed": None,
            "held_until": None,
        },
    )
    if mail:
        from alliance87.community.tasks import send_notification_task

        enqueue_on_commit(send_notification_task, row.pk)


def tell_moderators(post: Post, reason: str, *, flagger: Any = None) -> int:
    """Tell the moderators of `post`'s space that it entered their queue
    (`reason`: flagged or held): their inbox, and an email at once unless
    their level for the space is "nothing". Never the post's author nor
    the flagger; the email never says who flagged. A space with no
    moderator but the post's author: the Secretariat is told instead (its
    queue across spaces holds the post). Return how many."""
    skip = {post.author_id, getattr(flagger, "pk", None)}
    members = SpaceMember.objects.filter(space_id=post.thread.space_id)
    moderators = members.filter(role=SpaceRole.MODERATOR, user__is_active=True).select_related(
        "user"
    )
    people = [(m.user, m.level) for m in moderators.order_by("pk") if m.user_id != post.author_id]
    if not people:
        levels = dict(members.values_list("user_id", "level"))
        people = [(u, levels.get(u.pk)) for u in secretariat_users().order_by("pk")]
    told = 0
    for user, level in people:
        if user.pk in skip:
            continue
        tell(user, post, reason, mail=level != Level.NOTHING)
        told += 1
    return told


def settle_alerts(post: Post, reason: str) -> None:
    """The post left the queue: its moderators' notifications of `reason`
    are read (the inbox no longer calls them new), and an email not yet
    sent is not sent (send_notification would find it no longer news)."""
    alerts = Notification.objects.filter(post=post, reason=reason)
    alerts.filter(mail=MailState.PENDING).update(mail=MailState.NONE)
    alerts.filter(read__isnull=True).update(read=timezone.now())
