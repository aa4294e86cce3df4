from __future__ import annotations

import re
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_safe

from alliance87.core import hooks
from alliance87.core.pagecache import public_page
from alliance87.core.text import page_language, parse_id
from alliance87.search.query import Filters, search

# What a person may type is cut here: longer text is no better query.
MAX_QUERY = 500
_COUNTRY = re.compile(r"[A-Z]{3}")
_THEME = re.compile(r"[a-z0-9-]{1,50}")


def parse_filters(request: HttpRequest) -> Filters:
    """Return the filters of the address; a value that cannot be one is
    ignored, never an error."""
    get = request.GET
    kind = get.get("type", "")
    country = get.get("country", "").upper()
    theme = get.get("theme", "")
    year = parse_id(get.get("year", ""))
    return Filters(
        kind=kind if hooks.SEARCH_PROVIDERS.get(kind) else "",
        country=country if _COUNTRY.fullmatch(country) else "",
        theme=theme if _THEME.fullmatch(theme) else "",
        year=year if year and 1000 <= year <= 9999 else None,
    )


def empty_query_page() -> str | None:
    """The library's front page, when the library is installed."""
    try:
        return reverse("library:index")
    except NoReverseMatch:
        return None


@require_safe
@public_page
def search_page(request: HttpRequest) -> HttpResponse:
    text = request.GET.get("q", "")[:MAX_QUERY].strip()
    filters = parse_filters(request)
    if not text and not filters.any:
        landing = empty_query_page()
        if landing is not None:
            return redirect(landing)
    page = parse_id(request.GET.get("page", "1")) or 1
    results = search(request.user, text, filters=filters, page=page, language=page_language())

    def link(**changes: object) -> str:
        params: dict[str, object] = {"q": text, "type": filters.kind}
        params["country"] = filters.country
        params.update({"theme": filters.theme, "year": filters.year or ""})
        params.update(changes)
        return "?" + urlencode({k: v for k, v in params.items() if v})

    facet_groups = []
    for name, selected in (
        ("kind", filters.kind),
        ("country", filters.country),
        ("theme", filters.theme),
        ("year", str(filters.year or "")),
    ):
        param = "type" if name == "kind" else name
        facet_groups.append(
            {
                "name": name,
                "selected": selected,
                "clear": link(**{param: "", "page": ""}),
                "values": [
                    {
                        "label": f.label,
                        "count": f.count,
                        "url": link(**{param: f.value, "page": ""}),
                        "current": f.value == selected,
                    }
                    for f in results.facets.get(name, [])
                ],
            }
        )
    return render(
        request,
        "search/results.html",
        {
            "q": text,
            "filters": filters,
            "results": results,
            "facet_groups": facet_groups,
            "kinds": [(p.kind, p.label) for p in hooks.SEARCH_PROVIDERS.items()],
            "previous_url": link(page=results.page - 1) if results.page > 1 else "",
            "next_url": link(page=results.page + 1) if results.page < results.pages else "",
            "section": "search",
        },
    )
