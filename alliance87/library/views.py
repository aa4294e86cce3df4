"""The library's pages: the list with its facets, a resource, the glossary."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from alliance87.core import permissions
from alliance87.core.forms import add_service_errors
from alliance87.core.pagecache import public_page
from alliance87.core.visibility import is_secretariat
from alliance87.library import selectors, services
from alliance87.library.forms import LibraryFilterForm, ResourceForm
from alliance87.library.models import Resource


@require_safe
@public_page
def index(request: HttpRequest) -> HttpResponse:
    filters = selectors.parse_filters(request.user, request.GET)
    facets = selectors.facets(request.user, filters)
    selectors.match_organisations(request.user, filters)
    page = selectors.list_resources(request.user, filters, request.GET.get("page", 1))
    query = filters.as_query()
    return render(
        request,
        "library/index.html",
        {
            "page": page,
            "form": LibraryFilterForm(filters, facets),
            "filters": filters,
            "problems": filters.problems,
            "query": urlencode(query),
            "filtered": bool(query),
            "may_submit": permissions.may(request.user, "submit", Resource),
            "may_review": is_secretariat(request.user),
        },
    )


@require_safe
@public_page
def detail(request: HttpRequest, slug: str) -> HttpResponse:
    resource = selectors.get_resource_for_user(request.user, slug)
    context = selectors.resource_page(request.user, resource)
    context["may_edit"] = permissions.may(request.user, "edit", resource)
    context["may_publish"] = is_secretariat(request.user)
    return render(request, "library/detail.html", context)


@require_safe
@public_page
def glossary(request: HttpRequest) -> HttpResponse:
    return render(request, "library/glossary.html", {"terms": selectors.glossary(request.user)})


def _write(request: HttpRequest, resource: Resource, form: ResourceForm, *, submit: bool) -> bool:
    texts, links = form.apply(resource)
    try:
        services.write_resource(
            resource,
            acting_user=request.user,
            texts=texts,
            links=links,
            upload=form.cleaned_data.get("file"),
            upload_language=form.cleaned_data.get("file_language", ""),
            submit=submit,
        )
    except ValidationError as error:
        add_service_errors(form, error, unnamed="file" if error.code in FILE_ERRORS else None)
        return False
    return True


FILE_ERRORS = {"too_large", "kind", "not_saved"}


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def submit(request: HttpRequest) -> HttpResponse:
    """A partner submits a resource; the Secretariat reviews it."""
    permissions.require(request.user, "submit", Resource)
    form = ResourceForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        resource = Resource()
        secretariat = is_secretariat(request.user)
        if _write(request, resource, form, submit=not secretariat):
            messages.success(
                request,
                _("Saved as a draft.")
                if secretariat
                else _("Thank you: the Secretariat will review it before it is published."),
            )
            return redirect(resource)
    return render(request, "library/edit.html", {"form": form, "resource": None})


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def edit(request: HttpRequest, slug: str) -> HttpResponse:
    """Edit a resource: its submitter until it is published, the Secretariat."""
    resource = selectors.get_resource_for_user(request.user, slug)
    permissions.require(request.user, "edit", resource)
    if request.method == "POST":
        form = ResourceForm(request.POST, request.FILES, user=request.user)
        if form.is_valid() and _write(
            request, resource, form, submit=not is_secretariat(request.user)
        ):
            messages.success(request, _("Your changes are saved."))
            return redirect(resource)
    else:
        form = ResourceForm(initial=ResourceForm.initial_for(resource), user=request.user)
    return render(request, "library/edit.html", {"form": form, "resource": resource})


@require_POST
def publish(request: HttpRequest, slug: str) -> HttpResponse:
    """Publish a reviewed resource (the Secretariat only)."""
    resource = selectors.get_resource_for_user(request.user, slug)
    if not is_secretariat(request.user):
        raise Http404("Not found.")
    if request.POST.get("action") == "unpublish":
        services.return_resource_to_draft(resource, acting_user=request.user)
        messages.success(request, _("The resource is a draft again."))
    else:
        services.publish_resource(resource, acting_user=request.user)
        messages.success(request, _("The resource is published."))
    return redirect(resource)


@require_safe
@login_required
def review_list(request: HttpRequest) -> HttpResponse:
    """The resources waiting for review (the Secretariat's queue)."""
    if not is_secretariat(request.user):
        raise Http404("Not found.")
    return render(
        request, "library/review.html", {"resources": selectors.list_for_review(request.user)}
    )
