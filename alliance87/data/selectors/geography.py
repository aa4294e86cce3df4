"""What a place shows: the latest figures of the world, a region, a
grouping or a country (the place pages), the places with figures, a
region's countries, and the country profile's data section."""

from __future__ import annotations

import operator
from dataclasses import dataclass
from functools import reduce
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
    first_figure,
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
    earlier editions."""
    return figures_of_places(user, [geography], limit=limit)[geography.pk]


def figures_of_places(
    user: Any, geographies: list[Geography], *, limit: int | None = None
) -> dict[int, PlaceFigures]:
    """Return the latest figures of each of `geographies` (by id), as
    `place_figures` does for one: two queries, whatever the number of
    places (a country's profile shows the country's and its region's).

    Reads what is shown, whatever the years held: each edition's latest
    year of each series, not every year (a series of 30 years in 3
    editions is 90 figures, of which the page shows 3)."""
    if not geographies:
        return {}
    # The indicators each place holds, in the catalogue's order: one
    # subquery per place, each an index probe per indicator (`_held`),
    # asked of every indicator of the catalogue once.
    probes = {
        f"held_{g.pk}": first_figure(user, geography=g, indicator=models.OuterRef("pk"))
        for g in geographies
    }
    held: dict[int, list[int]] = {g.pk: [] for g in geographies}
    for pk, *firsts in Indicator.objects.annotate(**probes).values_list("pk", *probes):
        for g, first in zip(geographies, firsts, strict=True):
            if first is not None:
                held[g.pk].append(pk)
    shown = {pk: ids if limit is None else ids[:limit] for pk, ids in held.items()}
    wanted = [models.Q(geography=pk, indicator__in=ids) for pk, ids in shown.items() if ids]
    observations: dict[int, list[Observation]] = {g.pk: [] for g in geographies}
    if wanted:
        # Each series' latest year in each edition, picked by the database
        # (a window over the series' years) rather than every year read.
        latest = models.Window(
            Max("period"),
            partition_by=[
                models.F(name)
                for name in ("geography", "indicator", "edition", "sex", "age", "sector")
            ],
        )
        for obs in (
            Observation.objects.visible_to(user)
            .filter(reduce(operator.or_, wanted))
            .annotate(latest=latest)
            .filter(period=models.F("latest"))
            .select_related("edition", "indicator")
            .order_by()  # _figures sorts them
        ):
            observations[obs.geography_id].append(obs)
    return {
        g.pk: _figures(
            g, _known(observations[g.pk], geography=g), more=len(held[g.pk]) - len(shown[g.pk])
        )
        for g in geographies
    }


def _figures(geography: Geography, observations: list[Observation], *, more: int) -> PlaceFigures:
    """Return the figures of a place from each of its series' latest year
    in each edition: the latest edition's, each with the others'."""
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
    return PlaceFigures(geography=geography, figures=heads, more=more)


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
    figures = figures_of_places(
        user, [g for g in (own_geography, region_geography) if g], limit=PROFILE_INDICATORS
    )
    own = figures[own_geography.pk] if own_geography else None
    region = figures[region_geography.pk] if region_geography else None
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
