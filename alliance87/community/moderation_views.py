"""The moderation pages: flag a post; the moderators' queue of a space
(flagged posts, posts awaiting review), and the Secretariat's queue across
every space; one post's decision page (hide,
restore, approve, reject, dismiss its flags); a space's suspensions.
Every page and form works without JavaScript; every write goes through
community.moderation's services. A person who may not moderate a space
gets the 404 of a missing page."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from alliance87.community import moderation, selectors
from alliance87.community.forms import (
    FlagForm,
    ModerationForm,
    SuspendAuthorForm,
    SuspensionForm,
)
from alliance87.community.models import Space, Suspension, display_name, shown_author
from alliance87.core import permissions
from alliance87.core.forms import add_service_errors
from alliance87.core.markdown import render as render_markdown
from alliance87.core.text import parse_id
from alliance87.core.visibility import is_secretariat


def _next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def flag(request: HttpRequest, pk: int) -> HttpResponse:
    """Flag a post for its space's moderators."""
    post = selectors.get_post_for_user(request.user, pk)
    permissions.require(request.user, "flag", post)
    form = FlagForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                moderation.flag_post(
                    post,
                    acting_user=request.user,
                    reason=form.cleaned_data["reason"],
                    note=form.cleaned_data["note"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Thank you: the space's moderators will look at the post."),
                )
                return redirect(selectors.post_url(post))
        status = 400
    return render(
        request,
        "community/flag.html",
        {
            "post": post,
            "space": post.thread.space,
            "author_name": shown_author(post),
            "html": render_markdown(post.body),
            "form": form,
        },
        status=status,
    )


@require_http_methods(["GET", "HEAD"])
@login_required
def queue(request: HttpRequest, slug: str) -> HttpResponse:
    """A space's moderators' queue: flagged posts, or posts awaiting review."""
    space = selectors.get_space_for_user(request.user, slug)
    permissions.require(request.user, "moderate", space)
    held = request.GET.get("show") == "held"
    page = moderation.queue(space, request.GET.get("page", 1), held=held)
    for item in page.object_list:
        item.html = render_markdown(item.post.body)
    flagged_count, held_count = moderation.queue_counts(space)
    return render(
        request,
        "community/queue.html",
        {
            "space": space,
            "page": page,
            "held": held,
            "flagged_count": flagged_count,
            "held_count": held_count,
            "form": ModerationForm(),
            "here": request.get_full_path(),
        },
    )


@require_http_methods(["GET", "HEAD"])
@login_required
def queue_across_spaces(request: HttpRequest) -> HttpResponse:
    """The Secretariat's queue: flagged posts, or posts awaiting review, of
    every space (or of one, `?space=`), with each space's counts."""
    if not is_secretariat(request.user):
        raise Http404("Not found.")
    held = request.GET.get("show") == "held"
    counts = moderation.queue_counts_by_space()
    slug = request.GET.get("space", "").strip()
    space = Space.objects.filter(slug=slug).first() if slug else None
    page = moderation.queue(space, request.GET.get("page", 1), held=held)
    for item in page.object_list:
        item.html = render_markdown(item.post.body)
    if space is not None:
        mine = next((c for c in counts if c.space.pk == space.pk), None)
        flagged_count, held_count = (mine.flagged, mine.held) if mine else (0, 0)
    else:
        flagged_count = sum(c.flagged for c in counts)
        held_count = sum(c.held for c in counts)
    kept = {"space": space.slug} if space is not None else {}
    return render(
        request,
        "community/queue_all.html",
        {
            "page": page,
            "held": held,
            "space": space,
            "unknown_space": bool(slug) and space is None,
            "counts": counts,
            "flagged_count": flagged_count,
            "held_count": held_count,
            "space_query": urlencode(kept),
            "query": urlencode({**kept, **({"show": "held"} if held else {})}),
            "form": ModerationForm(),
            "here": request.get_full_path(),
            "show_space": True,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def moderate_post(request: HttpRequest, pk: int) -> HttpResponse:
    """One post's moderation: its flags, state and the decisions open."""
    post = selectors.get_post_for_user(request.user, pk)
    space = post.thread.space
    permissions.require(request.user, "moderate", space)
    form = ModerationForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        action, reason = request.POST.get("action", ""), form.cleaned_data["reason"]
        done = {
            "hide": _("The post is hidden; its author is told why."),
            "restore": _("The post is shown again; its author is told."),
            "approve": _("The post is published; its author is told."),
            "reject": _("The post is not approved; its author is told why."),
            "dismiss": _("The flags are dismissed; the post stays."),
        }
        try:
            if action == "hide":
                moderation.hide_post(post, acting_user=request.user, reason=reason)
            elif action == "restore":
                moderation.restore_post(post, acting_user=request.user, reason=reason)
            elif action == "approve":
                moderation.approve_post(post, acting_user=request.user)
            elif action == "reject":
                moderation.reject_post(post, acting_user=request.user, reason=reason)
            elif action == "dismiss":
                moderation.dismiss_flags(post, acting_user=request.user)
            else:
                raise ValidationError(_("Choose one of the decisions offered."))
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, done[action])
            return redirect(_next(request, request.path))
    if request.method == "POST":
        status = 400
    flags = list(post.flags.select_related("user", "resolved_by").order_by("-created"))
    return render(
        request,
        "community/moderate_post.html",
        {
            "post": post,
            "space": space,
            "author_name": shown_author(post),
            "may_reveal": post.pseudonym_id is not None and is_secretariat(request.user),
            "html": render_markdown(post.body),
            "open_flags": [f for f in flags if f.resolved is None],
            "closed_flags": [f for f in flags if f.resolved is not None],
            "form": form,
            "moderated_by": selectors.display_name(post.moderated_by)
            if post.moderated_by_id
            else "",
            "next": _next(request, ""),
            # The author of a post under a pseudonym is suspended through
            # the post, their account unnamed.
            "suspend_form": SuspendAuthorForm(initial={"post": post.pk})
            if post.pseudonym_id
            else SuspensionForm(
                initial={"person": post.author.get_username() if post.author else ""}
            ),
        },
        status=status,
    )


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def suspensions(request: HttpRequest, slug: str) -> HttpResponse:
    """A space's suspensions in force: suspend a person, lift a suspension."""
    space = selectors.get_space_for_user(request.user, slug)
    permissions.require(request.user, "moderate", space)
    through_post = request.method == "POST" and "post" in request.POST
    form: SuspensionForm | SuspendAuthorForm = (
        SuspendAuthorForm(request.POST) if through_post else SuspensionForm(request.POST or None)
    )
    status = 200
    if request.method == "POST":
        lift = parse_id(request.POST.get("lift", ""))
        if lift is not None:
            found = Suspension.objects.filter(space=space, pk=lift).select_related("user").first()
            if found is not None:
                try:
                    moderation.lift_suspension(found, acting_user=request.user)
                except ValidationError as error:
                    for message in error.messages:
                        messages.error(request, message)
                else:
                    messages.success(request, _("The suspension is lifted."))
            return redirect("community:suspensions", space.slug)
        if form.is_valid():
            ends = form.cleaned_data["ends"]
            if through_post:
                post = selectors.get_post_for_user(request.user, form.cleaned_data["post"])
                if post.thread.space_id != space.pk or post.author is None:
                    raise Http404("Not found.")
                person, pseudonym = post.author, post.pseudonym
            else:
                person, pseudonym = form.cleaned_data["person"], None
            try:
                moderation.suspend(
                    space,
                    person,
                    acting_user=request.user,
                    reason=form.cleaned_data["reason"],
                    ends=dt.datetime.combine(ends, dt.time(0), tzinfo=dt.UTC) if ends else None,
                    pseudonym=pseudonym,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The person is suspended from the space."))
                return redirect("community:suspensions", space.slug)
        status = 400
    rows = [
        (
            s,
            s.pseudonym.name if s.pseudonym is not None else display_name(s.user),
            display_name(s.created_by),
        )
        for s in moderation.active_suspensions(space)
    ]
    return render(
        request,
        "community/suspensions.html",
        {"space": space, "form": form, "rows": rows},
        status=status,
    )
