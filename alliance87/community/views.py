"""The community's pages: spaces, threads, posts. Every page and form
works without JavaScript; every write goes through community.services."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from alliance87.community import pseudonyms, selectors, services
from alliance87.community.cards import outcome_cards
from alliance87.community.forms import (
    EditPostForm,
    ModeratorForm,
    PostForm,
    SpaceForm,
    ThreadForm,
)
from alliance87.community.models import (
    Level,
    PostState,
    Space,
    SpaceMember,
    SpaceRole,
    shown_author,
)
from alliance87.core import permissions
from alliance87.core.forms import add_service_errors
from alliance87.core.pagecache import public_page
from alliance87.core.permissions import may
from alliance87.core.text import parse_id
from alliance87.core.visibility import is_secretariat
from alliance87.events.models import Event
from alliance87.library.models import Resource


def _refuse(request: HttpRequest, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _secretariat_only(request: HttpRequest) -> None:
    if not is_secretariat(request.user):
        raise Http404("Not found.")


@require_safe
@public_page
def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "community/index.html",
        {
            "spaces": selectors.list_spaces(request.user),
            "may_create": is_secretariat(request.user),
            "may_use_pseudonym": pseudonyms.may_use_pseudonym(request.user),
        },
    )


@require_safe
@public_page
def space(request: HttpRequest, slug: str) -> HttpResponse:
    shown = selectors.get_space_for_user(request.user, slug)
    context = selectors.space_page(request.user, shown, request.GET.get("page", 1))
    return render(
        request,
        "community/space.html",
        {
            "view": context,
            "space": shown,
            "page": context.page,
            "may_manage": is_secretariat(request.user),
            "levels": Level.choices,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def create_space(request: HttpRequest) -> HttpResponse:
    return edit_space(request, None)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def edit_space(request: HttpRequest, slug: str | None) -> HttpResponse:
    """The Secretariat creates or changes a space."""
    _secretariat_only(request)
    instance = selectors.get_space_for_user(request.user, slug) if slug else Space()
    form = SpaceForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_space(form.save(commit=False), acting_user=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The space is saved."))
            return redirect(saved)
    return render(
        request, "community/edit_space.html", {"form": form, "space": instance if slug else None}
    )


@require_POST
def archive(request: HttpRequest, slug: str) -> HttpResponse:
    _secretariat_only(request)
    shown = selectors.get_space_for_user(request.user, slug)
    archived = request.POST.get("action") != "restore"
    services.archive_space(shown, acting_user=request.user, archived=archived)
    messages.success(
        request, _("The space is archived.") if archived else _("The space is open again.")
    )
    return redirect(shown)


@require_POST
@login_required
def join(request: HttpRequest, slug: str) -> HttpResponse:
    shown = selectors.get_space_for_user(request.user, slug)
    if request.POST.get("action") == "leave":
        services.leave_space(shown, acting_user=request.user)
        messages.success(request, _("You left the space."))
    else:
        try:
            services.join_space(shown, acting_user=request.user)
        except ValidationError as error:
            _refuse(request, error)
        else:
            messages.success(request, _("You joined the space."))
    return redirect(shown)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def moderators(request: HttpRequest, slug: str) -> HttpResponse:
    """The Secretariat names and removes a space's moderators."""
    _secretariat_only(request)
    shown = selectors.get_space_for_user(request.user, slug)
    form = ModeratorForm(request.POST or None)
    if request.method == "POST":
        remove = parse_id(request.POST.get("remove", ""))
        if remove is not None:
            member = (
                SpaceMember.objects.filter(space=shown, pk=remove).select_related("user").first()
            )
            if member is not None:
                services.set_moderator(
                    shown, member.user, acting_user=request.user, moderator=False
                )
                messages.success(request, _("The moderator is a member again."))
            return redirect("community:moderators", shown.slug)
        if form.is_valid():
            try:
                services.set_moderator(shown, form.cleaned_data["email"], acting_user=request.user)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The moderator is named."))
                return redirect("community:moderators", shown.slug)
    current = [
        (m.pk, selectors.display_name(m.user))
        for m in SpaceMember.objects.filter(space=shown, role=SpaceRole.MODERATOR).select_related(
            "user"
        )
    ]
    return render(
        request, "community/moderators.html", {"space": shown, "form": form, "current": current}
    )


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def new_thread(request: HttpRequest, slug: str) -> HttpResponse:
    shown = selectors.get_space_for_user(request.user, slug)
    permissions.require(request.user, "post", shown)
    form = ThreadForm(
        request.POST or None,
        request.FILES or None,
        pseudonym=pseudonyms.offer(request.user).pseudonym,
    )
    if request.method == "POST" and form.is_valid():
        try:
            started = services.start_thread(shown, acting_user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return redirect(started)
    return render(request, "community/new_thread.html", {"space": shown, "form": form})


@require_safe
@public_page
def thread(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    shown = selectors.get_space_for_user(request.user, slug)
    found = selectors.get_thread_for_user(request.user, shown, pk)
    context = selectors.thread_page(request.user, found, request.GET.get("page", 1))
    published = found.state == PostState.PUBLISHED
    offered = pseudonyms.offer(request.user, found)
    return render(
        request,
        "community/thread.html",
        {
            "view": context,
            "space": shown,
            "thread": found,
            "page": context.page,
            "form": PostForm(pseudonym=offered.pseudonym, pseudonymous=offered.used_here),
            "offer": offered,
            # What the thread became, and who may make more of it
            # (community/conversions.py).
            "outcomes": outcome_cards(request.user, found),
            "may_make_action_item": published and may(request.user, "record", Event),
            "may_make_resource": published and may(request.user, "submit", Resource),
        },
    )


@require_POST
@login_required
def reply(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    shown = selectors.get_space_for_user(request.user, slug)
    found = selectors.get_thread_for_user(request.user, shown, pk)
    permissions.require(request.user, "post", shown)
    # The pseudonym the form offers; what the page says of it (used here,
    # ended) only if the form is shown again.
    form = PostForm(request.POST, request.FILES, pseudonym=pseudonyms.offered(request.user))
    if form.is_valid():
        try:
            posted = services.reply(
                found,
                acting_user=request.user,
                body=form.cleaned_data["body"],
                attachments=form.cleaned_data.get("attachments", []),
                under_pseudonym=form.cleaned_data.get("under_pseudonym", False),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your reply is posted."))
            # The page that shows the reply (the last), found by one count.
            return redirect(selectors.post_url(posted))
    context = selectors.thread_page(request.user, found, "last")
    return render(
        request,
        "community/thread.html",
        {
            "view": context,
            "space": shown,
            "thread": found,
            "page": context.page,
            "form": form,
            "offer": pseudonyms.offer(request.user, found),
        },
        status=400,
    )


@require_POST
def thread_state(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    shown = selectors.get_space_for_user(request.user, slug)
    found = selectors.get_thread_for_user(request.user, shown, pk)
    permissions.require(request.user, "moderate", shown)
    change: dict[str, Any] = {}
    action = request.POST.get("action", "")
    if action in ("pin", "unpin"):
        change["pinned"] = action == "pin"
    elif action in ("close", "reopen"):
        change["closed"] = action == "close"
    services.set_thread_state(found, acting_user=request.user, **change)
    messages.success(request, _("The thread is changed."))
    return redirect(found)


@require_POST
def accept(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    shown = selectors.get_space_for_user(request.user, slug)
    found = selectors.get_thread_for_user(request.user, shown, pk)
    permissions.require(request.user, "accept", found)
    post_id = parse_id(request.POST.get("post", ""))
    post = found.posts.filter(pk=post_id).first() if post_id is not None else None
    try:
        services.accept_answer(found, post, acting_user=request.user)
    except ValidationError as error:
        _refuse(request, error)
    else:
        messages.success(
            request, _("The answer is accepted.") if post else _("No answer is accepted now.")
        )
    return redirect(found)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def edit_post(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.get_post_for_user(request.user, pk)
    permissions.require(request.user, "edit", post)
    current = list(post.attachments.current())
    form = EditPostForm(
        request.POST or None, request.FILES or None, initial={"body": post.body}, current=current
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.edit_post(
                post,
                acting_user=request.user,
                body=form.cleaned_data["body"],
                attachments=form.cleaned_data.get("attachments", []),
                remove=form.cleaned_data.get("remove", []),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect(selectors.post_url(post))
    return render(request, "community/edit_post.html", {"post": post, "form": form})


@require_safe
@public_page
def post_history(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.get_post_for_user(request.user, pk)
    return render(
        request,
        "community/history.html",
        {
            "post": post,
            "author_name": shown_author(post),
            "versions": selectors.post_history(request.user, post),
        },
    )


@require_POST
@login_required
def helpful(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.get_post_for_user(request.user, pk)
    try:
        services.mark_helpful(
            post, acting_user=request.user, helpful=request.POST.get("action") != "unmark"
        )
    except ValidationError as error:
        _refuse(request, error)
    return redirect(selectors.post_url(post))
