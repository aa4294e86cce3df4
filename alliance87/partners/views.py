from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from alliance87.core.pagecache import public_page
from alliance87.core.visibility import audience_for
from alliance87.partners import selectors
from alliance87.partners.forms import DirectoryFilterForm


@public_page
def partner_list(request: HttpRequest) -> HttpResponse:
    form = DirectoryFilterForm(request.GET or None, user=request.user)
    filters = selectors.DirectoryFilters()
    if form.is_valid():
        data = form.cleaned_data
        filters = selectors.DirectoryFilters(
            q=data["q"],
            stakeholder_type=data["type"],
            country=data["country"],
            theme=data["theme"],
        )
    page = selectors.list_organisations(request.user, filters, request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "partners/list.html",
        {"form": form, "page": page, "query": query.urlencode(), "filters": filters},
    )


@public_page
def partner_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = selectors.get_organisation_for_user(request.user, slug)
    return render(
        request,
        "partners/detail.html",
        {
            "organisation": organisation,
            # Contact details are for signed-in partners, never the public.
            "show_contacts": audience_for(request.user).is_partner,
        },
    )
