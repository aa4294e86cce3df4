"""Decisions on posts: flagging one, hiding, restoring, approving or
rejecting it, dismissing its flags; each keeps the thread's reply count
and last activity to its published replies."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance87.community.models import (
    Flag,
    FlagOutcome,
    FlagReason,
    Post,
    PostState,
    Reason,
    Thread,
)
from alliance87.community.moderation.base import (
    REASON_MAX_CHARS,
    check_reason,
    require_moderator,
    settle_alerts,
    tell_author,
    tell_moderators,
)
from alliance87.core.permissions import may
from alliance87.core.services import service
from alliance87.core.tasks import enqueue_on_commit


def _set_state(post: Post, state: str, *, acting_user: Any, reason: str) -> None:
    """Move `post` (and its thread, when it opens it) to `state`, keeping the
    thread's reply count and last activity to its published replies."""
    was_published = post.state == PostState.PUBLISHED
    if post.state == PostState.HELD:
        settle_alerts(post, Reason.HELD)
    now = timezone.now()
    post.state, post.moderation_reason = state, reason
    post.moderated_by, post.moderated_at = acting_user, now
    post.save(update_fields=["state", "moderation_reason", "moderated_by", "moderated_at"])
    thread = Thread.objects.select_for_update().get(pk=post.thread_id)
    opening = Post.objects.filter(thread=thread).order_by("created", "pk").first()
    if opening is not None and opening.pk == post.pk:
        thread.state = state
        thread.save(update_fields=["state"])
    else:
        is_published = state == PostState.PUBLISHED
        if is_published and not was_published:
            # The reply's own time, as its place in the thread shows it,
            # never back: a reply approved an hour after it was written is
            # an hour old, and bumps no thread past what was said since.
            Thread.objects.filter(pk=thread.pk).update(
                reply_count=F("reply_count") + 1,
                last_activity=Greatest(F("last_activity"), Value(post.created)),
            )
        elif was_published and not is_published:
            Thread.objects.filter(pk=thread.pk, reply_count__gt=0).update(
                reply_count=F("reply_count") - 1
            )
    post.thread = thread


def _resolve_flags(post: Post, outcome: str, acting_user: Any) -> int:
    open_flags = list(Flag.objects.filter(post=post, resolved__isnull=True))
    now = timezone.now()
    for flag in open_flags:  # one by one, so that each is in the audit log
        flag.resolved, flag.resolved_by, flag.outcome = now, acting_user, outcome
        flag.save(update_fields=["resolved", "resolved_by", "outcome"])
    if open_flags:
        settle_alerts(post, Reason.FLAGGED)
    return len(open_flags)


@service
def flag_post(post: Post, *, acting_user: Any, reason: str, note: str = "") -> Flag:
    """Flag a post for its space's moderators."""
    if post.author_id is not None and post.author_id == acting_user.pk:
        raise ValidationError(_("You cannot flag your own post."), code="own")
    if not may(acting_user, "flag", post):
        raise ValidationError(_("You may not flag this post."), code="forbidden")
    if reason not in FlagReason.values:
        raise ValidationError({"reason": _("Choose one of the reasons offered.")}, code="reason")
    note = (note or "").strip()
    if reason == FlagReason.OTHER and not note:
        raise ValidationError(
            {"note": _("Say what is wrong with the post: the moderators read it.")},
            code="no_note",
        )
    if len(note) > REASON_MAX_CHARS:
        raise ValidationError(
            {
                "note": _("A note may be %(max)s characters long at most.")
                % {"max": REASON_MAX_CHARS}
            },
            code="too_long",
        )
    # One flag at a time per post: whether it is the first open one (and
    # so news for the moderators) is then known for sure.
    Post.objects.select_for_update().filter(pk=post.pk).first()
    if Flag.objects.filter(post=post, user=acting_user, resolved__isnull=True).exists():
        raise ValidationError(
            _(
                "You have already flagged this post; the moderators have your flag. "
                "You can flag it again once they have decided."
            ),
            code="already",
        )
    first = not Flag.objects.filter(post=post, resolved__isnull=True).exists()
    flag = Flag.objects.create(
        post=post, user=acting_user, reason=reason, note=note, created=timezone.now()
    )
    if first:
        # The post enters the queue: news for the moderators. Further flags
        # add to its count there, and to no one's mail.
        tell_moderators(post, Reason.FLAGGED, flagger=acting_user)
    return flag


@service
def hide_post(post: Post, *, acting_user: Any, reason: str) -> Post:
    """Hide a published post from everyone but its author and the
    moderators; its open flags are resolved; its author is told why."""
    require_moderator(acting_user, post.thread.space)
    reason = check_reason(reason)
    if post.state != PostState.PUBLISHED:
        raise ValidationError(_("Only a published post can be hidden."), code="state")
    _set_state(post, PostState.HIDDEN, acting_user=acting_user, reason=reason)
    _resolve_flags(post, FlagOutcome.HIDDEN, acting_user)
    tell_author(post, Reason.HIDDEN)
    return post


@service
def restore_post(post: Post, *, acting_user: Any, reason: str) -> Post:
    """Show a hidden post again; its author is told."""
    require_moderator(acting_user, post.thread.space)
    reason = check_reason(reason)
    if post.state != PostState.HIDDEN:
        raise ValidationError(_("Only a hidden post can be restored."), code="state")
    _set_state(post, PostState.PUBLISHED, acting_user=acting_user, reason=reason)
    tell_author(post, Reason.RESTORED)
    return post


@service
def approve_post(post: Post, *, acting_user: Any) -> Post:
    """Publish a post that was held for review: announced now, as if just
    posted; its author is told."""
    from alliance87.community.tasks import fan_out_task

    require_moderator(acting_user, post.thread.space)
    if post.state != PostState.HELD:
        raise ValidationError(_("This post is not awaiting review."), code="state")
    _set_state(post, PostState.PUBLISHED, acting_user=acting_user, reason="")
    tell_author(post, Reason.APPROVED)
    enqueue_on_commit(fan_out_task, post.pk)
    return post


@service
def reject_post(post: Post, *, acting_user: Any, reason: str) -> Post:
    """Refuse a held post: nobody but its author and the moderators ever
    sees it; its author is told why."""
    require_moderator(acting_user, post.thread.space)
    reason = check_reason(reason)
    if post.state != PostState.HELD:
        raise ValidationError(_("This post is not awaiting review."), code="state")
    _set_state(post, PostState.REJECTED, acting_user=acting_user, reason=reason)
    tell_author(post, Reason.REJECTED)
    return post


@service
def dismiss_flags(post: Post, *, acting_user: Any) -> int:
    """Close the post's open flags, keeping it; return how many."""
    require_moderator(acting_user, post.thread.space)
    closed = _resolve_flags(post, FlagOutcome.DISMISSED, acting_user)
    if not closed:
        raise ValidationError(_("This post has no open flag."), code="no_flags")
    return closed
