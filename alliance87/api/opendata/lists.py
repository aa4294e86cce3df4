"""
The lists that download as open data: for each, its columns with their
values and its objects, read through the list page's own selector and
filters, so a download holds exactly the rows the page's filters show to
the person asking (all of them, not one page, up to MAX_ROWS).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Prefetch
from django.http import HttpRequest
from django.utils.html import strip_tags

from alliance87.api.opendata import tables
from alliance87.api.opendata.base import (
    MAX_ROWS,
    Column,
    OpenList,
    absolute,
    attr,
    iso_date,
    joined,
)
from alliance87.comms import selectors as news
from alliance87.events import selectors as events
from alliance87.events.filter_forms import DecisionFilterForm, EventFilterForm, TrackerFilterForm
from alliance87.groups.selectors import list_groups
from alliance87.library.selectors import parse_filters
from alliance87.library.selectors.lists import export_resources
from alliance87.partners.models import Organisation, StakeholderType
from alliance87.partners.selectors import DirectoryFilters, directory
from alliance87.pathfinders.selectors import list_pathfinders
from alliance87.statements.selectors import list_statements


def _iso3(country: Any) -> str:
    return country.iso3.lower() if country is not None else ""


def slug_id(noun: str) -> Column:
    return Column("id", "string", f"The {noun}'s stable id (its slug)", attr("slug"))


def text(name: str, description: str) -> Column:
    return Column(name, "string", description, attr(name))


URL = Column("url", "string", "Its page on the Hub", absolute)
TITLE = text("title", "Its title, in the language of the address")
NAME = text("name", "Its name, in the language of the address")
COUNTRIES = Column(
    "countries",
    "string",
    "The countries it concerns (alpha-3), by '; '",
    lambda request, obj: joined(_iso3(c) for c in obj.countries.all()),
)
THEMES = Column(
    "themes",
    "string",
    "Its themes, separated by '; '",
    lambda request, obj: joined(t.slug for t in obj.themes.all()),
)


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


def _library(request: HttpRequest) -> Iterable[Any]:
    filters = parse_filters(request.user, request.GET)
    return export_resources(request.user, filters).prefetch_related(
        Prefetch("publishers", queryset=Organisation.objects.visible_to(request.user)),
        "countries",
        "themes",
    )[:MAX_ROWS]


def _decisions(request: HttpRequest) -> Iterable[Any]:
    filters = DecisionFilterForm(request.GET or None).filters()
    return events.decisions(request.user, filters)[:MAX_ROWS]


def _action_items(request: HttpRequest) -> Iterable[Any]:
    filters = TrackerFilterForm(request.GET or None, user=request.user).filters()
    now = events.base.today()
    items = list(events.action_items(request.user, filters, now)[:MAX_ROWS])
    events.label_action_items(items, events.PartyNames(items), now)
    return items


def _events(request: HttpRequest) -> Iterable[Any]:
    filters = EventFilterForm(request.GET or None).filters()
    return events.export_events(request.user, filters)[:MAX_ROWS]


def _workshops(request: HttpRequest) -> list[dict[str, Any]]:
    """The pathfinder workshops kept by the pathfinders area, which the
    events list shows beside the events; they have no page of their own but
    their country's."""
    filters = EventFilterForm(request.GET or None).filters()
    rows = []
    for w in events.pathfinder_workshops(request.user, filters):
        start = w.reported_date.start if w.reported_date else None
        rows.append(
            {
                "id": w.key,
                "title": w.title,
                "type": "pathfinder_workshop",
                "date": start.isoformat() if start else "",
                "last_day": "",
                "tentative": bool(w.reported_date and w.reported_date.tentative),
                "series": "",
                "country": "",
                "url": request.build_absolute_uri(w.url) if w.url else "",
            }
        )
    return rows


def _news(request: HttpRequest) -> Iterable[Any]:
    filters = news.parse_filters(request.user, request.GET)
    return news.posts(request.user, filters).prefetch_related("countries", "themes")[:MAX_ROWS]


def _groups(request: HttpRequest) -> Iterable[Any]:
    return (g for section in list_groups(request.user) for g in section.groups)


LISTS = {
    o.name: o
    for o in (
        OpenList(
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
                    lambda request, o: _iso3(o.country),
                ),
                URL,
            ),
            _partners,
        ),
        OpenList(
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
        ),
        OpenList(
            "decisions",
            "The decisions register",
            (
                Column("id", "integer", "The decision's stable id", attr("pk")),
                Column(
                    "event",
                    "string",
                    "The id (slug) of the meeting that took it",
                    attr("event.slug"),
                ),
                Column(
                    "date",
                    "string",
                    "The meeting's first day as reported (ISO 8601)",
                    iso_date("event.date_start"),
                ),
                text("label", "Its number in the meeting, or the source's reference"),
                text("text", "The decision, in the language of the address"),
                Column(
                    "url",
                    "string",
                    "The decision on its meeting's page",
                    lambda request, d: absolute(request, d.event) + f"#decision-{d.pk}",
                ),
            ),
            _decisions,
        ),
        OpenList(
            "action-items",
            "The action-item tracker",
            (
                Column("id", "integer", "The action item's stable id", attr("pk")),
                Column(
                    "event",
                    "string",
                    "The id (slug) of the meeting that recorded it",
                    attr("event.slug"),
                ),
                text("text", "The action, in the language of the address"),
                Column(
                    "owner",
                    "string",
                    "Who owns it, as the tracker names them",
                    lambda request, a: strip_tags(str(getattr(a, "owner_label", "") or "")),
                ),
                Column(
                    "due",
                    "string",
                    "Its due date as reported (ISO 8601), if any",
                    iso_date("date_start"),
                ),
                Column(
                    "due_precision",
                    "string",
                    "day, range or month",
                    lambda request, a: a.date_precision if a.date_start else "",
                ),
                text("status", "open, done or dropped"),
                Column(
                    "followed",
                    "boolean",
                    "Whether someone is still following it",
                    attr("followed"),
                ),
                Column(
                    "overdue",
                    "boolean",
                    "Past due, open and followed",
                    lambda request, a: bool(getattr(a, "overdue", False)),
                ),
                Column(
                    "no_report_since",
                    "boolean",
                    "Past due, open, and no one follows it",
                    lambda request, a: bool(getattr(a, "unreported", False)),
                ),
                Column(
                    "url",
                    "string",
                    "The action items of its meeting's page",
                    lambda request, a: absolute(request, a.event) + "#actions",
                ),
            ),
            _action_items,
        ),
        OpenList(
            "events",
            "Events and meetings",
            (
                slug_id("event"),
                TITLE,
                Column(
                    "type",
                    "string",
                    "Its type (meeting, conference, workshop...)",
                    attr("event_type"),
                ),
                Column(
                    "date",
                    "string",
                    "Its first day as reported (ISO 8601), if known",
                    iso_date("date_start"),
                ),
                Column(
                    "last_day", "string", "Its last day (ISO 8601), if known", iso_date("last_day")
                ),
                Column(
                    "tentative",
                    "boolean",
                    "Whether the date was still tentative",
                    attr("date_tentative"),
                ),
                Column(
                    "series",
                    "string",
                    "The id of the body whose meeting it is",
                    attr("series.slug"),
                ),
                Column(
                    "country",
                    "string",
                    "Where it is held (alpha-3), if in one country",
                    lambda request, e: _iso3(e.country),
                ),
                URL,
            ),
            _events,
            more=_workshops,
        ),
        OpenList(
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
        ),
        OpenList(
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
        ),
        OpenList(
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
        ),
        OpenList(
            "pathfinders",
            "Pathfinder countries",
            (
                Column(
                    "id",
                    "string",
                    "The country's ISO 3166 alpha-3 code, lower case",
                    lambda request, p: _iso3(p.country),
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
        ),
        tables.ENGAGEMENT,
        tables.ROADMAP_ACTIONS,
    )
}
