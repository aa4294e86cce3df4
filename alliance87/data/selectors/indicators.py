"""What /data/ shows of an indicator: the indicators and editions a person
may see figures of, and one edition's figures with the series' trend."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models

from alliance87.data.models import Edition, Geography, Indicator, Observation
from alliance87.data.selectors.base import TOTAL, _edition_order, _held, _known


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
