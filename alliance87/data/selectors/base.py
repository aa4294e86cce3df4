"""The helpers the data selectors share: what a person may see, the
latest of each series, the order of editions."""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from django.db import models
from django.db.models import QuerySet

from alliance87.data.models import Edition, Observation

TOTAL = ("total", "all", "all")


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
    return rows.alias(_first_figure=first_figure(user, **lookups)).filter(
        _first_figure__isnull=False
    )


def first_figure(user: Any, **lookups: Any) -> models.Subquery:
    """Return the id of the first observation `user` may see matching
    `lookups`, as a subquery (None when there is none): `_held`'s probe."""
    first = Observation.objects.visible_to(user).filter(**lookups).order_by().values("pk")[:1]
    return models.Subquery(first)


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
