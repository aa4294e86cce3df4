"""
Creating and editing an event on the Hub's own pages: the event's fields,
objectives, participants and reported counts, saved all or nothing.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from alliance87.core import permissions
from alliance87.core.forms import add_service_errors
from alliance87.events import selectors, services
from alliance87.events.event_forms import LISTS, EventForm, with_more_rows
from alliance87.events.forms import share_choices
from alliance87.events.models import Event


def create_event(request: HttpRequest) -> HttpResponse:
    """Create an event (a draft until published from its record page)."""
    permissions.require(request.user, "record", Event)
    return _event_form_page(request, None)


def edit_event(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.get_event_for_user(request.user, slug)
    permissions.require(request.user, "record", event)
    return _event_form_page(request, event)


def _rows(event: Event | None, related: str) -> list[Any]:
    if event is None:
        return []
    return list(getattr(event, related).all())


def _event_form_page(request: HttpRequest, event: Event | None) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    more = request.POST.get("more", "") if data is not None else ""
    if data is not None and more in {prefix for prefix, _set, _rel in LISTS}:
        # "More rows": show the page again with more empty rows; save nothing.
        data = with_more_rows(data, more)
    form = EventForm(data, initial=EventForm.initial_for(event) if event else None)
    formsets = {
        prefix: formset_class(
            data,
            prefix=prefix,
            initial=[formset_class.form.initial_from(row) for row in _rows(event, related)],
        )
        for prefix, formset_class, related in LISTS
    }
    share_choices([form, *(f for fs in formsets.values() for f in fs.forms)])
    status = 200
    if data is not None and not more:
        form_valid = form.is_valid()
        # Every list checked, not only up to the first bad one, so that the
        # page shows all that needs attention at once.
        checked = [fs.is_valid() for fs in formsets.values()]
        rows_valid = all(checked)
        if not rows_valid:
            form.add_error(None, _("Some rows below need attention: see the messages there."))
        if form_valid and rows_valid:
            rows = {
                prefix: [c for c in (f.change() for f in fs.forms) if c is not None]
                for prefix, fs in formsets.items()
            }
            try:
                saved = services.write_event(
                    event or Event(),
                    acting_user=request.user,
                    **form.arguments(),
                    objectives=rows["objectives"],
                    participants=rows["participants"],
                    counts=rows["counts"],
                )
            except ValidationError as e:
                add_service_errors(form, e)
            else:
                messages.success(request, _("The event is saved."))
                return redirect(saved.get_absolute_url())
        status = 400
    return render(
        request,
        "events/edit.html",
        {"event": event, "form": form, "formsets": formsets},
        status=status,
    )
