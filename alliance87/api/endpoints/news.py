"""News, stories and interviews (alliance87/comms)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Query, Router, Schema

from alliance87.api.callers import caller
from alliance87.api.http import CURSOR_PATTERN, DEFAULT_LIMIT, MAX_LIMIT, cursor_page
from alliance87.api.schemas import absolute
from alliance87.comms.models import Post, PostKind
from alliance87.comms.selectors import get_post_for_user, parse_filters, post_page, posts

router = Router(tags=["news"])

PostKindName = Literal[tuple(PostKind.values)]  # type: ignore[valid-type]


class NewsPostOut(Schema):
    id: str  # slug
    kind: str
    title: str  # in `language`
    summary: str
    language: str  # the one asked for (Accept-Language) if written in it
    languages: list[str]  # those it is written in
    published: dt.datetime | None
    organisation: str | None  # the author's slug, when the caller may see it
    countries: list[str]  # ISO 3166 alpha-3, lower case
    themes: list[str]
    url: str


class NewsPostList(Schema):
    items: list[NewsPostOut]
    next_cursor: str | None


class NewsSourceOut(Schema):
    """Where a fact of the post comes from (core.provenance)."""

    field: str  # the field it supports, "" for the whole post
    basis: str  # reported, inferred, illustrative
    title: str
    url: str
    locator: str  # page, paragraph
    note: str
    value: str  # the value the source states, when it states one
    passage: str  # the source's words, quoted
    as_of: dt.date | None
    withheld: bool  # a Hub document the caller may not see: no title nor address


class NewsPostDetail(NewsPostOut):
    body: str  # HTML, as the post's page shows it
    image_alt: str
    image_credit: str
    groups: list[str]  # slugs of the groups it is about, that the caller may see
    events: list[str]  # slugs of the events it is about, that the caller may see
    sources: list[NewsSourceOut]


def post_out(request: HttpRequest, p: Post, organisation: Any) -> dict[str, Any]:
    return {
        "id": p.slug,
        "kind": p.kind,
        "title": p.shown("title"),
        "summary": p.shown("summary"),
        "language": p.shown_language,
        "languages": p.languages,
        "published": p.publish_at,
        "organisation": organisation.slug if organisation else None,
        "countries": [c.iso3.lower() for c in p.countries.all()],
        "themes": [t.slug for t in p.themes.all()],
        "url": absolute(request, p.get_absolute_url()),
    }


@router.get("/news", response=NewsPostList, summary="List news, stories and interviews")
def list_news(
    request: HttpRequest,
    kind: PostKindName | None = None,  # type: ignore[valid-type]
    theme: str = Query("", max_length=50, description="A theme's slug"),
    country: str = Query("", max_length=3, description="ISO 3166 alpha-3 code"),
    organisation: str = Query("", max_length=100, description="The author's slug"),
    language: Literal["en", "fr", "es"] | None = None,
    year: int | None = Query(None, ge=1900, le=2200),
    cursor: str | None = Query(None, pattern=CURSOR_PATTERN),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
) -> NewsPostList:
    """The posts /news/ lists, filtered as there (a filter value that names
    nothing known selects nothing)."""
    user = caller(request)
    raw = {
        "kind": kind or "",
        "theme": theme,
        "country": country,
        "organisation": organisation,
        "language": language or "",
        "year": str(year) if year else "",
    }
    filters = parse_filters(user, raw)
    qs = posts(user, filters).prefetch_related("countries", "themes")
    if filters.problems:
        # The page ignores a value that names nothing (and says so); here
        # it selects nothing, as on every other list.
        qs = qs.none()
    rows, after = cursor_page(qs, cursor, limit)
    return NewsPostList(
        items=[NewsPostOut(**post_out(request, p, p.organisation)) for p in rows],
        next_cursor=after,
    )


@router.get("/news/{slug}", response=NewsPostDetail, summary="One post")
def get_news_post(request: HttpRequest, slug: str) -> NewsPostDetail:
    user = caller(request)
    page = post_page(user, get_post_for_user(user, slug))
    p: Post = page["post"]
    sources = [
        NewsSourceOut(
            field=field,
            basis=s.basis,
            title=s.title,
            url=s.href,
            locator=s.locator,
            note=s.note,
            value=s.value,
            passage=s.passage,
            as_of=s.as_of,
            withheld=s.withheld,
        )
        for field, group in p.sources.items()  # type: ignore[attr-defined]
        for s in group.items
    ]
    return NewsPostDetail(
        **post_out(request, p, page["organisation"]),
        body=str(page["body"]),
        image_alt=page["image_alt"],
        image_credit=p.image_credit,
        groups=[g.slug for g in page["groups"]],
        events=[e.slug for e in page["events"]],
        sources=sources,
    )
