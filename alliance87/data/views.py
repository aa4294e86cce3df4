"""The data pages: /data/ (an indicator's figures, charts with their
tables, downloads of exactly what is shown), a place's page, what changed
between two editions, and the Secretariat's import."""

from __future__ import annotations

import contextlib
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from alliance87.core import permissions
from alliance87.core.pagecache import public_page
from alliance87.core.text import parse_id
from alliance87.core.visibility import is_secretariat
from alliance87.countries.models import Country
from alliance87.data import charts, exports, sdmx, selectors, services, shown
from alliance87.data.forms import ImportForm, ReplyForm
from alliance87.data.models import Edition, Geography, GovernmentReply, ImportRun, Indicator

FORMATS = ("csv", "json", "xlsx")


def _breakdown(request: HttpRequest) -> tuple[str, str, str] | None:
    parts = (request.GET.get("breakdown") or "").split("|")
    return (parts[0], parts[1], parts[2]) if len(parts) == 3 else None


def _view(request: HttpRequest) -> tuple[list[Indicator], selectors.IndicatorView | None]:
    indicators = selectors.indicators_with_data(request.user)
    code = request.GET.get("indicator") or ""
    indicator = next((i for i in indicators if i.code == code), None)
    if indicator is None and code:
        raise Http404("No such indicator.")
    indicator = indicator or (indicators[0] if indicators else None)
    if indicator is None:
        return indicators, None
    view = selectors.indicator_view(
        request.user,
        indicator,
        edition_id=parse_id(request.GET.get("edition") or ""),
        breakdown=_breakdown(request),
    )
    return indicators, view


@public_page
@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """Show one indicator: chart and ranked table, trend, downloads."""
    indicators, view = _view(request)
    context: dict[str, Any] = {
        "indicators": indicators,
        "view": view,
        "places": selectors.places(request.user),
    }
    if view is not None:
        unit = view.indicator.unit
        context["charts"] = charts.indicator_charts(view)
        context["query"] = exports.query_of(view)
        context["ranked"] = shown.figure_rows(view.rows, unit)
        context["trend"] = shown.figure_rows(view.trend, unit)
        context["world"] = shown.figure_rows([view.world], unit)[0] if view.world else None
    return render(request, "data/index.html", context)


@public_page
@require_safe
def download(request: HttpRequest, fmt: str) -> HttpResponse:
    """Send exactly the rows /data/ shows for the same address."""
    if fmt not in FORMATS:
        raise Http404("No such format.")
    _indicators, view = _view(request)
    if view is None:
        raise Http404("No figures.")
    return exports.response(view, fmt)


@public_page
@require_safe
def place(request: HttpRequest, code: str) -> HttpResponse:
    """Show the latest figures of the world, a region, a grouping or a
    country (whose profile shows the first indicators' and links here)."""
    geography: Geography = get_object_or_404(
        Geography.objects.select_related("country"), code=code
    )
    figures = selectors.place_figures(request.user, geography)
    context = {
        "place": figures,
        "countries": selectors.countries_of(geography),
        "places": selectors.places(request.user),
    }
    return render(request, "data/place.html", context)


@public_page
@require_safe
def changes(request: HttpRequest) -> HttpResponse:
    """Compare two editions: each figure in both, side by side."""
    editions = list(Edition.objects.visible_to(request.user))
    by_id = {e.pk: e for e in editions}
    before = by_id.get(parse_id(request.GET.get("before") or "") or 0)
    after = by_id.get(parse_id(request.GET.get("after") or "") or 0)
    if before is None or after is None:
        pair = selectors.default_comparison(editions)
        if pair is not None:
            before = before or pair[0]
            after = after or pair[1]
    comparison = (
        selectors.compare_editions(request.user, before, after)
        if before is not None and after is not None and before != after
        else []
    )
    context = {"editions": editions, "before": before, "after": after, "changes": comparison}
    return render(request, "data/changes.html", context)


# --- The Secretariat's import --------------------------------------------------


def _require_secretariat(request: HttpRequest) -> None:
    if not is_secretariat(request.user):
        raise Http404("Not found.")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def import_start(request: HttpRequest) -> HttpResponse:
    _require_secretariat(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            options = {k: form.cleaned_data[k] or "" for k in sdmx.OPTIONS}
            try:
                run = services.upload_import(
                    form.cleaned_data["file"],
                    acting_user=request.user,
                    options=options,
                    structure=form.cleaned_data["structure"],
                )
            except ValidationError as e:
                # Errors of the SDMX fields come by field; others are the file's.
                form.add_error(None if hasattr(e, "error_dict") else "file", e)
            else:
                return redirect("data:import-run", pk=run.pk)
        status = 400
    recent = ImportRun.objects.visible_to(request.user)[:10]
    return render(request, "data/import.html", {"form": form, "recent": recent}, status=status)


@never_cache
@require_safe
def import_run(request: HttpRequest, pk: int) -> HttpResponse:
    _require_secretariat(request)
    run = get_object_or_404(ImportRun.objects.visible_to(request.user), pk=pk)
    return render(request, "data/import_run.html", {"run": run})


@never_cache
@require_POST
def import_save(request: HttpRequest, pk: int) -> HttpResponse:
    _require_secretariat(request)
    run = get_object_or_404(ImportRun.objects.visible_to(request.user), pk=pk)
    try:
        services.save_import(run, acting_user=request.user)
    except ValidationError as e:
        return render(
            request,
            "data/import_run.html",
            {"run": run, "error": " ".join(e.messages)},
            status=400,
        )
    return redirect("data:import-run", pk=run.pk)


# --- Right of reply --------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def replies(request: HttpRequest, iso3: str) -> HttpResponse:
    """A country's government replies: the focal point submits one, the
    Secretariat publishes it."""
    country = get_object_or_404(Country, iso3=iso3.upper())
    permissions.require(request.user, "reply", GovernmentReply(country=country))
    form = ReplyForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.submit_reply(
                    country, text=form.cleaned_data["text"], acting_user=request.user
                )
            except ValidationError as e:
                form.add_error("text", e)
            else:
                return redirect("data:replies", iso3=iso3.lower())
        status = 400
    held = GovernmentReply.objects.visible_to(request.user).filter(country=country)
    context = {"country": country, "form": form, "replies": held}
    return render(request, "data/replies.html", context, status=status)


@never_cache
@require_POST
def publish_reply(request: HttpRequest, pk: int) -> HttpResponse:
    _require_secretariat(request)
    reply = get_object_or_404(
        GovernmentReply.objects.visible_to(request.user).select_related("country"), pk=pk
    )
    # Published already: the page shows it so.
    with contextlib.suppress(ValidationError):
        services.publish_reply(reply, acting_user=request.user)
    return redirect("data:replies", iso3=reply.country.iso3.lower())
