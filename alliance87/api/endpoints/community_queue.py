"""The moderators' queues through the API, as their pages show them: a
space's (for its moderators: the "Queue" page), and every space's (for
the Secretariat: the queue across spaces). Both read
community.moderation's `queue` and its counts, after the pages' checks
(core.permissions' "moderate", core.visibility's `is_secretariat`).

Whoever may not read a queue gets the 404 its page gives: a space the
caller may not see is missing, and so is the queue of one they see and
do not moderate; a post in a queue is never shown to anyone else.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any, Literal

from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.html import strip_tags
from ninja import Query, Schema

from alliance87.api.callers import caller
from alliance87.api.endpoints import community
from alliance87.api.endpoints.community import _next
from alliance87.api.http import PAGE_CURSOR_PATTERN, page_of
from alliance87.api.schemas import absolute
from alliance87.community import moderation
from alliance87.community.models import Space
from alliance87.community.selectors import get_space_for_user
from alliance87.core.markdown import render as render_markdown
from alliance87.core.permissions import may
from alliance87.core.visibility import is_secretariat

# A space's queue is under the space's address, whose reads are on this
# router (one router per address: community_write says why).
router = community.router

Show = Literal["flagged", "held"]
SHOW = Query(
    "flagged",
    description="flagged: the posts with open flags, most flagged first; "
    "held: the posts awaiting review, oldest first",
)
CURSOR = Query(None, pattern=PAGE_CURSOR_PATTERN)


class ReasonCount(Schema):
    reason: str  # spam, abuse, ... (as a flag's `reason`)
    label: str  # as the queue's page names it
    count: int


class QueuedPostOut(Schema):
    post: int
    space: str  # slug
    thread: int
    thread_title: str
    state: str  # published, held, hidden
    author: str  # the name the queue's page shows
    created: dt.datetime
    html: str  # the text as the queue's page shows it
    text: str  # the same, without markup
    open_flags: int
    reasons: list[ReasonCount]  # the open flags' reasons, most first
    notes: list[str]  # the flaggers' notes to the moderators
    first_flagged: dt.datetime | None
    url: str  # the post's moderation page


class SpaceQueueOut(Schema):
    space: str  # slug
    show: str  # flagged or held
    flagged_count: int  # posts with open flags
    held_count: int  # posts awaiting review
    items: list[QueuedPostOut]  # 20 a page
    next_cursor: str | None


class SpaceCountOut(Schema):
    space: str  # slug
    name: str
    flagged_count: int
    held_count: int


class QueueOut(Schema):
    space: str | None  # the space asked for, if any
    show: str
    flagged_count: int
    held_count: int
    spaces: list[SpaceCountOut]  # the spaces whose queue holds something, by name
    items: list[QueuedPostOut]
    next_cursor: str | None


def _item_out(request: HttpRequest, item: moderation.QueueItem) -> QueuedPostOut:
    post = item.post
    shown = render_markdown(post.body)
    return QueuedPostOut(
        post=post.pk,
        space=post.thread.space.slug,
        thread=post.thread_id,
        thread_title=post.thread.title,
        state=post.state,
        author=item.author_name,
        created=post.created,
        html=str(shown),
        text=html.unescape(strip_tags(shown)).strip(),
        open_flags=item.flag_count,
        reasons=[
            ReasonCount(reason=code, label=label, count=n)
            for (code, n), (label, _n) in zip(item.reason_codes, item.reasons, strict=True)
        ],
        notes=item.notes,
        first_flagged=item.first_flagged,
        url=absolute(request, reverse("community:moderate-post", args=[post.pk])),
    )


def _page(
    request: HttpRequest, space: Space | None, show: str, cursor: str | None
) -> tuple[list[QueuedPostOut], str | None]:
    asked = page_of(cursor)
    page = moderation.queue(space, asked, held=show == "held")
    past, after = _next(page, asked)
    return ([] if past else [_item_out(request, i) for i in page.object_list]), after


@router.get(
    "/community/spaces/{slug}/queue",
    response=SpaceQueueOut,
    summary="A community space's moderators' queue",
)
def get_community_space_queue(
    request: HttpRequest, slug: str, show: Show = SHOW, cursor: str | None = CURSOR
) -> SpaceQueueOut:
    """For the space's moderators (and the Secretariat), as their "Queue"
    page: its posts with open flags, or its posts awaiting review, 20 a
    page (the cursor is the next page). Anyone else: a 404, as that
    page."""
    user = caller(request)
    space = get_space_for_user(user, slug)
    if not may(user, "moderate", space):
        raise Http404("Not found.")
    items, after = _page(request, space, show, cursor)
    flagged, held = moderation.queue_counts(space)
    return SpaceQueueOut(
        space=space.slug,
        show=show,
        flagged_count=flagged,
        held_count=held,
        items=items,
        next_cursor=after,
    )


@router.get(
    "/community/queue",
    response=QueueOut,
    summary="Every community space's moderators' queue",
)
def get_community_queue(
    request: HttpRequest,
    show: Show = SHOW,
    space: str | None = Query(None, max_length=100, description="One space's slug"),
    cursor: str | None = CURSOR,
) -> QueueOut:
    """For the Secretariat, as its queue across spaces: the posts with open
    flags, or awaiting review, of every space (or of `space`; an unknown
    one holds nothing), with the counts of each space whose queue holds
    something. Anyone else: a 404, as that page."""
    if not is_secretariat(caller(request)):
        raise Http404("Not found.")
    counts = moderation.queue_counts_by_space()
    spaces = [
        SpaceCountOut(
            space=c.space.slug, name=c.space.name, flagged_count=c.flagged, held_count=c.held
        )
        for c in counts
    ]
    chosen: Any = None
    if space:
        chosen = Space.objects.filter(slug=space).first()
        if chosen is None:
            return QueueOut(
                space=space,
                show=show,
                flagged_count=0,
                held_count=0,
                spaces=spaces,
                items=[],
                next_cursor=None,
            )
        mine = [s for s in spaces if s.space == chosen.slug]
        flagged = sum(s.flagged_count for s in mine)
        held = sum(s.held_count for s in mine)
    else:
        flagged = sum(s.flagged_count for s in spaces)
        held = sum(s.held_count for s in spaces)
    items, after = _page(request, chosen, show, cursor)
    return QueueOut(
        space=chosen.slug if chosen is not None else None,
        show=show,
        flagged_count=flagged,
        held_count=held,
        spaces=spaces,
        items=items,
        next_cursor=after,
    )
