"""The Hub's one search (alliance87/search), as /search/ shows it."""

from __future__ import annotations

import html
from typing import Any

from django.http import HttpRequest
from django.utils.html import strip_tags
from ninja import Query, Router, Schema

from alliance87.api.callers import caller
from alliance87.api.http import PAGE_CURSOR_PATTERN, encode_cursor, page_of
from alliance87.api.schemas import absolute
from alliance87.core.text import page_language
from alliance87.search.query import Filters, search
from alliance87.search.views import MAX_QUERY

router = Router(tags=["search"])


class SearchResultOut(Schema):
    kind: str  # what it is: event, resource, post, thread... (see facets.kind)
    kind_label: str
    title: str  # plain text, in `title_language`
    title_language: str
    snippet: str  # plain text: the words around the first match
    snippet_language: str
    year: int | None
    url: str  # its page on the Hub


class FacetOut(Schema):
    value: str  # what to pass as the filter of the same name
    label: str
    count: int


class SearchFacets(Schema):
    kind: list[FacetOut]
    country: list[FacetOut]
    theme: list[FacetOut]
    year: list[FacetOut]


class SearchList(Schema):
    items: list[SearchResultOut]
    next_cursor: str | None
    total: int  # matches the caller may see (at most 1,000: see capped)
    capped: bool  # more matches than were counted
    only_stop_words: bool  # the query held only words too common to search
    facets: SearchFacets


def _text(marked: str) -> str:
    """Return the search's marked HTML (<mark> around matches) as text."""
    return html.unescape(strip_tags(marked))


@router.get("/search", response=SearchList, summary="Search the Hub")
def search_hub(
    request: HttpRequest,
    q: str = Query("", max_length=MAX_QUERY, description="The words to look for"),
    type: str = Query(
        "",
        pattern=r"^[a-z_-]{0,40}$",
        description="What to find (a value of facets.kind): event, resource, post...",
    ),
    country: str = Query("", pattern=r"^([A-Za-z]{3})?$", description="ISO 3166 alpha-3 code"),
    theme: str = Query("", pattern=r"^[a-z0-9-]{0,50}$", description="A theme's slug"),
    year: int | None = Query(None, ge=1000, le=9999),
    cursor: str | None = Query(None, pattern=PAGE_CURSOR_PATTERN),
) -> SearchList:
    """The results /search/ shows for the same query and filters, ranked,
    20 a page: what the caller may see, counted after visibility (a hidden
    row changes no result, snippet or count). The cursor is the next page
    of the ranking. A filter value that names nothing selects nothing."""
    page = page_of(cursor)
    filters = Filters(kind=type, country=country.upper(), theme=theme, year=year)
    results = search(
        caller(request), q.strip(), filters=filters, page=page, language=page_language()
    )
    past_the_end = results.page != page
    facets = {
        name: [
            FacetOut(value=f.value, label=f.label, count=f.count)
            for f in results.facets.get(name, [])
        ]
        for name in ("kind", "country", "theme", "year")
    }
    return SearchList(
        items=[] if past_the_end else [_result(request, r) for r in results.rows],
        next_cursor=(
            encode_cursor(page + 1) if not past_the_end and page < results.pages else None
        ),
        total=results.total,
        capped=results.capped,
        only_stop_words=results.only_stop_words,
        facets=SearchFacets(**facets),
    )


def _result(request: HttpRequest, r: Any) -> SearchResultOut:
    return SearchResultOut(
        kind=r.kind,
        kind_label=str(r.kind_label),
        title=_text(r.title),
        title_language=r.title_lang,
        snippet=_text(r.snippet),
        snippet_language=r.snippet_lang,
        year=r.year,
        url=absolute(request, r.url),
    )
