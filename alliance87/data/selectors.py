"""
What the data pages show (docs/data.md).

Every read starts from `Observation.objects.visible_to(user)` (an edition
held back for the Secretariat hides its observations from everyone else),
and reads a bounded slice: one edition's latest reference year for an
indicator, one series across editions for its trend. The number of queries
does not grow with the data.

"Latest" means the edition published last (then the latest reference year
it gives): a new edition stands beside the older ones, which stay readable
(`edition=` picks one; `compare_editions` shows what changed).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

from django.db import models
from django.db.models import Max, QuerySet

from alliance87.core import permissions
from alliance87.data.models import Edition, Geography, GovernmentReply, Indicator, Observation

TOTAL = ("total", "all", "all")
# The indicators a country's profile shows of the country and of its
# region (the catalogue's first with figures); the place page shows all.
PROFILE_INDICATORS = 8
# The world figures the home page shows, in this order.
HEADLINE = (
    "people_in_modern_slavery",
    "people_in_forced_labour",
    "people_in_forced_marriage",
    "children_in_child_labour",
)


def _visible(user: Any) -> QuerySet[Observation]:
    return Observation.objects.visible_to(user).select_related(
        "edition", "indicator", "geography", "geography__country"
    )


def breakdown_of(obs: Observation) -> tuple[str, str, str]:
    return (obs.sex, obs.age, obs.sector)


def _known(observations: Any, **related: Any) -> list[Observation]:
    """Return `observations` with the related rows the caller holds already
    (the indicator, edition or geography every one of them shares) set
    on each, instead of a copy of each joined into every row."""
    rows = list(observations)
    for obs in rows:
        for name, value in related.items():
            setattr(obs, name, value)
    return rows


def _edition_order(edition: Edition) -> tuple[Any, ...]:
    return (edition.date_start or dt.date.min, edition.pk)


_T = TypeVar("_T", bound=models.Model)


def _held(rows: QuerySet[_T], user: Any, **lookups: Any) -> QuerySet[_T]:
    """Keep the `rows` (indicators, editions, geographies) of which `user`
    may see an observation matching `lookups`: one index probe each (the
    first observation found), rather than listing millions of
    observations' ids and matching them. A subquery with LIMIT 1, not
    EXISTS, which PostgreSQL plans as a join it costs at every row of the
    table (above `jit_above_cost`: 50 ms compiling at 18 million rows)."""
    first = Observation.objects.visible_to(user).filter(**lookups).order_by().values("pk")[:1]
    return rows.alias(_first_figure=models.Subquery(first)).filter(_first_figure__isnull=False)


def indicators_with_data(user: Any) -> list[Indicator]:
    """Return the indicators with an observation `user` may see."""
    return list(_held(Indicator.objects.all(), user, indicator=models.OuterRef("pk")))


def editions_with(user: Any, indicator: Indicator) -> list[Edition]:
    """Return the editions, latest first, that give `indicator` to `user`."""
    return list(
        _held(Edition.objects.all(), user, indicator=indicator, edition=models.OuterRef("pk"))
    )


@dataclass
class IndicatorView:
    indicator: Indicator
    edition: Edition
    editions: list[Edition]
    period: int
    breakdown: tuple[str, str, str]
    breakdowns: list[tuple[str, str, str]]
    # The chosen breakdown of the edition's latest year, largest first.
    rows: list[Observation]
    world: Observation | None
    regions: list[Observation]
    countries: list[Observation]
    # Every year of the series (world, or the first geography shown) in
    # every edition, oldest first.
    trend: list[Observation]
    trend_geography: Geography | None
    illustrative: bool = False


def indicator_view(
    user: Any,
    indicator: Indicator,
    *,
    edition_id: int | None = None,
    breakdown: tuple[str, str, str] | None = None,
) -> IndicatorView | None:
    """Return what /data/ shows of `indicator`, or None when `user` may see
    none of its figures."""
    editions = editions_with(user, indicator)
    if not editions:
        return None
    edition = next((e for e in editions if e.pk == edition_id), editions[0])
    in_edition = Observation.objects.visible_to(user).filter(indicator=indicator, edition=edition)
    # The latest year: the first of the index (indicator, edition, period)
    # read backwards (MAX() over the join would read the edition's all).
    period = in_edition.order_by("-period").values_list("period", flat=True).first()
    if period is None:  # its figures went meanwhile
        return None
    at_period = in_edition.filter(period=period)
    # The breakdowns the year gives, then the rows of the chosen one alone
    # (not every breakdown's: 5 times the rows at 200 geographies).
    breakdowns: list[tuple[str, str, str]] = sorted(
        set(at_period.order_by().values_list("sex", "age", "sector").distinct()),
        key=lambda b: (b != TOTAL, b),
    )
    chosen = breakdown if breakdown is not None and breakdown in breakdowns else breakdowns[0]
    sex, age, sector = chosen
    rows = sorted(
        _known(
            at_period.filter(sex=sex, age=age, sector=sector).select_related(
                "geography", "geography__country"
            ),
            indicator=indicator,
            edition=edition,
        ),
        key=lambda o: (-o.value, o.geography.name),
    )
    world = next((o for o in rows if o.geography.level == Geography.Level.WORLD), None)
    regions = [
        o for o in rows if o.geography.level in (Geography.Level.REGION, Geography.Level.GROUPING)
    ]
    countries = [o for o in rows if o.geography.level == Geography.Level.COUNTRY]
    trend_geography = world.geography if world else (rows[0].geography if rows else None)
    trend: list[Observation] = []
    if trend_geography is not None:
        series = Observation.objects.visible_to(user).filter(
            indicator=indicator, geography=trend_geography, sex=sex, age=age, sector=sector
        )
        trend = _known(series, indicator=indicator, geography=trend_geography)
        by_id = {e.pk: e for e in editions}  # every edition giving the indicator
        for obs in trend:
            obs.edition = by_id[obs.edition_id]
        trend.sort(key=lambda o: (o.period, _edition_order(o.edition)))
    return IndicatorView(
        indicator=indicator,
        edition=edition,
        editions=editions,
        period=period,
        breakdown=chosen,
        breakdowns=breakdowns,
        rows=rows,
        world=world,
        regions=regions,
        countries=countries,
        trend=trend,
        trend_geography=trend_geography,
        illustrative=any(o.illustrative for o in rows),
    )


def latest_by_series(observations: list[Observation]) -> list[Observation]:
    """Keep, for each series (indicator, geography, breakdown), the figure
    of the latest edition, then of the latest year it gives."""
    best: dict[tuple[Any, ...], Observation] = {}
    for obs in observations:
        held = best.get(obs.series_key)
        if held is None or (_edition_order(obs.edition), obs.period) > (
            _edition_order(held.edition),
            held.period,
        ):
            best[obs.series_key] = obs
    return list(best.values())


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


def key_figures(user: Any) -> list[tuple[Observation, list[Observation]]]:
    """Return the home page's world figures from the latest edition giving
    each, with the same figure in earlier editions (newest first)."""
    observations = list(
        _visible(user).filter(
            geography__level=Geography.Level.WORLD,
            indicator__code__in=HEADLINE,
            sex="total",
            sector="all",
        )
    )
    shown = []
    for code in HEADLINE:
        series = [o for o in observations if o.indicator.code == code]
        latest = latest_by_series(series)
        if not latest:
            continue
        head = min(latest, key=lambda o: o.age != "all")
        earlier = sorted(
            (o for o in series if o.series_key == head.series_key and o.pk != head.pk),
            key=lambda o: _edition_order(o.edition),
            reverse=True,
        )
        shown.append((head, earlier))
    return shown


@dataclass
class Change:
    indicator: Indicator
    geography: Geography
    breakdown: tuple[str, str, str]
    before: Observation | None
    after: Observation | None

    @property
    def difference(self) -> Decimal | None:
        if self.before is None or self.after is None:
            return None
        return self.after.value - self.before.value


def compare_editions(user: Any, before: Edition, after: Edition) -> list[Change]:
    """Return each series either edition gives, with both figures (its
    latest year in each), in the catalogue's order."""
    observations = list(_visible(user).filter(edition__in=[before, after]))
    by_edition: dict[int, list[Observation]] = defaultdict(list)
    for obs in observations:
        by_edition[obs.edition_id].append(obs)
    old = {o.series_key: o for o in latest_by_series(by_edition[before.pk])}
    new = {o.series_key: o for o in latest_by_series(by_edition[after.pk])}
    changes = []
    for key in old.keys() | new.keys():
        sample = new.get(key) or old[key]
        changes.append(
            Change(
                sample.indicator,
                sample.geography,
                breakdown_of(sample),
                old.get(key),
                new.get(key),
            )
        )
    changes.sort(
        key=lambda c: (
            c.indicator.order,
            c.geography.level != Geography.Level.WORLD,
            c.geography.name,
            c.breakdown != TOTAL,
            c.breakdown,
        )
    )
    return changes


def default_comparison(editions: list[Edition]) -> tuple[Edition, Edition] | None:
    """Return (earlier, latest) editions to compare: the latest edition and
    the one before it that shares an indicator with it."""
    if len(editions) < 2:
        return None
    ordered = sorted(editions, key=_edition_order)
    shares: dict[int, set[int]] = defaultdict(set)
    pairs = (
        Observation.objects.filter(edition__in=ordered)
        .values_list("edition_id", "indicator_id")
        .distinct()
    )
    for edition_id, indicator_id in pairs:
        shares[edition_id].add(indicator_id)
    for later in reversed(ordered):
        for earlier in reversed(ordered[: ordered.index(later)]):
            if shares[earlier.pk] & shares[later.pk]:
                return earlier, later
    return ordered[-2], ordered[-1]


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
