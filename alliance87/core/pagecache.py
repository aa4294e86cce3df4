"""
Whole-page caching of the Hub's reading pages.

A page decorated with `public_page` is rendered once per language, path and
query string, and kept with the tables it read (every SQL statement run
while it was rendered names them) and their versions as they stood before
it was rendered. A hit reads the current versions of those tables (one
query) and serves the copy only if none moved. Every write to a model of
the Hub moves the versions of the tables it wrote (after commit), so a
visitor never sees a page older than the last committed change to what it
shows, whichever process or cache served it, and a write elsewhere leaves
the page warm. The versions and what moves them live in
core/invalidation.py.

What a page shows must therefore come from the database while it renders:
a value cached on the request's user before the view (the audience of
core.visibility, kept as `_a87_*` attributes) is dropped first, so that it
is read again within the page's reads.

Anonymous visitors share one copy. A signed-in user's page may hold what
others must not see, and carries their CSRF token: it is kept for that user
alone, keyed by their account, their session and CSRF secret and their
staff flags, so signing in again, a new CSRF secret or a change of standing
renders it afresh, and no copy is ever served to anybody else. The
visibility rules are not consulted here: a cached page is exactly what its
own user was shown, until anything changes.

A page with a pending message is rendered for its visitor and not kept.
Cached pages must carry no CSP nonce: the nonce changes with each response.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import hashlib
from collections.abc import Callable, Iterator
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.functional import empty
from django.utils.translation import get_language

from alliance87.core.invalidation import ANY, table_versions, tables_in


def _cache_key(request: HttpRequest) -> str:
    parts = [request.get_full_path(), get_language() or ""]
    user = request.user
    if user.is_authenticated:
        session_key = getattr(request.session, "session_key", None) or ""
        parts += [
            f"user={user.pk}",
            f"session={session_key}",
            f"csrf={request.COOKIES.get(settings.CSRF_COOKIE_NAME, '')}",
            f"flags={user.is_active:d}{user.is_staff:d}{user.is_superuser:d}",
        ]
    raw = "|".join(parts).encode()
    return f"page:{hashlib.blake2b(raw, digest_size=16).hexdigest()}"


@contextlib.contextmanager
def _reading_tables() -> Iterator[set[str]]:
    """Collect the Hub tables named by every statement run inside."""
    read: set[str] = set()

    def note(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        read.update(tables_in(sql))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(note):
        yield read


def _forget_request_caches(request: HttpRequest) -> None:
    user = getattr(request, "user", None)
    # request.user is a lazy object until first read: nothing is cached on
    # it before then.
    user = getattr(user, "_wrapped", user)
    if user is None or user is empty:
        return
    for name in [n for n in vars(user) if n.startswith("_a87_")]:
        delattr(user, name)


def _has_pending_messages(request: HttpRequest) -> bool:
    # The fallback storage keeps messages in a cookie, and in the session
    # when they do not fit (a signed-in visitor's session is loaded anyway).
    if "messages" in request.COOKIES:
        return True
    session = getattr(request, "session", None)
    return bool(request.user.is_authenticated and session is not None and "_messages" in session)


def _accepts_gzip(request: HttpRequest) -> bool:
    return "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve a cached copy of the page while nothing changed: one copy for
    all anonymous visitors, and one per signed-in user and session."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if (
            request.method not in ("GET", "HEAD")
            or settings.PAGE_CACHE_SECONDS == 0
            # A pending message ("You have signed out") belongs to this
            # visitor alone: render the page for them.
            or _has_pending_messages(request)
        ):
            return view(request, *args, **kwargs)
        key = _cache_key(request)
        cached = cache.get(key)
        if cached is not None and table_versions(cached[0]) == cached[0]:
            _, status, headers, content, compressed = cached
            if compressed is not None and _accepts_gzip(request):
                response = HttpResponse(compressed, status=status)
                response["Content-Encoding"] = "gzip"
            else:
                response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            patch_vary_headers(response, ("Accept-Encoding",))
            _mark_private(request, response)
            response["X-Page-Cache"] = "hit"
            return response
        # The versions before the page reads anything: a write committed
        # while it renders leaves it stale, and the next visit renders it.
        before = table_versions()
        with _reading_tables() as read:
            _forget_request_caches(request)
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response.render()
        if (
            response.status_code == 200
            and not response.cookies
            and not response.streaming
            # A nonce is good for one response only.
            and getattr(request, "_csp_nonce", None) is None
        ):
            headers = [
                (name, value)
                for name, value in response.items()
                if name.lower() in {"content-type", "content-language", "vary"}
            ]
            # Kept compressed too: a hit then costs no compression, and the
            # page crosses a costly connection at a fifth of its size.
            compressed = gzip.compress(response.content, compresslevel=6, mtime=0)
            cache.set(
                key,
                (
                    {table: before.get(table, 0) for table in (*read, ANY)},
                    response.status_code,
                    headers,
                    response.content,
                    compressed,
                ),
                settings.PAGE_CACHE_SECONDS,
            )
        _mark_private(request, response)
        response["X-Page-Cache"] = "miss"
        return response

    return wrapper


def _mark_private(request: HttpRequest, response: HttpResponse) -> None:
    if request.user.is_authenticated:
        patch_cache_control(response, private=True)
