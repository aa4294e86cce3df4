"""
The library's list: one page of resources, the facets with their counts,
and the choices of the filter form, all read from what the user may see.

Each facet counts the resources that every other filter lets through
(choosing a type still shows how many there are of each type), and only
those `visible_to(user)`: a hidden resource changes no count and brings no
choice. A constant number of queries, whatever the number of resources.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Prefetch, Q, QuerySet, Value
from django.db.models.functions import Coalesce, ExtractYear, NullIf

from alliance87.core.forms import MATCHES_LISTED
from alliance87.core.models import Theme
from alliance87.core.text import page_language
from alliance87.countries.models import Country, Region
from alliance87.library.models import Resource, ResourceFile, ResourceStatus, ResourceType
from alliance87.library.selectors.filters import LibraryFilters, filter_resources
from alliance87.partners.models import Organisation

PAGE_SIZE = 20


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int


def visible_resources(user: Any) -> QuerySet[Resource]:
    return Resource.objects.visible_to(user)


def _base(user: Any, filters: LibraryFilters) -> QuerySet[Resource]:
    return filter_resources(Resource.objects.visible_to(user), filters)


def _ids(user: Any, filters: LibraryFilters) -> QuerySet[Any]:
    return _base(user, filters).values("pk")


def facets(user: Any, filters: LibraryFilters) -> dict[str, list[Option]]:
    """Return the options of each facet, with their counts."""
    out: dict[str, list[Option]] = {}
    by_type = dict(
        _base(user, filters.without("type"))
        .order_by()
        .values_list("resource_type")
        .annotate(n=Count("pk"))
    )
    out["type"] = [
        Option(v, str(label), by_type[v]) for v, label in ResourceType.choices if by_type.get(v)
    ]
    themes = (
        Theme.objects.filter(library_resources__in=_ids(user, filters.without("theme")))
        .annotate(n=Count("library_resources", distinct=True))
        .order_by("kind", "order", "slug")
    )
    out["theme"] = [Option(t.slug, t.name, t.n) for t in themes]
    countries = Country.objects.filter(
        library_resources__in=_ids(user, filters.without("country"))
    ).annotate(n=Count("library_resources", distinct=True))
    out["country"] = sorted(
        (Option(c.iso3.lower(), c.name, c.n) for c in countries), key=lambda o: o.label
    )
    regions = _base(user, filters.without("region")).aggregate(
        **{
            value: Count(
                "pk", distinct=True, filter=Q(regions__region=value) | Q(countries__region=value)
            )
            for value in Region.values
        }
    )
    out["region"] = [
        Option(v, str(label), regions[v]) for v, label in Region.choices if regions[v]
    ]
    languages = _base(user, filters.without("language")).aggregate(
        **{
            code: Count("pk", distinct=True, filter=Q(files__language=code) | Q(url_language=code))
            for code, _name in settings.LANGUAGES
        }
    )
    out["language"] = [
        Option(code, str(name), languages[code])
        for code, name in language_names()
        if languages[code]
    ]
    years = (
        _base(user, filters.without("year"))
        .filter(date_start__isnull=False)
        .order_by()
        .annotate(y=ExtractYear("date_start"))
        .values_list("y")
        .annotate(n=Count("pk"))
        .order_by("-y")
    )
    out["year"] = [Option(str(y), str(y), n) for y, n in years]
    return out


def language_names() -> list[tuple[str, str]]:
    from django.utils.translation import gettext as _

    names = {"en": _("English"), "fr": _("French"), "es": _("Spanish")}
    return [(code, str(names.get(code, name))) for code, name in settings.LANGUAGES]


def match_organisations(user: Any, filters: LibraryFilters) -> None:
    """List, beside the form, the first organisations whose name matches
    the text typed (`filters.narrowing`): of those `user` may see, those
    that published or contributed to a resource the other filters let
    through. Organisations are too many for a facet of them all."""
    narrowing = filters.narrowing
    if narrowing is None or not narrowing.text:
        return
    ids = _ids(user, filters.without("organisation"))
    linked = Q()
    for through in (Resource.publishers.through, Resource.contributors.through):
        linked |= Q(pk__in=through.objects.filter(resource_id__in=ids).values("organisation_id"))
    found = (
        Organisation.objects.visible_to(user)
        .search(narrowing.text)
        .filter(linked)
        .order_by("sort_name", "pk")[: MATCHES_LISTED + 1]
    )
    narrowing.list_matches([(o.slug, str(o)) for o in found])


def _ordered(qs: QuerySet[Resource], sort: str) -> QuerySet[Resource]:
    if sort == "oldest":
        return qs.order_by(F("date_start").asc(nulls_last=True), "slug")
    if sort == "title":
        language = page_language()
        shown = Coalesce(NullIf(f"title_{language}", Value("")), "title_en")
        return qs.order_by(shown, "slug")
    return qs.order_by(F("date_start").desc(nulls_last=True), "slug")


def list_resources(user: Any, filters: LibraryFilters, page_number: Any = 1) -> Page:
    """Return one page of the resources `user` may see, with what a row
    shows: the organisations the user may see, the languages of its files."""
    qs = _ordered(_base(user, filters), filters.sort).prefetch_related(
        Prefetch("publishers", queryset=Organisation.objects.visible_to(user)),
        Prefetch("files", queryset=ResourceFile.objects.only("pk", "resource_id", "language")),
    )
    return Paginator(qs, PAGE_SIZE).get_page(page_number)


def export_resources(user: Any, filters: LibraryFilters) -> QuerySet[Resource]:
    """Return every resource of the list `user` sees with `filters`, in its
    order: what the list's downloads hold (api.opendata)."""
    return _ordered(_base(user, filters), filters.sort)


def list_for_review(user: Any) -> list[Resource]:
    """Return the drafts and submissions `user` may see, oldest first: the
    Secretariat's review queue (a partner sees their own)."""
    return list(
        Resource.objects.visible_to(user)
        .exclude(status=ResourceStatus.PUBLISHED)
        .select_related("submitted_by")
        .order_by("status", "created")
    )
