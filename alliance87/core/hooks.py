"""
The one way an area contributes to another: named, typed hooks.

A lower area (or core) that wants contributions declares nothing itself: it
reads one of the hooks below. A higher area contributes by registering an
item in its `AppConfig.ready()`:

    from alliance87.core import hooks

    hooks.NAVIGATION.register(
        hooks.NavEntry(_("Events"), "events:list", section="events", order=40)
    )

Registering is idempotent: an item whose key is already registered replaces
the earlier one in place (a callable is its own key), so `ready()` may run
twice. Items come back in their `order`, then in the order registered.
Tests register temporarily with `hook.registered(item)` or replace every
registration with `hook.only(item)`; both restore the hook when they end.
Core imports no area, so each hook's item types live here.

========================  ===========================  ====================  ======================
Hook                      Item registered              Registered by         Read by
========================  ===========================  ====================  ======================
NAVIGATION                NavEntry(label, url_name,    countries, partners,  core.navigation (the
                          section, order, visible);    pathfinders, events,  header, entries the
                          visible(user) -> bool; key   groups, statements,   user may see)
                          url_name                     applications
PERMISSION_RULES          PermissionRule(action,       groups, pathfinders,  core.permissions
                          model, rule); rule(user,     events, statements,
                          obj) -> bool; key (action,   applications
                          model)
AUDIENCE_PROVIDERS        AudienceProvider: (user) ->  partners, groups      core.visibility
                          {is_partner, group_ids}
COUNTRY_PROFILE_SECTIONS  ProfileSection(key, order,   pathfinders (10),     countries.profile
                          template, context);          events (40),
                          context(user, country) ->    library (80),
                          dict or None                 partners (90)
PAGE_SECTIONS             PageSection(page, key,       library (the          {% page_sections %}:
                          order, template, context);   resources of an       the event page
                          page "event", "group" or     event, of a group),   ("event"), the group
                          "account"; context(user,     api (the account      page ("group"), the
                          obj) -> dict or None; key    page's tokens)        account page
                          (page, key)                                        ("account")
PERSONAL_DATA             PersonalData(key, export,    none yet (an area     accounts.personal_data
                          erase); export(user,         that holds more       and accounts.services
                          person), erase(user,         about a person)
                          person)
ROLE_KINDS                RoleKind(key, label, order,  accounts              accounts.roles and
                          holdings, assign, scopes,    (secretariat,         accounts.services
                          end); holdings(user) ->      partner), groups
                          [Holding]                    (chair, member,
                                                       GCG), pathfinders
                                                       (focal point)
EVENT_PARTICIPATION       EventParticipationProvider:  events                groups.analytics
                          (user) ->
                          [EventParticipation]
GROUP_MEETINGS            MeetingProvider: (user,      events                groups.meetings
                          group) -> [Meeting]
FILE_OWNERS               FileOwner(label, visible,    events (documents)    core.files (the file
                          field); visible(user) ->                           view)
                          owners the user may see;
                          key label
SEARCH_PROVIDERS          SearchProvider(kind, label,  countries, partners,  search (the index, the
                          model, rows, entry, visible, pathfinders, events,  reindex command, the
                          url, depends, order);        groups, statements,   /search/ page)
                          entry(obj) -> SearchEntry    library
                          or None; key kind
SEARCH_AUDIENCE           SearchAudience: (user) ->    pathfinders           search.query
                          {pathfinder_ids}
DEMO_LOADERS              DemoLoader(module, order);   pathfinders (10),     demo.services
                          the module has               groups (20),
                          load(report); key module     statements (30),
                                                       events (40),
                                                       accounts (90)
========================  ===========================  ====================  ======================
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Hashable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from django.utils.functional import Promise

T = TypeVar("T")


class Hook(Generic[T]):
    """A named list of contributions of one type."""

    def __init__(
        self,
        name: str,
        *,
        key: Callable[[T], Hashable] | None = None,
        order: Callable[[T], int] | None = None,
    ) -> None:
        self.name = name
        self._key = key
        self._order = order
        self._items: dict[Hashable, T] = {}

    def __repr__(self) -> str:
        return f"<Hook {self.name}: {len(self._items)} registered>"

    def key_of(self, item: T) -> Hashable:
        return item if self._key is None else self._key(item)

    def register(self, item: T) -> T:
        """Add `item`, or replace the item registered under the same key."""
        self._items[self.key_of(item)] = item
        return item

    def items(self) -> list[T]:
        """Return the registered items, in order (stable: as registered)."""
        found = list(self._items.values())
        if self._order is not None:
            found.sort(key=self._order)
        return found

    def get(self, key: Hashable) -> T | None:
        """Return the item registered under `key`, or None."""
        return self._items.get(key)

    @contextlib.contextmanager
    def registered(self, *items: T) -> Iterator[None]:
        """Register `items` for the duration of the block (for tests)."""
        saved = dict(self._items)
        try:
            for item in items:
                self.register(item)
            yield
        finally:
            self._items = saved

    @contextlib.contextmanager
    def only(self, *items: T) -> Iterator[None]:
        """Make `items` the only registrations for the block (for tests)."""
        saved = dict(self._items)
        self._items = {}
        try:
            for item in items:
                self.register(item)
            yield
        finally:
            self._items = saved


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
    page ("event", "group"); `context(user, obj)` returns the template's
    context for the object the page shows, or None to leave it out. Every
    read inside it goes through `visible_to(user)`."""

    page: str
    key: str
    order: int
    template: str
    context: SectionContext


PAGE_SECTIONS: Hook[PageSection] = Hook(
    "page_sections", key=lambda s: (s.page, s.key), order=lambda s: s.order
)


# --- Personal data ----------------------------------------------------------


class Exporter(Protocol):
    """What the area holds about the person, as JSON-ready data."""

    def __call__(self, user: Any, person: Any, /) -> Any: ...


class Eraser(Protocol):
    """Strip the person's identifiers from the area's rows."""

    def __call__(self, user: Any, person: Any, /) -> None: ...


@dataclass(frozen=True)
class PersonalData:
    key: str
    export: Exporter
    erase: Eraser | None = None


PERSONAL_DATA: Hook[PersonalData] = Hook("personal_data", key=lambda p: p.key)


# --- Roles ------------------------------------------------------------------


@dataclass(frozen=True)
class Holding:
    """One role held (or once held) by one user."""

    kind: str
    label: str | Promise
    scope: str = ""
    scope_url: str = ""
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    current: bool = True
    ref: Any = field(default=None, compare=False)


class Holdings(Protocol):
    """Every holding of the kind for `user`, current and past."""

    def __call__(self, user: Any, /) -> list[Holding]: ...


class Assign(Protocol):
    """Give the role to `user` for `scope` (one of `scopes()`'s values, ""
    when unscoped). Called inside accounts.services.assign_role."""

    def __call__(self, user: Any, scope: str, /, *, acting_user: Any) -> None: ...


class Scopes(Protocol):
    """The choices of scope for the assignment form: [(value, label)]."""

    def __call__(self) -> list[tuple[str, str]]: ...


class End(Protocol):
    """End one holding (its `ref`). Called inside accounts.services.end_role."""

    def __call__(self, ref: Any, /, *, user: Any, acting_user: Any) -> None: ...


@dataclass(frozen=True)
class RoleKind:
    key: str
    label: str | Promise
    order: int
    holdings: Holdings
    assign: Assign | None = None
    scopes: Scopes | None = None
    end: End | None = None


ROLE_KINDS: Hook[RoleKind] = Hook("role_kinds", key=lambda k: k.key, order=lambda k: k.order)


# --- Groups: event participation and meetings --------------------------------


@dataclass(frozen=True)
class EventParticipation:
    """Organisations of one stakeholder type that took part in a period."""

    period: str
    stakeholder_type: str
    count: int


class EventParticipationProvider(Protocol):
    """Participation `user` may see, one row per (period, stakeholder type)."""

    def __call__(self, user: Any, /) -> list[EventParticipation]: ...


EVENT_PARTICIPATION: Hook[EventParticipationProvider] = Hook("event_participation")


@dataclass(frozen=True)
class Meeting:
    # HTML: the title, marked with its language when it is not the page's
    # (core.text.marked).
    title: str
    url: str
    when: str = ""
    starts_on: dt.date | None = None


class MeetingProvider(Protocol):
    """The meetings of `group` that `user` may see (read through
    `visible_to(user)`, in a constant number of queries)."""

    def __call__(self, user: Any, group: Any, /) -> list[Meeting]: ...


GROUP_MEETINGS: Hook[MeetingProvider] = Hook("group_meetings")


# --- Demo data --------------------------------------------------------------


@dataclass(frozen=True)
class DemoLoader:
    """An area's demo data: `module` defines `load(report)`, idempotent.

    Named by its dotted path, imported only when the demo is loaded, so
    that starting the site does not import the demo data.
    """

    module: str
    order: int


DEMO_LOADERS: Hook[DemoLoader] = Hook(
    "demo_loaders", key=lambda d: d.module, order=lambda d: d.order
)


# --- Files (core.files) -----------------------------------------------------


class VisibleOwners(Protocol):
    """The rows holding files that `user` may see (a queryset)."""

    def __call__(self, user: Any, /) -> Any: ...


@dataclass(frozen=True)
class FileOwner:
    """A model whose `field` holds uploaded files, served to those who may
    see the row. `label` is the model's "app_label.model"."""

    label: str
    visible: VisibleOwners
    field: str = "file"


FILE_OWNERS: Hook[FileOwner] = Hook("file_owners", key=lambda o: o.label)


# --- Search (alliance87.search) -------------------------------------------


@dataclass(frozen=True)
class SearchAccess:
    """Who may find an indexed row, in the terms of core.visibility.

    `level` is the narrowest audience of the row as it stands (one of
    Visibility's values: a draft is "secretariat"); at the "members"
    level, the members of `group_id` see it (as `visible_q`); the focal
    points of `pathfinder_id` see it whatever its level, and so does the
    signed-in user `user_id` (a resource's submitter, while it is under
    review). It must say exactly what the model's `visible_to(user)` says:
    the visibility matrix checks every persona.
    """

    level: str
    group_id: int | None = None
    pathfinder_id: int | None = None
    user_id: int | None = None


@dataclass(frozen=True)
class SearchFacet:
    """One value of a facet ("country", "theme") of an indexed row, with
    its label in each language."""

    facet: str
    value: str
    labels: Mapping[str, str]


@dataclass(frozen=True)
class SearchEntry:
    """What the index holds of one row.

    `titles` and `bodies` map language codes to the text in that language
    (a language the row is not written in is left out); `names` are words
    found in every language (names, acronyms, codes, other spellings).
    """

    titles: Mapping[str, str]
    bodies: Mapping[str, str]
    access: SearchAccess
    names: str = ""
    year: int | None = None
    facets: tuple[SearchFacet, ...] = ()


class SearchRows(Protocol):
    """Every row to index, preloaded for `entry` (a queryset)."""

    def __call__(self) -> Any: ...


class SearchEntryOf(Protocol):
    """The index entry of one row, or None to leave it out."""

    def __call__(self, obj: Any, /) -> SearchEntry | None: ...


class SearchUrl(Protocol):
    """The address of the row's page (in the active language)."""

    def __call__(self, obj: Any, /) -> str: ...


@dataclass(frozen=True)
class SearchProvider:
    """One kind of searchable content.

    `rows()` gives every row of `model` to index; `visible(user)` the rows
    `user` may see (the model's `visible_to`), read again for the rows a
    results page shows. `depends` maps another model whose writes change
    these entries (an event for its agenda items) to the lookup from
    `model` to it ("event"): its writes reindex the rows that lead to it.
    With `named_first`, a row whose title is the query's words comes before
    the ranked results (a glossary term: "forced labour" is asked for by
    its name).
    """

    kind: str
    label: str | Promise
    model: type
    rows: SearchRows
    entry: SearchEntryOf
    visible: VisibleOwners
    url: SearchUrl
    depends: Mapping[type, str] = field(default_factory=dict)
    order: int = 100
    named_first: bool = False


SEARCH_PROVIDERS: Hook[SearchProvider] = Hook(
    "search_providers", key=lambda p: p.kind, order=lambda p: p.order
)


class SearchAudience(Protocol):
    """What search must know of `user` beyond core.visibility's audience:
    a dict with `pathfinder_ids` (the pathfinders whose focal point they
    are: they find all of it, drafts included)."""

    def __call__(self, user: Any, /) -> dict[str, Any]: ...


SEARCH_AUDIENCE: Hook[SearchAudience] = Hook("search_audience")
