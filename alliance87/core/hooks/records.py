"""Hooks of records: event participation and group meetings, demo loaders
and file owners."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Protocol

from alliance87.core.hooks.base import Hook

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
    see the row. `label` is the model's "app_label.model". When its rows
    are documents a source may cite, `search` is the lookup of their
    folded `search_names` (core.text.search_names: what a document is
    found by, kept by the service that writes it), which the Sources page
    filters on (core.files.match_documents), and `title` the lookup of
    their title (`"title"`, `"resource__title"`), by which the matches
    are ordered; both empty for other files (images)."""

    label: str
    visible: VisibleOwners
    field: str = "file"
    title: str = ""
    search: str = ""


FILE_OWNERS: Hook[FileOwner] = Hook("file_owners", key=lambda o: o.label)
