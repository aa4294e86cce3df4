"""The API's writes, as ways out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from alliance87.accounts.tests.visibility_matrix.ways.base import (
    API,
    HOST_COUNTRY,
    HOST_EVENT,
    Item,
    Way,
    World,
    fixed,
    obj_of,
    pk_url,
    slug_url,
)
from alliance87.accounts.tests.visibility_matrix.ways.pages import (
    FOCAL,
    OWNER,
    api_thread_url,
)

# The API's writes, as ways: each asked of a row the persona may not see
# must answer as for a row that does not exist. Each is rolled back at
# once (World.get), so no cell changes the world another reads.
MISSING_ID = 999_999_999


def api_record_write(part: str) -> Way:
    """Correct a row of the host meeting's record (PATCH)."""
    body = {"visibility": "secretariat"}
    return Way(
        f"api-correct-{part}",
        pk_url(f"{API}events/{HOST_EVENT}/{part}/{{pk}}"),
        openers=(),
        method="patch",
        body=body,
        missing=fixed(f"{API}events/{HOST_EVENT}/{part}/{MISSING_ID}"),
    )


def api_record_remove(part: str) -> Way:
    """Remove a row of the host meeting's record (DELETE)."""
    return Way(
        f"api-remove-{part}",
        pk_url(f"{API}events/{HOST_EVENT}/{part}/{{pk}}"),
        openers=(),
        method="delete",
        body={},
        missing=fixed(f"{API}events/{HOST_EVENT}/{part}/{MISSING_ID}"),
    )


# Attach a document to the event (a link, sent as a form, as files are).
API_ATTACH_DOCUMENT = Way(
    "api-attach-document",
    slug_url(API + "events/{slug}/documents"),
    openers=(),
    method="post",
    body={"kind": "report", "title": "Matrix", "url": "https://example.org/matrix"},
    multipart=True,
    missing=fixed(f"{API}events/mx-no-such-event/documents"),
)
# Give a document of the host meeting another file.
API_REFILE_DOCUMENT = Way(
    "api-refile-document",
    pk_url(f"{API}events/{HOST_EVENT}/documents/{{pk}}/file"),
    openers=(),
    method="post",
    body={"file": "Matrix file"},
    multipart=True,
    missing=fixed(f"{API}events/{HOST_EVENT}/documents/{MISSING_ID}/file"),
)

# Each matrix space has a moderator and a suspended person of its own
# (objects/community.py), neither a persona, for the writes that remove and lift.
SPACE_MODERATOR = "mx-moderator"
SPACE_SUSPENDED = "mx-suspended"


def _space_way(name: str, suffix: Callable[[Any], str], **kwargs: Any) -> Way:
    """A write to a matrix space (or a read for those who may change what
    it lists: `openers`), at `suffix(space)` under its API address."""
    return Way(
        name,
        lambda world, item: (
            f"{API}community/spaces/{obj_of(world, item).slug}/{suffix(obj_of(world, item))}"
        ),
        missing=lambda world, item: f"{API}community/spaces/mx-no-such-space/{suffix(None)}",
        **kwargs,
    )


def _suspension_id(space: Any) -> int:
    return space.suspensions.get().pk if space is not None else MISSING_ID


# Suspending, lifting, naming and removing moderators: a space's
# moderators and the Secretariat; whoever else sees the space is told why
# (403), whoever does not gets the missing space's 404. The lists answer
# the pages' 404 to anyone but those who may change them.
API_SPACE_WRITES = (
    _space_way(
        "api-suspend",
        lambda space: "suspensions",
        method="post",
        body={"person": SPACE_SUSPENDED, "reason": "Matrix"},
    ),
    _space_way(
        "api-lift",
        lambda space: f"suspensions/{_suspension_id(space)}/lift",
        method="post",
        body={},
    ),
    _space_way("api-suspensions", lambda space: "suspensions", openers=(), body={}),
    _space_way(
        "api-name-moderator",
        lambda space: "moderators",
        method="post",
        body={"person": SPACE_MODERATOR},
    ),
    _space_way(
        "api-remove-moderator",
        lambda space: f"moderators/{SPACE_MODERATOR}",
        method="delete",
        body={},
    ),
    _space_way("api-moderators", lambda space: "moderators", openers=(), body={}),
    # Joining: whoever may post there joins, whoever else who sees it is
    # told why (403).
    _space_way("api-join", lambda space: "membership", method="post", body={}),
    # The Secretariat's changes: whoever else sees the space is told why.
    _space_way("api-archive", lambda space: "archive", method="post", body={}),
    _space_way(
        "api-start-thread",
        lambda space: "threads",
        method="post",
        body={"title": "Matrix", "body": "Matrix"},
    ),
    _space_way("api-level", lambda space: "membership", method="patch", body={"level": "digest"}),
    _space_way("api-leave", lambda space: "membership", method="delete", body={}),
    _space_way("api-reopen", lambda space: "reopen", method="post", body={}),
    Way(
        "api-change-space",
        slug_url(API + "community/spaces/{slug}"),
        method="patch",
        body={"name": "Matrix"},
        missing=fixed(f"{API}community/spaces/mx-no-such-space"),
    ),
)


def api_post_writes(post: Callable[[Any], Any]) -> tuple[Way, Way]:
    """Flag and hide a community post (`post` of the row's object)."""

    def url(suffix: str) -> Callable[[World, Item], str]:
        return lambda world, item: f"{API}community/posts/{post(obj_of(world, item)).pk}/{suffix}"

    return (
        Way(
            "api-flag",
            url("flag"),
            method="post",
            body={"reason": "spam"},
            missing=fixed(f"{API}community/posts/{MISSING_ID}/flag"),
        ),
        Way(
            "api-hide",
            url("hide"),
            method="post",
            body={"reason": "Matrix"},
            missing=fixed(f"{API}community/posts/{MISSING_ID}/hide"),
        ),
    )


# A reply: whoever may post in the thread's space replies (201), whoever
# else who sees it is told why (403).
API_REPLY = Way(
    "api-reply",
    api_thread_url("/posts"),
    method="post",
    body={"body": "Matrix reply"},
    missing=fixed(f"{API}community/spaces/mx-no-such-space/threads/{MISSING_ID}/posts"),
)

# Accepting an answer (none): the question's author and the space's
# moderators; whoever else sees the thread is told why.
API_ANSWER = Way(
    "api-answer",
    api_thread_url("/answer"),
    method="post",
    body={"post": None},
    missing=fixed(f"{API}community/spaces/mx-no-such-space/threads/{MISSING_ID}/answer"),
)


def api_own_post_writes(post: Callable[[Any], Any]) -> tuple[Way, Way]:
    """Edit a community post and mark it helpful (`post` of the row's
    object): its author edits it, and whoever may post in its space but
    its author marks it; whoever else sees it is told why (403)."""

    def url(suffix: str) -> Callable[[World, Item], str]:
        return lambda world, item: f"{API}community/posts/{post(obj_of(world, item)).pk}{suffix}"

    return (
        Way(
            "api-edit",
            url(""),
            method="patch",
            body={"body": "Matrix"},
            missing=fixed(f"{API}community/posts/{MISSING_ID}"),
        ),
        Way(
            "api-helpful",
            url("/helpful"),
            method="post",
            body={},
            missing=fixed(f"{API}community/posts/{MISSING_ID}/helpful"),
        ),
    )


def _first_action(world: World, item: Item) -> int:
    return obj_of(world, item).priorities.get().actions.get().pk


# A roadmap's action: its country's focal point (and the Secretariat)
# posts progress and moves its status; anyone else gets the 404 of a
# missing action, as the editing pages give.
API_ROADMAP_WRITES = (
    Way(
        "api-progress",
        lambda world, item: (
            f"{API}pathfinders/{HOST_COUNTRY}/actions/{_first_action(world, item)}/progress"
        ),
        openers=FOCAL,
        method="post",
        body={"date": "2020-06-01", "text": "Matrix"},
        missing=fixed(f"{API}pathfinders/{HOST_COUNTRY}/actions/{MISSING_ID}/progress"),
    ),
    Way(
        "api-action-status",
        lambda world, item: (
            f"{API}pathfinders/{HOST_COUNTRY}/actions/{_first_action(world, item)}"
        ),
        openers=FOCAL,
        method="patch",
        body={"status": "in_progress"},
        missing=fixed(f"{API}pathfinders/{HOST_COUNTRY}/actions/{MISSING_ID}"),
    ),
)

# Closing an action item: its owner (the partner's organisation) and the
# Secretariat; anyone else gets the 404 of a missing item.
API_CLOSE_ACTION_ITEM = Way(
    "api-close",
    pk_url(f"{API}action-items/{{pk}}/close"),
    openers=OWNER,
    method="post",
    body={"note": "Matrix"},
    missing=fixed(f"{API}action-items/{MISSING_ID}/close"),
)

API_THREAD_STATE = Way(
    "api-thread-state",
    api_thread_url(""),
    method="patch",
    body={},
    missing=fixed(f"{API}community/spaces/mx-no-such-space/threads/{MISSING_ID}"),
)
