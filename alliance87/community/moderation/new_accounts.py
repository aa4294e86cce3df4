"""The first posts of new accounts: held for review, and rate-limited
per clock hour (the settings are documented in docs/community.md and
the README)."""

from __future__ import annotations

import datetime as dt
import math
import time
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import ngettext

from alliance87.community.models import Post, PostState, Space, standing
from alliance87.core.ratelimit import count_hit

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
