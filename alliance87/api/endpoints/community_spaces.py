"""The Secretariat's spaces through the API, as its pages do it: create a
community space, change it, archive it and open it again
(community.services' `save_space` and `archive_space`: the "New space",
"Edit the space" and "Archive" pages). With a write-scoped token, once per
Idempotency-Key (api.py).

As the other community writes: a space the caller may not see is a 404,
as a missing one; one they see, or a space to create, and they may not
(anyone but the Secretariat) is a 403 saying why. A new space's body
names what its kind needs (the schema says so: a group's space its group,
a members-only space its group...); a group, country or theme that does
not exist is a 404, as an unknown id in an address; an address taken by
another space or by a page of the community's is a 409; what else the
service refuses (a change that leaves a space without what its kind or
visibility needs) is a 422 with its sentence.
"""

from __future__ import annotations

from typing import Any, Literal, cast

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Body, Field, Schema, Status
from pydantic import ConfigDict

from alliance87.api.callers import caller
from alliance87.api.endpoints import community
from alliance87.api.endpoints.community import SpaceOut, space_out
from alliance87.api.endpoints.community_write import SOME_TEXT, _not_allowed
from alliance87.api.http import Problem
from alliance87.community import services
from alliance87.community.models import Space, SpaceKind
from alliance87.community.selectors import get_space_for_user
from alliance87.core.models import Theme
from alliance87.core.visibility import Visibility, is_secretariat
from alliance87.countries.models import Country
from alliance87.groups.models import Group

# The spaces' addresses are their reads' (one router per address:
# community_write says why).
router = community.router

KindName = Literal[tuple(SpaceKind.values)]  # type: ignore[valid-type]
VisibilityName = Literal[tuple(Visibility.values)]  # type: ignore[valid-type]
# As a slug field takes it (django.core.validators.validate_slug).
SLUG = r"^[-a-zA-Z0-9_]+$"
NO_NUL = r"^[^\x00]*$"
MAX = {f: cast(Any, Space._meta.get_field(f)).max_length for f in ("slug", "name", "description")}
ISO3 = r"^[A-Za-z]{3}$"
GROUP = "The group's slug: for a group's space, and a members-only one"
COUNTRY = "The country's ISO 3166 alpha-3 code: for a pathfinder country's space"
THEME = "The theme's slug: for a theme's space"


class _NewSpace(Schema):
    # A body that names what its kind does not take is none of the kinds.
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=MAX["name"], pattern=SOME_TEXT)
    slug: str = Field(
        min_length=1,
        max_length=MAX["slug"],
        pattern=SLUG,
        description="The space's address: letters, digits, hyphens and underscores",
    )
    description: str = Field("", max_length=MAX["description"], pattern=NO_NUL)
    visibility: Literal["public", "partners", "secretariat"] = Field(
        "partners",
        description="Who sees the space and its threads (members only: a space of a group)",
    )


class _OfAGroup(Schema):
    group: str = Field(min_length=1, max_length=100, pattern=SLUG, description=GROUP)
    visibility: VisibilityName = Field(  # type: ignore[valid-type]
        "partners",
        description="Who sees the space and its threads (members: the members of its group)",
    )


class _OfACountry(Schema):
    country: str = Field(pattern=ISO3, description=COUNTRY)


class _OfATheme(Schema):
    theme: str = Field(min_length=1, max_length=50, pattern=SLUG, description=THEME)


class CommonsSpaceIn(_NewSpace):
    kind: Literal["commons"]


class GroupsCommonsSpaceIn(_OfAGroup, CommonsSpaceIn):
    pass


class GroupSpaceIn(_OfAGroup, _NewSpace):
    kind: Literal["group"]


class CountrySpaceIn(_OfACountry, _NewSpace):
    kind: Literal["country"]


class GroupsCountrySpaceIn(_OfAGroup, CountrySpaceIn):
    pass


class ThemeSpaceIn(_OfATheme, _NewSpace):
    kind: Literal["theme"]


class GroupsThemeSpaceIn(_OfAGroup, ThemeSpaceIn):
    pass


# A new space names what its kind needs (a group's space its group, a
# country's its country, a theme's its theme), and a members-only one its
# group: a body that does not is none of these (ninja reads a union as the
# request's body when told so).
NewSpaceIn = (
    CommonsSpaceIn
    | GroupsCommonsSpaceIn
    | GroupSpaceIn
    | CountrySpaceIn
    | GroupsCountrySpaceIn
    | ThemeSpaceIn
    | GroupsThemeSpaceIn
)
A_SPACE = Body(...)


class SpaceChangeIn(Schema):
    """What changes; what is left out stays. null takes a space's group,
    country or theme away (and nothing else: the others are never null)."""

    # Left out: None, which no caller can send (the type takes no null).
    name: str = Field(None, min_length=1, max_length=MAX["name"], pattern=SOME_TEXT)  # type: ignore[assignment]
    slug: str = Field(None, min_length=1, max_length=MAX["slug"], pattern=SLUG)  # type: ignore[assignment]
    description: str = Field(None, max_length=MAX["description"], pattern=NO_NUL)  # type: ignore[assignment]
    kind: KindName = None  # type: ignore[valid-type]
    group: str | None = Field(None, max_length=100, pattern=SLUG, description=GROUP)
    country: str | None = Field(None, pattern=ISO3, description=COUNTRY)
    theme: str | None = Field(None, max_length=50, pattern=SLUG, description=THEME)
    visibility: VisibilityName = None  # type: ignore[valid-type]


class ManagedSpaceOut(SpaceOut):
    visibility: str  # public, partners, members, secretariat


def _managed_out(request: HttpRequest, space: Space) -> ManagedSpaceOut:
    return ManagedSpaceOut(**space_out(request, space), visibility=space.visibility)


def _unknown(field: str, given: str) -> Problem:
    # Whole sentences, for the languages whose words agree with the noun.
    sentences = {
        "group": _("No group has the id “%(given)s”."),
        "country": _("No country has the id “%(given)s”."),
        "theme": _("No theme has the id “%(given)s”."),
    }
    message = sentences[field] % {"given": given}
    # As an unknown id in the address: nothing there (or nothing the
    # caller may see).
    return Problem(
        404, "Not found", message, errors=[{"location": f"body.{field}", "message": message}]
    )


def _saved(space: Space, user: Any) -> Space:
    """Save the space through the service; an address taken (by another
    space, or by a page of the community's) is a 409, the request right
    and the address not free."""
    try:
        return services.save_space(space, acting_user=user)
    except ValidationError as error:
        if set(getattr(error, "error_dict", {})) == {"slug"}:
            raise Problem(
                409,
                "Conflict",
                " ".join(error.messages),
                errors=[{"location": "body.slug", "message": m} for m in error.messages],
            ) from error
        raise


def _linked(user: Any, field: str, given: str | None) -> Any:
    """The group, country or theme `given` names (None: none); a 422 when
    there is no such one the caller may see."""
    if given is None:
        return None
    given = given.strip()
    if field == "group":
        found = Group.objects.visible_to(user).filter(slug=given).first()
    elif field == "country":
        found = Country.objects.filter(iso3__iexact=given).first()
    else:
        found = Theme.objects.filter(slug=given).first()
    if found is None:
        raise _unknown(field, given)
    return found


def _require_secretariat(user: Any) -> None:
    if not is_secretariat(user):
        raise _not_allowed(_("Only the Secretariat may do this."))


def _secretariats_space(request: HttpRequest, slug: str) -> tuple[Any, Space]:
    user = caller(request)
    space = get_space_for_user(user, slug)
    _require_secretariat(user)
    return user, space


@router.post(
    "/community/spaces",
    response={201: ManagedSpaceOut},
    summary="Create a community space",
)
def create_community_space(request: HttpRequest, body: NewSpaceIn = A_SPACE) -> Status:
    """For the Secretariat, as its "New space" page. A group's space names
    its `group`, a country's its `country`, a theme's its `theme`; a
    members-only space belongs to a group (and any space may). An unknown
    group, country or theme is a 404; an address (`slug`) taken, or one
    of the community's own pages (`new`, `queue`...), a 409."""
    user = caller(request)
    _require_secretariat(user)
    space = Space(
        # Trimmed, as the page's form trims them.
        name=body.name.strip(),
        slug=body.slug,
        description=body.description.strip(),
        kind=body.kind,
        group=_linked(user, "group", getattr(body, "group", None)),
        country=_linked(user, "country", getattr(body, "country", None)),
        theme=_linked(user, "theme", getattr(body, "theme", None)),
        visibility=body.visibility,
    )
    saved = _saved(space, user)
    return Status(201, _managed_out(request, saved))


@router.patch(
    "/community/spaces/{slug}",
    response=ManagedSpaceOut,
    summary="Change a community space",
)
def change_community_space(
    request: HttpRequest, slug: str, body: SpaceChangeIn
) -> ManagedSpaceOut:
    """For the Secretariat, as its "Edit the space" page: the fields given
    change (null takes a group, country or theme away), under the same
    rules as a new space's."""
    user, space = _secretariats_space(request, slug)
    given = body.model_fields_set
    for field in ("name", "slug", "description", "kind", "visibility"):
        if field in given:
            value = getattr(body, field)
            setattr(space, field, value.strip() if field in ("name", "description") else value)
    for field in ("group", "country", "theme"):
        if field in given:
            setattr(space, field, _linked(user, field, getattr(body, field)))
    saved = _saved(space, user)
    return _managed_out(request, saved)


@router.post(
    "/community/spaces/{slug}/archive",
    response=ManagedSpaceOut,
    summary="Archive a community space",
)
def archive_community_space(request: HttpRequest, slug: str) -> ManagedSpaceOut:
    """For the Secretariat, as the space page's "Archive the space": the space stays
    readable and takes no new thread, reply, mark or flag. Archiving an
    archived space changes nothing."""
    user, space = _secretariats_space(request, slug)
    if not space.is_archived:
        space = services.archive_space(space, acting_user=user, archived=True)
    return _managed_out(request, space)


@router.post(
    "/community/spaces/{slug}/reopen",
    response=ManagedSpaceOut,
    summary="Open an archived community space again",
)
def reopen_community_space(request: HttpRequest, slug: str) -> ManagedSpaceOut:
    """For the Secretariat, as the archived space's page's "Open the
    space again". Opening
    an open space changes nothing."""
    user, space = _secretariats_space(request, slug)
    if space.is_archived:
        space = services.archive_space(space, acting_user=user, archived=False)
    return _managed_out(request, space)
