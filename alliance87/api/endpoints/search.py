"""The Hub's one search (alliance87/search), as /search/ shows it; each
result named by its kind and its stable id, with the API address that
reads it."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
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
    # Its stable id among its kind, as its API read gives it: a slug, a
    # lower-case ISO 3166 alpha-3 code (countries, pathfinders) or a number.
    id: str
    # The API address that reads it: its own, or for a part of another
    # object (an event's agenda items, questions and answers, decisions and
    # action items; a pathfinder's roadmaps and actions; a group's workplan
    # activities) the other object's, where it is listed under the same
    # id; null where the API has none (glossary terms).
    api_url: str | None
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


def _at(name: str, **kwargs: Any) -> str:
    return reverse(f"api:{name}", kwargs=kwargs)


def _in_event(part: Any) -> tuple[str, str | None]:
    return str(part.pk), _at("get_event", slug=part.event.slug)


def _in_pathfinder(row: Any, pathfinder: Any) -> tuple[str, str | None]:
    return str(row.pk), _at("get_pathfinder", iso3=pathfinder.country.iso3.lower())


# Each kind of search result (hooks.SEARCH_PROVIDERS), to its stable id and
# the API address that reads it (test_search_reads checks every kind).
LOCATIONS: dict[str, Callable[[Any], tuple[str, str | None]]] = {
    "country": lambda c: (c.iso3.lower(), _at("get_country", iso3=c.iso3.lower())),
    "organisation": lambda o: (o.slug, _at("get_organisation", slug=o.slug)),
    "event": lambda e: (e.slug, _at("get_event", slug=e.slug)),
    "agendaitem": _in_event,
    "exchange": _in_event,
    "decision": _in_event,
    "actionitem": _in_event,
    "pathfinder": lambda p: (
        p.country.iso3.lower(),
        _at("get_pathfinder", iso3=p.country.iso3.lower()),
    ),
    "roadmap": lambda r: _in_pathfinder(r, r.pathfinder),
    "action": lambda a: _in_pathfinder(a, a.priority.roadmap.pathfinder),
    "group": lambda g: (g.slug, _at("get_group", slug=g.slug)),
    "activity": lambda a: (str(a.pk), _at("get_group", slug=a.group.slug)),
    "statement": lambda s: (s.slug, _at("get_statement", slug=s.slug)),
    "resource": lambda r: (r.slug, _at("get_resource", slug=r.slug)),
    "term": lambda t: (t.slug, None),
    "post": lambda p: (p.slug, _at("get_news_post", slug=p.slug)),
    "campaign": lambda c: (c.slug, _at("get_campaign", slug=c.slug)),
    "thread": lambda t: (
        str(t.pk),
        _at("get_community_thread", slug=t.space.slug, thread_id=t.pk),
    ),
}


def _located(r: Any) -> tuple[str, str | None]:
    locate = LOCATIONS.get(r.kind)
    if locate is None or r.obj is None:
        return str(r.object_id), None
    return locate(r.obj)


def _result(request: HttpRequest, r: Any) -> SearchResultOut:
    stable_id, api_path = _located(r)
    return SearchResultOut(
        kind=r.kind,
        id=stable_id,
        api_url=absolute(request, api_path) if api_path else None,
        kind_label=str(r.kind_label),
        title=_text(r.title),
        title_language=r.title_lang,
        snippet=_text(r.snippet),
        snippet_language=r.snippet_lang,
        year=r.year,
        url=absolute(request, r.url),
    )
