"""The open lists of who and what the partnership is: the partner
directory, its groups, statements and pathfinder countries."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.http import HttpRequest

from alliance87.api.opendata.base import (
    MAX_ROWS,
    NAME,
    TITLE,
    URL,
    Column,
    OpenList,
    attr,
    iso3,
    iso_date,
    slug_id,
    text,
)
from alliance87.groups.selectors import list_groups
from alliance87.partners.models import StakeholderType
from alliance87.partners.selectors import DirectoryFilters, directory
from alliance87.pathfinders.selectors import list_pathfinders
from alliance87.statements.selectors import list_statements


def _partners(request: HttpRequest) -> Iterable[Any]:
    get = request.GET
    kind = get.get("stakeholder_type", "")
    filters = DirectoryFilters(
        q=get.get("q", "")[:100],
        stakeholder_type=kind if kind in StakeholderType.values else "",
        country=get.get("country", "")[:3].lower(),
        theme=get.get("theme", "")[:50],
    )
    return directory(request.user, filters).order_by("sort_name", "pk")[:MAX_ROWS]


def _groups(request: HttpRequest) -> Iterable[Any]:
    return (g for section in list_groups(request.user) for g in section.groups)


PARTNERS = OpenList(
    "partners",
    "The partner directory",
    (
        slug_id("organisation"),
        NAME,
        text("acronym", "Its acronym"),
        text("stakeholder_type", "Its kind of stakeholder"),
        Column(
            "is_partner",
            "boolean",
            "Whether it is a partner of Alliance 8.7",
            attr("is_partner"),
        ),
        Column(
            "country",
            "string",
            "Its country, ISO 3166 alpha-3, lower case",
            lambda request, o: iso3(o.country),
        ),
        URL,
    ),
    _partners,
)


GROUPS = OpenList(
    "groups",
    "Groups of the partnership",
    (
        slug_id("group"),
        NAME,
        text("kind", "Its kind (action group, coordinating group...)"),
        Column(
            "parent",
            "string",
            "The id of the group it belongs to, if any and if the reader may see it",
            attr("visible_parent.slug"),
        ),
        Column(
            "members",
            "integer",
            "Its current member organisations",
            attr("member_count"),
        ),
        URL,
    ),
    _groups,
)


STATEMENTS = OpenList(
    "statements",
    "Statements and calls to action",
    (
        slug_id("statement"),
        TITLE,
        Column(
            "date",
            "string",
            "When it was issued (ISO 8601), if known",
            iso_date("date_start"),
        ),
        Column(
            "open_for_endorsement",
            "boolean",
            "Whether it may still be endorsed",
            attr("open_for_endorsement"),
        ),
        URL,
    ),
    lambda request: list_statements(request.user),
)


PATHFINDERS = OpenList(
    "pathfinders",
    "Pathfinder countries",
    (
        Column(
            "id",
            "string",
            "The country's ISO 3166 alpha-3 code, lower case",
            lambda request, p: iso3(p.country),
        ),
        Column(
            "country",
            "string",
            "Its name, in the language of the address",
            attr("country.name"),
        ),
        text("stage", "Its stage on the pathfinder path"),
        URL,
    ),
    lambda request: list_pathfinders(request.user),
)
