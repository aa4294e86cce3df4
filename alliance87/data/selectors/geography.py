"""What a place shows: the latest figures of the world, a region, a
grouping or a country (the place pages), the places with figures, a
region's countries, and the country profile's data section."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models import Max

from alliance87.core import permissions
from alliance87.data.models import Geography, GovernmentReply, Indicator, Observation
from alliance87.data.selectors.base import (
    TOTAL,
    _edition_order,
    _held,
    _known,
    breakdown_of,
    latest_by_series,
)

# The indicators a country's profile shows of the country and of its
# region (the catalogue's first with figures); the place page shows all.
PROFILE_INDICATORS = 8


@dataclass
class PlaceFigures:
    geography: Geography
    # The latest figure of each series, in the catalogue's order, each
    # with `earlier`: the same series in earlier editions (the latest year
    # each gives), newest first.
    figures: list[Observation]
    # Indicators with figures for the place that are not shown (`limit`).
    more: int = 0


def place_figures(user: Any, geography: Geography, *, limit: int | None = None) -> PlaceFigures:
    """Return the latest figures of `geography` (of the first `limit`
    indicators in the catalogue's order that have any), each with its
    earlier editions.

    Reads what is shown, whatever the years held: each edition's latest
    year of each series, not every year (a series of 30 years in 3
    editions is 90 figures, of which the page shows 3)."""
    visible = Observation.objects.visible_to(user).filter(geography=geography)
    held = list(
        _held(
            Indicator.objects.all(), user, geography=geography, indicator=models.OuterRef("pk")
        ).values_list("pk", flat=True)
    )
    shown = held if limit is None else held[:limit]
    if not shown:
        return PlaceFigures(geography=geography, figures=[])
    in_shown = visible.filter(indicator__in=shown)
    latest = {
        (row["indicator_id"], row["edition_id"], row["sex"], row["age"], row["sector"]): row[
            "latest"
        ]
        for row in in_shown.order_by()
        .values("indicator_id", "edition_id", "sex", "age", "sector")
        .annotate(latest=Max("period"))
    }
    observations = [
        obs
        for obs in _known(
            in_shown.filter(period__in=set(latest.values())).select_related(
                "edition", "indicator"
            ),
            geography=geography,
        )
        if latest[(obs.indicator_id, obs.edition_id, obs.sex, obs.age, obs.sector)] == obs.period
    ]
    heads = latest_by_series(observations)
    heads.sort(
        key=lambda o: (o.indicator.order, o.indicator.code, breakdown_of(o) != TOTAL, o.sex, o.age)
    )
    by_series = {o.series_key: o for o in heads}
    for head in heads:
        head.earlier = []  # type: ignore[attr-defined]
    for obs in sorted(observations, key=lambda o: _edition_order(o.edition), reverse=True):
        head = by_series[obs.series_key]
        if obs.pk != head.pk:
            head.earlier.append(obs)  # type: ignore[attr-defined]
    return PlaceFigures(geography=geography, figures=heads, more=len(held) - len(shown))


def places(user: Any) -> list[Geography]:
    """Return the world, regions and groupings with figures `user` may see."""
    return list(
        _held(
            Geography.objects.filter(country__isnull=True), user, geography=models.OuterRef("pk")
        )
    )


def countries_of(geography: Geography) -> list[Any]:
    """Return the countries of an ILO region (none for other places: the
    Hub does not hold which countries a grouping counts)."""
    from alliance87.countries.models import Country

    if geography.level != Geography.Level.REGION:
        return []
    return list(Country.objects.filter(region=geography.region).only("iso3", "name"))


def country_section(user: Any, country: Any) -> dict[str, Any] | None:
    """Return the data section of `country`'s profile: its own figures, and
    its ILO region's for comparison (None when neither has any)."""
    geographies = {
        g.code: g
        for g in Geography.objects.filter(
            models.Q(country=country)
            | models.Q(level=Geography.Level.REGION, region=country.region)
        )
    }
    own_geography = next((g for g in geographies.values() if g.country_id == country.pk), None)
    region_geography = next((g for g in geographies.values() if g.country_id is None), None)
    own = place_figures(user, own_geography, limit=PROFILE_INDICATORS) if own_geography else None
    region = (
        place_figures(user, region_geography, limit=PROFILE_INDICATORS)
        if region_geography
        else None
    )
    replies = list(
        GovernmentReply.objects.visible_to(user)
        .filter(country=country)
        .select_related("submitted_by")
    )
    may_reply = permissions.may(user, "reply", GovernmentReply(country=country))
    if not (own and own.figures) and not (region and region.figures) and not replies:
        return None
    return {
        "country": country,
        "own": own,
        "region": region,
        "replies": [r for r in replies if r.status == GovernmentReply.Status.PUBLISHED],
        "awaiting": [r for r in replies if r.status != GovernmentReply.Status.PUBLISHED],
        "may_reply": may_reply,
    }
