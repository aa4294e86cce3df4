"""The events area's contributions to the groups area, through
`hooks.GROUP_MEETINGS` and `hooks.EVENT_PARTICIPATION`: a group's meetings,
and participation in events by stakeholder type over time."""

from __future__ import annotations

from collections import Counter
from typing import Any

from alliance87.core.hooks import EventParticipation, Meeting
from alliance87.core.text import marked
from alliance87.events.models import Event, Participant


def group_meetings(user: Any, group: Any) -> list[Meeting]:
    """Return the events of `group` that `user` may see, latest first."""
    # The group's events by id, each once: a UNION of two indexed reads
    # rather than a DISTINCT over two joins, which read every event
    # (issue 16).
    linked = Event.groups.through.objects.filter(group=group).order_by().values("event_id")
    of_series = Event.objects.filter(series__group=group).order_by().values("pk")
    events = (
        Event.objects.visible_to(user)
        .filter(pk__in=linked.union(of_series))
        .order_by("-date_start", "pk")
    )
    return [
        Meeting(
            marked(event, "title"),
            event.get_absolute_url(),
            str(event.reported_date or ""),
            event.date_start,
        )
        for event in events
    ]


def event_participation(user: Any) -> list[EventParticipation]:
    """Count participating organisations by stakeholder type and year."""
    rows = (
        Participant.objects.filter(
            event__in=Event.objects.visible_to(user).filter(date_start__isnull=False),
            organisation__isnull=False,
        )
        .values_list(
            "event_id", "event__date_start", "organisation_id", "organisation__stakeholder_type"
        )
        .distinct()
    )
    counts: Counter[tuple[str, str]] = Counter()
    seen: set[tuple[int, int]] = set()
    for event_id, start, organisation_id, stakeholder_type in rows:
        if (event_id, organisation_id) in seen:
            continue
        seen.add((event_id, organisation_id))
        counts[(str(start.year), stakeholder_type)] += 1
    return [
        EventParticipation(period, stakeholder_type, count)
        for (period, stakeholder_type), count in sorted(counts.items())
    ]
