"""
The mechanism of open data (the lists are gathered in lists.py): a list's
columns, described for the data package, its rows written as CSV, XLSX or
JSON, and the columns several lists share.

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


Cell = Callable[[HttpRequest, Any], Any]  # a column's value for one object


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a Frictionless field type: string, integer, boolean
    description: str
    value: Cell


@dataclass(frozen=True)
class OpenList:
    """A list's columns, each with its value, and the objects it holds for
    a request (`objects`, read through the list page's own selector);
    `more` adds rows that are not such objects (the events list's pathfinder
    workshops), with the same columns.

    `path` is its address without the format (its name by default); one
    with parameters ("pathfinders/<str:iso3>/roadmaps/<int:pk>/actions")
    is one list per object, whose `objects` take them as keyword
    arguments, and is left out of the data package. `filename` names the
    file (its name by default); `bom` starts the CSV with a byte-order
    mark, for a file made to be edited in a spreadsheet and uploaded
    again (a roadmap's actions)."""

    name: str
    title: str
    columns: tuple[Column, ...]
    objects: Callable[..., Iterable[Any]]
    more: Callable[[HttpRequest], list[dict[str, Any]]] | None = None
    path: str = ""
    filename: Callable[..., str] | None = None
    bom: bool = False

    def rows(self, request: HttpRequest, **params: Any) -> list[dict[str, Any]]:
        rows = [
            {c.name: c.value(request, obj) for c in self.columns}
            for obj in self.objects(request, **params)
        ]
        return rows + self.more(request) if self.more else rows

    @property
    def address(self) -> str:
        return self.path or self.name

    @property
    def has_parameters(self) -> bool:
        return "<" in self.address

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


def attr(path: str) -> Cell:
    """The cell of the attribute at the dotted `path` ("event.slug"): ""
    where a link on the way is missing (an event of no series)."""

    def cell(request: HttpRequest, obj: Any) -> Any:
        for name in path.split("."):
            if obj is None:
                return ""
            obj = getattr(obj, name)
        return obj

    return cell


def iso_date(path: str) -> Cell:
    """The cell of the date (or time) at `path`, in ISO 8601; "" if none."""
    value = attr(path)

    def cell(request: HttpRequest, obj: Any) -> str:
        date = value(request, obj)
        return date.isoformat() if date else ""

    return cell


def respond(open_list: OpenList, request: HttpRequest, fmt: str, **params: Any) -> HttpResponse:
    """The list's rows for `request` in format `fmt` (one of FORMATS);
    `params`: those of its address."""
    rows = open_list.rows(request, **params)
    if fmt == "csv":
        text = write_csv(open_list.column_names, rows)
        body: str | bytes = "\ufeff" + text if open_list.bom else text
    elif fmt == "xlsx":
        body = _xlsx(open_list, rows)
    else:
        body = json.dumps(rows, ensure_ascii=False)
    response = HttpResponse(body, content_type=FORMATS[fmt])
    stem = open_list.filename(request, **params) if open_list.filename else open_list.name
    response["Content-Disposition"] = f'attachment; filename="{stem}.{fmt}"'
    if request.user.is_authenticated:
        patch_cache_control(response, private=True)
    return response


# Columns and cells that several lists share.


def iso3(country: Any) -> str:
    """Return `country`'s ISO 3166 alpha-3 code in lower case, or ""."""
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
    lambda request, obj: joined(iso3(c) for c in obj.countries.all()),
)
THEMES = Column(
    "themes",
    "string",
    "Its themes, separated by '; '",
    lambda request, obj: joined(t.slug for t in obj.themes.all()),
)
