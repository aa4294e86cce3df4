"""
Turning a thread into an action item of a meeting, or into a library
resource: the forms, for those who may (community/conversions.py).

Someone who may not record meetings (or add to the library) gets the same
404 as for a thread they may not see.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from alliance87.community import conversions, selectors
from alliance87.community.forms import (
    ActionItemFromThreadForm,
    ResourceFromThreadForm,
    meeting_search,
)
from alliance87.community.models import Post, PostState, Thread
from alliance87.core import permissions
from alliance87.core.forms import add_service_errors
from alliance87.core.text import parse_id
from alliance87.core.visibility import is_secretariat
from alliance87.events.forms import share_choices
from alliance87.events.models import Event
from alliance87.library.models import Resource


def _thread(request: HttpRequest, slug: str, pk: int, action: str, model: Any) -> Thread:
    """Return the thread, or 404 alike when it is hidden, not published, or
    the person may not do `action` to `model`."""
    space = selectors.get_space_for_user(request.user, slug)
    thread = selectors.get_thread_for_user(request.user, space, pk)
    permissions.require(request.user, action, model)
    if thread.state != PostState.PUBLISHED:
        raise Http404("Not found.")
    return thread


def _post(request: HttpRequest, thread: Thread) -> Post | None:
    """Return the published post of `thread` the form names, if any."""
    raw = request.POST.get("post") or request.GET.get("post")
    if not raw:
        return None
    pk = parse_id(raw)
    post = (
        Post.objects.visible_to(request.user)
        .filter(thread=thread, pk=pk, state=PostState.PUBLISHED)
        .first()
        if pk is not None
        else None
    )
    if post is None:
        raise Http404("No such post.")
    return post


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def action_item(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Record an action item of a meeting from a thread or one of its posts."""
    thread = _thread(request, slug, pk, "record", Event)
    post = _post(request, thread)
    # A search for an older meeting (a GET form; the form below posts to
    # this same address, so the meeting chosen is checked among the same).
    search = meeting_search(request.GET.get("meeting", ""))
    form = ActionItemFromThreadForm(
        request.POST if request.method == "POST" else None,
        user=request.user,
        thread=thread,
        search=search,
        initial={"text": thread.title},
    )
    share_choices([form])
    if request.method == "POST" and form.is_valid():
        event = form.cleaned_data["event"]
        try:
            conversions.turn_into_action_item(
                thread, acting_user=request.user, event=event, post=post, **form.arguments()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Recorded as an action item of “%(meeting)s”.") % {"meeting": event.title},
            )
            return redirect(thread.get_absolute_url() + "#outcomes")
    return render(
        request,
        "community/turn_into_action_item.html",
        {"space": thread.space, "thread": thread, "post": post, "form": form, "search": search},
        status=400 if request.method == "POST" else 200,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def resource(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Make a library resource of a thread, for review."""
    thread = _thread(request, slug, pk, "submit", Resource)
    form = ResourceFromThreadForm(
        request.POST if request.method == "POST" else None,
        initial={
            "title": thread.title,
            "summary": conversions.opening_summary(thread),
            "language": (get_language() or "en").split("-")[0],
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            made = conversions.turn_into_resource(
                thread, acting_user=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Saved as a draft in the library; publish it once reviewed.")
                if is_secretariat(request.user)
                else _(
                    "Sent to the library: the Secretariat will review it before it is published."
                ),
            )
            return redirect(made)
    return render(
        request,
        "community/turn_into_resource.html",
        {"space": thread.space, "thread": thread, "form": form},
        status=400 if request.method == "POST" else 200,
    )
