"""
A group's meetings, as another area knows them.

Groups import no events code. The events area, once it links meetings to
groups, registers a provider in its AppConfig.ready():

    from alliance87.groups import meetings

    def group_meetings(user, group):
        events = Event.objects.visible_to(user).filter(groups=group)
        return [meetings.Meeting(e.title, e.get_absolute_url(),
                                 str(e.reported_date), e.date_start)
                for e in events]

    meetings.register_provider(group_meetings)

A provider takes (user, group) and returns the meetings `user` may see,
each a `Meeting`; it must read through `visible_to(user)` and keep its
query count constant. With no provider, the group page says that no
meetings are linked yet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Meeting:
    title: str
    url: str
    when: str = ""
    starts_on: dt.date | None = None


MeetingProvider = Callable[[Any, Any], list[Meeting]]
_providers: list[MeetingProvider] = []


def register_provider(provider: MeetingProvider) -> None:
    """Add a source of group meetings (idempotent)."""
    if provider not in _providers:
        _providers.append(provider)


def unregister_provider(provider: MeetingProvider) -> None:
    if provider in _providers:
        _providers.remove(provider)


def has_providers() -> bool:
    return bool(_providers)


def meetings_for(user: Any, group: Any) -> list[Meeting]:
    """Return the meetings of `group` that `user` may see, latest first."""
    found: list[Meeting] = []
    for provider in _providers:
        found.extend(provider(user, group))
    return sorted(found, key=lambda m: m.starts_on or dt.date.min, reverse=True)
