"""The home page's key figures: the world's, from the latest edition
giving each."""

from __future__ import annotations

from typing import Any

from alliance87.data.models import Geography, Observation
from alliance87.data.selectors.base import _edition_order, _visible, latest_by_series

# The world figures the home page shows, in this order.
HEADLINE = (
    "people_in_modern_slavery",
    "people_in_forced_labour",
    "people_in_forced_marriage",
    "children_in_child_labour",
)


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
