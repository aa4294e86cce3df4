"""
The events list, its filters, the country profile's section and the public
calendar feed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.paginator import Paginator
from django.db.models import F, Q, QuerySet

from alliance87.events.models import Event, EventSeries, EventType
from alliance87.events.selectors import base
from alliance87.events.selectors.filters import EventFilters, filter_events, series_matching
from alliance87.events.selectors.workshops import pathfinder_workshops

PAGE_SIZE = 20


def next_occurrence(event: Event, on_or_after: dt.date) -> dt.date | None:
    """Return the next date of a yearly day on or after `on_or_after`."""
    if event.date_start is None:
        return None
    start = event.date_start
    for year in (on_or_after.year, on_or_after.year + 1):
        try:
            candidate = start.replace(year=year)
        except ValueError:  # 29 February
            candidate = dt.date(year, 3, 1)
        if candidate >= on_or_after and candidate >= start:
            return candidate
    return None


def list_events(user: Any, filters: EventFilters, page_number: Any = 1) -> dict[str, Any]:
    """Return the upcoming events, one page of past events, and the days."""
    now = base.today()
    qs = filter_events(Event.objects.visible_to(user), filters)
    upcoming = list(base.event_rows(qs.upcoming(now)).order_by("date_start", "slug")[:50])
    past_page = Paginator(
        base.event_rows(qs.past(now)).order_by("-date_start", "slug"), PAGE_SIZE
    ).get_page(page_number)
    days = []
    if not filters.event_type or filters.event_type == EventType.INTERNATIONAL_DAY:
        for day in base.event_rows(qs.filter(recurs_yearly=True)):
            day.next_date = next_occurrence(day, now)  # type: ignore[attr-defined]
            days.append(day)
        days.sort(key=lambda d: d.next_date or dt.date.max)  # type: ignore[attr-defined]
    return {
        "upcoming": upcoming,
        "past": past_page,
        "days": days,
        "workshops": pathfinder_workshops(user, filters),
    }


def export_events(user: Any, filters: EventFilters) -> QuerySet[Event]:
    """Every event `user` may see that the list's filters keep, upcoming,
    past and yearly days alike, the latest first (undated ones last): what
    the list's downloads hold (api.opendata), beside its workshops."""
    qs = filter_events(Event.objects.visible_to(user), filters)
    return base.event_rows(qs).order_by(F("date_start").desc(nulls_last=True), "slug")


def country_section(user: Any, country: Any) -> dict[str, Any] | None:
    """Events held in or concerning `country`, for its profile."""
    qs = Event.objects.visible_to(user).filter(
        pk__in=Event.objects.filter(Q(country=country) | Q(countries=country)).values("pk")
    )
    events = list(base.event_rows(qs.dated()).order_by("-date_start", "slug")[:10])
    if not events:
        return None
    return {"events": events, "country": country}


def series_choices() -> list[tuple[str, str]]:
    return [(s.slug, s.name) for s in EventSeries.objects.order_by("name")]


# The Body filter of the events list, the tracker and the register: the
# series are typed, not listed (a select of 1,000 bodies at the sizes of
# issue 16): core.forms.narrow.


def get_series_name(slug: str) -> str | None:
    """Return the name of the series `slug` names, or None."""
    series = EventSeries.objects.filter(slug=slug[:100].replace("\x00", "")).first()
    return series.name if series else None


def match_series(text: str, limit: int) -> list[tuple[str, str]]:
    """Return (slug, name) of the first `limit` series `text` matches, by name."""
    return [(s.slug, s.name) for s in series_matching(text).order_by("name", "pk")[:limit]]


# Calendars ----------------------------------------------------------------

FEED_LIMIT = 500


def calendar_events(filters: EventFilters) -> list[Event]:
    """Return the events of the public feed.

    Calendar clients carry no session, so the feed is what anonymous
    visitors may see: published, public events, whoever asks.
    """
    from django.contrib.auth.models import AnonymousUser

    qs = filter_events(Event.objects.visible_to(AnonymousUser()), filters)
    qs = qs.filter(date_start__isnull=False).select_related("country", "series")
    return list(qs.order_by("-date_start", "slug")[:FEED_LIMIT])
