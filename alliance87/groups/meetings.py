"""
A group's meetings, as another area knows them.

Groups import no events code. The events area, which links meetings to
groups, registers a provider on `hooks.GROUP_MEETINGS` in its
AppConfig.ready():

    def group_meetings(user, group):
        events = Event.objects.visible_to(user).filter(groups=group)
        return [hooks.Meeting(e.title, e.get_absolute_url(),
                              str(e.reported_date), e.date_start)
                for e in events]

    hooks.GROUP_MEETINGS.register(group_meetings)

A provider takes (user, group) and returns the meetings `user` may see,
each a `Meeting`; it must read through `visible_to(user)` and keep its
query count constant. With no provider, the group page says that no
meetings are linked yet.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from alliance87.core import hooks
from alliance87.core.hooks import Meeting

__all__ = ["Meeting", "has_providers", "meetings_for"]


def has_providers() -> bool:
    return bool(hooks.GROUP_MEETINGS.items())


def meetings_for(user: Any, group: Any) -> list[Meeting]:
    """Return the meetings of `group` that `user` may see, latest first."""
    found: list[Meeting] = []
    for provider in hooks.GROUP_MEETINGS.items():
        found.extend(provider(user, group))
    return sorted(found, key=lambda m: m.starts_on or dt.date.min, reverse=True)
