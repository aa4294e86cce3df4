"""The community (alliance87/community): spaces, their threads and the
threads' posts, read through community's selectors only, so that what a
space's or a thread's page leaves out (a hidden space, thread or post) the
API leaves out too."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

from django.core.paginator import Page
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.utils.html import strip_tags
from ninja import Query, Router, Schema

from alliance87.api.callers import caller
from alliance87.api.http import (
    CURSOR_PATTERN,
    DEFAULT_LIMIT,
    MAX_LIMIT,
    PAGE_CURSOR_PATTERN,
    encode_cursor,
    list_page,
    page_of,
)
from alliance87.api.schemas import absolute
from alliance87.community.cards import Outcome, list_outcomes
from alliance87.community.models import Attachment, Space, Thread, shown_author
from alliance87.community.selectors import (
    ShownPost,
    get_space_for_user,
    get_thread_for_user,
    list_spaces,
    space_page,
    thread_page,
)
from alliance87.core.files import file_response

router = Router(tags=["community"])


class SpaceOut(Schema):
    id: str  # slug
    name: str
    description: str
    kind: str
    group: str | None  # the group's slug, for a group's space
    country: str | None  # ISO 3166 alpha-3, lower case, for a country's space
    theme: str | None  # the theme's slug, for a theme's space
    archived: bool
    url: str


class SpaceListed(SpaceOut):
    thread_count: int
    joined: bool  # the caller is a member


class SpaceList(Schema):
    items: list[SpaceListed]
    next_cursor: str | None


class ThreadOut(Schema):
    id: int
    space: str  # the space's slug
    kind: str
    title: str
    author: str  # the name the thread's page shows
    created: dt.datetime
    last_activity: dt.datetime
    reply_count: int
    pinned: bool
    closed: bool
    illustrative: bool
    url: str


class ThreadOutcomeOut(Schema):
    # What the thread, or one of its posts, became: "action_item" (of a
    # meeting) or "resource" (of the library), listed only to a caller who
    # may see it.
    kind: str
    action_item: int | None  # its id (/action-items, /events/{event})
    event: str | None  # the action item's meeting's slug
    resource: str | None  # the resource's id, its slug (/library/{slug})
    title: str  # the action item's text, or the resource's title
    post: int | None  # the post it came from; null for the thread as a whole
    url: str  # its place on the site


class ThreadDetail(ThreadOut):
    became: list[ThreadOutcomeOut]  # oldest first


class ThreadList(Schema):
    items: list[ThreadOut]
    next_cursor: str | None


class AttachmentOut(Schema):
    name: str
    kind: str  # for people: "PDF", "Word"
    content_type: str
    size: int  # bytes
    url: str  # the site's address: served to a signed-in reader of the post
    # The API's address: served to the token of whoever may read the post
    # in full (get_community_file).
    download: str


class CommunityPostOut(Schema):
    id: int
    # A post a moderator hid, that the caller may not read: the page shows
    # a notice in its place, and here it has no author, text nor state.
    hidden: bool
    # published, or (to its author and the space's moderators, who read it
    # in full, as its page tells them) held, hidden...
    state: str
    moderation_reason: str  # the moderator's reason, to those same readers
    author: str  # the name the thread's page shows
    created: dt.datetime
    edited: dt.datetime | None
    html: str  # the text as the thread's page shows it
    text: str  # the same, without markup
    opening: bool  # the post that opened the thread
    answer: bool  # the answer the thread's author accepted
    helpful_count: int
    attachments: list[AttachmentOut]  # none for a hidden post's notice


class CommunityPostList(Schema):
    items: list[CommunityPostOut]
    next_cursor: str | None


def space_out(request: HttpRequest, s: Space) -> dict[str, Any]:
    return {
        "id": s.slug,
        "name": s.name,
        "description": s.description,
        "kind": s.kind,
        "group": s.group.slug if s.group else None,
        "country": s.country.iso3.lower() if s.country else None,
        "theme": s.theme.slug if s.theme else None,
        "archived": s.is_archived,
        "url": absolute(request, s.get_absolute_url()),
    }


def thread_out(request: HttpRequest, t: Thread, author: str) -> ThreadOut:
    return ThreadOut(
        id=t.pk,
        space=t.space.slug,
        kind=t.kind,
        title=t.title,
        author=author,
        created=t.created,
        last_activity=t.last_activity,
        reply_count=t.reply_count,
        pinned=t.pinned,
        closed=t.closed,
        illustrative=t.illustrative,
        url=absolute(request, t.get_absolute_url()),
    )


def outcome_out(request: HttpRequest, outcome: Outcome) -> ThreadOutcomeOut:
    obj, is_item = outcome.obj, outcome.kind == "action_item"
    return ThreadOutcomeOut(
        kind=outcome.kind,
        action_item=obj.pk if is_item else None,
        event=obj.event.slug if is_item else None,
        resource=None if is_item else obj.slug,
        title=obj.text if is_item else obj.title,
        post=outcome.post_id,
        url=absolute(request, obj.get_absolute_url()),
    )


def post_out(request: HttpRequest, shown: ShownPost) -> CommunityPostOut:
    """Return the post as the thread's page shows it: in full, or, hidden
    from the caller, as the notice that stands in its place."""
    post, full = shown.post, shown.in_full
    return CommunityPostOut(
        id=post.pk,
        hidden=not full,
        state=post.state if full else "hidden",
        moderation_reason=post.moderation_reason if full else "",
        author=shown.author_name,
        created=post.created,
        edited=post.edited if full else None,
        html=str(shown.html),
        text=html.unescape(strip_tags(shown.html)).strip(),
        opening=shown.is_opening,
        answer=shown.is_answer,
        helpful_count=post.helpful_count if full else 0,
        attachments=[
            AttachmentOut(
                name=f.name,
                kind=f.kind,
                content_type=f.content_type,
                size=f.size,
                url=absolute(request, f.url),
                download=absolute(request, reverse("api:get_community_file", args=[f.id, f.name])),
            )
            for f in shown.attachments
        ],
    )


def _next(page: Page, asked: int) -> tuple[bool, str | None]:
    """Return whether the asked page is past the last one (a paginator
    answers its last page then), and the cursor of the page after."""
    past = page.number != asked
    return past, encode_cursor(asked + 1) if not past and page.has_next() else None


@router.get("/community/spaces", response=SpaceList, summary="List community spaces")
def list_community_spaces(
    request: HttpRequest,
    cursor: str | None = Query(None, pattern=CURSOR_PATTERN),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
) -> SpaceList:
    """The spaces /community/ lists to the caller (archived ones too)."""
    sections = list_spaces(caller(request))
    joined = {s.pk for s in sections["joined"]}
    spaces = [s for section in sections.values() for s in section]
    rows, after = list_page(spaces, cursor, limit)
    return SpaceList(
        items=[
            SpaceListed(
                **space_out(request, s),
                thread_count=s.thread_count,
                joined=s.pk in joined,
            )
            for s in rows
        ],
        next_cursor=after,
    )


@router.get("/community/spaces/{slug}", response=SpaceOut, summary="One community space")
def get_community_space(request: HttpRequest, slug: str) -> SpaceOut:
    return SpaceOut(**space_out(request, get_space_for_user(caller(request), slug)))


@router.get(
    "/community/spaces/{slug}/threads", response=ThreadList, summary="List a space's threads"
)
def list_community_threads(
    request: HttpRequest,
    slug: str,
    cursor: str | None = Query(None, pattern=PAGE_CURSOR_PATTERN),
) -> ThreadList:
    """The threads the space's page lists to the caller, in its order
    (pinned first, then by last activity), 25 a page: the cursor is the
    next page (a thread with new activity moves to the first)."""
    user = caller(request)
    asked = page_of(cursor)
    shown = space_page(user, get_space_for_user(user, slug), asked)
    past, after = _next(shown.page, asked)
    rows = [] if past else shown.page.object_list
    return ThreadList(
        items=[thread_out(request, t, t.author_name) for t in rows],
        next_cursor=after,
    )


@router.get(
    "/community/spaces/{slug}/threads/{thread_id}",
    response=ThreadDetail,
    summary="One community thread",
)
def get_community_thread(request: HttpRequest, slug: str, thread_id: int) -> ThreadDetail:
    """The thread, with what it or its posts became (`became`: action items
    and library resources, each listed only if the caller may see it, as
    the thread's page shows them)."""
    user = caller(request)
    thread = get_thread_for_user(user, get_space_for_user(user, slug), thread_id)
    return ThreadDetail(
        **thread_out(request, thread, shown_author(thread)).model_dump(),
        became=[outcome_out(request, o) for o in list_outcomes(user, thread)],
    )


@router.get(
    "/community/spaces/{slug}/threads/{thread_id}/posts",
    response=CommunityPostList,
    summary="List a thread's posts",
)
def list_community_posts(
    request: HttpRequest,
    slug: str,
    thread_id: int,
    cursor: str | None = Query(None, pattern=PAGE_CURSOR_PATTERN),
) -> CommunityPostList:
    """The posts the thread's page shows the caller, oldest first, 30 a
    page (the cursor is the next page)."""
    user = caller(request)
    asked = page_of(cursor)
    thread = get_thread_for_user(user, get_space_for_user(user, slug), thread_id)
    shown = thread_page(user, thread, asked)
    past, after = _next(shown.page, asked)
    return CommunityPostList(
        items=[post_out(request, p) for p in ([] if past else shown.posts)],
        next_cursor=after,
    )


@router.get(
    "/community/files/{attachment_id}/{name}",
    summary="Download a post's file",
    openapi_extra={
        "responses": {
            # The 404 of a file the caller may not read is the API's own
            # problem document (HubNinjaAPI), as for one that is missing.
            "200": {
                "description": "The file, with its own content type.",
                "content": {"*/*": {"schema": {"type": "string", "format": "binary"}}},
            },
        }
    },
)
def get_community_file(request: HttpRequest, attachment_id: int, name: str) -> HttpResponseBase:
    """The file a post carries (its `download` address), served to the
    caller if they may read the post in full, by the rule the site's own
    address applies to a signed-in reader (core.files): a hidden or held
    post's files are its author's and its moderators' only. Otherwise 404,
    as for a file that does not exist."""
    return file_response(caller(request), Attachment._meta.label_lower, attachment_id, name)
