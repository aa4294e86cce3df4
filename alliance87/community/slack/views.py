"""The Secretariat's Slack import page: upload an export, read the check's
report (a dry run), choose the spaces, import; a large export is checked
and imported in the background and the page says where it stands. Only
the Secretariat sees these pages (404 for everyone else); they work
without JavaScript."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from alliance87.community.models import SlackImport
from alliance87.community.slack import services
from alliance87.community.slack.forms import UploadForm, spaces_form
from alliance87.core.forms import add_service_errors
from alliance87.core.visibility import is_secretariat

RECENT = 20


def _require_secretariat(request: HttpRequest) -> None:
    if not is_secretariat(request.user):
        raise Http404("Not found.")


def _get(request: HttpRequest, pk: int) -> SlackImport:
    _require_secretariat(request)
    return get_object_or_404(SlackImport.objects.visible_to(request.user), pk=pk)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    _require_secretariat(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                row = services.upload_slack_export(
                    form.cleaned_data["file"],
                    acting_user=request.user,
                    language=request.LANGUAGE_CODE,
                )
            except ValidationError as error:
                add_service_errors(form, error, unnamed="file")
            else:
                return redirect(row)
        status = 400
    recent = SlackImport.objects.visible_to(request.user).select_related("created_by")[:RECENT]
    return render(
        request,
        "community/slack_import.html",
        {"form": form, "recent": recent, "max_mb": settings.SLACK_IMPORT_MAX_MB},
        status=status,
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def page(request: HttpRequest, pk: int) -> HttpResponse:
    """Where an upload stands, its report, and the spaces to check it with."""
    row = _get(request, pk)
    form = spaces_form(request.POST or None, row=row, user=request.user)
    status = 200
    if request.method == "POST":
        if form is not None and form.is_valid():
            try:
                services.recheck_slack_import(
                    row,
                    space_map=form.space_map(),
                    create_spaces=form.cleaned_data["create_spaces"],
                    acting_user=request.user,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return redirect(row)
        status = 400
    return render(
        request,
        "community/slack_import_page.html",
        {"row": row, "report": row.report, "form": form},
        status=status,
    )


@require_POST
def confirm(request: HttpRequest, pk: int) -> HttpResponse:
    row = _get(request, pk)
    try:
        row = services.confirm_slack_import(row, acting_user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if row.status == SlackImport.Status.IMPORTED:
            messages.success(request, _("The export is imported."))
        elif row.status == SlackImport.Status.IMPORTING:
            messages.success(
                request,
                _("The import has started in the background; this page says when it ends."),
            )
        else:
            messages.error(request, _("The export was refused; nothing was imported."))
    return redirect(row)


@require_POST
def discard(request: HttpRequest, pk: int) -> HttpResponse:
    row = _get(request, pk)
    try:
        services.discard_slack_import(row, acting_user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(row)
    messages.success(request, _("The upload is discarded."))
    return redirect("community:slack-import")
