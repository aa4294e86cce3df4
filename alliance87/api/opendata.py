"""
Open data: lists of the Hub as CSV, XLSX or JSON, exactly the rows their
filters show to the person asking (each list's own selector, through
`visible_to(user)`), at /<lang>/<list>.<csv|xlsx|json> with the page's
query string:

- `partners`: the partner directory (q, stakeholder_type, country, theme);
- `library`: the library (q, type, theme, country, region, organisation,
  language, year, sort), with the publishers the person may see;
- `decisions`: the decisions register (series, year, q).

`/<lang>/datapackage.json` describes the public exports as a Frictionless
Data Package (https://specs.frictionlessdata.io/data-package/): each
list's address and its columns with their types.

Every text cell of CSV and XLSX goes through `safe_cell`: a value that
begins with = + - @ (or a tab or carriage return) gets an apostrophe
first, so a spreadsheet shows it and never runs it as a formula.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control

from alliance87.events.filter_forms import DecisionFilterForm
from alliance87.events.selectors import decisions
from alliance87.library.selectors import parse_filters
from alliance87.library.selectors.lists import export_resources
from alliance87.partners.models import Organisation, StakeholderType
from alliance87.partners.selectors import DirectoryFilters, directory
from alliance87.pathfinders.csvio import safe_cell, write_csv

MAX_ROWS = 10_000
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a Frictionless field type: string, integer, boolean
    description: str


@dataclass(frozen=True)
class OpenList:
    name: str
    title: str
    columns: tuple[Column, ...]
    rows: Callable[[HttpRequest], list[dict[str, Any]]]

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def _url(request: HttpRequest, obj: Any) -> str:
    return request.build_absolute_uri(obj.get_absolute_url())


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
            "country": o.country.iso3.lower() if o.country else "",
            "url": _url(request, o),
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
            "publishers": "; ".join(o.slug for o in r.publishers.all()),
            "countries": "; ".join(c.iso3.lower() for c in r.countries.all()),
            "themes": "; ".join(t.slug for t in r.themes.all()),
            "url": _url(request, r),
        }
        for r in qs
    ]


def _decisions(request: HttpRequest) -> list[dict[str, Any]]:
    filters = DecisionFilterForm(request.GET or None).filters()
    qs = decisions(request.user, filters)[:MAX_ROWS]
    return [
        {
            "id": d.pk,
            "event": d.event.slug,
            "date": d.event.date_start.isoformat() if d.event.date_start else "",
            "label": d.label,
            "text": d.text,
            "url": request.build_absolute_uri(d.event.get_absolute_url()) + f"#decision-{d.pk}",
        }
        for d in qs
    ]


LISTS = {
    "partners": OpenList(
        "partners",
        "The partner directory",
        (
            Column("id", "string", "The organisation's stable id (its slug)"),
            Column("name", "string", "Its name, in the language of the address"),
            Column("acronym", "string", "Its acronym"),
            Column("stakeholder_type", "string", "Its kind of stakeholder"),
            Column("is_partner", "boolean", "Whether it is a partner of Alliance 8.7"),
            Column("country", "string", "Its country, ISO 3166 alpha-3, lower case"),
            Column("url", "string", "Its page on the Hub"),
        ),
        _partners,
    ),
    "library": OpenList(
        "library",
        "The knowledge library",
        (
            Column("id", "string", "The resource's stable id (its slug)"),
            Column("title", "string", "Its title, in the language of the address"),
            Column("type", "string", "Its type (report, guidance note, toolkit...)"),
            Column("year", "integer", "The year it was published, when known"),
            Column("publishers", "string", "Its publishers' ids, separated by '; '"),
            Column("countries", "string", "The countries it concerns (alpha-3), by '; '"),
            Column("themes", "string", "Its themes, separated by '; '"),
            Column("url", "string", "Its page on the Hub"),
        ),
        _library,
    ),
    "decisions": OpenList(
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
}


def _xlsx(open_list: OpenList, rows: list[dict[str, Any]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = open_list.name
    sheet.append(open_list.column_names)
    for row in rows:
        sheet.append([safe_cell(row[c]) for c in open_list.column_names])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def download(request: HttpRequest, fmt: str, *, name: str) -> HttpResponse:
    open_list = LISTS[name]
    if fmt not in FORMATS:
        raise Http404("No such format.")
    rows = open_list.rows(request)
    if fmt == "csv":
        body: str | bytes = write_csv(open_list.column_names, rows)
    elif fmt == "xlsx":
        body = _xlsx(open_list, rows)
    else:
        body = json.dumps(rows, ensure_ascii=False)
    response = HttpResponse(body, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    if request.user.is_authenticated:
        patch_cache_control(response, private=True)
    return response


def partners(request: HttpRequest, fmt: str) -> HttpResponse:
    return download(request, fmt, name="partners")


def library(request: HttpRequest, fmt: str) -> HttpResponse:
    return download(request, fmt, name="library")


def decisions_register(request: HttpRequest, fmt: str) -> HttpResponse:
    return download(request, fmt, name="decisions")


def datapackage(request: HttpRequest) -> HttpResponse:
    """Describe the public exports as a Frictionless Data Package."""
    resources = []
    for open_list in LISTS.values():
        for fmt in ("csv", "json"):
            resources.append(
                {
                    "name": f"{open_list.name}-{fmt}",
                    "title": open_list.title,
                    "path": request.build_absolute_uri(
                        reverse(f"opendata-{open_list.name}", args=[fmt])
                    ),
                    "format": fmt,
                    "mediatype": FORMATS[fmt].split(";")[0],
                    **({"encoding": "utf-8"} if fmt == "csv" else {}),
                    "schema": {
                        "fields": [
                            {"name": c.name, "type": c.type, "description": c.description}
                            for c in open_list.columns
                        ]
                    },
                }
            )
    package = {
        "name": "alliance87-hub",
        "title": "Alliance 8.7 Hub: open data",
        "description": (
            "What the public sees of the Hub's lists; each list also takes the "
            "filters of its page in its query string, and answers a signed-in "
            "person with what they may see."
        ),
        "homepage": request.build_absolute_uri("/"),
        "resources": resources,
    }
    return HttpResponse(
        json.dumps(package, ensure_ascii=False, indent=1), content_type="application/json"
    )
