"""
Who hears about a post, and the email they get.

When a post commits, `fan_out` (a background task) writes one
`Notification` per person who should hear of it: the members of its space
whose level is "everything" (inbox and an email at once), "digest" (inbox
and their next digest), and everyone it mentions who may see it (inbox
and an email at once, unless their level for the space is "nothing").
Nobody hears of their own post, nor of a post in a space they may no
longer see: visibility is asked again for each person, and again when the
email goes out.

An email at once is sent by `send_notification`, which claims the row
(pending -> sending) in its own committed update before talking to the
mail server, and records it sent after:

- a mail server that refuses or cannot be reached puts the row back to
  pending and queues another try later (1, 5, 30 minutes, then every 2
  hours): an outage delays mail, never loses it;
- two workers never send one email: only one claim succeeds;
- a worker that dies between the claim and the record leaves the row
  "sending"; `sweep` turns such rows, after SENDING_LEASE, into
  "uncertain" (shown to the Secretariat in the back office) and never
  sends them again: whether the server took it cannot be known, and
  never twice is the rule.

A person's quiet hours (`Preferences.quiet_from`, `quiet_until`, in their
time zone) hold their emails back: an email at once that falls within them
stays pending, marked `held_until` their end, and its task is queued again
for then; a digest due within them goes at the first run after (its window
is unchanged). The inbox is written at once whatever the hour.

Digests (`send_digest`) cover exact, contiguous windows in the person's
time zone: from the end of the last window sent to the last midnight
(daily) or the last Monday midnight (weekly). The window is claimed by a
compare-and-set on `Preferences.digest_sent_until`; a failed send gives it
back, so the next run sends the same window.
"""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMessage
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from alliance87.community import reply_address
from alliance87.community.models import (
    MODERATION_REASONS,
    DigestFrequency,
    Level,
    MailState,
    Mention,
    Notification,
    Post,
    PostState,
    Preferences,
    Reason,
    Space,
    SpaceMember,
    display_name,
)

logger = logging.getLogger(__name__)

RETRY_AFTER = [dt.timedelta(minutes=1), dt.timedelta(minutes=5), dt.timedelta(minutes=30)]
RETRY_EVERY = dt.timedelta(hours=2)
SENDING_LEASE = dt.timedelta(minutes=15)
UNSUBSCRIBE_SALT = "alliance87.community.unsubscribe"


def preferences_of(user: Any) -> Preferences:
    prefs, _created = Preferences.objects.get_or_create(
        user=user, defaults={"language": settings.LANGUAGE_CODE}
    )
    return prefs


def may_see(user: Any, space: Space) -> bool:
    return bool(user.is_active) and Space.objects.visible_to(user).filter(pk=space.pk).exists()


# --- Fan-out ------------------------------------------------------------------


# People are read, and their notifications written, this many at a time:
# a space's fan-out holds one chunk in memory, whatever its members.
CHUNK = 500


def fan_out(post_id: int) -> list[int]:
    """Write the notifications of a post; return the ids of those to
    email at once."""
    post = Post.objects.select_related("thread__space").filter(pk=post_id).first()
    if post is None:
        return []
    if post.state != PostState.PUBLISHED or post.thread.state != PostState.PUBLISHED:
        return []  # a held post is announced when approved; a hidden one never
    thread, space = post.thread, post.thread.space
    opening = not Post.objects.filter(thread=thread, created__lt=post.created).exists()
    reason = Reason.THREAD if opening else Reason.REPLY
    mentioned = set(Mention.objects.filter(post=post).values_list("user_id", flat=True))
    mentioned.discard(post.author_id)
    users = get_user_model().objects.filter(is_active=True)
    # Those mentioned (a few): at once, unless their level for the space is
    # "nothing"; whether they are members or not.
    quiet = set(
        SpaceMember.objects.filter(
            space=space, user_id__in=mentioned, level=Level.NOTHING
        ).values_list("user_id", flat=True)
    )
    chunk = list(users.filter(pk__in=mentioned - quiet))
    _write(post, space, chunk, {}, reason)
    # The members who hear of every post, at once or in a digest, read a
    # chunk at a time in the order of their ids.
    hearing = (
        SpaceMember.objects.filter(
            space=space, level__in=[Level.EVERYTHING, Level.DIGEST], user__is_active=True
        )
        .exclude(user_id=post.author_id)
        .exclude(user_id__in=mentioned)
        .order_by("user_id")
    )
    after = 0
    while True:
        members = list(hearing.filter(user_id__gt=after).select_related("user")[:CHUNK])
        if not members:
            break
        after = members[-1].user_id
        levels = {m.user_id: m.level for m in members}
        _write(post, space, [m.user for m in members], levels, reason)
    return list(
        Notification.objects.filter(post=post, mail=MailState.PENDING).values_list("pk", flat=True)
    )


def _write(
    post: Post, space: Space, users: list[Any], levels: dict[int, str], reason: str
) -> None:
    """Write the notifications of `post` for `users` (one chunk) who may see
    its space: a mention (no level given) or a member's level."""
    rows = []
    for user in users:
        level = levels.get(user.pk)
        if level is None:
            row = Notification(user=user, post=post, reason=Reason.MENTION, mail=MailState.PENDING)
        elif level == Level.EVERYTHING:
            row = Notification(user=user, post=post, reason=reason, mail=MailState.PENDING)
        else:  # Level.DIGEST
            row = Notification(user=user, post=post, reason=reason, digest=True)
        if may_see(user, space):
            row.created = post.created
            rows.append(row)
    Notification.objects.bulk_create(rows, ignore_conflicts=True, batch_size=CHUNK)


# --- Email at once -------------------------------------------------------------


def unsubscribe_token(user: Any, space: Space) -> str:
    return signing.dumps({"u": user.pk, "s": space.pk}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> tuple[int, int] | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        return int(data["u"]), int(data["s"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _headers(user: Any, space: Space, language: str) -> tuple[dict[str, str], str]:
    with translation.override(language):
        url = absolute(reverse("community:unsubscribe", args=[unsubscribe_token(user, space)]))
    host = settings.SITE_URL.split("://", 1)[1].split("/")[0].split(":")[0]
    return {
        "List-Id": f"<{space.slug}.community.{host}>",
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",
    }, url


def compose(notification: Notification) -> EmailMessage:
    """Return the email of one notification, in its person's language."""
    post = notification.post
    thread, space, user = post.thread, post.thread.space, notification.user
    language = preferences_of(user).language
    moderation = notification.reason in MODERATION_REASONS
    headers, unsubscribe = _headers(user, space, language)
    if moderation:
        # A moderator's decision about the person's own post: no list to
        # leave, and no reply address (a reply would post in the thread).
        headers = {"Auto-Submitted": "auto-generated"}
    host = settings.SITE_URL.split("://", 1)[1].split("/")[0].split(":")[0]
    headers["Message-ID"] = f"<community-{notification.pk}@{host}>"
    with translation.override(language):
        context = {
            "notification": notification,
            "post": post,
            "thread": thread,
            "space": space,
            "author": display_name(post.author),
            "thread_url": absolute(thread.get_absolute_url()) + f"#post-{post.pk}",
            "unsubscribe_url": unsubscribe,
            "settings_url": absolute(reverse("community:preferences")),
            "reply_by_email": reply_address.enabled() and not moderation,
            "moderation": moderation,
        }
        subject = f"[{space.name}] {thread.title}"
        body = render_to_string("community/email/notification.txt", context)
    # A reply to this email posts in the thread as this person (inbound.py);
    # a digest, which covers several threads, has no reply address.
    reply_to = (
        [reply_address.reply_address(user, thread)]
        if reply_address.enabled() and not moderation
        else None
    )
    return EmailMessage(subject, body, None, [user.email], headers=headers, reply_to=reply_to)


def retry_delay(attempts: int) -> dt.timedelta:
    return RETRY_AFTER[attempts - 1] if attempts <= len(RETRY_AFTER) else RETRY_EVERY


def quiet_end(prefs: Preferences | None, now: dt.datetime) -> dt.datetime | None:
    """Return when `prefs`'s quiet hours end if `now` falls within them,
    else None."""
    if prefs is None or prefs.quiet_from is None or prefs.quiet_until is None:
        return None
    zone = _zone(prefs.time_zone)
    local = now.astimezone(zone)
    start, end, time = prefs.quiet_from, prefs.quiet_until, local.time()
    # Quiet hours that end earlier in the day than they start span midnight.
    inside = start <= time < end if start < end else (time >= start or time < end)
    if not inside:
        return None
    day = local.date() if time < end else local.date() + dt.timedelta(days=1)
    ends = dt.datetime.combine(day, end, tzinfo=zone)
    # A wall-clock end a change of clocks skips can fall before `now`.
    return ends if ends > now else None


def held_until(notification_id: int) -> dt.datetime | None:
    """Return when the person's quiet hours release the email, if they hold it."""
    return (
        Notification.objects.filter(pk=notification_id)
        .values_list("held_until", flat=True)
        .first()
    )


def send_notification(notification_id: int, *, now: dt.datetime | None = None) -> str:
    """Send one notification's email, at most once; return what happened:
    "sent", "retry:<seconds>" or "quiet:<seconds>" (the caller queues the
    next try then), or why nothing was sent."""
    now = now or timezone.now()
    held = quiet_end(
        Preferences.objects.filter(user__community_notifications__pk=notification_id).first(),
        now,
    )
    if held is not None:
        if not Notification.objects.filter(pk=notification_id, mail=MailState.PENDING).update(
            held_until=held
        ):
            return "not pending"
        return f"quiet:{max(1, int((held - now).total_seconds()))}"
    claimed = Notification.objects.filter(pk=notification_id, mail=MailState.PENDING).update(
        mail=MailState.SENDING, attempts=F("attempts") + 1, mailed=timezone.now()
    )
    if not claimed:
        return "not pending"
    notification = Notification.objects.select_related(
        "user", "post__author", "post__thread__space"
    ).get(pk=notification_id)
    if not may_see(notification.user, notification.post.thread.space) or not (
        Post.objects.visible_to(notification.user).filter(pk=notification.post_id).exists()
    ):
        # Gone from the space, or the post is hidden (or no longer held).
        Notification.objects.filter(pk=notification_id).update(mail=MailState.NONE)
        return "no longer visible"
    try:
        compose(notification).send()
    except (smtplib.SMTPException, OSError) as error:
        delay = retry_delay(notification.attempts)
        Notification.objects.filter(pk=notification_id).update(
            mail=MailState.PENDING, mail_error=str(error)[:300]
        )
        logger.warning("Community mail %s not sent (%s); retrying", notification_id, error)
        return f"retry:{int(delay.total_seconds())}"
    Notification.objects.filter(pk=notification_id).update(
        mail=MailState.SENT, mailed=timezone.now(), mail_error=""
    )
    return "sent"


# --- Digests ---------------------------------------------------------------------


def _zone(name: str) -> dt.tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return dt.UTC


def window_end(now: dt.datetime, frequency: str, zone_name: str) -> dt.datetime:
    """Return the end of the last whole window before `now`: the last
    midnight (daily) or Monday midnight (weekly) in the time zone."""
    zone = _zone(zone_name)
    local = now.astimezone(zone)
    day = local.date()
    if frequency == DigestFrequency.WEEKLY:
        day -= dt.timedelta(days=day.weekday())
    return dt.datetime.combine(day, dt.time(0), tzinfo=zone)


def _window_start(end: dt.datetime, frequency: str) -> dt.datetime:
    days = 7 if frequency == DigestFrequency.WEEKLY else 1
    # The same wall-clock midnight, a day or a week earlier (not 24 hours:
    # a day with a DST change has 23 or 25).
    local = end.astimezone(end.tzinfo)
    return dt.datetime.combine(
        local.date() - dt.timedelta(days=days), dt.time(0), tzinfo=end.tzinfo
    )


def send_digest(user_id: int, *, now: dt.datetime | None = None) -> str:
    """Send `user`'s digest of the last whole window, at most once."""
    now = now or timezone.now()
    prefs = Preferences.objects.select_related("user").filter(user_id=user_id).first()
    if prefs is None or not prefs.user.is_active:
        return "no preferences"
    end = window_end(now, prefs.digest, prefs.time_zone)
    start = prefs.digest_sent_until or _window_start(end, prefs.digest)
    if end <= start:
        return "not due"
    if quiet_end(prefs, now) is not None:
        return "quiet"
    claimed = Preferences.objects.filter(
        pk=prefs.pk, digest_sent_until=prefs.digest_sent_until
    ).update(digest_sent_until=end)
    if not claimed:
        return "taken"
    items = list(
        Notification.objects.visible_to(prefs.user)
        .filter(digest=True, created__gte=start, created__lt=end)
        .select_related("post__author", "post__thread__space")
        .order_by("post__thread__space__name", "post__thread_id", "created")
    )
    if not items:
        return "empty"
    try:
        digest_message(prefs, items, start, end).send()
    except (smtplib.SMTPException, OSError) as error:
        # Give the window back: the next run sends it.
        Preferences.objects.filter(pk=prefs.pk, digest_sent_until=end).update(
            digest_sent_until=prefs.digest_sent_until
        )
        logger.warning("Community digest for %s not sent (%s)", user_id, error)
        return "retry"
    return "sent"


def digest_message(
    prefs: Preferences, items: list[Notification], start: dt.datetime, end: dt.datetime
) -> EmailMessage:
    """Return the digest email: the window's posts grouped by thread."""
    threads: OrderedDict[int, dict[str, Any]] = OrderedDict()
    for item in items:
        thread = item.post.thread
        entry = threads.setdefault(
            thread.pk,
            {"thread": thread, "url": absolute(thread.get_absolute_url()), "posts": []},
        )
        entry["posts"].append(
            {
                "author": display_name(item.post.author),
                "body": item.post.body,
                "created": item.post.created,
            }
        )
    zone = _zone(prefs.time_zone)
    with translation.override(prefs.language):
        context = {
            "threads": list(threads.values()),
            "start": start.astimezone(zone),
            "end": end.astimezone(zone),
            "settings_url": absolute(reverse("community:preferences")),
            "weekly": prefs.digest == DigestFrequency.WEEKLY,
        }
        body = render_to_string("community/email/digest.txt", context)
        subject = render_to_string("community/email/digest_subject.txt", context).strip()
    return EmailMessage(
        subject, body, None, [prefs.user.email], headers={"Auto-Submitted": "auto-generated"}
    )


def digest_recipients() -> Iterator[int]:
    """Yield the ids of people with a space at the digest level, in
    order, each once, read a chunk at a time."""
    members = SpaceMember.objects.filter(level=Level.DIGEST, user__is_active=True)
    after = 0
    while True:
        ids = list(
            members.filter(user_id__gt=after)
            .order_by("user_id")
            .values_list("user_id", flat=True)
            .distinct()[:CHUNK]
        )
        if not ids:
            return
        yield from ids
        after = ids[-1]


def sweep(*, now: dt.datetime | None = None) -> tuple[int, list[int]]:
    """Mark emails a dead worker left "sending" as uncertain (never sent
    again); return their count and the ids of pending emails whose task may
    be lost, for the caller to queue again."""
    now = now or timezone.now()
    uncertain = Notification.objects.filter(
        mail=MailState.SENDING, mailed__lt=now - SENDING_LEASE
    ).update(mail=MailState.UNCERTAIN)
    # An email held by quiet hours has its task queued for their end.
    stale = list(
        Notification.objects.filter(mail=MailState.PENDING, created__lt=now - SENDING_LEASE)
        .filter(Q(held_until__isnull=True) | Q(held_until__lt=now - SENDING_LEASE))
        .values_list("pk", flat=True)[:1000]
    )
    return uncertain, stale
