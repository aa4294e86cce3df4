"""The community's other writes: flag a post, join or leave a space and
choose its mail level, and, for a space's moderators, hide, restore,
approve or reject a post, dismiss its flags, pin and close a thread.
Each goes through the pages' services (community.services and
community.moderation) after the pages' checks (core.permissions: "flag",
"post", "moderate"), with a write-scoped token, once per
Idempotency-Key (api.py).

As in community_write: what the caller may not see is a 404, as a
missing one; what they see and may not do there is a 403 whose detail
says why (in the words of the page or of the service); what the service
refuses is a 422 with its sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Body, Field, Schema, Status

from alliance87.api.callers import caller
from alliance87.api.endpoints import community
from alliance87.api.endpoints.community import ThreadOut, thread_out
from alliance87.api.endpoints.community_write import (
    SOME_TEXT,
    _not_allowed,
    _thread,
    _why_not_post,
)
from alliance87.api.http import Problem
from alliance87.community import moderation, services
from alliance87.community.models import FlagReason, Level, SpaceMember, shown_author
from alliance87.community.selectors import get_post_for_user, get_space_for_user
from alliance87.core.permissions import may

# The addresses of a space's and a thread's reads take these writes too:
# ninja answers one address from one router (community_write says why).
router = community.router

# "Something else" needs a note; the other reasons take one if given.
FlagReasonName = Literal[tuple(r for r in FlagReason.values if r != FlagReason.OTHER)]  # type: ignore[valid-type]
LevelName = Literal[tuple(Level.values)]  # type: ignore[valid-type]
REASON = moderation.REASON_MAX_CHARS


class FlagIn(Schema):
    reason: FlagReasonName  # type: ignore[valid-type]
    note: str = Field("", max_length=REASON, description="For the moderators")


class FlagOtherIn(Schema):
    reason: Literal["other"]
    note: str = Field(
        min_length=1,
        max_length=REASON,
        pattern=SOME_TEXT,
        description="What is wrong with the post, for the moderators",
    )


# A flag is one of the two (ninja reads a union as the request's body when
# told so).
A_FLAG = Body(...)


class FlagOut(Schema):
    post: int
    reason: str


class MembershipIn(Schema):
    level: LevelName | None = Field(  # type: ignore[valid-type]
        None, description="How much of the space the caller hears about; null: as it is"
    )


class LevelIn(Schema):
    level: LevelName  # type: ignore[valid-type]


class MembershipOut(Schema):
    space: str  # slug
    role: str  # member or moderator
    level: str


class ReasonIn(Schema):
    reason: str = Field(
        min_length=1,
        max_length=REASON,
        pattern=SOME_TEXT,
        description="Told to the post's author",
    )


class ModeratedOut(Schema):
    post: int
    state: str  # published, held, hidden, rejected
    moderation_reason: str
    open_flags: int


class ThreadStateIn(Schema):
    pinned: bool | None = None
    closed: bool | None = Field(None, description="Closed to replies")


def _membership(space: Any, member: SpaceMember) -> MembershipOut:
    return MembershipOut(space=space.slug, role=member.role, level=member.level)


# The service's refusals that say the post is not in the state the write
# needs (already flagged by the caller, not held, not hidden, no open
# flag): a conflict, not a request to correct.
CONFLICTS = {"already", "state", "no_flags"}


def _unless_conflict(call: Callable[[], Any]) -> Any:
    try:
        return call()
    except ValidationError as error:
        if getattr(error, "code", None) in CONFLICTS:
            raise Problem(409, "Conflict", " ".join(error.messages)) from error
        raise


def _require_moderator(user: Any, space: Any) -> None:
    if not may(user, "moderate", space):
        raise _not_allowed(_("Only the space's moderators may do this."))


@router.post(
    "/community/posts/{post_id}/flag",
    response={201: FlagOut},
    summary="Flag a community post for its space's moderators",
)
def flag_community_post(
    request: HttpRequest, post_id: int, body: FlagIn | FlagOtherIn = A_FLAG
) -> Status:
    """For whoever reads the post, but its author, while they are not
    suspended from its space. One open flag per person and post (a second
    is a 409 until the moderators decide); the moderators never learn who
    flagged from their email. `other` needs a note."""
    user = caller(request)
    post = get_post_for_user(user, post_id)
    if post.author_id == user.pk:
        raise _not_allowed(_("You cannot flag your own post."))
    if not may(user, "flag", post):
        reason = _why_not_post(user, post.thread.space)
        raise _not_allowed(reason or _("You may not flag this post."))
    flag = _unless_conflict(
        lambda: moderation.flag_post(post, acting_user=user, reason=body.reason, note=body.note)
    )
    return Status(201, FlagOut(post=post.pk, reason=flag.reason))


@router.post(
    "/community/spaces/{slug}/membership",
    response={200: MembershipOut},
    summary="Join a community space",
)
def join_community_space(request: HttpRequest, slug: str, body: MembershipIn) -> MembershipOut:
    """For whoever may post in the space, as its "Join" button; joining
    twice is joining once. `level` chooses its mail at once."""
    user = caller(request)
    space = get_space_for_user(user, slug)
    reason = _why_not_post(user, space)
    if reason is not None:
        raise _not_allowed(reason)
    member = services.join_space(space, acting_user=user)
    if body.level is not None:
        member = services.set_level(space, acting_user=user, level=body.level)
    return _membership(space, member)


@router.patch(
    "/community/spaces/{slug}/membership",
    response={200: MembershipOut},
    summary="Choose how much of a community space one hears about",
)
def set_community_level(request: HttpRequest, slug: str, body: LevelIn) -> MembershipOut:
    """As the space page's mail choice: everything at once, mentions only,
    a digest, or nothing (choosing follows the space)."""
    user = caller(request)
    space = get_space_for_user(user, slug)
    member = services.set_level(space, acting_user=user, level=body.level)
    return _membership(space, member)


@router.delete(
    "/community/spaces/{slug}/membership",
    response={204: None},
    summary="Leave a community space",
)
def leave_community_space(request: HttpRequest, slug: str) -> Status:
    """As the space page's "Leave": a moderator who leaves stops
    moderating it. Leaving a space one is not in changes nothing."""
    user = caller(request)
    services.leave_space(get_space_for_user(user, slug), acting_user=user)
    return Status(204, None)


def _moderated(request: HttpRequest, post_id: int, act: Callable[[Any, Any], Any]) -> Any:
    """Find the post (404 alike when hidden), check that the caller
    moderates its space (403), act, and answer with the post's state."""
    user = caller(request)
    post = get_post_for_user(user, post_id)
    _require_moderator(user, post.thread.space)
    _unless_conflict(lambda: act(post, user))
    post.refresh_from_db(fields=["state", "moderation_reason"])
    return ModeratedOut(
        post=post.pk,
        state=post.state,
        moderation_reason=post.moderation_reason,
        open_flags=post.flags.filter(resolved__isnull=True).count(),
    )


@router.post(
    "/community/posts/{post_id}/hide", response=ModeratedOut, summary="Hide a community post"
)
def hide_community_post(request: HttpRequest, post_id: int, body: ReasonIn) -> Any:
    """For the space's moderators: a published post is hidden from everyone
    but its author and the moderators (a notice stands in its place); its
    open flags are resolved; its author is told why."""
    return _moderated(
        request,
        post_id,
        lambda post, user: moderation.hide_post(post, acting_user=user, reason=body.reason),
    )


@router.post(
    "/community/posts/{post_id}/restore",
    response=ModeratedOut,
    summary="Show a hidden community post again",
)
def restore_community_post(request: HttpRequest, post_id: int, body: ReasonIn) -> Any:
    """For the space's moderators; its author is told."""
    return _moderated(
        request,
        post_id,
        lambda post, user: moderation.restore_post(post, acting_user=user, reason=body.reason),
    )


@router.post(
    "/community/posts/{post_id}/approve",
    response=ModeratedOut,
    summary="Publish a community post held for review",
)
def approve_community_post(request: HttpRequest, post_id: int) -> Any:
    """For the space's moderators: announced now, as if just posted; its
    author is told."""
    return _moderated(
        request, post_id, lambda post, user: moderation.approve_post(post, acting_user=user)
    )


@router.post(
    "/community/posts/{post_id}/reject",
    response=ModeratedOut,
    summary="Refuse a community post held for review",
)
def reject_community_post(request: HttpRequest, post_id: int, body: ReasonIn) -> Any:
    """For the space's moderators: nobody but its author and the moderators
    ever sees it; its author is told why."""
    return _moderated(
        request,
        post_id,
        lambda post, user: moderation.reject_post(post, acting_user=user, reason=body.reason),
    )


@router.post(
    "/community/posts/{post_id}/dismiss-flags",
    response=ModeratedOut,
    summary="Dismiss a community post's flags",
)
def dismiss_community_post_flags(request: HttpRequest, post_id: int) -> Any:
    """For the space's moderators: the post stays, its open flags close."""
    return _moderated(
        request, post_id, lambda post, user: moderation.dismiss_flags(post, acting_user=user)
    )


@router.patch(
    "/community/spaces/{slug}/threads/{thread_id}",
    response={200: ThreadOut},
    summary="Pin or close a community thread",
)
def set_community_thread_state(
    request: HttpRequest, slug: str, thread_id: int, body: ThreadStateIn
) -> ThreadOut:
    """For the space's moderators: `pinned` puts it first in its space,
    `closed` takes no more replies (false: reopened)."""
    user = caller(request)
    thread = _thread(user, slug, thread_id)
    _require_moderator(user, thread.space)
    changed = services.set_thread_state(
        thread, acting_user=user, pinned=body.pinned, closed=body.closed
    )
    return thread_out(request, changed, shown_author(changed))
