"""The shapes the API answers with, shared by several endpoints."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Schema


class ProblemOut(Schema):
    """RFC 9457 problem details."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    errors: list[dict[str, Any]] | None = None


class Ref(Schema):
    """Another object of the Hub: its stable id, its name and its page."""

    id: str
    name: str
    url: str


class ReportedDateOut(Schema):
    """A date as its source reports it: a day, a range or a month, maybe
    tentative."""

    start: dt.date | None = None
    end: dt.date | None = None
    precision: str = ""
    tentative: bool = False


def reported_date(obj: Any) -> ReportedDateOut:
    return ReportedDateOut(
        start=obj.date_start,
        end=obj.date_end,
        precision=obj.date_precision or "",
        tentative=bool(obj.date_tentative),
    )


def absolute(request: Any, path: str) -> str:
    return request.build_absolute_uri(path) if path else ""


def ref(request: Any, obj: Any, stable_id: str) -> Ref:
    url = obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else ""
    return Ref(id=stable_id, name=str(obj), url=absolute(request, url))
