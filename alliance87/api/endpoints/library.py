"""The knowledge library."""

from __future__ import annotations

from typing import Any, Literal

from django.http import HttpRequest
from ninja import Query, Router, Schema

from alliance87.api.callers import caller
from alliance87.api.http import CURSOR_PATTERN, DEFAULT_LIMIT, MAX_LIMIT, cursor_page
from alliance87.api.schemas import ReportedDateOut, absolute, reported_date
from alliance87.countries.models import Region
from alliance87.library.models import Resource, ResourceType
from alliance87.library.selectors import (
    filter_resources,
    get_resource_for_user,
    parse_filters,
)
from alliance87.library.selectors.lists import visible_resources

router = Router(tags=["library"])

ResourceTypeName = Literal[tuple(ResourceType.values)]  # type: ignore[valid-type]
RegionName = Literal[tuple(Region.values)]  # type: ignore[valid-type]


class ResourceOut(Schema):
    id: str  # slug
    title: str
    resource_type: str
    date: ReportedDateOut
    summary: str
    address: str  # where it is published, when outside the Hub
    url: str


class ResourceList(Schema):
    items: list[ResourceOut]
    next_cursor: str | None


class ResourceDetail(ResourceOut):
    themes: list[str]
    countries: list[str]
    publishers: list[str]
    licence: str
    doi: str
    isbn: str


def resource_out(request: HttpRequest, r: Resource) -> dict[str, Any]:
    return {
        "id": r.slug,
        "title": r.title,
        "resource_type": r.resource_type,
        "date": reported_date(r),
        "summary": r.summary,
        "address": r.url,
        "url": absolute(request, r.get_absolute_url()),
    }


@router.get("/library", response=ResourceList, summary="List library resources")
def list_resources(
    request: HttpRequest,
    type: ResourceTypeName | None = None,  # type: ignore[valid-type]
    theme: str = Query("", max_length=50, description="A theme's slug"),
    country: str = Query("", max_length=3, description="ISO 3166 alpha-3 code"),
    region: RegionName | None = None,  # type: ignore[valid-type]
    organisation: str = Query("", max_length=100, description="An organisation's slug"),
    language: Literal["en", "fr", "es"] | None = None,
    year: int | None = Query(None, ge=1800, le=2200),
    cursor: str | None = Query(None, pattern=CURSOR_PATTERN),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
) -> ResourceList:
    """Published resources, filtered as on /library/ (a filter value that
    names nothing known selects nothing)."""
    user = caller(request)
    raw = {
        "type": type or "",
        "theme": theme,
        "country": country,
        "region": region or "",
        "organisation": organisation,
        "language": language or "",
        "year": str(year) if year else "",
    }
    filters = parse_filters(user, raw)
    qs = filter_resources(visible_resources(user), filters)  # type: ignore[arg-type]
    if filters.problems:
        # The page ignores a value that names nothing (and says so); here
        # it selects nothing, as an unknown slug does on every other list.
        qs = qs.none()
    rows, after = cursor_page(qs, cursor, limit)
    return ResourceList(
        items=[ResourceOut(**resource_out(request, r)) for r in rows], next_cursor=after
    )


@router.get("/library/{slug}", response=ResourceDetail, summary="One library resource")
def get_resource(request: HttpRequest, slug: str) -> ResourceDetail:
    user = caller(request)
    r = get_resource_for_user(user, slug)
    from alliance87.partners.models import Organisation

    return ResourceDetail(
        **resource_out(request, r),
        themes=[t.slug for t in r.themes.all()],
        countries=[c.iso3.lower() for c in r.countries.all()],
        publishers=list(
            Organisation.objects.visible_to(user)
            .filter(pk__in=r.publishers.values("pk"))
            .values_list("slug", flat=True)
        ),
        licence=r.licence,
        doi=r.doi,
        isbn=r.isbn,
    )
