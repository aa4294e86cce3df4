"""The news pages: the list with its filters, a post, and the
Secretariat's writing, publishing and scheduling of posts."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from alliance87.comms import selectors, services
from alliance87.comms.access import for_secretariat
from alliance87.comms.forms import NewsFilterForm, PartnerPostForm, PostForm, ReturnPostForm
from alliance87.comms.models import Post, PostStatus
from alliance87.core.forms import add_service_errors
from alliance87.core.pagecache import public_page
from alliance87.core.visibility import audience_for, is_secretariat


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
            "may_submit": may_submit(request.user),
        },
    )


@require_safe
@public_page
def post(request: HttpRequest, slug: str) -> HttpResponse:
    found = selectors.get_post_for_user(request.user, slug)
    context = selectors.post_page(request.user, found)
    context["may_write"] = is_secretariat(request.user)
    context["return_form"] = ReturnPostForm(auto_id="id_return_%s")
    return render(request, "comms/post.html", context)


def _write(request: HttpRequest, found: Post, form: PostForm, save: Any = None) -> bool:
    links = form.apply(found)
    try:
        (save or services.save_post)(
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
@for_secretariat
def write(request: HttpRequest, slug: str = "") -> HttpResponse:
    """Write a new post, or edit one (the Secretariat)."""
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
@for_secretariat
def publish(request: HttpRequest, slug: str) -> HttpResponse:
    """Publish a post now or at its time, or make it a draft again."""
    found = selectors.get_post_for_user(request.user, slug)
    if request.POST.get("action") == "return":
        form = ReturnPostForm(request.POST, auto_id="id_return_%s")
        try:
            if not form.is_valid():
                raise ValidationError(_("Give the author the reason."))
            services.return_post(
                found, reason=form.cleaned_data["reason"], acting_user=request.user
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, _("The post is returned to its author."))
        return redirect(found)
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


# --- Partners' posts, and the Secretariat's review ------------------------


def may_submit(user: Any) -> bool:
    """A member of an approved partner organisation (not the Secretariat,
    who writes at /news/new/) may submit posts for review."""
    return bool(
        user.is_authenticated and audience_for(user).is_partner and not is_secretariat(user)
    )


def _partner_only(request: HttpRequest) -> HttpResponse | None:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not may_submit(request.user):
        raise Http404("Not found.")
    return None


@require_safe
def my_posts(request: HttpRequest) -> HttpResponse:
    """A partner's own posts: drafts, submitted, returned, published."""
    refused = _partner_only(request)
    if refused is not None:
        return refused
    return render(
        request,
        "comms/my_posts.html",
        {"posts": list(Post.objects.written_by(request.user).order_by("-updated")[:200])},
    )


@require_http_methods(["GET", "HEAD", "POST"])
def my_post(request: HttpRequest, slug: str = "") -> HttpResponse:
    """A partner writes a post, saves it as a draft and submits it for
    review; a submitted or published one is shown, not edited."""
    refused = _partner_only(request)
    if refused is not None:
        return refused
    found = None
    if slug:
        found = Post.objects.written_by(request.user).filter(slug=slug).first()
        if found is None:
            raise Http404("No such post.")
    editable = found is None or found.status == PostStatus.DRAFT
    status = 200
    if request.method == "POST" and editable:
        form = PartnerPostForm(request.POST, request.FILES, user=request.user)
        target = found or Post()
        if form.is_valid() and _write(request, target, form, services.save_partner_post):
            if request.POST.get("action") == "submit":
                try:
                    services.submit_post(target, acting_user=request.user)
                except ValidationError as error:
                    messages.error(request, error.messages[0])
                else:
                    messages.success(
                        request, _("The post is submitted: the Secretariat reviews it.")
                    )
            else:
                messages.success(request, _("The draft is saved."))
            return redirect("comms:my-post", slug=target.slug)
        status = 400
    elif request.method == "POST":
        messages.error(
            request,
            _(
                "This post is with the Secretariat for review; it can change again "
                "only if it is returned to you."
            ),
        )
        return redirect("comms:my-post", slug=found.slug if found else "")
    else:
        initial = PostForm.initial_for(found) if found else {}
        form = PartnerPostForm(initial=initial, user=request.user)
    return render(
        request,
        "comms/my_post.html",
        {"form": form, "post": found, "editable": editable},
        status=status,
    )


@require_safe
@for_secretariat
def review(request: HttpRequest) -> HttpResponse:
    """The posts partners submitted, oldest first (the Secretariat)."""
    waiting = Post.objects.filter(status=PostStatus.SUBMITTED).select_related("organisation")
    return render(
        request,
        "comms/review.html",
        {"posts": list(waiting.order_by("submitted_at", "pk")[:200])},
    )
