"""The open lists of what the Hub publishes: the library and the news."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Prefetch
from django.http import HttpRequest

from alliance87.api.opendata.base import (
    COUNTRIES,
    MAX_ROWS,
    THEMES,
    TITLE,
    URL,
    Column,
    OpenList,
    attr,
    iso_date,
    joined,
    slug_id,
    text,
)
from alliance87.comms import selectors as news
from alliance87.library.selectors import parse_filters
from alliance87.library.selectors.lists import export_resources
from alliance87.partners.models import Organisation


def _library(request: HttpRequest) -> Iterable[Any]:
    filters = parse_filters(request.user, request.GET)
    return export_resources(request.user, filters).prefetch_related(
        Prefetch("publishers", queryset=Organisation.objects.visible_to(request.user)),
        "countries",
        "themes",
    )[:MAX_ROWS]


def _news(request: HttpRequest) -> Iterable[Any]:
    filters = news.parse_filters(request.user, request.GET)
    return news.posts(request.user, filters).prefetch_related("countries", "themes")[:MAX_ROWS]


LIBRARY = OpenList(
    "library",
    "The knowledge library",
    (
        slug_id("resource"),
        TITLE,
        Column(
            "type",
            "string",
            "Its type (report, guidance note, toolkit...)",
            attr("resource_type"),
        ),
        Column(
            "year",
            "integer",
            "The year it was published, when known",
            lambda request, r: r.date_start.year if r.date_start else None,
        ),
        Column(
            "publishers",
            "string",
            "Its publishers' ids, separated by '; '",
            lambda request, r: joined(o.slug for o in r.publishers.all()),
        ),
        COUNTRIES,
        THEMES,
        URL,
    ),
    _library,
)


NEWS = OpenList(
    "news",
    "News, stories and interviews",
    (
        slug_id("post"),
        text("kind", "news, story or interview"),
        TITLE,
        Column(
            "published",
            "string",
            "When it was published (ISO 8601)",
            iso_date("publish_at"),
        ),
        Column(
            "organisation",
            "string",
            "The id of the organisation that wrote it",
            attr("organisation.slug"),
        ),
        COUNTRIES,
        THEMES,
        URL,
    ),
    _news,
)
