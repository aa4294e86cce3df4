"""
The action-item tracker, closing an action item, and the decisions register.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from alliance87.core import permissions
from alliance87.core.pagecache import public_page
from alliance87.events import selectors, services
from alliance87.events.filter_forms import DecisionFilterForm, TrackerFilterForm
from alliance87.events.forms import CloseActionItemForm


@public_page
@require_safe
def tracker(request: HttpRequest) -> HttpResponse:
    form = TrackerFilterForm(request.GET or None, user=request.user)
    filters = form.filters()
    page = selectors.list_action_items(request.user, filters, request.GET.get("page", 1))
    return render(
        request,
        "events/tracker.html",
        {"form": form, "page": page, "filters": filters, "query": urlencode(filters.as_query())},
    )


@public_page
@require_safe
def decisions(request: HttpRequest) -> HttpResponse:
    form = DecisionFilterForm(request.GET or None)
    filters = form.filters()
    page = selectors.list_decisions(request.user, filters, request.GET.get("page", 1))
    return render(
        request,
        "events/decisions.html",
        {"form": form, "page": page, "query": urlencode(filters.as_query())},
    )


def close_action_item(request: HttpRequest, pk: int) -> HttpResponse:
    item = selectors.get_action_item_for_user(request.user, pk)
    permissions.require(request.user, "close", item)
    form = CloseActionItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.close_action_item(
                item,
                acting_user=request.user,
                note=form.cleaned_data["note"],
                status=form.cleaned_data["status"],
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(request, _("The action item is closed. Thank you."))
            return redirect(reverse("events:detail", args=[item.event.slug]) + "#actions")
    return render(request, "events/close_action_item.html", {"item": item, "form": form})
