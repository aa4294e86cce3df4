"""Hooks of the site search: providers of indexed kinds and the audience."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.utils.functional import Promise

from alliance87.core.hooks.base import Hook
from alliance87.core.hooks.records import VisibleOwners

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
    its name). With `deferred`, a write to rows it alone follows is indexed
    by a background task after the commit (search/tasks.py), not by the
    request that wrote them: a reply in a long thread rewrote the thread's
    document in the request, some ten queries (the community's threads).
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
    deferred: bool = False


SEARCH_PROVIDERS: Hook[SearchProvider] = Hook(
    "search_providers", key=lambda p: p.kind, order=lambda p: p.order
)


class SearchAudience(Protocol):
    """What search must know of `user` beyond core.visibility's audience:
    a dict with `pathfinder_ids` (the pathfinders whose focal point they
    are: they find all of it, drafts included)."""

    def __call__(self, user: Any, /) -> dict[str, Any]: ...


SEARCH_AUDIENCE: Hook[SearchAudience] = Hook("search_audience")
