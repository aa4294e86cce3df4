"""The inbox, the mail settings, a space's level, and the one-click
unsubscribe of the community's emails (RFC 8058)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from alliance87.community import notify, selectors, services
from alliance87.community.forms import LevelForm, PreferencesForm
from alliance87.community.models import MODERATOR_REASONS, Notification, Space, shown_author

INBOX_PAGE = 30


@require_safe
@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    rows = (
        Notification.objects.visible_to(request.user)
        .select_related("post__author", "post__pseudonym", "post__thread__space")
        .order_by("-created", "-pk")
    )
    page = Paginator(rows, INBOX_PAGE).get_page(request.GET.get("page", 1))
    for row in page.object_list:
        row.author_name = shown_author(row.post)
    return render(request, "community/inbox.html", {"page": page})


@require_POST
@login_required
def open_notification(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark one notification read and go to its post (a moderator's, to
    the post's moderation page)."""
    row = (
        Notification.objects.visible_to(request.user)
        .select_related("post__thread__space")
        .filter(pk=pk)
        .first()
    )
    if row is None:
        raise Http404("Not found.")
    services.mark_read(acting_user=request.user, notification_ids=[row.pk])
    if row.reason in MODERATOR_REASONS:
        # A post in the moderator's queue: to its decision page.
        return redirect("community:moderate-post", row.post_id)
    return redirect(selectors.post_url(row.post))


@require_POST
@login_required
def read_all(request: HttpRequest) -> HttpResponse:
    services.mark_read(acting_user=request.user)
    messages.success(request, _("Everything in your inbox is marked read."))
    return redirect("community:inbox")


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    prefs = notify.preferences_of(request.user)
    form = PreferencesForm(request.POST or None, instance=prefs)
    if request.method == "POST" and form.is_valid():
        services.save_preferences(form.save(commit=False), acting_user=request.user)
        messages.success(request, _("Your email settings are saved."))
        return redirect("community:preferences")
    return render(request, "community/preferences.html", {"form": form})


@require_POST
@login_required
def level(request: HttpRequest, slug: str) -> HttpResponse:
    space = selectors.get_space_for_user(request.user, slug)
    form = LevelForm(request.POST)
    if form.is_valid():
        try:
            services.set_level(space, acting_user=request.user, level=form.cleaned_data["level"])
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Your choice for this space is saved."))
    else:
        messages.error(request, _("Choose one of the levels offered."))
    return redirect(space)


@csrf_exempt  # RFC 8058: the mail provider posts without cookies; the token is the proof
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """Stop a space's emails to the person the signed token names: a page
    with a button (GET), or at once (POST, the one-click of RFC 8058)."""
    found = notify.read_unsubscribe_token(token)
    user = space = None
    if found is not None:
        user = get_user_model().objects.filter(pk=found[0], is_active=True).first()
        space = Space.objects.filter(pk=found[1]).first()
    if user is None or space is None:
        return render(request, "community/unsubscribe.html", {"invalid": True}, status=404)
    if request.method == "POST":
        services.unsubscribe(space, acting_user=user)
        return render(request, "community/unsubscribe.html", {"space": space, "done": True})
    return render(request, "community/unsubscribe.html", {"space": space, "done": False})
