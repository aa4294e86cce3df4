"""Downloads of exactly what /data/ shows (the same address, with the
format): CSV, JSON and XLSX. Every row says whether it is illustrative,
and text a spreadsheet would run as a formula is neutralised (a leading
apostrophe, as pathfinders.csvio does)."""

from __future__ import annotations

import io
import json
from typing import Any
from urllib.parse import urlencode

from django.http import HttpResponse

from alliance87.data.selectors import IndicatorView
from alliance87.pathfinders.csvio import safe_cell, write_csv

COLUMNS = [
    "indicator",
    "indicator_name",
    "geography",
    "geography_level",
    "reference_year",
    "sex",
    "age",
    "sector",
    "value",
    "unit",
    "lower",
    "upper",
    "status",
    "edition",
    "publisher",
    "published",
    "source_url",
    "note",
    "illustrative",
]


def query_of(view: IndicatorView) -> str:
    """Return the query string that shows `view` (for its download links)."""
    return urlencode(
        {
            "indicator": view.indicator.code,
            "edition": view.edition.pk,
            "breakdown": "|".join(view.breakdown),
        }
    )


def rows_of(view: IndicatorView) -> list[dict[str, Any]]:
    indicator = view.indicator
    sex, age, sector = view.breakdown
    rows = []
    for figure in view.rows:
        edition = figure.edition
        rows.append(
            {
                "indicator": indicator.code,
                "indicator_name": indicator.name,
                "geography": figure.place.name,
                "geography_level": figure.place.level,
                "reference_year": figure.period,
                "sex": sex,
                "age": age,
                "sector": sector,
                "value": _number(figure.value),
                "unit": indicator.unit,
                "lower": _number(figure.lower),
                "upper": _number(figure.upper),
                "status": figure.status,
                "edition": edition.title,
                "publisher": edition.publisher,
                "published": edition.date_start.isoformat() if edition.date_start else "",
                "source_url": figure.source_url,
                "note": figure.footnote,
                "illustrative": "yes" if figure.illustrative else "no",
            }
        )
    return rows


def _number(value: Any) -> Any:
    if value is None:
        return None
    normal = value.normalize()
    return int(normal) if normal == normal.to_integral_value() else float(normal)


def _filename(view: IndicatorView, fmt: str) -> str:
    return f"{view.indicator.code}-{view.edition.pk}-{view.period}.{fmt}"


def response(view: IndicatorView, fmt: str) -> HttpResponse:
    rows = rows_of(view)
    if fmt == "json":
        body = json.dumps({"columns": COLUMNS, "rows": rows}, ensure_ascii=False, indent=1)
        answer = HttpResponse(body, content_type="application/json; charset=utf-8")
    elif fmt == "xlsx":
        answer = HttpResponse(
            _xlsx(rows),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        answer = HttpResponse(
            "\ufeff" + write_csv(COLUMNS, rows), content_type="text/csv; charset=utf-8"
        )
    answer["Content-Disposition"] = f'attachment; filename="{_filename(view, fmt)}"'
    return answer


def _xlsx(rows: list[dict[str, Any]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("data")
    sheet.append(COLUMNS)
    for row in rows:
        sheet.append(
            [
                row[c] if isinstance(row[c], int | float) or row[c] is None else safe_cell(row[c])
                for c in COLUMNS
            ]
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
