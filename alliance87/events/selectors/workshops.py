"""
Pathfinder workshops, kept by the pathfinders area and listed with events.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from alliance87.core.text import marked
from alliance87.events.models import EventType
from alliance87.events.selectors.filters import EventFilters
from alliance87.pathfinders.selectors import name_hosts, workshops_visible_to


@dataclass
class LinkedWorkshop:
    """A pathfinder workshop kept by the pathfinders area, shown here as a
    link rather than copied into an Event."""

    key: str
    title: str
    reported_date: Any
    url: str
    place: str
    status: str


def pathfinder_workshops(user: Any, filters: EventFilters | None = None) -> list[LinkedWorkshop]:
    """Return the pathfinder workshops `user` may see, filtered like events."""
    filters = filters or EventFilters()
    if filters.event_type and filters.event_type != EventType.PATHFINDER_WORKSHOP:
        return []
    if filters.series or filters.theme:
        return []
    qs = workshops_visible_to(user).select_related("pathfinder__country")
    if filters.year:
        qs = qs.filter(date_start__year=filters.year)
    if filters.region:
        qs = qs.filter(region=filters.region)
    if filters.country:
        qs = qs.filter(host_country__iso3=filters.country.upper())
    rows = []
    # A host organisation the reader may not see is not named.
    for w in name_hosts(
        list(qs.filter(date_start__isnull=False).order_by("date_start", "pk")[:200])
    ):
        host = w.visible_host_name  # type: ignore[attr-defined]
        untitled = (
            _("Pathfinder workshop: %(host)s") % {"host": host}
            if host
            else str(EventType.PATHFINDER_WORKSHOP.label)
        )
        rows.append(
            LinkedWorkshop(
                key=f"pathfinder-workshop-{w.pk}",
                title=marked(w, "title") or untitled,
                reported_date=w.reported_date,
                url=w.pathfinder.get_absolute_url() if w.pathfinder is not None else "",
                place=w.place or host,
                status=w.get_status_display(),
            )
        )
    return rows
