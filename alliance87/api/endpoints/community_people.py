"""Who takes part in a community space, through the API, as the
moderators' and the Secretariat's pages do it: a space's moderators
suspend a person from it and lift a suspension (community.moderation's
`suspend` and `lift_suspension`, the "Suspensions" page); the Secretariat
names and removes a space's moderators (community.services'
`set_moderator`, the "Moderators" page). With a write-scoped token, once
per Idempotency-Key (api.py).

As the other community writes: a space the caller may not see is a 404,
as a missing one; one they see and may not do this in is a 403 saying
why; what the service refuses is a 422 with its sentence. The lists (the
suspensions in force, the moderators) are read by those who may change
them only: anyone else gets the 404 the pages give.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Body, Field, Schema, Status
from pydantic import ConfigDict

from alliance87.api.callers import caller
from alliance87.api.endpoints import community
from alliance87.api.endpoints.community_moderation import _require_moderator
from alliance87.api.endpoints.community_write import SOME_TEXT, _not_allowed
from alliance87.api.http import Problem
from alliance87.community import moderation, services
from alliance87.community.models import (
    Space,
    SpaceMember,
    SpaceRole,
    Suspension,
    display_name,
)
from alliance87.community.selectors import get_post_for_user, get_space_for_user
from alliance87.core.permissions import may
from alliance87.core.visibility import is_secretariat

# The addresses of a space's read take these too: one router per address
# (community_write says why).
router = community.router

PERSON = "The person's username (as people mention them, without the @) or address"


class _Suspension(Schema):
    # A body that names the person and a post is neither of the two.
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(
        min_length=1,
        max_length=moderation.REASON_MAX_CHARS,
        pattern=SOME_TEXT,
        description="Told to the person",
    )
    ends: dt.date | None = Field(
        None, description="It ends at the start of this day (UTC); none: until lifted"
    )


class SuspendPersonIn(_Suspension):
    person: str = Field(max_length=254, pattern=SOME_TEXT, description=PERSON)


class SuspendAuthorIn(_Suspension):
    """The author of a post of the space, unnamed: the way to suspend the
    author of a post written under a pseudonym."""

    post: int = Field(description="A post of the space, whose author is suspended")


# Who is suspended: a person, or the author of a post (ninja reads a union
# as the request's body when told so).
A_SUSPENSION = Body(...)


class SuspensionOut(Schema):
    id: int
    space: str  # slug
    person: str  # as the page names them: a pseudonym's name, or the person's
    under_pseudonym: bool
    reason: str
    starts: dt.datetime
    ends: dt.datetime | None
    lifted: dt.datetime | None
    suspended_by: str


class SuspensionList(Schema):
    items: list[SuspensionOut]


class ModeratorIn(Schema):
    person: str = Field(max_length=254, pattern=SOME_TEXT, description=PERSON)


class ModeratorOut(Schema):
    space: str  # slug
    username: str
    name: str


class ModeratorList(Schema):
    items: list[ModeratorOut]


def _suspension_out(s: Suspension) -> SuspensionOut:
    return SuspensionOut(
        id=s.pk,
        space=s.space.slug,
        person=s.pseudonym.name if s.pseudonym is not None else display_name(s.user),
        under_pseudonym=s.pseudonym_id is not None,
        reason=s.reason,
        starts=s.starts,
        ends=s.ends,
        lifted=s.lifted,
        suspended_by=display_name(s.created_by),
    )


def _moderator_out(space: Space, user: Any) -> ModeratorOut:
    return ModeratorOut(space=space.slug, username=user.get_username(), name=display_name(user))


def _account(given: str) -> Any:
    """The active account `given` names, by username or address, as the
    suspensions page finds it; a 422 when none does."""
    given = given.strip().lstrip("@")
    people = get_user_model().objects.filter(is_active=True)
    found = (
        people.filter(email__iexact=given).first()
        if "@" in given
        else people.filter(username__iexact=given).first()
    )
    if found is None:
        raise Problem(
            422,
            "Refused",
            _("No active account has the username or address “%(given)s”.") % {"given": given},
        )
    return found


def _moderated_space(request: HttpRequest, slug: str) -> tuple[Any, Space]:
    user = caller(request)
    space = get_space_for_user(user, slug)
    _require_moderator(user, space)
    return user, space


def _secretariats_space(request: HttpRequest, slug: str) -> tuple[Any, Space]:
    user = caller(request)
    space = get_space_for_user(user, slug)
    if not is_secretariat(user):
        raise _not_allowed(_("Only the Secretariat may do this."))
    return user, space


# --- Suspensions --------------------------------------------------------------


@router.get(
    "/community/spaces/{slug}/suspensions",
    response=SuspensionList,
    summary="The suspensions in force in a community space",
)
def list_community_suspensions(request: HttpRequest, slug: str) -> SuspensionList:
    """For the space's moderators, as their "Suspensions" page: the newest
    first. Anyone else: a 404, as that page."""
    user = caller(request)
    space = get_space_for_user(user, slug)
    if not may(user, "moderate", space):
        raise Http404("Not found.")
    return SuspensionList(items=[_suspension_out(s) for s in moderation.active_suspensions(space)])


@router.post(
    "/community/spaces/{slug}/suspensions",
    response={201: SuspensionOut},
    summary="Suspend a person from a community space",
)
def suspend_from_community_space(
    request: HttpRequest, slug: str, body: SuspendPersonIn | SuspendAuthorIn = A_SUSPENSION
) -> Status:
    """For the space's moderators: `person`, or the author of `post` (one
    of the two), reads the space and may not post, reply, mark helpful or
    flag there until `ends` or until lifted; they are told by email, with
    the reason. A suspension in force gives
    way to the new one. Neither the Secretariat, nor a moderator of the
    space, nor oneself is suspended (422)."""
    user, space = _moderated_space(request, slug)
    if isinstance(body, SuspendAuthorIn):
        post = get_post_for_user(user, body.post)
        if post.thread.space_id != space.pk or post.author is None:
            raise Http404("Not found.")
        person, pseudonym = post.author, post.pseudonym
    else:
        person, pseudonym = _account(body.person), None
    ends = dt.datetime.combine(body.ends, dt.time(0), tzinfo=dt.UTC) if body.ends else None
    made = moderation.suspend(
        space, person, acting_user=user, reason=body.reason, ends=ends, pseudonym=pseudonym
    )
    return Status(201, _suspension_out(made))


@router.post(
    "/community/spaces/{slug}/suspensions/{suspension_id}/lift",
    response=SuspensionOut,
    summary="Lift a suspension from a community space",
)
def lift_community_suspension(
    request: HttpRequest, slug: str, suspension_id: int
) -> SuspensionOut:
    """For the space's moderators: it ends now, and the person is told (if
    it was still in force). One already lifted: a 409."""
    user, space = _moderated_space(request, slug)
    found = Suspension.objects.filter(space=space, pk=suspension_id).select_related(
        "space", "user", "pseudonym", "created_by"
    )
    suspension = found.first()
    if suspension is None:
        raise Http404("Not found.")
    try:
        lifted = moderation.lift_suspension(suspension, acting_user=user)
    except ValidationError as error:
        if getattr(error, "code", None) == "lifted":
            raise Problem(409, "Conflict", " ".join(error.messages)) from error
        raise
    return _suspension_out(lifted)


# --- Moderators -----------------------------------------------------------------


def _moderators(space: Space) -> Any:
    return SpaceMember.objects.filter(space=space, role=SpaceRole.MODERATOR).select_related("user")


@router.get(
    "/community/spaces/{slug}/moderators",
    response=ModeratorList,
    summary="A community space's moderators",
)
def list_community_moderators(request: HttpRequest, slug: str) -> ModeratorList:
    """For the Secretariat, as its "Moderators" page. Anyone else: a 404,
    as that page."""
    user = caller(request)
    space = get_space_for_user(user, slug)
    if not is_secretariat(user):
        raise Http404("Not found.")
    return ModeratorList(
        items=[
            _moderator_out(space, m.user)
            for m in _moderators(space).order_by("user__username", "pk")
        ]
    )


@router.post(
    "/community/spaces/{slug}/moderators",
    response=ModeratorOut,
    summary="Name a moderator of a community space",
)
def name_community_moderator(request: HttpRequest, slug: str, body: ModeratorIn) -> ModeratorOut:
    """For the Secretariat: the person (an active account) moderates the
    space, and joins it if they had not. Naming a moderator twice names
    them once."""
    user, space = _secretariats_space(request, slug)
    person = _account(body.person)
    services.set_moderator(space, person, acting_user=user)
    return _moderator_out(space, person)


@router.delete(
    "/community/spaces/{slug}/moderators/{person}",
    response={204: None},
    summary="Remove a moderator of a community space",
)
def remove_community_moderator(request: HttpRequest, slug: str, person: str) -> Status:
    """For the Secretariat: `person` (a username or an address) stays a
    member of the space and no longer moderates it. Someone who does not
    moderate it: a 404."""
    user, space = _secretariats_space(request, slug)
    given = person.strip().lstrip("@")
    lookup = "user__email__iexact" if "@" in given else "user__username__iexact"
    member = _moderators(space).filter(**{lookup: given}).first()
    if member is None:
        raise Http404("Not found.")
    services.set_moderator(space, member.user, acting_user=user, moderator=False)
    return Status(204, None)
