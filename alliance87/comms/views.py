"""The news pages: the list with its filters, a post, and the
Secretariat's writing, publishing and scheduling of posts."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from alliance87.comms import selectors, services
from alliance87.comms.access import secretariat_only
from alliance87.comms.forms import NewsFilterForm, PostForm
from alliance87.comms.models import Post
from alliance87.core.forms import add_service_errors
from alliance87.core.pagecache import public_page
from alliance87.core.visibility import is_secretariat


@require_safe
@public_page
def news(request: HttpRequest) -> HttpResponse:
    filters = selectors.parse_filters(request.user, request.GET)
    query = filters.as_query()
    return render(
        request,
        "comms/news.html",
        {
            "page": selectors.list_posts(request.user, filters, request.GET.get("page", 1)),
            "form": NewsFilterForm(filters, selectors.facets(request.user)),
            "filters": filters,
            "problems": filters.problems,
            "query": urlencode(query),
            "filtered": bool(query),
            "may_write": is_secretariat(request.user),
        },
    )


@require_safe
@public_page
def post(request: HttpRequest, slug: str) -> HttpResponse:
    found = selectors.get_post_for_user(request.user, slug)
    context = selectors.post_page(request.user, found)
    context["may_write"] = is_secretariat(request.user)
    return render(request, "comms/post.html", context)


def _write(request: HttpRequest, found: Post, form: PostForm) -> bool:
    links = form.apply(found)
    try:
        services.save_post(
            found, acting_user=request.user, links=links, image=form.cleaned_data.get("image")
        )
    except ValidationError as error:
        add_service_errors(
            form,
            error,
            unnamed="image",
            field_for=lambda field: f"{field}_en" if f"{field}_en" in form.fields else field,
        )
        return False
    return True


@require_http_methods(["GET", "HEAD", "POST"])
def write(request: HttpRequest, slug: str = "") -> HttpResponse:
    """Write a new post, or edit one (the Secretariat)."""
    refused = secretariat_only(request)
    if refused is not None:
        return refused
    found = selectors.get_post_for_user(request.user, slug) if slug else None
    if request.method == "POST":
        form = PostForm(request.POST, request.FILES, user=request.user)
        target = found or Post()
        if form.is_valid() and _write(request, target, form):
            messages.success(request, _("The post is saved."))
            return redirect(target)
    else:
        initial = PostForm.initial_for(found) if found else {}
        form = PostForm(initial=initial, user=request.user)
    return render(request, "comms/write.html", {"form": form, "post": found})


@require_POST
def publish(request: HttpRequest, slug: str) -> HttpResponse:
    """Publish a post now or at its time, or make it a draft again."""
    refused = secretariat_only(request)
    if refused is not None:
        return refused
    found = selectors.get_post_for_user(request.user, slug)
    if request.POST.get("action") == "unpublish":
        services.unpublish_post(found, acting_user=request.user)
        messages.success(request, _("The post is a draft again."))
    else:
        services.publish_post(found, acting_user=request.user, at=found.publish_at)
        if found.is_scheduled:
            messages.success(request, _("The post is scheduled."))
        else:
            messages.success(request, _("The post is published."))
    return redirect(found)
