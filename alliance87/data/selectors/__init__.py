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

- indicators.py: /data/, an indicator's figures in one edition, its trend
  (read as plain values: `Figure`, `Place`).
- geography.py: a place's figures (the place pages, the country profile).
- changes.py: what changed between two editions.
- headline.py: the home page's key figures.
- base.py: what they share.
"""

from alliance87.data.selectors.base import TOTAL, breakdown_of, latest_by_series
from alliance87.data.selectors.changes import Change, compare_editions, default_comparison
from alliance87.data.selectors.geography import (
    PROFILE_INDICATORS,
    PlaceFigures,
    countries_of,
    country_section,
    place_figures,
    places,
)
from alliance87.data.selectors.headline import HEADLINE, key_figures
from alliance87.data.selectors.indicators import (
    Figure,
    IndicatorView,
    Place,
    editions_with,
    indicator_view,
    indicators_with_data,
)

__all__ = [
    "HEADLINE",
    "PROFILE_INDICATORS",
    "TOTAL",
    "Change",
    "Figure",
    "IndicatorView",
    "Place",
    "PlaceFigures",
    "breakdown_of",
    "compare_editions",
    "countries_of",
    "country_section",
    "default_comparison",
    "editions_with",
    "indicator_view",
    "indicators_with_data",
    "key_figures",
    "latest_by_series",
    "place_figures",
    "places",
]
