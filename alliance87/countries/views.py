from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from alliance87.core.pagecache import public_page
from alliance87.countries import selectors
from alliance87.countries.forms import CountryFilterForm
from alliance87.countries.models import Region


@public_page
def country_list(request: HttpRequest) -> HttpResponse:
    form = CountryFilterForm(request.GET or None)
    region = q = ""
    if form.is_valid():
        region = form.cleaned_data["region"]
        q = form.cleaned_data["q"]
    countries = selectors.list_countries(region=region, q=q)
    by_region = [
        {"key": key, "label": label, "countries": [c for c in countries if c.region == key]}
        for key, label in Region.choices
    ]
    return render(
        request,
        "countries/list.html",
        {
            "form": form,
            "by_region": [r for r in by_region if r["countries"]],
            "count": len(countries),
            "filtered": bool(region or q),
        },
    )


@public_page
def country_detail(request: HttpRequest, iso3: str) -> HttpResponse:
    profile = selectors.get_country_profile(request.user, iso3)
    return render(request, "countries/detail.html", profile)
