"""
Open data: the partner directory as CSV, XLSX or JSON, exactly the rows
its filters show to the person asking (`partners.selectors.directory`,
through `visible_to(user)`), at /<lang>/partners.<csv|xlsx|json>
with the page's query string (q, stakeholder_type, country, theme).

Every text cell of CSV and XLSX goes through `safe_cell`: a value that
begins with = + - @ (or a tab or carriage return) gets an apostrophe
first, so a spreadsheet shows it and never runs it as a formula.
"""

from __future__ import annotations

import io
import json
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

from alliance87.partners.models import StakeholderType
from alliance87.partners.selectors import DirectoryFilters, directory
from alliance87.pathfinders.csvio import safe_cell, write_csv

COLUMNS = ["id", "name", "acronym", "stakeholder_type", "is_partner", "country", "url"]
MAX_ROWS = 10_000


def _rows(request: HttpRequest) -> list[dict[str, Any]]:
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
            "url": request.build_absolute_uri(o.get_absolute_url()),
        }
        for o in qs
    ]


def _xlsx(rows: list[dict[str, Any]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "partners"
    sheet.append(COLUMNS)
    for row in rows:
        sheet.append([safe_cell(row[c]) for c in COLUMNS])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def partners(request: HttpRequest, fmt: str) -> HttpResponse:
    rows = _rows(request)
    if fmt == "csv":
        response = HttpResponse(write_csv(COLUMNS, rows), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        response = HttpResponse(
            _xlsx(rows),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    elif fmt == "json":
        response = HttpResponse(
            json.dumps(rows, ensure_ascii=False), content_type="application/json"
        )
    else:
        raise Http404("No such format.")
    response["Content-Disposition"] = f'attachment; filename="partners.{fmt}"'
    if request.user.is_authenticated:
        patch_cache_control(response, private=True)
    return response
