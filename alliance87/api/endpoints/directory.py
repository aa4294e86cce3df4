"""Countries and the directory of organisations (partners)."""

from __future__ import annotations

from typing import Any, Literal

from django.http import HttpRequest
from ninja import Query, Router, Schema

from alliance87.api.callers import caller
from alliance87.api.http import CURSOR_PATTERN, DEFAULT_LIMIT, MAX_LIMIT, cursor_page
from alliance87.api.schemas import Ref, absolute
from alliance87.countries.models import Country, Region
from alliance87.partners.models import Organisation, StakeholderType
from alliance87.partners.selectors import (
    DirectoryFilters,
    directory,
    get_organisation_for_user,
)

router = Router(tags=["directory"])

RegionName = Literal[tuple(Region.values)]  # type: ignore[valid-type]
StakeholderTypeName = Literal[tuple(StakeholderType.values)]  # type: ignore[valid-type]


class CountryOut(Schema):
    id: str  # ISO 3166 alpha-3, lower case
    iso2: str
    m49: str
    name: str
    region: str
    status: str
    url: str


class CountryList(Schema):
    items: list[CountryOut]
    next_cursor: str | None


def country_out(request: HttpRequest, c: Country) -> CountryOut:
    return CountryOut(
        id=c.iso3.lower(),
        iso2=c.iso2,
        m49=c.m49,
        name=c.name,
        region=c.region,
        status=c.status,
        url=absolute(request, c.get_absolute_url()),
    )


def _limit(limit: int) -> int:
    return max(1, min(limit, MAX_LIMIT))


@router.get("/countries", response=CountryList, summary="List countries")
def list_countries(
    request: HttpRequest,
    region: RegionName | None = None,  # type: ignore[valid-type]
    q: str = Query("", max_length=100),
    cursor: str | None = Query(None, pattern=CURSOR_PATTERN),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
) -> CountryList:
    """Countries (reference data, public), filtered as on /countries/: by
    ILO region and by a name in any language."""
    qs = Country.objects.all()
    if region:
        qs = qs.filter(region=region)
    if q:
        qs = qs.search(q)
    rows, after = cursor_page(qs, cursor, _limit(limit))
    return CountryList(items=[country_out(request, c) for c in rows], next_cursor=after)


@router.get("/countries/{iso3}", response=CountryOut, summary="One country")
def get_country(request: HttpRequest, iso3: str) -> CountryOut:
    from alliance87.countries.selectors import get_country_profile

    profile = get_country_profile(caller(request), iso3)
    return country_out(request, profile["country"])


class OrganisationOut(Schema):
    id: str  # slug
    name: str
    acronym: str
    stakeholder_type: str
    is_partner: bool
    country: str | None  # iso3, lower case
    url: str


class OrganisationDetail(OrganisationOut):
    website: str
    description: str
    themes: list[str]
    people: list[Ref]


class OrganisationList(Schema):
    items: list[OrganisationOut]
    next_cursor: str | None


def _organisation(request: HttpRequest, o: Organisation) -> dict[str, Any]:
    return {
        "id": o.slug,
        "name": o.name,
        "acronym": o.acronym or "",
        "stakeholder_type": o.stakeholder_type,
        "is_partner": o.is_partner,
        "country": o.country.iso3.lower() if o.country else None,
        "url": absolute(request, o.get_absolute_url()),
    }


@router.get("/partners", response=OrganisationList, summary="List organisations")
def list_organisations(
    request: HttpRequest,
    q: str = Query("", max_length=100),
    stakeholder_type: StakeholderTypeName | None = None,  # type: ignore[valid-type]
    country: str = Query("", max_length=3, description="ISO 3166 alpha-3 code"),
    theme: str = Query("", max_length=50, description="A theme's slug"),
    cursor: str | None = Query(None, pattern=CURSOR_PATTERN),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
) -> OrganisationList:
    """The directory of organisations, filtered as on /partners/."""
    filters = DirectoryFilters(
        q=q, stakeholder_type=stakeholder_type or "", country=country.lower(), theme=theme
    )
    rows, after = cursor_page(directory(caller(request), filters), cursor, _limit(limit))
    return OrganisationList(
        items=[OrganisationOut(**_organisation(request, o)) for o in rows], next_cursor=after
    )


@router.get("/partners/{slug}", response=OrganisationDetail, summary="One organisation")
def get_organisation(request: HttpRequest, slug: str) -> OrganisationDetail:
    o = get_organisation_for_user(caller(request), slug)
    return OrganisationDetail(
        **_organisation(request, o),
        website=o.website,
        description=o.description,
        themes=[t.slug for t in o.themes.all()],
        # Names and positions only: contact details stay on the pages.
        people=[
            Ref(id=p.slug, name=p.name, url="")
            for p in o.visible_people  # type: ignore[attr-defined]
        ],
    )
