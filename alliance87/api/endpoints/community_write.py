"""Writes to the community: start a thread, reply, edit one's own post
(the replaced text kept in its history), mark a post helpful, accept an
answer. Each goes through community.services, after the same checks as
the pages (core.permissions: "post", "edit", "accept"), with a
write-scoped token, once per Idempotency-Key (api.py).

What the caller may not see is a 404, as on the pages. What they see and
may not do there (not a member, suspended, the space archived, the thread
closed, another person's post) is a 403 whose detail is the sentence the
page shows in place of its form. A post the service refuses (empty, too
long, an unknown @name) is a 422 with its sentence; a new account past
its hourly limit a 429 with Retry-After. A written post is answered as
the thread's page shows it to its author (read back through
community.selectors.thread_page): a new account's post is `held`.
"""

from __future__ import annotations

import math
import time
from typing import Any, Literal, cast

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from ninja import Field, Schema, Status

from alliance87.api.callers import caller
from alliance87.api.endpoints import community
from alliance87.api.endpoints.community import (
    CommunityPostOut,
    ThreadOut,
    post_out,
    thread_out,
)
from alliance87.api.http import Problem
from alliance87.community import moderation, services
from alliance87.community.models import (
    POST_MAX_CHARS,
    TITLE_MAX_CHARS,
    Post,
    PostQuerySet,
    Space,
    Thread,
    ThreadKind,
    shown_author,
    standing,
)
from alliance87.community.selectors import (
    POSTS_PER_PAGE,
    ShownPost,
    get_post_for_user,
    get_space_for_user,
    get_thread_for_user,
    thread_page,
)
from alliance87.core.permissions import may

# The writes' addresses are the reads' (a thread's posts: GET reads them,
# POST replies); ninja answers one address from one router only, so the
# writes join the reads' router (api.py imports this module for that).
router = community.router

# Some text that is not only spaces, and no NUL (which a database refuses):
# the service refuses what strips to nothing, the schema says so first.
SOME_TEXT = r"^[^\x00]*[^\s\x00][^\x00]*$"
ThreadKindName = Literal[tuple(ThreadKind.values)]  # type: ignore[valid-type]


class ThreadIn(Schema):
    title: str = Field(min_length=1, max_length=TITLE_MAX_CHARS, pattern=SOME_TEXT)
    body: str = Field(
        min_length=1, max_length=POST_MAX_CHARS, pattern=SOME_TEXT, description="Markdown"
    )
    kind: ThreadKindName = "discussion"  # type: ignore[valid-type]
    under_pseudonym: bool = Field(
        False,
        description="Shown under the caller's pseudonym (a member of a survivor-led "
        "organisation who has chosen one)",
    )


class PostIn(Schema):
    body: str = Field(
        min_length=1, max_length=POST_MAX_CHARS, pattern=SOME_TEXT, description="Markdown"
    )
    under_pseudonym: bool | None = Field(
        None,
        description="Shown under the caller's pseudonym (true) or name (false); "
        "null: as the caller's last post in the thread was",
    )


class HelpfulIn(Schema):
    helpful: bool = Field(True, description="false takes the caller's mark back")


class AnswerIn(Schema):
    post: int | None = Field(description="A published reply of the thread; null: no answer")


class StartedThreadOut(ThreadOut):
    post: CommunityPostOut  # the opening post, as its author reads it


class HelpfulOut(Schema):
    post: int
    helpful: bool  # the caller's mark
    helpful_count: int


class AnswerOut(Schema):
    thread: int
    answer: int | None  # the accepted reply's id


# --- Refusals -----------------------------------------------------------------


def _not_allowed(detail: str) -> Problem:
    return Problem(403, "Not allowed", detail)


def _why_not_post(user: Any, space: Space, thread: Thread | None = None) -> str | None:
    """Return why `user` may not post in `space` (in `thread`), in the
    words of the thread's page, or None if they may. The rule is
    core.permissions' ("post"); this only names the reason."""
    allowed = may(user, "post", space)
    if allowed and not (thread is not None and thread.closed):
        return None
    if space.pk in standing(user).suspended:
        return _(
            "You are suspended from this space: you can read it, and not post, reply or flag "
            "in it."
        )
    if thread is not None and thread.closed:
        return _("This thread is closed to replies.")
    if space.is_archived:
        return _("This space is archived: it can be read, but nobody can post in it.")
    return _("Members of partner organisations and of the space's group may reply.")


def _require_post(user: Any, space: Space, thread: Thread | None = None) -> None:
    reason = _why_not_post(user, space, thread)
    if reason is not None:
        raise _not_allowed(reason)


def _rate_limited(error: ValidationError) -> Problem | None:
    """The new accounts' hourly limit (community.moderation.check_rate) as
    a 429 saying when to try again; None for any other refusal."""
    if getattr(error, "code", None) != "rate_limited":
        return None
    now = time.time()
    seconds = max(1, math.ceil(moderation.RATE_WINDOW - now % moderation.RATE_WINDOW))
    minutes = max(1, math.ceil(seconds / 60))
    limit = moderation.new_posts_per_hour()
    return Problem(
        429,
        "Too many posts",
        ngettext(
            "New members may post %(limit)s times an hour at most. "
            "You can post again in %(minutes)s minute.",
            "New members may post %(limit)s times an hour at most. "
            "You can post again in %(minutes)s minutes.",
            minutes,
        )
        % {"limit": limit, "minutes": minutes},
        headers={"Retry-After": str(seconds)},
    )


def _writing(call: Any) -> Any:
    """Run a service call; its hourly limit answers 429, any other refusal
    goes on to api.py's 422."""
    try:
        return call()
    except ValidationError as error:
        limited = _rate_limited(error)
        if limited is not None:
            raise limited from error
        raise


# --- Answers ------------------------------------------------------------------


def _shown(user: Any, thread: Thread, post: Post) -> ShownPost:
    """Return `post` as its thread's page shows it to `user`, read on the
    page it is on (the page's order: created, then id)."""
    before = (
        # (cast: mypy's Django plugin mixes this queryset up with comms' one
        # of the same name, as community.selectors says.)
        cast(PostQuerySet, Post.objects.all())
        .in_thread_pages(user)
        .filter(thread=thread)
        .filter(Q(created__lt=post.created) | Q(created=post.created, pk__lt=post.pk))
        .count()
    )
    page = thread_page(user, thread, before // POSTS_PER_PAGE + 1)
    return next(p for p in page.posts if p.post.pk == post.pk)


def _thread(user: Any, slug: str, thread_id: int) -> Thread:
    return get_thread_for_user(user, get_space_for_user(user, slug), thread_id)


# --- Endpoints ----------------------------------------------------------------


@router.post(
    "/community/spaces/{slug}/threads",
    response={201: StartedThreadOut},
    summary="Start a thread in a community space",
)
def start_community_thread(request: HttpRequest, slug: str, body: ThreadIn) -> Status:
    """For whoever may post in the space (a member of a partner
    organisation, or of the space's group), as its "new thread" page. A
    new account's thread is held for review: its `post.state` says
    `held`, and nobody else sees it until a moderator approves it."""
    user = caller(request)
    space = get_space_for_user(user, slug)
    _require_post(user, space)
    started = _writing(
        lambda: services.start_thread(
            space,
            acting_user=user,
            title=body.title,
            body=body.body,
            kind=body.kind,
            under_pseudonym=body.under_pseudonym,
        )
    )
    thread = get_thread_for_user(user, space, started.pk)
    opening = thread.posts.order_by("created", "pk").first()
    assert opening is not None  # a thread is written with its opening post
    out = thread_out(request, thread, shown_author(thread))
    return Status(
        201,
        StartedThreadOut(
            **out.model_dump(), post=post_out(request, _shown(user, thread, opening))
        ),
    )


@router.post(
    "/community/spaces/{slug}/threads/{thread_id}/posts",
    response={201: CommunityPostOut},
    summary="Reply in a community thread",
)
def reply_in_community_thread(
    request: HttpRequest, slug: str, thread_id: int, body: PostIn
) -> Status:
    """As the thread's reply form: not in a closed thread nor an archived
    space; a new account's reply is held for review."""
    user = caller(request)
    thread = _thread(user, slug, thread_id)
    _require_post(user, thread.space, thread)
    post = _writing(
        lambda: services.reply(
            thread, acting_user=user, body=body.body, under_pseudonym=body.under_pseudonym
        )
    )
    thread.refresh_from_db(fields=["reply_count", "last_activity", "accepted"])
    return Status(201, post_out(request, _shown(user, thread, post)))


@router.patch(
    "/community/posts/{post_id}",
    response=CommunityPostOut,
    summary="Edit one's own community post",
)
def edit_community_post(request: HttpRequest, post_id: int, body: PostIn) -> CommunityPostOut:
    """The author changes the text of their post (while they may post in
    its space); the text it replaces is kept, shown on the post's history
    page. The post's id is in its thread's posts."""
    user = caller(request)
    post = get_post_for_user(user, post_id)
    if not may(user, "edit", post):
        if post.author_id != user.pk:
            raise _not_allowed(_("You may not edit this post."))
        _require_post(user, post.thread.space)
        raise _not_allowed(_("You may not edit this post."))
    edited = _writing(lambda: services.edit_post(post, acting_user=user, body=body.body))
    thread = edited.thread
    thread.refresh_from_db(fields=["accepted"])
    return post_out(request, _shown(user, thread, edited))


@router.post(
    "/community/posts/{post_id}/helpful",
    response=HelpfulOut,
    summary="Mark a community post helpful, or take the mark back",
)
def mark_community_post_helpful(request: HttpRequest, post_id: int, body: HelpfulIn) -> HelpfulOut:
    """One mark per person and post, never on one's own post; for whoever
    may post in its space. Marking twice counts once."""
    user = caller(request)
    post = get_post_for_user(user, post_id)
    if post.author_id == user.pk:
        raise _not_allowed(_("You cannot mark your own post helpful."))
    _require_post(user, post.thread.space)
    services.mark_helpful(post, acting_user=user, helpful=body.helpful)
    post.refresh_from_db(fields=["helpful_count"])
    return HelpfulOut(post=post.pk, helpful=body.helpful, helpful_count=post.helpful_count)


@router.post(
    "/community/spaces/{slug}/threads/{thread_id}/answer",
    response=AnswerOut,
    summary="Accept an answer to a community question",
)
def accept_community_answer(
    request: HttpRequest, slug: str, thread_id: int, body: AnswerIn
) -> AnswerOut:
    """For the person who asked the question, and the space's moderators:
    `post` names a published reply of the thread (its id in the thread's
    posts), or null to accept none."""
    user = caller(request)
    thread = _thread(user, slug, thread_id)
    if not may(user, "accept", thread):
        raise _not_allowed(_("You may not do this in this thread."))
    answer = None
    if body.post is not None:
        answer = Post.objects.visible_to(user).filter(thread=thread, pk=body.post).first()
        if answer is None:
            raise ValidationError(_("The answer must be a reply in this thread."))
    services.accept_answer(thread, answer, acting_user=user)
    return AnswerOut(thread=thread.pk, answer=thread.accepted_id)
