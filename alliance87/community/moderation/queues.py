"""The moderators' queues: a space's posts with open flags and its posts
awaiting review, and their counts (a space's, or every space's for the
Secretariat)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Min

from alliance87.community.models import Flag, FlagReason, Post, PostState, Space, shown_author

QUEUE_PAGE = 20


@dataclass
class QueueItem:
    post: Post
    author_name: str
    flag_count: int
    reasons: list[tuple[str, int]]  # (label, count), most first
    reason_codes: list[tuple[str, int]]  # (FlagReason value, count), in the same order
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
        most_first = sorted(counts.items(), key=lambda pair: -pair[1])
        items.append(
            QueueItem(
                post=post,
                author_name=shown_author(post),
                flag_count=len(open_flags),
                reasons=[(str(labels.get(r, r)), n) for r, n in most_first],
                reason_codes=most_first,
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
