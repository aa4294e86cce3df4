"""The frame's own pages: the health check, the benchmarks' floor and the
error pages. The home page reads the areas, so it lives in alliance87/home."""

from __future__ import annotations

import logging

from django.db import connections
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from alliance87.core.ratelimit import cache_state
from alliance87.core.tasks import queue_state

logger = logging.getLogger(__name__)


@require_safe
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """Answer 200 when the database answers, 503 when it does not; say
    whether the cache server answers too (without it the Hub is slower,
    not down), and whether background tasks are being taken ("late" when
    one has waited longer than TASKS_LATE_SECONDS: no worker is running)."""
    cache = cache_state()
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.exception("Health check: the database is unreachable")
        return JsonResponse(
            {"status": "unavailable", "database": "unreachable", "cache": cache}, status=503
        )
    queue = queue_state()
    tasks = "late" if queue.late else "ok"
    status = "degraded" if cache == "unreachable" or tasks == "late" else "ok"
    return JsonResponse(
        {
            "status": status,
            "database": "ok",
            "cache": cache,
            "tasks": tasks,
            "tasks_waiting": queue.ready,
        }
    )


def hello(request: HttpRequest) -> HttpResponse:
    """The benchmarks' floor: the least a request through the stack costs."""
    return HttpResponse(b"hello", content_type="text/plain")


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)
