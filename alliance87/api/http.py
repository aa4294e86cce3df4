"""
What every answer of the open API shares: problem details (RFC 9457),
conditional requests (`ETag`, `Last-Modified`, `304`) and cursor
pagination.

A conditional GET is answered before the endpoint runs: the entity tag
is a digest of the content version (core/invalidation.py, moved after every
committed write), the caller's audience, the language and the address, so
checking it costs one small query and renders nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable
from typing import Any

from django.core.cache import cache
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.http import http_date, parse_http_date_safe

from alliance87.core.invalidation import content_version

PROBLEM_TYPE = "application/problem+json"
DEFAULT_LIMIT = 50
MAX_LIMIT = 200


class Problem(Exception):
    """An answer other than success, sent as problem details."""

    def __init__(
        self,
        status: int,
        title: str,
        detail: str = "",
        *,
        headers: dict[str, str] | None = None,
        errors: list[dict[str, Any]] | None = None,
    ) -> None:
        super().__init__(detail or title)
        self.status = status
        self.title = title
        self.detail = detail
        self.headers = headers or {}
        self.errors = errors


def problem_response(request: HttpRequest, problem: Problem) -> HttpResponse:
    """Return `problem` as an RFC 9457 problem details document."""
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": problem.title,
        "status": problem.status,
        "instance": request.path,
    }
    if problem.detail:
        body["detail"] = problem.detail
    if problem.errors is not None:
        body["errors"] = problem.errors
    response = JsonResponse(body, status=problem.status, content_type=PROBLEM_TYPE)
    for name, value in problem.headers.items():
        response[name] = value
    return response


# --- Conditional requests ----------------------------------------------------


def _version_seen_at(version: int) -> dt.datetime:
    """Return when this process's cache first saw `version`: an upper
    bound of the last write, which is what Last-Modified may promise."""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    key = f"api:version-seen:{version}"
    cache.add(key, now.timestamp(), 7 * 24 * 3600)
    seen = cache.get(key)
    return dt.datetime.fromtimestamp(seen, dt.UTC) if seen else now


def entity_tag(request: HttpRequest, version: int, caller_key: str) -> str:
    raw = "|".join(
        [str(version), caller_key, request.get_full_path(), getattr(request, "LANGUAGE_CODE", "")]
    ).encode()
    return 'W/"' + hashlib.blake2b(raw, digest_size=12).hexdigest() + '"'


def _matches(header: str, tag: str) -> bool:
    if header.strip() == "*":
        return True
    # Weak comparison (RFC 9110, 13.1.2): W/ prefixes are ignored.
    wanted = tag.removeprefix("W/")
    return any(part.strip().removeprefix("W/") == wanted for part in header.split(","))


def conditional(
    request: HttpRequest, caller_key: str, respond: Callable[[], HttpResponse]
) -> HttpResponse:
    """Answer 304 when the client's copy is current; otherwise call
    `respond` and mark its answer with ETag and Last-Modified."""
    version = content_version()
    tag = entity_tag(request, version, caller_key)
    modified = _version_seen_at(version)
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        fresh = _matches(if_none_match, tag)
    else:
        since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
        fresh = since is not None and int(modified.timestamp()) <= since
    if fresh:
        response = HttpResponse(status=304)
    else:
        response = respond()
        if response.status_code != 200:
            return response
    response["ETag"] = tag
    response["Last-Modified"] = http_date(modified.timestamp())
    return response


# --- Cursor pagination -------------------------------------------------------


# A cursor is the id of the last row of the page before, as a string the
# schema describes exactly (CURSOR_PATTERN), so that any cursor the schema
# admits is one the API understands.
CURSOR_PATTERN = r"^[0-9]{1,18}$"
# The cursor of a list read through a selector that pages it itself: the
# number of the next page, from 1.
PAGE_CURSOR_PATTERN = r"^[1-9][0-9]{0,17}$"


def encode_cursor(pk: int) -> str:
    return str(pk)


def decode_cursor(cursor: str) -> int:
    if not re.fullmatch(CURSOR_PATTERN, cursor):
        raise Problem(
            400, "Bad cursor", "The cursor is not one this API gave; start again without it."
        )
    return int(cursor)


def cursor_page(qs: QuerySet[Any], cursor: str | None, limit: int) -> tuple[list[Any], str | None]:
    """Return up to `limit` rows after the cursor, in the order of their
    ids (stable whatever is added or removed meanwhile), and the cursor of
    the next page, or None on the last one."""
    if cursor:
        qs = qs.filter(pk__gt=decode_cursor(cursor))
    rows = list(qs.order_by("pk")[: limit + 1])
    if len(rows) > limit:
        rows = rows[:limit]
        return rows, encode_cursor(rows[-1].pk)
    return rows, None


def list_page(rows: Iterable[Any], cursor: str | None, limit: int) -> tuple[list[Any], str | None]:
    """As `cursor_page`, for the short lists a selector reads whole (the
    spaces a caller may see, the indicators with figures): the rows after
    the cursor, in the order of their ids."""
    after = decode_cursor(cursor) if cursor else 0
    ordered = sorted((r for r in rows if r.pk > after), key=lambda r: r.pk)
    if len(ordered) > limit:
        return ordered[:limit], encode_cursor(ordered[limit - 1].pk)
    return ordered, None


def page_of(cursor: str | None) -> int:
    """Return the page number a cursor names, for the lists read through a
    selector that pages them itself (the search's results, a space's
    threads, a thread's posts): there the cursor is the next page."""
    if not cursor:
        return 1
    number = decode_cursor(cursor)
    if not re.fullmatch(PAGE_CURSOR_PATTERN, cursor):
        raise Problem(
            400, "Bad cursor", "The cursor is not one this API gave; start again without it."
        )
    return number
