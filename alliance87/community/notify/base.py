"""What the notifications' parts share: a person's preferences and
quiet hours, whether they may still see a space, the retry delays, the
one-click unsubscribe token, the absolute links and the list headers of
a space's emails."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from alliance87.community.attachments import shown_by_post
from alliance87.community.models import Preferences, Space
from alliance87.core.visibility import audiences_for

RETRY_AFTER = [dt.timedelta(minutes=1), dt.timedelta(minutes=5), dt.timedelta(minutes=30)]
RETRY_EVERY = dt.timedelta(hours=2)
SENDING_LEASE = dt.timedelta(minutes=15)
UNSUBSCRIBE_SALT = "alliance87.community.unsubscribe"


# People are read, and their notifications written, this many at a time:
# a space's fan-out holds one chunk in memory, whatever its members.
CHUNK = 500


def preferences_of(user: Any) -> Preferences:
    prefs, _created = Preferences.objects.get_or_create(
        user=user, defaults={"language": settings.LANGUAGE_CODE}
    )
    return prefs


def may_see(user: Any, space: Space) -> bool:
    """Return whether `user` may see `space` (the one-person rule)."""
    return bool(user.is_active) and Space.objects.visible_to(user).filter(pk=space.pk).exists()


def may_see_many(users: Sequence[Any], space: Space) -> set[int]:
    """Return the ids of those of `users` (a chunk) who may see `space`, as
    `may_see` answers for each, their audiences asked once for them all
    (core.visibility.audiences_for: a few queries, whatever their number)."""
    audiences = audiences_for(users)
    return {
        user.pk
        for user in users
        if user.is_active and audiences[user.pk].sees(space.visibility, space.group_id)
    }


def retry_delay(attempts: int) -> dt.timedelta:
    return RETRY_AFTER[attempts - 1] if attempts <= len(RETRY_AFTER) else RETRY_EVERY


def quiet_end(prefs: Preferences | None, now: dt.datetime) -> dt.datetime | None:
    """Return when `prefs`'s quiet hours end if `now` falls within them,
    else None."""
    if prefs is None or prefs.quiet_from is None or prefs.quiet_until is None:
        return None
    zone = zone_of(prefs.time_zone)
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


def zone_of(name: str) -> dt.tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return dt.UTC


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


def list_headers(user: Any, space: Space, language: str) -> tuple[dict[str, str], str]:
    with translation.override(language):
        url = absolute(reverse("community:unsubscribe", args=[unsubscribe_token(user, space)]))
    host = settings.SITE_URL.split("://", 1)[1].split("/")[0].split(":")[0]
    return {
        "List-Id": f"<{space.slug}.community.{host}>",
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Auto-Submitted": "auto-generated",
    }, url


def file_links(post_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """The files of each post, for an email: links, never the files
    themselves (people read their mail on slow or costly connections)."""
    return {
        pk: [{**vars(f), "url": absolute(f.url)} for f in found]
        for pk, found in shown_by_post(post_ids).items()
    }
