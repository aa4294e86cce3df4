"""What the search index holds of a country: its names in the three
languages (and each without spaces, "vietnam"), its codes and region."""

from __future__ import annotations

from typing import Any

from django.utils import translation

from alliance87.core import hooks
from alliance87.core.text import compact, texts_by_language
from alliance87.countries.models import Country
from alliance87.countries.services import LANGUAGE_CODES


def country_facet(country: Country) -> hooks.SearchFacet:
    return hooks.SearchFacet("country", country.iso3, texts_by_language(country, "name"))


def entry(country: Country) -> hooks.SearchEntry:
    names = texts_by_language(country, "name")
    regions = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            regions[code] = str(country.get_region_display())
    spellings = {compact(name) for name in names.values()}
    return hooks.SearchEntry(
        titles=names,
        bodies=regions,
        access=hooks.SearchAccess("public"),
        names=" ".join([*sorted(spellings), country.iso3, country.iso2]),
        facets=(country_facet(country),),
    )


def visible(user: Any) -> Any:
    # Reference data: public to all.
    return Country.objects.all()


PROVIDER = hooks.SearchProvider(
    kind="country",
    label=Country._meta.verbose_name_plural,  # type: ignore[arg-type]
    model=Country,
    rows=lambda: Country.objects.all(),
    entry=entry,
    visible=visible,
    url=lambda country: country.get_absolute_url(),
    order=90,
)
