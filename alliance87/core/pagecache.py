"""
Whole-page caching of the Hub's reading pages.

A page decorated with `public_page` is rendered once per language, path and
query string, and kept until the content version moves. Every write to a
model of the Hub moves it (after commit), so a visitor never sees a page
older than the last committed change, whichever process or cache served it.
The version and what moves it live in core/invalidation.py.

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

import functools
import gzip
import hashlib
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

from alliance87.core.invalidation import content_version


def _cache_key(request: HttpRequest, version: int) -> str:
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
    return f"page:{version}:{hashlib.blake2b(raw, digest_size=16).hexdigest()}"


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
        key = _cache_key(request, content_version())
        cached = cache.get(key)
        if cached is not None:
            status, headers, content, compressed = cached
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
                (response.status_code, headers, response.content, compressed),
                settings.PAGE_CACHE_SECONDS,
            )
        _mark_private(request, response)
        response["X-Page-Cache"] = "miss"
        return response

    return wrapper


def _mark_private(request: HttpRequest, response: HttpResponse) -> None:
    if request.user.is_authenticated:
        patch_cache_control(response, private=True)
