"""
The filters of the events list and of the calendar feed.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from alliance87.events.models import Event, EventQuerySet, EventSeries


@dataclass
class EventFilters:
    event_type: str = ""
    region: str = ""
    country: str = ""  # iso3, lower case
    theme: str = ""  # slug
    series: str = ""  # slug: the body whose meetings these are
    year: int | None = None
    series_q: str = ""  # part of a body's name: every body it matches

    def as_query(self) -> dict[str, str]:
        pairs = {
            "type": self.event_type,
            "region": self.region,
            "country": self.country,
            "theme": self.theme,
            "series": self.series,
            "series_q": self.series_q,
            "year": str(self.year) if self.year else "",
        }
        return {k: v for k, v in pairs.items() if v}


def filter_events(qs: EventQuerySet, filters: EventFilters) -> EventQuerySet:
    if filters.event_type:
        qs = qs.filter(event_type=filters.event_type)
    if filters.series:
        qs = qs.filter(series__slug=filters.series)
    elif filters.series_q:
        qs = qs.filter(series__in=series_matching(filters.series_q))
    if filters.year:
        qs = qs.filter(Q(date_start__year=filters.year) | Q(recurs_yearly=True))
    # Relations that may match several rows go through a subquery, so an
    # event is listed once without DISTINCT over the whole row.
    if filters.region:
        qs = qs.filter(
            pk__in=Event.objects.filter(
                Q(regions__region=filters.region)
                | Q(country__region=filters.region)
                | Q(countries__region=filters.region)
            ).values("pk")
        )
    if filters.country:
        iso3 = filters.country.upper()
        qs = qs.filter(
            pk__in=Event.objects.filter(Q(country__iso3=iso3) | Q(countries__iso3=iso3)).values(
                "pk"
            )
        )
    if filters.theme:
        qs = qs.filter(pk__in=Event.objects.filter(themes__slug=filters.theme).values("pk"))
    return qs


def series_matching(text: str) -> QuerySet[EventSeries]:
    """Return the series whose name, body or short name contains `text`
    (ignoring case), in the page's language."""
    text = text.replace("\x00", "")  # PostgreSQL refuses NUL in text
    q = Q()
    for name in ("name", "body", "body_short"):
        q |= Q(**{f"{name}__icontains": text})
    return EventSeries.objects.filter(q)
