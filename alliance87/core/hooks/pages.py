"""Hooks of pages: the header's navigation, permission rules, the audience
of core.visibility, country-profile sections and sections of other pages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from django.utils.functional import Promise

from alliance87.core.hooks.base import Hook

# --- Navigation -------------------------------------------------------------


class NavVisibility(Protocol):
    """Whether the header shows the entry to `user` (None: anonymous)."""

    def __call__(self, user: Any, /) -> bool: ...


@dataclass(frozen=True)
class NavEntry:
    """One link of the header's navigation, shown to the users `visible`
    accepts (to everyone when it is None)."""

    label: str | Promise
    url_name: str
    section: str
    order: int
    visible: NavVisibility | None = None

    def is_visible_to(self, user: Any) -> bool:
        return self.visible is None or bool(self.visible(user))


NAVIGATION: Hook[NavEntry] = Hook("navigation", key=lambda e: e.url_name, order=lambda e: e.order)


# --- Permissions ------------------------------------------------------------


class Rule(Protocol):
    """Whether `user` may do the rule's action to `obj` (a model or a row)."""

    def __call__(self, user: Any, obj: Any, /) -> bool: ...


@dataclass(frozen=True)
class PermissionRule:
    action: str
    model: type
    rule: Rule


PERMISSION_RULES: Hook[PermissionRule] = Hook(
    "permission_rules", key=lambda r: (r.action, r.model)
)


# --- Audience (core.visibility) ----------------------------------------------


class AudienceProvider(Protocol):
    """What an area knows of `user`'s standing: a dict with `is_partner`
    (bool) and/or `group_ids` (the groups whose members-only rows they see)."""

    def __call__(self, user: Any, /) -> dict[str, Any]: ...


class ManyAudienceProvider(Protocol):
    """What an area knows of the standing of each of `users` (active
    accounts), by their id, as AudienceProvider tells it of one; a person
    left out has nothing to contribute."""

    def __call__(self, users: Sequence[Any], /) -> dict[int, dict[str, Any]]: ...


@dataclass(frozen=True)
class BatchedAudience:
    """An AudienceProvider that also answers for many people at once:
    `one` for a person (`audience_for`), `many` for a chunk of people in a
    number of queries that does not grow with them (`audiences_for`, which
    asks a plain AudienceProvider once per person). Both answer alike for
    each person."""

    one: AudienceProvider
    many: ManyAudienceProvider

    def __call__(self, user: Any, /) -> dict[str, Any]:
        return self.one(user)


AUDIENCE_PROVIDERS: Hook[AudienceProvider] = Hook("audience_providers")


# --- Country profile --------------------------------------------------------


class SectionContext(Protocol):
    """The section's template context for `country`, as `user` may see it,
    or None when the area has nothing to show there."""

    def __call__(self, user: Any, country: Any, /) -> dict[str, Any] | None: ...


@dataclass(frozen=True)
class ProfileSection:
    key: str
    order: int
    template: str
    context: SectionContext


COUNTRY_PROFILE_SECTIONS: Hook[ProfileSection] = Hook(
    "country_profile_sections", key=lambda s: s.key, order=lambda s: s.order
)


# --- Sections of other pages (the {% page_sections %} tag) -----------------


@dataclass(frozen=True)
class PageSection:
    """A section an area adds to another area's page: `page` names the
    page ("event", "group", "organisation", "account") or, for "post", each
    community post of a thread's page (inline, among the post's actions,
    rendered once per post: its context must run no query), or, for
    "secretariat", an item (`<li>`) of the account page's list of the
    Secretariat's pages (shown to the Secretariat only); `context(user,
    obj)` returns the template's context for the object the page shows, or
    None to leave it out. Every read inside it goes through
    `visible_to(user)`."""

    page: str
    key: str
    order: int
    template: str
    context: SectionContext


PAGE_SECTIONS: Hook[PageSection] = Hook(
    "page_sections", key=lambda s: (s.page, s.key), order=lambda s: s.order
)
