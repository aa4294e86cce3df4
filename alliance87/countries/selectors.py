from __future__ import annotations

from typing import Any

from django.db.models import Count
from django.http import Http404

from alliance87.countries.models import Country, Region
from alliance87.countries.profile import sections_for


def list_countries(*, region: str = "", q: str = "") -> list[Country]:
    qs = Country.objects.only("iso3", "name", "name_en", "name_fr", "name_es", "region", "status")
    if region:
        qs = qs.filter(region=region)
    if q:
        qs = qs.search(q)
    # Sort by the name in the reader's language, as Python collates it
    # (accents ignored), since the database collation differs per engine.
    from alliance87.core.text import fold

    return sorted(qs, key=lambda c: fold(c.name))


def region_counts() -> dict[str, int]:
    return dict(Country.objects.values_list("region").annotate(n=Count("pk")).order_by())


def get_country_profile(user: Any, iso3: str) -> dict[str, Any]:
    """Return a country and what the profile page shows of it."""
    if len(iso3) != 3 or iso3 != iso3.lower():
        raise Http404("No such country.")
    try:
        country = Country.objects.get(iso3=iso3.upper())
    except Country.DoesNotExist:
        raise Http404("No such country.") from None
    return {
        "country": country,
        "region_label": Region(country.region).label,
        "sections": sections_for(user, country),
    }
