"""Digests: exact, contiguous windows in the person's time zone, claimed
by a compare-and-set and given back when the send fails; each thread
with the person's own reply address for it."""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from alliance87.community import reply_address
from alliance87.community.models import (
    DigestFrequency,
    Level,
    Notification,
    Preferences,
    SpaceMember,
    shown_author,
    standings_for,
)
from alliance87.community.notify.base import CHUNK, absolute, file_links, quiet_end, zone_of

logger = logging.getLogger(__name__)


def window_end(now: dt.datetime, frequency: str, zone_name: str) -> dt.datetime:
    """Return the end of the last whole window before `now`: the last
    midnight (daily) or Monday midnight (weekly) in the time zone."""
    zone = zone_of(zone_name)
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
    prefs = Preferences.objects.select_related("user").filter(user_id=user_id).first()
    return _send(prefs, now or timezone.now())


def send_digests(user_ids: Sequence[int], *, now: dt.datetime | None = None) -> list[str]:
    """Send the digest of each of `user_ids` (a chunk of people) as
    `send_digest` does; return what happened to each, in order. Their
    preferences are read, and their visibility asked (audience and
    standing: community.models.standings_for), once for the chunk."""
    now = now or timezone.now()
    found = {
        prefs.user_id: prefs
        for prefs in Preferences.objects.select_related("user").filter(user_id__in=user_ids)
    }
    standings_for([prefs.user for prefs in found.values()])
    return [_send(found.get(user_id), now) for user_id in user_ids]


def _send(prefs: Preferences | None, now: dt.datetime) -> str:
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
        logger.warning("Community digest for %s not sent (%s)", prefs.user_id, error)
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
    attached = file_links([item.post_id for item in items])
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
    zone = zone_of(prefs.time_zone)
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
    for chunk in digest_recipient_chunks():
        yield from chunk


def digest_recipient_chunks() -> Iterator[list[int]]:
    """Yield the ids of people with a space at the digest level, in
    order, each once, a chunk (CHUNK ids) at a time."""
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
        yield ids
        after = ids[-1]
