"""
Whole-page caching of the Hub's reading pages.

A page decorated with `public_page` is rendered once per language, path and
query string, and kept until the content version moves. Every write to a
model of the Hub moves it (after commit), so a visitor never sees a page
older than the last committed change, whichever process or cache served it.

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

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connection, models, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

VERSION_KEY = "content-version"


def content_version() -> int:
    """Return the content version: one raw query on every cache hit, since
    building the ORM query cost as much as the rest of the hit."""
    from alliance87.core.models import ContentVersion

    table = connection.ops.quote_name(ContentVersion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT counter FROM {table} WHERE id = 1")  # noqa: S608 - no input
        row = cursor.fetchone()
    return int(row[0]) if row else 0


def bump_content_version() -> None:
    """Move the content version so every cached page is rendered afresh."""
    from alliance87.core.models import ContentVersion

    updated = ContentVersion.objects.filter(pk=1).update(counter=F("counter") + 1)
    if not updated:
        ContentVersion.objects.get_or_create(pk=1, defaults={"counter": 1})


def content_changed() -> None:
    """Move the content version once the current transaction commits.

    Saves, deletes and many-to-many changes do this by themselves (see
    connect_invalidation); call it after a write that sends no signal.
    """
    transaction.on_commit(bump_content_version)


class InvalidatingQuerySet(models.QuerySet):
    """A queryset whose bulk writes, which send no signal, still move the
    content version after commit."""

    def update(self, **kwargs: Any) -> int:
        count = super().update(**kwargs)
        if count:
            content_changed()
        return count

    def bulk_create(self, objs: Any, *args: Any, **kwargs: Any) -> Any:
        created = super().bulk_create(objs, *args, **kwargs)
        if created:
            content_changed()
        return created

    def bulk_update(self, objs: Any, fields: Any, *args: Any, **kwargs: Any) -> int:
        count = super().bulk_update(objs, fields, *args, **kwargs)
        if count:
            content_changed()
        return count


def _on_write(sender: type, **kwargs: Any) -> None:
    if sender.__module__.startswith("alliance87.core.models") and sender.__name__ == (
        "ContentVersion"
    ):
        return
    transaction.on_commit(bump_content_version)


def connect_invalidation() -> None:
    """Move the content version after any write to a Hub model.

    A receiver rather than calls in each service: the admin, data
    migrations and the demo loader write too, and a page that outlives the
    data it shows is a bug no reviewer would spot.
    """
    for model in apps.get_models():
        if not model.__module__.startswith("alliance87."):
            continue
        if model.__name__ == "ContentVersion":
            continue
        uid = f"a87-pagecache-{model._meta.label_lower}"
        post_save.connect(_on_write, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(_on_write, sender=model, dispatch_uid=uid + "-delete")
        for m2m in model._meta.local_many_to_many:
            m2m_changed.connect(
                _on_write, sender=m2m.remote_field.through, dispatch_uid=uid + "-" + m2m.name
            )


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
