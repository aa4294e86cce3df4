"""
The library's filters, read from the query string: every value checked
against what exists (and, for organisations, what the user may see); a
value that cannot be understood is dropped with a message, never a 500.
Organisations, too many to list, are typed (core.forms.read_narrowing):
`organisation` names one by its slug, `organisation_q` is part of a name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext as _

from alliance87.core.forms import Narrowing, QueryFilters, read_narrowing
from alliance87.core.models import Theme
from alliance87.countries.models import Country, Region
from alliance87.library.models import Resource, ResourceQuerySet, ResourceType
from alliance87.partners.models import Organisation

SORTS = ("newest", "oldest", "title")
DIMENSIONS = (
    "type",
    "theme",
    "country",
    "region",
    "organisation",
    "organisation_q",
    "language",
    "year",
)
MAX_VALUE = 100  # characters of one value kept from the query string


@dataclass(frozen=True)
class LibraryFilters:
    type: str = ""
    theme: str = ""  # slug
    country: str = ""  # iso3, lower case
    region: str = ""
    organisation: str = ""  # slug: that organisation alone
    organisation_q: str = ""  # part of a name: every organisation it matches
    language: str = ""
    year: int | None = None
    sort: str = "newest"
    problems: tuple[str, ...] = field(default=(), compare=False)
    # The organisations `organisation_q` matches, of those the user may see
    # (a subquery), and what the page shows beside the form.
    organisations: Any = field(default=None, compare=False)
    narrowing: Narrowing | None = field(default=None, compare=False)

    def without(self, dimension: str) -> LibraryFilters:
        cleared: dict[str, Any] = {dimension: None if dimension == "year" else ""}
        if dimension == "organisation":
            cleared.update(organisation_q="", organisations=None)
        return replace(self, **cleared)

    def as_query(self) -> dict[str, str]:
        pairs = {d: str(getattr(self, d) or "") for d in DIMENSIONS}
        if self.sort != "newest":
            pairs["sort"] = self.sort
        return {k: v for k, v in pairs.items() if v}

    @property
    def active(self) -> bool:
        return any(getattr(self, d) for d in DIMENSIONS)


def parse_filters(user: Any, data: Mapping[str, Any]) -> LibraryFilters:
    """Return the filters the query string `data` asks for."""
    filters = QueryFilters(
        data, (*DIMENSIONS, "sort"), max_length=MAX_VALUE, label_of=lambda name: LABELS[name]()
    )
    raw, values, problems, keep = filters.raw, filters.values, filters.problems, filters.keep

    keep("type", raw["type"] in ResourceType.values, raw["type"])
    keep("region", raw["region"] in Region.values, raw["region"])
    keep("language", raw["language"] in dict(settings.LANGUAGES), raw["language"])
    if raw["theme"]:
        keep("theme", Theme.objects.filter(slug=raw["theme"]).exists(), raw["theme"])
    if raw["country"]:
        iso3 = raw["country"].lower()
        keep(
            "country", len(iso3) == 3 and Country.objects.filter(iso3=iso3.upper()).exists(), iso3
        )
    for name in ("organisation", "organisation_q"):  # PostgreSQL refuses NUL
        raw[name] = raw[name].replace("\x00", "")
    if raw["organisation"] or raw["organisation_q"]:
        visible = Organisation.objects.visible_to(user)

        def name_of(slug: str) -> str | None:
            found = visible.filter(slug=slug).first()
            return str(found) if found else None

        narrowing = read_narrowing(
            Narrowing("organisation", "organisation_q", everyone=_("All organisations")),
            data,
            value=raw["organisation"],
            text=raw["organisation_q"],
            name_of=name_of,
        )
        if narrowing.value:
            keep("organisation", bool(narrowing.chosen), narrowing.value)
            narrowing.value = values.get("organisation", "")
        elif narrowing.text:
            values["organisation_q"] = narrowing.text
            values["organisations"] = visible.search(narrowing.text)
        values["narrowing"] = narrowing
    year = raw["year"]
    year_ok = year.isascii() and year.isdigit() and len(year) == 4 and 1800 <= int(year) <= 2200
    keep("year", year_ok, int(year) if year_ok else None)
    if raw["sort"] in SORTS:
        values["sort"] = raw["sort"]
    elif raw["sort"]:
        problems.append(_("The order “%(value)s” was not understood.") % {"value": raw["sort"]})
    return LibraryFilters(**values, problems=tuple(problems))


LABELS = {
    "type": lambda: _("type"),
    "theme": lambda: _("theme"),
    "country": lambda: _("country"),
    "region": lambda: _("region"),
    "organisation": lambda: _("organisation"),
    "organisation_q": lambda: _("organisation"),
    "language": lambda: _("language"),
    "year": lambda: _("year"),
}


def filter_resources(qs: ResourceQuerySet, filters: LibraryFilters) -> ResourceQuerySet:
    """Narrow `qs` to `filters`; relations through a subquery, so that a
    resource is listed once."""
    if filters.type:
        qs = qs.filter(resource_type=filters.type)
    if filters.year:
        qs = qs.filter(date_start__year=filters.year)
    if filters.theme:
        qs = qs.filter(pk__in=Resource.objects.filter(themes__slug=filters.theme).values("pk"))
    if filters.country:
        iso3 = filters.country.upper()
        qs = qs.filter(pk__in=Resource.objects.filter(countries__iso3=iso3).values("pk"))
    if filters.region:
        r = filters.region
        qs = qs.filter(
            pk__in=Resource.objects.filter(Q(regions__region=r) | Q(countries__region=r)).values(
                "pk"
            )
        )
    if filters.organisation:
        slug = filters.organisation
        qs = qs.filter(
            pk__in=Resource.objects.filter(
                Q(publishers__slug=slug) | Q(contributors__slug=slug)
            ).values("pk")
        )
    elif filters.organisation_q:
        # Only organisations the user may see; without them (a caller that
        # did not read the filters through parse_filters), none.
        orgs = filters.organisations
        if orgs is None:
            return qs.none()
        qs = qs.filter(
            pk__in=Resource.objects.filter(
                Q(publishers__in=orgs) | Q(contributors__in=orgs)
            ).values("pk")
        )
    if filters.language:
        lang = filters.language
        qs = qs.filter(
            pk__in=Resource.objects.filter(Q(files__language=lang) | Q(url_language=lang)).values(
                "pk"
            )
        )
    return qs
