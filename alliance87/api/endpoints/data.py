"""Country data (alliance87/data): indicators, the editions that released
figures, and each figure with its source."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from django.http import Http404, HttpRequest
from django.urls import reverse
from ninja import Query, Router, Schema

from alliance87.api.callers import caller
from alliance87.api.http import (
    CURSOR_PATTERN,
    DEFAULT_LIMIT,
    MAX_LIMIT,
    cursor_page,
    list_page,
)
from alliance87.api.schemas import ReportedDateOut, absolute, reported_date
from alliance87.data.models import Edition, Geography, Indicator, Observation
from alliance87.data.selectors import editions_with, indicators_with_data

router = Router(tags=["data"])

LevelName = Literal[tuple(Geography.Level.values)]  # type: ignore[valid-type]


class SourcedText(Schema):
    """A text the Hub holds only as its source gives it."""

    text: str
    source_url: str


class IndicatorOut(Schema):
    id: str  # its code
    name: str
    unit: str
    definition: SourcedText
    methodology: SourcedText
    sdg_indicator: SourcedText
    url: str


class IndicatorList(Schema):
    items: list[IndicatorOut]
    next_cursor: str | None


class EditionOut(Schema):
    id: int
    title: str
    publisher: str
    date: ReportedDateOut
    source_url: str  # the publication


class EditionList(Schema):
    items: list[EditionOut]
    next_cursor: str | None


class IndicatorDetail(IndicatorOut):
    editions: list[EditionOut]  # that give it, latest first


class GeographyOut(Schema):
    id: str  # its code: "world", a region's, a country's
    name: str
    level: str
    country: str | None  # ISO 3166 alpha-3, lower case, for a country


class ObservationSource(Schema):
    url: str  # where the figure is published
    edition: int  # the edition's id (GET /data/editions)
    edition_title: str
    publisher: str
    published: ReportedDateOut


class ObservationOut(Schema):
    id: int
    indicator: str
    geography: GeographyOut
    year: int  # the reference year
    sex: str  # "total" when not broken down
    age: str  # "all" when not broken down
    sector: str  # "all" when not broken down
    value: float
    lower: float | None
    upper: float | None
    unit: str
    status: str
    footnote: str
    illustrative: bool  # demo figures without a source
    source: ObservationSource


class ObservationList(Schema):
    items: list[ObservationOut]
    next_cursor: str | None


def _page_url(request: HttpRequest, code: str) -> str:
    return absolute(request, f"{reverse('data:index')}?indicator={code}")


def indicator_out(request: HttpRequest, i: Indicator) -> dict[str, Any]:
    return {
        "id": i.code,
        "name": i.name,
        "unit": i.unit,
        "definition": SourcedText(text=i.definition, source_url=i.definition_source_url),
        "methodology": SourcedText(text=i.methodology, source_url=i.methodology_source_url),
        "sdg_indicator": SourcedText(text=i.sdg_indicator, source_url=i.sdg_source_url),
        "url": _page_url(request, i.code),
    }


def edition_out(e: Edition) -> EditionOut:
    return EditionOut(
        id=e.pk,
        title=e.title,
        publisher=e.publisher,
        date=reported_date(e),
        source_url=e.source_url,
    )


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def observation_out(o: Observation) -> ObservationOut:
    g = o.geography
    return ObservationOut(
        id=o.pk,
        indicator=o.indicator.code,
        geography=GeographyOut(
            id=g.code,
            name=g.name,
            level=g.level,
            country=g.country.iso3.lower() if g.country else None,
        ),
        year=o.period,
        sex=o.sex,
        age=o.age,
        sector=o.sector,
        value=float(o.value),
        lower=_number(o.lower),
        upper=_number(o.upper),
        unit=o.indicator.unit,
        status=o.status,
        footnote=o.footnote,
        illustrative=o.illustrative,
        source=ObservationSource(
            url=o.source_url,
            edition=o.edition.pk,
            edition_title=o.edition.title,
            publisher=o.edition.publisher,
            published=reported_date(o.edition),
        ),
    )


@router.get("/data/indicators", response=IndicatorList, summary="List indicators")
def list_indicators(
    request: HttpRequest,
    cursor: str | None = Query(None, pattern=CURSOR_PATTERN),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
) -> IndicatorList:
    """The indicators /data/ offers: those with a figure the caller may
    see."""
    rows, after = list_page(indicators_with_data(caller(request)), cursor, limit)
    return IndicatorList(
        items=[IndicatorOut(**indicator_out(request, i)) for i in rows], next_cursor=after
    )


@router.get("/data/indicators/{code}", response=IndicatorDetail, summary="One indicator")
def get_indicator(request: HttpRequest, code: str) -> IndicatorDetail:
    """An indicator, with the editions that give the caller its figures."""
    user = caller(request)
    indicator = next((i for i in indicators_with_data(user) if i.code == code), None)
    if indicator is None:
        raise Http404("No such indicator.")
    return IndicatorDetail(
        **indicator_out(request, indicator),
        editions=[edition_out(e) for e in editions_with(user, indicator)],
    )


@router.get("/data/editions", response=EditionList, summary="List editions")
def list_editions(
    request: HttpRequest,
    cursor: str | None = Query(None, pattern=CURSOR_PATTERN),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
) -> EditionList:
    """The publications that released figures, as /data/changes/ offers
    them to the caller."""
    rows, after = cursor_page(Edition.objects.visible_to(caller(request)), cursor, limit)
    return EditionList(items=[edition_out(e) for e in rows], next_cursor=after)


@router.get("/data/observations", response=ObservationList, summary="List figures")
def list_observations(
    request: HttpRequest,
    indicator: str = Query("", max_length=60, description="An indicator's id (its code)"),
    edition: int | None = Query(None, ge=1, le=2**63 - 1, description="An edition's id"),
    geography: str = Query(
        "", max_length=60, description="A place's id: world, a region's, a country's"
    ),
    country: str = Query("", max_length=3, description="ISO 3166 alpha-3 code"),
    level: LevelName | None = None,  # type: ignore[valid-type]
    year: int | None = Query(None, ge=1800, le=2200, description="The reference year"),
    sex: str = Query("", max_length=10, description="total, female, male..."),
    age: str = Query("", max_length=20, description="all, or an age group"),
    sector: str = Query("", max_length=60, description="all, or an economic sector"),
    cursor: str | None = Query(None, pattern=CURSOR_PATTERN),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
) -> ObservationList:
    """Every figure the caller may see (an edition held back hides its
    figures), each with its source: the figures of /data/ and its
    downloads are `indicator`, `edition` and a breakdown (`sex`, `age`,
    `sector`) of these. A value that names nothing selects nothing."""
    qs = Observation.objects.visible_to(caller(request))
    wanted: dict[str, Any] = {
        "indicator__code": indicator,
        "edition_id": edition,
        "geography__code": geography,
        "geography__country__iso3": country.upper(),
        "geography__level": level,
        "period": year,
        "sex": sex,
        "age": age,
        "sector": sector,
    }
    qs = qs.filter(**{k: v for k, v in wanted.items() if v})
    qs = qs.select_related("edition", "indicator", "geography", "geography__country")
    rows, after = cursor_page(qs, cursor, limit)
    return ObservationList(items=[observation_out(o) for o in rows], next_cursor=after)
