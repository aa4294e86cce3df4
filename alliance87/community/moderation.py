"""
Moderation of the community (issue 13, item 6): flags, the moderators'
queue, hiding and restoring posts, suspensions, and the first posts of
new accounts held for review and rate-limited.

Who: a space's moderators (named by the Secretariat) and the Secretariat
(core.permissions: "moderate"). Every decision is a `@service` here, so
its rows (the post's state and reason, the flags, the suspension) are
written in one transaction and their audit entries (django-auditlog, every
model of the Hub) name the moderator.

Invariants:
- a post is published, held (awaiting review), hidden or rejected (a held
  post not approved); a thread stands where its opening post does;
- only published posts in published threads reach others: thread pages
  (a hidden post shows as a notice there, without its text, author or
  links), the space's list and counts, search, notifications, digests and
  emails. Their author reads their own posts in any state, with the
  moderator's reason; a space's moderators and the Secretariat read all;
- `Thread.reply_count` counts published replies, and `last_activity`
  moves only when a reply is published: to the reply's own time, never
  back (a reply approved or restored later takes the thread's last
  activity to when it was written, if that is later);
- a post that enters the queue (its first open flag, or held for review)
  is told to the space's moderators, in their inbox and by an email at
  once, never to the flagger nor the post's author, and never saying who
  flagged; a suspension made or lifted is told to the person by email;
- one open flag per person and post; a person never flags their own post,
  nor where they are suspended; hiding a post closes its open flags
  ("hidden"), dismissing them keeps it ("dismissed");
- hiding, restoring and rejecting need a reason, shown to the author on
  the post and in a notification (inbox, and an email at once);
- a suspended person reads the space and may not post, reply (by email
  too), mark helpful or flag there until it ends or is lifted; one open
  suspension per person and space; the Secretariat and the space's
  moderators are not suspended;
- a new account's post (younger than COMMUNITY_HOLD_DAYS days, fewer than
  COMMUNITY_HOLD_POSTS published posts; never the Secretariat's nor a
  moderator's in their space) is held and announced to nobody until a
  moderator approves it; such a person may post COMMUNITY_NEW_POSTS_PER_HOUR
  times per clock hour (core.ratelimit, shared by every process), and is
  told when they may post again.
"""

from __future__ import annotations

import datetime as dt
import math
import time
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Min, Q, Value
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from alliance87.community.models import (
    Flag,
    FlagOutcome,
    FlagReason,
    Level,
    MailState,
    Notification,
    Post,
    PostState,
    Pseudonym,
    Reason,
    Space,
    SpaceMember,
    SpaceRole,
    Suspension,
    SuspensionEvent,
    SuspensionNotice,
    Thread,
    forget_standing,
    shown_author,
    standing,
)
from alliance87.core.permissions import may
from alliance87.core.ratelimit import count_hit
from alliance87.core.services import service
from alliance87.core.tasks import enqueue_on_commit

REASON_MAX_CHARS = 1000
QUEUE_PAGE = 20
RATE_WINDOW = 3600  # seconds: the limit of new accounts counts per clock hour


# --- Settings (documented in docs/community.md and the README) ---------------------


def hold_days() -> int:
    """An account younger than this many days is new (0: nobody is)."""
    return int(getattr(settings, "COMMUNITY_HOLD_DAYS", 7))


def hold_posts() -> int:
    """A new account's posts are held until this many are published."""
    return int(getattr(settings, "COMMUNITY_HOLD_POSTS", 1))


def new_posts_per_hour() -> int:
    """How many posts a new account may write per clock hour (0: no limit)."""
    return int(getattr(settings, "COMMUNITY_NEW_POSTS_PER_HOUR", 3))


# --- New accounts -------------------------------------------------------------------


def is_new(user: Any, space: Space) -> bool:
    """Whether `user`'s posts in `space` are held for review."""
    found = standing(user)
    if found.secretariat or space.pk in found.moderates:
        return False
    days, posts = hold_days(), hold_posts()
    if days <= 0 or posts <= 0:
        return False
    joined = getattr(user, "date_joined", None)
    if joined is None or joined <= timezone.now() - dt.timedelta(days=days):
        return False
    published = Post.objects.filter(author=user, state=PostState.PUBLISHED)[:posts].count()
    return published < posts


def check_rate(user: Any, *, now: float | None = None) -> None:
    """Count one post of a new account; raise ValidationError, saying when
    they may post again, past the limit of the clock hour."""
    limit = new_posts_per_hour()
    if limit <= 0:
        return
    now = time.time() if now is None else now
    window = int(now // RATE_WINDOW)
    if count_hit(f"community-new-posts:{user.pk}:{window}", window=RATE_WINDOW) <= limit:
        return
    again = dt.datetime.fromtimestamp((window + 1) * RATE_WINDOW, tz=dt.UTC)
    minutes = max(1, math.ceil(((window + 1) * RATE_WINDOW - now) / 60))
    raise ValidationError(
        ngettext(
            "New members may post %(limit)s times an hour at most, and you have. "
            "You can post again in %(minutes)s minute (at %(time)s UTC); "
            "your text is kept below.",
            "New members may post %(limit)s times an hour at most, and you have. "
            "You can post again in %(minutes)s minutes (at %(time)s UTC); "
            "your text is kept below.",
            minutes,
        )
        % {"limit": limit, "minutes": minutes, "time": again.strftime("%H:%M")},
        code="rate_limited",
    )


def state_of_new_post(space: Space, user: Any) -> str:
    """The state a post `user` writes now in `space` starts in: held (and
    counted against the hourly limit) for a new account, else published.
    Called by community.services before it writes a thread or a reply."""
    if not is_new(user, space):
        return PostState.PUBLISHED
    check_rate(user)
    return PostState.HELD


# --- Reads --------------------------------------------------------------------------


@dataclass
class QueueItem:
    post: Post
    author_name: str
    flag_count: int
    reasons: list[tuple[str, int]]  # (label, count), most first
    notes: list[str]
    first_flagged: dt.datetime | None


def queue(space: Space | None, page_number: Any, *, held: bool = False) -> Page:
    """Return a page of `space`'s queue (None: every space's, for the
    Secretariat): its posts with open flags, most flagged first
    (held=False), or its posts awaiting review, oldest first (held=True).
    The caller has checked the reader moderates the space (every space,
    when None)."""
    posts = Post.objects.all() if space is None else Post.objects.filter(thread__space=space)
    if held:
        rows = posts.filter(state=PostState.HELD).order_by("created", "pk")
    else:
        rows = (
            # One filter, one join: posts with a flag that is open (not
            # posts without any flag, which the outer join also leaves null).
            posts.filter(flags__isnull=False, flags__resolved__isnull=True)
            .annotate(open_flags=Count("flags"), first_flagged=Min("flags__created"))
            .order_by("-open_flags", "first_flagged", "pk")
        )
    related = (
        ("author", "pseudonym", "thread")
        if space is not None
        else ("author", "pseudonym", "thread__space")
    )
    page = Paginator(rows.select_related(*related), QUEUE_PAGE).get_page(page_number)
    shown = list(page.object_list)
    flags: dict[int, list[Flag]] = {}
    if shown and not held:
        for flag in Flag.objects.filter(post__in=shown, resolved__isnull=True).order_by("created"):
            flags.setdefault(flag.post_id, []).append(flag)
    labels = dict(FlagReason.choices)
    items = []
    for post in shown:
        if space is not None:
            post.thread.space = space
        open_flags = flags.get(post.pk, [])
        counts: dict[str, int] = {}
        for flag in open_flags:
            counts[flag.reason] = counts.get(flag.reason, 0) + 1
        items.append(
            QueueItem(
                post=post,
                author_name=shown_author(post),
                flag_count=len(open_flags),
                reasons=sorted(
                    ((str(labels.get(r, r)), n) for r, n in counts.items()),
                    key=lambda pair: -pair[1],
                ),
                notes=[f.note for f in open_flags if f.note],
                first_flagged=open_flags[0].created if open_flags else None,
            )
        )
    page.object_list = items
    return page


def queue_counts(space: Space) -> tuple[int, int]:
    """Return (posts with open flags, posts awaiting review) of `space`."""
    flagged = (
        Flag.objects.filter(post__thread__space=space, resolved__isnull=True)
        .values("post_id")
        .distinct()
        .count()
    )
    held = Post.objects.filter(thread__space=space, state=PostState.HELD).count()
    return flagged, held


@dataclass
class SpaceCounts:
    space: Space
    flagged: int
    held: int


def queue_counts_by_space() -> list[SpaceCounts]:
    """Return the spaces whose queue holds something, by name, with their
    counts (for the Secretariat's queue across spaces: two grouped
    queries, whatever the number of spaces)."""
    flagged = dict(
        Flag.objects.filter(resolved__isnull=True)
        .values("post__thread__space")
        .annotate(n=Count("post", distinct=True))
        .values_list("post__thread__space", "n")
    )
    held = dict(
        Post.objects.filter(state=PostState.HELD)
        .values("thread__space")
        .annotate(n=Count("pk"))
        .values_list("thread__space", "n")
    )
    spaces = Space.objects.filter(pk__in=set(flagged) | set(held)).order_by("name", "pk")
    return [SpaceCounts(s, flagged.get(s.pk, 0), held.get(s.pk, 0)) for s in spaces]


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


# --- Writes -------------------------------------------------------------------------


def _require_moderator(user: Any, space: Space) -> None:
    if not may(user, "moderate", space):
        raise ValidationError(_("Only the space's moderators may do this."), code="forbidden")


def _reason(reason: str, *, required: bool = True) -> str:
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


def _tell_author(post: Post, reason: str) -> None:
    """Tell the post's author of a moderator's decision: their inbox, and an
    email at once after commit (one row per person and post: a later
    decision replaces the earlier one, unread)."""
    author = post.author
    if author is None or not author.is_active:
        return
    _tell(author, post, reason)


def _tell(user: Any, post: Post, reason: str, *, mail: bool = True) -> None:
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
    the flagger; the email never says who flagged. Return how many."""
    skip = {post.author_id, getattr(flagger, "pk", None)}
    moderators = SpaceMember.objects.filter(
        space_id=post.thread.space_id, role=SpaceRole.MODERATOR, user__is_active=True
    ).select_related("user")
    told = 0
    for member in moderators.order_by("pk"):
        if member.user_id in skip:
            continue
        _tell(member.user, post, reason, mail=member.level != Level.NOTHING)
        told += 1
    return told


def _set_state(post: Post, state: str, *, acting_user: Any, reason: str) -> None:
    """Move `post` (and its thread, when it opens it) to `state`, keeping the
    thread's reply count and last activity to its published replies."""
    was_published = post.state == PostState.PUBLISHED
    if post.state == PostState.HELD:
        _settle_alerts(post, Reason.HELD)
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


def _settle_alerts(post: Post, reason: str) -> None:
    """The post left the queue: its moderators' notifications of `reason`
    are read (the inbox no longer calls them new), and an email not yet
    sent is not sent (send_notification would find it no longer news)."""
    alerts = Notification.objects.filter(post=post, reason=reason)
    alerts.filter(mail=MailState.PENDING).update(mail=MailState.NONE)
    alerts.filter(read__isnull=True).update(read=timezone.now())


def _resolve_flags(post: Post, outcome: str, acting_user: Any) -> int:
    open_flags = list(Flag.objects.filter(post=post, resolved__isnull=True))
    now = timezone.now()
    for flag in open_flags:  # one by one, so that each is in the audit log
        flag.resolved, flag.resolved_by, flag.outcome = now, acting_user, outcome
        flag.save(update_fields=["resolved", "resolved_by", "outcome"])
    if open_flags:
        _settle_alerts(post, Reason.FLAGGED)
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
    _require_moderator(acting_user, post.thread.space)
    reason = _reason(reason)
    if post.state != PostState.PUBLISHED:
        raise ValidationError(_("Only a published post can be hidden."), code="state")
    _set_state(post, PostState.HIDDEN, acting_user=acting_user, reason=reason)
    _resolve_flags(post, FlagOutcome.HIDDEN, acting_user)
    _tell_author(post, Reason.HIDDEN)
    return post


@service
def restore_post(post: Post, *, acting_user: Any, reason: str) -> Post:
    """Show a hidden post again; its author is told."""
    _require_moderator(acting_user, post.thread.space)
    reason = _reason(reason)
    if post.state != PostState.HIDDEN:
        raise ValidationError(_("Only a hidden post can be restored."), code="state")
    _set_state(post, PostState.PUBLISHED, acting_user=acting_user, reason=reason)
    _tell_author(post, Reason.RESTORED)
    return post


@service
def approve_post(post: Post, *, acting_user: Any) -> Post:
    """Publish a post that was held for review: announced now, as if just
    posted; its author is told."""
    from alliance87.community.tasks import fan_out_task

    _require_moderator(acting_user, post.thread.space)
    if post.state != PostState.HELD:
        raise ValidationError(_("This post is not awaiting review."), code="state")
    _set_state(post, PostState.PUBLISHED, acting_user=acting_user, reason="")
    _tell_author(post, Reason.APPROVED)
    enqueue_on_commit(fan_out_task, post.pk)
    return post


@service
def reject_post(post: Post, *, acting_user: Any, reason: str) -> Post:
    """Refuse a held post: nobody but its author and the moderators ever
    sees it; its author is told why."""
    _require_moderator(acting_user, post.thread.space)
    reason = _reason(reason)
    if post.state != PostState.HELD:
        raise ValidationError(_("This post is not awaiting review."), code="state")
    _set_state(post, PostState.REJECTED, acting_user=acting_user, reason=reason)
    _tell_author(post, Reason.REJECTED)
    return post


@service
def dismiss_flags(post: Post, *, acting_user: Any) -> int:
    """Close the post's open flags, keeping it; return how many."""
    _require_moderator(acting_user, post.thread.space)
    closed = _resolve_flags(post, FlagOutcome.DISMISSED, acting_user)
    if not closed:
        raise ValidationError(_("This post has no open flag."), code="no_flags")
    return closed


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
    _require_moderator(acting_user, space)
    reason = _reason(reason)
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
    _require_moderator(acting_user, suspension.space)
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
