"""
Who hears about a post, and the email they get.

When a post commits, `fan_out` (a background task) writes one
`Notification` per person who should hear of it: the members of its space
whose level is "everything" (inbox and an email at once), "digest" (inbox
and their next digest), everyone it mentions who may see it (inbox
and an email at once, unless their level for the space is "nothing"), and
the people of the organisations it names with @org: who may see it (as a
mention, but in their digest when that is their level for the space).
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
back, so the next run sends the same window. Each thread of a digest
carries the person's own reply address for it (a mailto: link in the HTML
part, the bare address in the text part, which mail programs link); a
digest of one thread has that address as its Reply-To, a digest of several
the digest's address, whose mail is answered with a bounce saying to use
a thread's own link (community/inbound.py).
"""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from alliance87.community import reply_address
from alliance87.community.attachments import shown_by_post
from alliance87.community.models import (
    MODERATION_REASONS,
    MODERATOR_REASONS,
    DigestFrequency,
    Flag,
    Level,
    MailState,
    Mention,
    Notification,
    OrganisationMention,
    Post,
    PostState,
    Preferences,
    Reason,
    Space,
    SpaceMember,
    SpaceRole,
    SuspensionEvent,
    SuspensionNotice,
    shown_author,
)
from alliance87.partners.models import Person

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
    # The people, with an account, of the organisations it names (@org:).
    of_organisations = (
        set(
            Person.objects.filter(
                organisation__in=OrganisationMention.objects.filter(post=post).values(
                    "organisation_id"
                ),
                user__isnull=False,
            ).values_list("user_id", flat=True)
        )
        - mentioned
        - {post.author_id}
    )
    named = mentioned | of_organisations
    users = get_user_model().objects.filter(is_active=True)
    # Those named (a few), whether they are members or not: at once, unless
    # their level for the space is "nothing"; a digest reader hears of their
    # organisation's mention in their digest.
    levels = dict(
        SpaceMember.objects.filter(space=space, user_id__in=named).values_list("user_id", "level")
    )
    _write_named(post, space, list(users.filter(pk__in=named)), levels, mentioned)
    # The members who hear of every post, at once or in a digest, read a
    # chunk at a time in the order of their ids.
    hearing = (
        SpaceMember.objects.filter(
            space=space, level__in=[Level.EVERYTHING, Level.DIGEST], user__is_active=True
        )
        .exclude(user_id=post.author_id)
        .exclude(user_id__in=named)
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


def _write_named(
    post: Post, space: Space, users: list[Any], levels: dict[int, str], mentioned: set[int]
) -> None:
    """Write the notifications of `post` for the people it names, or whose
    organisation it names, who may see its space: at once (a digest
    reader hears of their organisation in their digest), never at the
    level "nothing"."""
    rows = []
    for user in users:
        level = levels.get(user.pk, Level.MENTIONS)
        if level == Level.NOTHING:
            continue
        if user.pk in mentioned:
            row = Notification(user=user, post=post, reason=Reason.MENTION, mail=MailState.PENDING)
        else:
            row = Notification(
                user=user,
                post=post,
                reason=Reason.ORGANISATION,
                mail=MailState.NONE if level == Level.DIGEST else MailState.PENDING,
                digest=level == Level.DIGEST,
            )
        if may_see(user, space):
            row.created = post.created
            rows.append(row)
    Notification.objects.bulk_create(rows, ignore_conflicts=True, batch_size=CHUNK)


def _write(
    post: Post, space: Space, users: list[Any], levels: dict[int, str], reason: str
) -> None:
    """Write the notifications of `post` for `users` (one chunk of the
    members who hear of every post) who may see its space, by their level."""
    rows = []
    for user in users:
        if levels[user.pk] == Level.EVERYTHING:
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


def _files(post_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """The files of each post, for an email: links, never the files
    themselves (people read their mail on slow or costly connections)."""
    return {
        pk: [{**vars(f), "url": absolute(f.url)} for f in found]
        for pk, found in shown_by_post(post_ids).items()
    }


def compose(notification: Notification) -> EmailMessage:
    """Return the email of one notification, in its person's language."""
    if notification.reason in MODERATOR_REASONS:
        return compose_for_moderator(notification)
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
            "author": shown_author(post),
            "thread_url": absolute(thread.get_absolute_url()) + f"#post-{post.pk}",
            "unsubscribe_url": unsubscribe,
            "settings_url": absolute(reverse("community:preferences")),
            "reply_by_email": reply_address.enabled() and not moderation,
            "moderation": moderation,
            "attachments": _files([post.pk]).get(post.pk, []),
        }
        subject = f"[{space.name}] {thread.title}"
        body = render_to_string("community/email/notification.txt", context)
    # A reply to this email posts in the thread as this person (inbound.py).
    reply_to = (
        [reply_address.reply_address(user, thread)]
        if reply_address.enabled() and not moderation
        else None
    )
    return EmailMessage(subject, body, None, [user.email], headers=headers, reply_to=reply_to)


def compose_for_moderator(notification: Notification) -> EmailMessage:
    """Return the email telling a moderator that a post entered their
    space's queue: where, why, and a link; not the post's text (it may be
    what was flagged: someone's personal details, abuse), nor who flagged
    it. It is mail of the space, which the moderator may leave
    (List-Unsubscribe); a reply to it posts nothing (no Reply-To)."""
    post = notification.post
    thread, space, user = post.thread, post.thread.space, notification.user
    language = preferences_of(user).language
    headers, unsubscribe = _headers(user, space, language)
    host = settings.SITE_URL.split("://", 1)[1].split("/")[0].split(":")[0]
    headers["Message-ID"] = f"<community-{notification.pk}-{notification.reason}@{host}>"
    flagged = notification.reason == Reason.FLAGGED
    labels = dict(Flag._meta.get_field("reason").flatchoices)
    with translation.override(language):
        reasons = []
        if flagged:
            counts: dict[str, int] = {}
            for reason in Flag.objects.filter(post=post, resolved__isnull=True).values_list(
                "reason", flat=True
            ):
                counts[reason] = counts.get(reason, 0) + 1
            reasons = [str(labels.get(r, r)) for r in sorted(counts, key=lambda r: -counts[r])]
        context = {
            "flagged": flagged,
            "thread": thread,
            "space": space,
            "author": shown_author(post),
            "reasons": reasons,
            "post_url": absolute(reverse("community:moderate-post", args=[post.pk])),
            "queue_url": absolute(reverse("community:queue", args=[space.slug]))
            + ("" if flagged else "?show=held"),
            "unsubscribe_url": unsubscribe,
            "settings_url": absolute(reverse("community:preferences")),
        }
        subject = render_to_string("community/email/moderators_subject.txt", context).strip()
        body = render_to_string("community/email/moderators.txt", context)
    return EmailMessage(subject, body, None, [user.email], headers=headers)


def still_news(notification: Notification) -> bool:
    """Whether a moderator's notification is still worth an email: they
    still moderate the space, and the post is still in its queue (not
    decided meanwhile). Any other notification is."""
    if notification.reason not in MODERATOR_REASONS:
        return True
    post = notification.post
    if not SpaceMember.objects.filter(
        space_id=post.thread.space_id, user_id=notification.user_id, role=SpaceRole.MODERATOR
    ).exists():
        return False
    if notification.reason == Reason.HELD:
        return post.state == PostState.HELD
    return Flag.objects.filter(post=post, resolved__isnull=True).exists()


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
        "user", "post__author", "post__pseudonym", "post__thread__space"
    ).get(pk=notification_id)
    if not may_see(notification.user, notification.post.thread.space) or not (
        Post.objects.visible_to(notification.user).filter(pk=notification.post_id).exists()
    ):
        # Gone from the space, or the post is hidden (or no longer held).
        Notification.objects.filter(pk=notification_id).update(mail=MailState.NONE)
        return "no longer visible"
    if not still_news(notification):
        # A moderator no longer, or the post already decided.
        Notification.objects.filter(pk=notification_id).update(mail=MailState.NONE)
        return "no longer news"
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


# --- Suspensions -------------------------------------------------------------------


def compose_suspension_notice(notice: SuspensionNotice) -> EmailMessage:
    """Return the email telling a person of their suspension from a space
    (the reason, until when) or of its lifting, in their language. About
    the person themselves: no list to leave, no reply address."""
    suspension = notice.suspension
    user, space = suspension.user, suspension.space
    prefs = preferences_of(user)
    host = settings.SITE_URL.split("://", 1)[1].split("/")[0].split(":")[0]
    headers = {
        "Auto-Submitted": "auto-generated",
        "Message-ID": f"<community-suspension-{notice.pk}@{host}>",
    }
    lifted = notice.event == SuspensionEvent.LIFTED
    # The template's dates are read in the person's time zone.
    with translation.override(prefs.language), timezone.override(_zone(prefs.time_zone)):
        context = {
            "lifted": lifted,
            "space": space,
            "reason": suspension.reason,
            "ends": suspension.ends,
            "time_zone": prefs.time_zone,
            "space_url": absolute(space.get_absolute_url()),
            "settings_url": absolute(reverse("community:preferences")),
        }
        subject = render_to_string("community/email/suspension_subject.txt", context).strip()
        body = render_to_string("community/email/suspension.txt", context)
    return EmailMessage(subject, body, None, [user.email], headers=headers)


def send_suspension_notice(notice_id: int, *, now: dt.datetime | None = None) -> str:
    """Send one suspension notice, at most once, as `send_notification`
    sends an email at once: quiet hours, the claim, the retries."""
    now = now or timezone.now()
    rows = SuspensionNotice.objects.filter(pk=notice_id)
    held = quiet_end(
        Preferences.objects.filter(user__pk__in=rows.values("suspension__user")).first(), now
    )
    if held is not None:
        if not rows.filter(mail=MailState.PENDING).update(held_until=held):
            return "not pending"
        return f"quiet:{max(1, int((held - now).total_seconds()))}"
    claimed = rows.filter(mail=MailState.PENDING).update(
        mail=MailState.SENDING, attempts=F("attempts") + 1, mailed=timezone.now()
    )
    if not claimed:
        return "not pending"
    notice = SuspensionNotice.objects.select_related("suspension__user", "suspension__space").get(
        pk=notice_id
    )
    suspension = notice.suspension
    if not suspension.user.is_active or (
        notice.event == SuspensionEvent.SUSPENDED and not suspension.is_active(now)
    ):
        # Lifted or ended before it could be told (a later notice says so).
        rows.update(mail=MailState.NONE)
        return "no longer news"
    try:
        compose_suspension_notice(notice).send()
    except (smtplib.SMTPException, OSError) as error:
        rows.update(mail=MailState.PENDING, mail_error=str(error)[:300])
        logger.warning("Suspension notice %s not sent (%s); retrying", notice_id, error)
        return f"retry:{int(retry_delay(notice.attempts).total_seconds())}"
    rows.update(mail=MailState.SENT, mailed=timezone.now(), mail_error="")
    return "sent"


def suspension_notice_held_until(notice_id: int) -> dt.datetime | None:
    return (
        SuspensionNotice.objects.filter(pk=notice_id).values_list("held_until", flat=True).first()
    )


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
        .select_related("post__author", "post__pseudonym", "post__thread__space")
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


def _digest_reply(user: Any, thread: Any) -> dict[str, str] | None:
    """Return the address and mailto: link that reply to `thread` as `user`
    from a digest, or None where no reply is taken."""
    if not reply_address.enabled() or thread.closed or thread.space.is_archived:
        return None
    address = reply_address.reply_address(user, thread)
    subject = f"Re: [{thread.space.name}] {thread.title}"
    # RFC 6068: spaces as %20, not "+", which mail programs keep.
    return {"address": address, "mailto": f"mailto:{address}?subject={quote(subject, safe='')}"}


def digest_message(
    prefs: Preferences, items: list[Notification], start: dt.datetime, end: dt.datetime
) -> EmailMultiAlternatives:
    """Return the digest email: the window's posts grouped by thread, each
    thread with its own reply address (reply_address.py), in a text and an
    HTML part."""
    threads: OrderedDict[int, dict[str, Any]] = OrderedDict()
    attached = _files([item.post_id for item in items])
    for item in items:
        thread = item.post.thread
        if thread.pk not in threads:
            threads[thread.pk] = {
                "thread": thread,
                "url": absolute(thread.get_absolute_url()),
                "posts": [],
                "reply": _digest_reply(prefs.user, thread),
            }
        entry = threads[thread.pk]
        entry["posts"].append(
            {
                "author": shown_author(item.post),
                "body": item.post.body,
                "created": item.post.created,
                "attachments": attached.get(item.post_id, []),
            }
        )
    entries = list(threads.values())
    # "Reply" answers the one thread a digest covers (a closed one too: the
    # refusal then says it is closed); a digest of several has the digest's
    # address, which the Hub answers with an explanation.
    reply_to = None
    if reply_address.enabled():
        reply_to = [
            reply_address.reply_address(prefs.user, entries[0]["thread"])
            if len(entries) == 1
            else reply_address.digest_address()
        ]
    offered = [entry for entry in entries if entry["reply"] is not None]
    zone = _zone(prefs.time_zone)
    with translation.override(prefs.language):
        context = {
            "threads": entries,
            "start": start.astimezone(zone),
            "end": end.astimezone(zone),
            "settings_url": absolute(reverse("community:preferences")),
            "weekly": prefs.digest == DigestFrequency.WEEKLY,
            # How to reply by email: "Reply" (one thread), a thread's own
            # address (several), or not at all.
            "reply_note": "" if not offered else "one" if len(entries) == 1 else "several",
        }
        body = render_to_string("community/email/digest.txt", context)
        html = render_to_string("community/email/digest.html", context)
        subject = render_to_string("community/email/digest_subject.txt", context).strip()
    host = settings.SITE_URL.split("://", 1)[1].split("/")[0].split(":")[0]
    headers = {
        "Auto-Submitted": "auto-generated",
        # Named so that a reply to the digest is known as one (inbound.py).
        "Message-ID": (
            f"{reply_address.DIGEST_MESSAGE_ID}{prefs.user_id}-{int(end.timestamp())}@{host}>"
        ),
    }
    message = EmailMultiAlternatives(
        subject, body, None, [prefs.user.email], headers=headers, reply_to=reply_to
    )
    message.attach_alternative(html, "text/html")
    return message


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
    return _sweep(Notification, now=now)


def sweep_suspension_notices(*, now: dt.datetime | None = None) -> tuple[int, list[int]]:
    """`sweep`, for the suspension notices."""
    return _sweep(SuspensionNotice, now=now)


def _sweep(model: Any, *, now: dt.datetime | None) -> tuple[int, list[int]]:
    now = now or timezone.now()
    uncertain = model.objects.filter(
        mail=MailState.SENDING, mailed__lt=now - SENDING_LEASE
    ).update(mail=MailState.UNCERTAIN)
    # An email held by quiet hours has its task queued for their end.
    stale = list(
        model.objects.filter(mail=MailState.PENDING, created__lt=now - SENDING_LEASE)
        .filter(Q(held_until__isnull=True) | Q(held_until__lt=now - SENDING_LEASE))
        .values_list("pk", flat=True)[:1000]
    )
    return uncertain, stale
