"""
The events list, an event's page, its calendar files and briefing pack.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from alliance87.core import permissions
from alliance87.core.pagecache import public_page
from alliance87.events import selectors
from alliance87.events.calendars import build_calendar, google_calendar_url
from alliance87.events.filter_forms import EventFilterForm
from alliance87.events.models import Event

ICS_CONTENT_TYPE = "text/calendar; charset=utf-8"


def _feed_url(request: HttpRequest, query: dict[str, str]) -> str:
    params = {**query, "lang": translation.get_language() or "en"}
    return request.build_absolute_uri(reverse("events-feed")) + "?" + urlencode(params)


@public_page
@require_safe
def event_list(request: HttpRequest) -> HttpResponse:
    form = EventFilterForm(request.GET or None)
    filters = form.filters()
    data = selectors.list_events(request.user, filters, request.GET.get("page", 1))
    query = filters.as_query()
    feed = _feed_url(request, query)
    return render(
        request,
        "events/list.html",
        {
            **data,
            "form": form,
            "filters": filters,
            "query": urlencode(query),
            "filtered": bool(query),
            "feed_url": feed,
            "webcal_url": "webcal://" + feed.split("://", 1)[1],
            "may_create": permissions.may(request.user, "record", Event),
        },
    )


@public_page
@require_safe
def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.get_event_for_user(request.user, slug)
    context = selectors.event_page(request.user, event)
    absolute = request.build_absolute_uri(event.get_absolute_url())
    context["google_url"] = google_calendar_url(event, absolute)
    context["may_record"] = permissions.may(request.user, "record", event)
    return render(request, "events/detail.html", context)


@public_page
@require_safe
def event_ics(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.get_event_for_user(request.user, slug)
    body = build_calendar([event], name=event.title, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(body, content_type=ICS_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


@public_page
@require_safe
def calendar_feed(request: HttpRequest) -> HttpResponse:
    """Serve /events.ics: the public events, filtered like /events/.

    The address has no language prefix, so calendar clients keep one URL;
    `?lang=fr` chooses the language of titles and descriptions.
    """
    lang = request.GET.get("lang", settings.LANGUAGE_CODE)
    if lang not in dict(settings.LANGUAGES):
        lang = settings.LANGUAGE_CODE
    with translation.override(lang):
        form = EventFilterForm(request.GET or None)
        if form.is_bound and not form.is_valid():
            errors = "; ".join(
                f"{form.fields[name].label}: {' '.join(str(e) for e in errs)}"
                if name in form.fields
                else " ".join(str(e) for e in errs)
                for name, errs in form.errors.items()
            )
            return HttpResponseBadRequest(errors, content_type="text/plain; charset=utf-8")
        filters = form.filters()
        events = selectors.calendar_events(filters)
        # The same anonymous audience as the events: feeds carry no session.
        workshops = selectors.pathfinder_workshops(AnonymousUser(), filters)
        body = build_calendar(
            events,
            name=_("Alliance 8.7 events"),
            base_url=request.build_absolute_uri("/"),
            linked=workshops,
        )
    return HttpResponse(body, content_type=ICS_CONTENT_TYPE)


@require_safe
def briefing(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.get_event_for_user(request.user, slug)
    return render(request, "events/briefing.html", selectors.briefing_pack(request.user, event))
