"""
What the API checks before anything else: request size, rate limits and
CORS. A middleware, so that a refusal costs no URL resolution, no token
lookup and no database query beyond the rate-limit store's.

- Size: a body over API_MAX_BODY_BYTES is refused with 413; the addresses
  that take a file (UPLOADS, as multipart/form-data) take FILE_MAX_MB
  more.
- Rate limits: calls are counted per address and, when a token is sent,
  per token (its digest: an unknown token is limited too), in the shared
  store of core.ratelimit (every process, and a cache outage, count
  alike); over the limit, 429 with Retry-After.
- CORS: another site's script may read what anonymous callers read, and
  nothing else: anonymous GET answers carry `Access-Control-Allow-Origin:
  *`; a preflight allows GET and the conditional headers, never
  Authorization, so a browser never sends a token cross-origin.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from alliance87.api.http import Problem, problem_response
from alliance87.core import files
from alliance87.core.ratelimit import count_hit

PREFIX = "/api/v1/"
WINDOW = 60  # seconds
CORS_HEADERS = "If-None-Match, If-Modified-Since, Idempotency-Key"
# The writes that take a file: a document of a meeting's record, attached
# or given another file (endpoints/record_documents.py).
UPLOADS = re.compile(r"^/api/v1/events/[^/]+/documents(?:/[0-9]+/file)?$")


def _limited(key: str, limit: int) -> bool:
    return count_hit(key, window=WINDOW) > limit


def api_guard(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(PREFIX):
            return get_response(request)
        authorization = request.META.get("HTTP_AUTHORIZATION", "")
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Allow-Methods"] = "GET, HEAD"
            response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
            response["Access-Control-Max-Age"] = "86400"
            return response
        refusal = _refusal(request, authorization)
        response = problem_response(request, refusal) if refusal else get_response(request)
        if request.method in ("GET", "HEAD") and not authorization:
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Retry-After"
        return response

    return middleware


def _largest_body(request: HttpRequest) -> int:
    """The largest body `request` may send: a file's more where one is
    uploaded."""
    if (
        request.method == "POST"
        and request.content_type == "multipart/form-data"
        and UPLOADS.match(request.path)
    ):
        return settings.API_MAX_BODY_BYTES + files.max_bytes()
    return int(settings.API_MAX_BODY_BYTES)


def _refusal(request: HttpRequest, authorization: str) -> Problem | None:
    length = request.META.get("CONTENT_LENGTH") or "0"
    largest = _largest_body(request)
    if not length.isdigit() or int(length) > largest:
        return Problem(
            413,
            "Request too large",
            f"A request body may hold at most {largest} bytes"
            + (
                f" (a file at most {settings.FILE_MAX_MB} MB)."
                if largest > settings.API_MAX_BODY_BYTES
                else "."
            ),
        )
    retry = {"Retry-After": str(WINDOW)}
    address = request.META.get("REMOTE_ADDR", "")
    if _limited(f"api:addr:{address}", settings.API_RATE_PER_ADDRESS):
        return Problem(
            429,
            "Too many requests",
            f"At most {settings.API_RATE_PER_ADDRESS} calls a minute from one address.",
            headers=retry,
        )
    if authorization:
        digest = hashlib.sha256(authorization.encode()).hexdigest()
        if _limited(f"api:token:{digest}", settings.API_RATE_PER_TOKEN):
            return Problem(
                429,
                "Too many requests",
                f"At most {settings.API_RATE_PER_TOKEN} calls a minute with one token.",
                headers=retry,
            )
    return None
