"""What changed between two editions (/data/changes/), and which two to
compare by default."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from alliance87.data.models import Edition, Geography, Indicator, Observation
from alliance87.data.selectors.base import (
    TOTAL,
    _edition_order,
    _visible,
    breakdown_of,
    latest_by_series,
)


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
