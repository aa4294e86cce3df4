from __future__ import annotations

import logging

from django.db import connections
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from alliance87.core.models import KeyFigure
from alliance87.core.pagecache import public_page
from alliance87.core.ratelimit import cache_state
from alliance87.countries.models import Country
from alliance87.partners.models import Organisation

logger = logging.getLogger(__name__)


@public_page
def home(request: HttpRequest) -> HttpResponse:
    figures = KeyFigure.objects.visible_to(request.user).order_by("order")
    return render(
        request,
        "core/home.html",
        {
            "figures": figures,
            "country_count": Country.objects.filter(status=Country.Status.MEMBER).count(),
            "partner_count": Organisation.objects.visible_to(request.user)
            .filter(is_partner=True)
            .count(),
        },
    )


@require_safe
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """Answer 200 when the database answers, 503 when it does not; say
    whether the cache server answers too (without it the Hub is slower,
    not down)."""
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
    status = "degraded" if cache == "unreachable" else "ok"
    return JsonResponse({"status": status, "database": "ok", "cache": cache})


def hello(request: HttpRequest) -> HttpResponse:
    """The benchmarks' floor: the least a request through the stack costs."""
    return HttpResponse(b"hello", content_type="text/plain")


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "404.html", status=404)
