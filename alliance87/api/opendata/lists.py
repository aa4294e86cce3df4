"""
The lists that download as open data: for each, its columns and its rows,
read through the list page's own selector and filters, so a download holds
exactly the rows the page's filters show to the person asking (all of them,
not one page, up to MAX_ROWS).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from django.http import HttpRequest
from django.utils.html import strip_tags

from alliance87.api.opendata.base import MAX_ROWS, Column, OpenList, absolute, joined
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

ID = Column("id", "string", "The stable id (the slug of its address)")
URL = Column("url", "string", "Its page on the Hub")
COUNTRIES = Column("countries", "string", "The countries it concerns (alpha-3), by '; '")
THEMES = Column("themes", "string", "Its themes, separated by '; '")


def _iso3(country: Any) -> str:
    return country.iso3.lower() if country is not None else ""


def _partners(request: HttpRequest) -> list[dict[str, Any]]:
    get = request.GET
    kind = get.get("stakeholder_type", "")
    filters = DirectoryFilters(
        q=get.get("q", "")[:100],
        stakeholder_type=kind if kind in StakeholderType.values else "",
        country=get.get("country", "")[:3].lower(),
        theme=get.get("theme", "")[:50],
    )
    qs = directory(request.user, filters).order_by("sort_name", "pk")[:MAX_ROWS]
    return [
        {
            "id": o.slug,
            "name": o.name,
            "acronym": o.acronym,
            "stakeholder_type": o.stakeholder_type,
            "is_partner": o.is_partner,
            "country": _iso3(o.country),
            "url": absolute(request, o),
        }
        for o in qs
    ]


def _library(request: HttpRequest) -> list[dict[str, Any]]:
    filters = parse_filters(request.user, request.GET)
    qs = export_resources(request.user, filters).prefetch_related(
        Prefetch("publishers", queryset=Organisation.objects.visible_to(request.user)),
        "countries",
        "themes",
    )[:MAX_ROWS]
    return [
        {
            "id": r.slug,
            "title": r.title,
            "type": r.resource_type,
            "year": r.date_start.year if r.date_start else None,
            "publishers": joined(o.slug for o in r.publishers.all()),
            "countries": joined(_iso3(c) for c in r.countries.all()),
            "themes": joined(t.slug for t in r.themes.all()),
            "url": absolute(request, r),
        }
        for r in qs
    ]


def _decisions(request: HttpRequest) -> list[dict[str, Any]]:
    filters = DecisionFilterForm(request.GET or None).filters()
    qs = events.decisions(request.user, filters)[:MAX_ROWS]
    return [
        {
            "id": d.pk,
            "event": d.event.slug,
            "date": d.event.date_start.isoformat() if d.event.date_start else "",
            "label": d.label,
            "text": d.text,
            "url": absolute(request, d.event) + f"#decision-{d.pk}",
        }
        for d in qs
    ]


def _action_items(request: HttpRequest) -> list[dict[str, Any]]:
    filters = TrackerFilterForm(request.GET or None, user=request.user).filters()
    now = events.base.today()
    items = list(events.action_items(request.user, filters, now)[:MAX_ROWS])
    events.label_action_items(items, events.PartyNames(items), now)
    return [
        {
            "id": a.pk,
            "event": a.event.slug,
            "text": a.text,
            "owner": strip_tags(str(getattr(a, "owner_label", "") or "")),
            "due": a.date_start.isoformat() if a.date_start else "",
            "due_precision": a.date_precision if a.date_start else "",
            "status": a.status,
            "followed": a.followed,
            "overdue": bool(getattr(a, "overdue", False)),
            "no_report_since": bool(getattr(a, "unreported", False)),
            "url": absolute(request, a.event) + "#actions",
        }
        for a in items
    ]


def _events(request: HttpRequest) -> list[dict[str, Any]]:
    filters = EventFilterForm(request.GET or None).filters()
    rows = [
        {
            "id": e.slug,
            "title": e.title,
            "type": e.event_type,
            "date": e.date_start.isoformat() if e.date_start else "",
            "last_day": e.last_day.isoformat() if e.last_day else "",
            "tentative": e.date_tentative,
            "series": e.series.slug if e.series else "",
            "country": _iso3(e.country),
            "url": absolute(request, e),
        }
        for e in events.export_events(request.user, filters)[:MAX_ROWS]
    ]
    # The list shows the pathfinder workshops kept by the pathfinders area
    # beside the events; they have no page of their own but their country's.
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


def _news(request: HttpRequest) -> list[dict[str, Any]]:
    filters = news.parse_filters(request.user, request.GET)
    qs = news.posts(request.user, filters).prefetch_related("countries", "themes")[:MAX_ROWS]
    return [
        {
            "id": p.slug,
            "kind": p.kind,
            "title": p.title,
            "published": p.publish_at.isoformat() if p.publish_at else "",
            "organisation": p.organisation.slug if p.organisation else "",
            "countries": joined(_iso3(c) for c in p.countries.all()),
            "themes": joined(t.slug for t in p.themes.all()),
            "url": absolute(request, p),
        }
        for p in qs
    ]


def _groups(request: HttpRequest) -> list[dict[str, Any]]:
    return [
        {
            "id": g.slug,
            "name": g.name,
            "kind": g.kind,
            "parent": g.visible_parent.slug if g.visible_parent else "",  # type: ignore[attr-defined]
            "members": g.member_count,  # type: ignore[attr-defined]
            "url": absolute(request, g),
        }
        for section in list_groups(request.user)
        for g in section.groups
    ]


def _statements(request: HttpRequest) -> list[dict[str, Any]]:
    return [
        {
            "id": s.slug,
            "title": s.title,
            "date": s.date_start.isoformat() if s.date_start else "",
            "open_for_endorsement": s.open_for_endorsement,
            "url": absolute(request, s),
        }
        for s in list_statements(request.user)
    ]


def _pathfinders(request: HttpRequest) -> list[dict[str, Any]]:
    return [
        {
            "id": _iso3(p.country),
            "country": p.country.name,
            "stage": p.stage,
            "url": absolute(request, p),
        }
        for p in list_pathfinders(request.user)
    ]


LISTS = {
    o.name: o
    for o in (
        OpenList(
            "partners",
            "The partner directory",
            (
                Column("id", "string", "The organisation's stable id (its slug)"),
                Column("name", "string", "Its name, in the language of the address"),
                Column("acronym", "string", "Its acronym"),
                Column("stakeholder_type", "string", "Its kind of stakeholder"),
                Column("is_partner", "boolean", "Whether it is a partner of Alliance 8.7"),
                Column("country", "string", "Its country, ISO 3166 alpha-3, lower case"),
                URL,
            ),
            _partners,
        ),
        OpenList(
            "library",
            "The knowledge library",
            (
                Column("id", "string", "The resource's stable id (its slug)"),
                Column("title", "string", "Its title, in the language of the address"),
                Column("type", "string", "Its type (report, guidance note, toolkit...)"),
                Column("year", "integer", "The year it was published, when known"),
                Column("publishers", "string", "Its publishers' ids, separated by '; '"),
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
                Column("id", "integer", "The decision's stable id"),
                Column("event", "string", "The id (slug) of the meeting that took it"),
                Column("date", "string", "The meeting's first day as reported (ISO 8601)"),
                Column("label", "string", "Its number in the meeting, or the source's reference"),
                Column("text", "string", "The decision, in the language of the address"),
                Column("url", "string", "The decision on its meeting's page"),
            ),
            _decisions,
        ),
        OpenList(
            "action-items",
            "The action-item tracker",
            (
                Column("id", "integer", "The action item's stable id"),
                Column("event", "string", "The id (slug) of the meeting that recorded it"),
                Column("text", "string", "The action, in the language of the address"),
                Column("owner", "string", "Who owns it, as the tracker names them"),
                Column("due", "string", "Its due date as reported (ISO 8601), if any"),
                Column("due_precision", "string", "day, range or month"),
                Column("status", "string", "open, done or dropped"),
                Column("followed", "boolean", "Whether someone is still following it"),
                Column("overdue", "boolean", "Past due, open and followed"),
                Column("no_report_since", "boolean", "Past due, open, and no one follows it"),
                Column("url", "string", "The action items of its meeting's page"),
            ),
            _action_items,
        ),
        OpenList(
            "events",
            "Events and meetings",
            (
                Column("id", "string", "The event's stable id (its slug)"),
                Column("title", "string", "Its title, in the language of the address"),
                Column("type", "string", "Its type (meeting, conference, workshop...)"),
                Column("date", "string", "Its first day as reported (ISO 8601), if known"),
                Column("last_day", "string", "Its last day (ISO 8601), if known"),
                Column("tentative", "boolean", "Whether the date was still tentative"),
                Column("series", "string", "The id of the body whose meeting it is"),
                Column("country", "string", "Where it is held (alpha-3), if in one country"),
                URL,
            ),
            _events,
        ),
        OpenList(
            "news",
            "News, stories and interviews",
            (
                Column("id", "string", "The post's stable id (its slug)"),
                Column("kind", "string", "news, story or interview"),
                Column("title", "string", "Its title, in the language of the address"),
                Column("published", "string", "When it was published (ISO 8601)"),
                Column("organisation", "string", "The id of the organisation that wrote it"),
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
                Column("id", "string", "The group's stable id (its slug)"),
                Column("name", "string", "Its name, in the language of the address"),
                Column("kind", "string", "Its kind (action group, coordinating group...)"),
                Column(
                    "parent",
                    "string",
                    "The id of the group it belongs to, if any and if the reader may see it",
                ),
                Column("members", "integer", "Its current member organisations"),
                URL,
            ),
            _groups,
        ),
        OpenList(
            "statements",
            "Statements and calls to action",
            (
                Column("id", "string", "The statement's stable id (its slug)"),
                Column("title", "string", "Its title, in the language of the address"),
                Column("date", "string", "When it was issued (ISO 8601), if known"),
                Column("open_for_endorsement", "boolean", "Whether it may still be endorsed"),
                URL,
            ),
            _statements,
        ),
        OpenList(
            "pathfinders",
            "Pathfinder countries",
            (
                Column("id", "string", "The country's ISO 3166 alpha-3 code, lower case"),
                Column("country", "string", "Its name, in the language of the address"),
                Column("stage", "string", "Its stage on the pathfinder path"),
                URL,
            ),
            _pathfinders,
        ),
    )
}
