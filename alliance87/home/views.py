from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from alliance87.core import provenance
from alliance87.core.models import KeyFigure
from alliance87.core.pagecache import public_page
from alliance87.countries.models import Country
from alliance87.data import selectors as data_selectors
from alliance87.partners.models import Organisation


@public_page
def home(request: HttpRequest) -> HttpResponse:
    """Show the commitment, the key figures and how many take part."""
    # The statistics' latest editions, each with its earlier editions; the
    # core's key figures only while no statistics are held.
    statistics = data_selectors.key_figures(request.user)
    figures = (
        [] if statistics else list(KeyFigure.objects.visible_to(request.user).order_by("order"))
    )
    # A figure carries its own source; a citation adds a second source that
    # disagrees, or an "as of" date.
    provenance.attach_sources(request.user, figures)
    return render(
        request,
        "home/index.html",
        {
            "figures": figures,
            "statistics": statistics,
            "country_count": Country.objects.filter(status=Country.Status.MEMBER).count(),
            "partner_count": Organisation.objects.visible_to(request.user)
            .filter(is_partner=True)
            .count(),
        },
    )
