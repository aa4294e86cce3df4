"""What /data/ shows of an indicator: the indicators and editions a person
may see figures of, and one edition's figures with the series' trend."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, NamedTuple

from django.db import models
from django.utils.html import conditional_escape, format_html
from modeltranslation.utils import (
    build_localized_fieldname,
    get_translation_fields,
    resolution_order,
)

from alliance87.core.reversing import reverse_one
from alliance87.core.text import page_language
from alliance87.data.models import Edition, Geography, Indicator, Observation
from alliance87.data.selectors.base import TOTAL, _edition_order, _held


def indicators_with_data(user: Any) -> list[Indicator]:
    """Return the indicators with an observation `user` may see."""
    return list(_held(Indicator.objects.all(), user, indicator=models.OuterRef("pk")))


def editions_with(user: Any, indicator: Indicator) -> list[Edition]:
    """Return the editions, latest first, that give `indicator` to `user`."""
    return list(
        _held(Edition.objects.all(), user, indicator=indicator, edition=models.OuterRef("pk"))
    )


class Place(NamedTuple):
    """A geography as /data/ names and links it: read as plain values once
    a page, not as a model (with its country) on each of hundreds of rows."""

    pk: int
    code: str
    level: str
    iso3: str  # "" unless a country
    # The name in the page's language, or the one it falls back to (as
    # django-modeltranslation's `name` gives it), and that language.
    name: str
    language: str
    html: str  # the name as the `translated` filter shows it
    url: str  # the country's profile, or the place's page


class Figure(NamedTuple):
    """One observation as /data/ shows it (of the view's indicator and
    breakdown): its place, edition and what its row gives."""

    place: Place
    edition: Edition
    period: int
    value: Decimal
    lower: Decimal | None
    upper: Decimal | None
    status: str
    source_url: str
    footnote: str
    illustrative: bool


@dataclass
class IndicatorView:
    indicator: Indicator
    edition: Edition
    editions: list[Edition]
    period: int
    breakdown: tuple[str, str, str]
    breakdowns: list[tuple[str, str, str]]
    # The chosen breakdown of the edition's latest year, largest first.
    rows: list[Figure]
    world: Figure | None
    regions: list[Figure]
    countries: list[Figure]
    # Every year of the series (world, or the first geography shown) in
    # every edition, oldest first.
    trend: list[Figure]
    trend_geography: Place | None
    illustrative: bool = False


# What a Figure reads of an observation, then of its geography.
_FIGURE = ("period", "value", "lower", "upper", "status", "source_url", "footnote", "illustrative")
_PLACE = ("geography_id", "geography__code", "geography__level", "geography__country__iso3")


def _place_fields() -> tuple[str, ...]:
    return tuple(f"geography__{name}" for name in get_translation_fields("name"))


class _Places:
    """Make each geography's Place once (its name in the page's language,
    marked as the `translated` filter marks it, and its address)."""

    def __init__(self) -> None:
        self.page = page_language()
        self.order = resolution_order(self.page)
        self.made: dict[int, Place] = {}

    def of(self, values: tuple[Any, ...]) -> Place:
        pk, code, level, iso3, *names = values
        place = self.made.get(pk)
        if place is None:
            by_language = dict(zip(get_translation_fields("name"), names, strict=True))
            language = next(
                (c for c in self.order if by_language.get(build_localized_fieldname("name", c))),
                "",
            )
            name = by_language[build_localized_fieldname("name", language)] if language else ""
            html = (
                format_html('<span lang="{}">{}</span>', language, name)
                if language and language != self.page
                else conditional_escape(name)
            )
            url = (
                reverse_one("countries:detail", iso3.lower())  # Country.get_absolute_url
                if iso3
                else reverse_one("data:place", code)
            )
            place = self.made[pk] = Place(pk, code, level, iso3 or "", name, language, html, url)
        return place


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
    places = _Places()
    width = len(_FIGURE)
    rows = sorted(
        (
            Figure(places.of(values[width:]), edition, *values[:width])
            for values in at_period.filter(sex=sex, age=age, sector=sector).values_list(
                *_FIGURE, *_PLACE, *_place_fields()
            )
        ),
        key=lambda f: (-f.value, f.place.name),
    )
    world = next((f for f in rows if f.place.level == Geography.Level.WORLD), None)
    regions = [
        f for f in rows if f.place.level in (Geography.Level.REGION, Geography.Level.GROUPING)
    ]
    countries = [f for f in rows if f.place.level == Geography.Level.COUNTRY]
    trend_geography = world.place if world else (rows[0].place if rows else None)
    trend: list[Figure] = []
    if trend_geography is not None:
        series = Observation.objects.visible_to(user).filter(
            indicator=indicator,
            geography_id=trend_geography.pk,
            sex=sex,
            age=age,
            sector=sector,
        )
        by_id = {e.pk: e for e in editions}  # every edition giving the indicator
        trend = [
            Figure(trend_geography, by_id[values[-1]], *values[:-1])
            for values in series.values_list(*_FIGURE, "edition_id")
        ]
        trend.sort(key=lambda f: (f.period, _edition_order(f.edition)))
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
        illustrative=any(f.illustrative for f in rows),
    )
