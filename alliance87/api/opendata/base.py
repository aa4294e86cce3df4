"""
The mechanism of open data (the lists are in lists.py): a list's columns,
described for the data package, and its rows written as CSV, XLSX or JSON.

Every text cell of CSV and XLSX goes through `safe_cell`: a value that
begins with = + - @ (or a tab or carriage return) gets an apostrophe
first, so a spreadsheet shows it and never runs it as a formula.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

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

    @property
    def url_name(self) -> str:
        return f"opendata-{self.name}"


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


def absolute(request: HttpRequest, obj: Any) -> str:
    """The address of `obj`'s page on the Hub."""
    return request.build_absolute_uri(obj.get_absolute_url())


def joined(values: Iterable[str]) -> str:
    """Several values in one cell, as the columns describe them."""
    return "; ".join(values)


def respond(open_list: OpenList, request: HttpRequest, fmt: str) -> HttpResponse:
    """The list's rows for `request` in format `fmt` (one of FORMATS)."""
    rows = open_list.rows(request)
    if fmt == "csv":
        body: str | bytes = write_csv(open_list.column_names, rows)
    elif fmt == "xlsx":
        body = _xlsx(open_list, rows)
    else:
        body = json.dumps(rows, ensure_ascii=False)
    response = HttpResponse(body, content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{open_list.name}.{fmt}"'
    if request.user.is_authenticated:
        patch_cache_control(response, private=True)
    return response
