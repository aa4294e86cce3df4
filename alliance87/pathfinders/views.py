from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_safe

from alliance87.core import permissions
from alliance87.core.forms import save_posted
from alliance87.core.pagecache import public_page
from alliance87.pathfinders import selectors, services
from alliance87.pathfinders.forms import (
    ActionForm,
    FindingForm,
    PathfinderForm,
    PriorityAreaForm,
    ProgressForm,
    RoadmapForm,
    StageForm,
    UploadForm,
)
from alliance87.pathfinders.models import Action, Finding, Pathfinder, PriorityArea, Roadmap


@public_page
@require_safe
def index(request: HttpRequest) -> HttpResponse:
    overview = selectors.pathfinder_overview(request.user)
    return render(request, "pathfinders/index.html", {"overview": overview})


def _editable(request: HttpRequest, iso3: str) -> Pathfinder:
    """Return the pathfinder if the user may edit it; 404 otherwise, alike."""
    pathfinder = selectors.get_pathfinder_for_user(request.user, iso3)
    permissions.require(request.user, "edit", pathfinder)
    return pathfinder


def _done(request: HttpRequest, pathfinder: Pathfinder, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect(pathfinder.get_absolute_url())


def _page(
    request: HttpRequest, template: str, pathfinder: Pathfinder, **context: Any
) -> HttpResponse:
    return render(request, template, {"pathfinder": pathfinder, **context})


@require_http_methods(["GET", "POST"])
def edit_pathfinder(request: HttpRequest, iso3: str) -> HttpResponse:
    pathfinder = _editable(request, iso3)
    form = PathfinderForm(request.POST or None, instance=pathfinder, user=request.user)

    def save(form: PathfinderForm) -> None:
        services.update_pathfinder(form.save(commit=False), acting_user=request.user)
        form.save_m2m()

    if save_posted(request, form, save):
        return _done(request, pathfinder, _("The pathfinder's details are saved."))
    return _page(
        request,
        "pathfinders/edit.html",
        pathfinder,
        form=form,
        title=_("Edit the pathfinder's details"),
    )


@require_http_methods(["GET", "POST"])
def edit_stages(request: HttpRequest, iso3: str) -> HttpResponse:
    pathfinder = _editable(request, iso3)
    form = StageForm(request.POST or None)
    if save_posted(
        request,
        form,
        lambda form: services.record_stage(
            pathfinder,
            stage=form.cleaned_data["stage"],
            date=form.cleaned_data["reported_date"],
            evidence=form.cleaned_data["evidence"],
            evidence_url=form.cleaned_data["evidence_url"],
            acting_user=request.user,
        ),
    ):
        return _done(request, pathfinder, _("The stage is recorded."))
    return _page(
        request,
        "pathfinders/stages.html",
        pathfinder,
        form=form,
        steps=selectors.path_steps(pathfinder),
    )


@require_http_methods(["GET", "POST"])
def add_finding(request: HttpRequest, iso3: str) -> HttpResponse:
    pathfinder = _editable(request, iso3)
    kind = request.GET.get("kind", "")
    initial = {"kind": kind} if kind in Finding.Kind.values else {}
    form = FindingForm(request.POST or None, initial=initial)

    def save(form: FindingForm) -> None:
        finding = form.save(commit=False)
        finding.pathfinder = pathfinder
        services.save_finding(finding, acting_user=request.user)

    if save_posted(request, form, save):
        return _done(request, pathfinder, _("Saved."))
    return _page(
        request,
        "pathfinders/edit.html",
        pathfinder,
        form=form,
        title=_("Add an achievement, challenge or priority"),
    )


@require_http_methods(["GET", "POST"])
def edit_roadmap(request: HttpRequest, iso3: str, pk: int | None = None) -> HttpResponse:
    pathfinder = _editable(request, iso3)
    if pk is None:
        year = timezone.localdate().year
        roadmap = Roadmap(pathfinder=pathfinder, period_start=year, period_end=year + 2)
    else:
        roadmap = selectors.get_roadmap_for_user(request.user, pathfinder, pk)
        permissions.require(request.user, "edit", roadmap)
    form = RoadmapForm(request.POST or None, instance=roadmap)

    def save(form: RoadmapForm) -> None:
        roadmap = form.save(commit=False)
        services.set_reported_date(roadmap, form.cleaned_data["reported_date"])
        services.save_roadmap(roadmap, acting_user=request.user)

    if save_posted(request, form, save):
        return _done(request, pathfinder, _("The roadmap is saved."))
    title = _("Add a roadmap") if pk is None else _("Edit the roadmap")
    return _page(request, "pathfinders/edit.html", pathfinder, form=form, title=title)


@require_http_methods(["GET", "POST"])
def add_priority(request: HttpRequest, iso3: str, pk: int) -> HttpResponse:
    pathfinder = _editable(request, iso3)
    roadmap = selectors.get_roadmap_for_user(request.user, pathfinder, pk)
    next_number = max((p.number for p in roadmap.visible_priorities), default=0) + 1  # type: ignore[attr-defined]
    form = PriorityAreaForm(request.POST or None, initial={"number": next_number})

    def save(form: PriorityAreaForm) -> None:
        priority = form.save(commit=False)
        priority.roadmap = roadmap
        services.save_priority_area(priority, acting_user=request.user)

    if save_posted(request, form, save):
        return _done(request, pathfinder, _("The priority area is added."))
    return _page(
        request,
        "pathfinders/edit.html",
        pathfinder,
        form=form,
        title=_("Add a priority area to %(roadmap)s") % {"roadmap": roadmap.title},
    )


def _action_form(
    request: HttpRequest, pathfinder: Pathfinder, roadmap: Roadmap, action: Any
) -> HttpResponse:
    form = ActionForm(request.POST or None, instance=action, roadmap=roadmap, user=request.user)

    def save(form: ActionForm) -> None:
        services.save_action(form.save(commit=False), acting_user=request.user)
        form.save_m2m()

    if save_posted(request, form, save):
        return _done(request, pathfinder, _("The action is saved."))
    title = _("Edit the action") if action.pk else _("Add an action")
    return _page(request, "pathfinders/edit.html", pathfinder, form=form, title=title)


@require_http_methods(["GET", "POST"])
def add_action(request: HttpRequest, iso3: str, pk: int) -> HttpResponse:
    pathfinder = _editable(request, iso3)
    roadmap = selectors.get_roadmap_for_user(request.user, pathfinder, pk)
    first = PriorityArea.objects.filter(roadmap=roadmap).first()
    if first is None:
        # An action belongs to a priority area: say so, and lead to the
        # form that adds one, rather than offer an empty list.
        return _page(
            request,
            "pathfinders/needs_priority.html",
            pathfinder,
            roadmap=roadmap,
            title=_("Add an action"),
        )
    return _action_form(
        request,
        pathfinder,
        roadmap,
        Action(priority=first, number=1) if first else Action(number=1),
    )


@require_http_methods(["GET", "POST"])
def edit_action(request: HttpRequest, iso3: str, pk: int) -> HttpResponse:
    pathfinder = _editable(request, iso3)
    action = selectors.get_action_for_user(request.user, pathfinder, pk)
    permissions.require(request.user, "edit", action)
    return _action_form(request, pathfinder, action.priority.roadmap, action)


@require_http_methods(["GET", "POST"])
def add_progress(request: HttpRequest, iso3: str, pk: int) -> HttpResponse:
    pathfinder = _editable(request, iso3)
    action = selectors.get_action_for_user(request.user, pathfinder, pk)
    permissions.require(request.user, "edit", action)
    form = ProgressForm(
        request.POST or None,
        initial={"status": action.status, "percent_done": action.percent_done},
    )
    if save_posted(
        request,
        form,
        # The form's fields are the service's words, one for one.
        lambda form: services.record_progress(
            action, acting_user=request.user, **form.cleaned_data
        ),
    ):
        return _done(request, pathfinder, _("The progress update is posted."))
    return _page(
        request,
        "pathfinders/edit.html",
        pathfinder,
        form=form,
        action=action,
        title=_("Post a progress update"),
    )


@require_http_methods(["GET", "POST"])
def upload_actions(request: HttpRequest, iso3: str, pk: int) -> HttpResponse:
    pathfinder = _editable(request, iso3)
    roadmap = selectors.get_roadmap_for_user(request.user, pathfinder, pk)
    permissions.require(request.user, "edit", roadmap)
    form = UploadForm(request.POST or None, request.FILES or None)
    row_errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > services.MAX_UPLOAD_BYTES:
            form.add_error(
                "file", _("The file is larger than 2 MB; a roadmap's actions never are.")
            )
        else:
            try:
                result = services.import_actions_csv(
                    roadmap, data=upload.read(), acting_user=request.user
                )
            except ValidationError as e:
                row_errors = e.messages
                form.add_error(
                    None, _("Nothing was changed: correct the file and upload it again.")
                )
            else:
                return _done(
                    request,
                    pathfinder,
                    _("The file is applied: %(actions)s, %(notes)s.")
                    % {
                        "actions": ngettext(
                            "%(count)s action changed",
                            "%(count)s actions changed",
                            result.actions_changed,
                        )
                        % {"count": result.actions_changed},
                        "notes": ngettext(
                            "%(count)s progress note added",
                            "%(count)s progress notes added",
                            result.updates_added,
                        )
                        % {"count": result.updates_added},
                    },
                )
    return _page(
        request,
        "pathfinders/upload.html",
        pathfinder,
        form=form,
        roadmap=roadmap,
        row_errors=row_errors,
        status_choices=Action.Status.choices,
    )


def _csv_response(content: str, filename: str) -> HttpResponse:
    # A byte-order mark, so that spreadsheets open the file as UTF-8.
    response = HttpResponse("\ufeff" + content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def export_progress(request: HttpRequest, iso3: str) -> HttpResponse:
    pathfinder = selectors.get_pathfinder_for_user(request.user, iso3)
    return _csv_response(selectors.progress_csv(request.user, pathfinder), f"{iso3}-progress.csv")


@public_page
@require_safe
def print_roadmap(request: HttpRequest, iso3: str, pk: int) -> HttpResponse:
    pathfinder = selectors.get_pathfinder_for_user(request.user, iso3)
    page = selectors.roadmap_page(
        request.user,
        pathfinder,
        pk,
        request.GET.get("page", 1 if "action" not in request.GET else None),
        action=request.GET.get("action"),
    )
    return render(
        request,
        "pathfinders/print.html",
        {
            "pathfinder": pathfinder,
            "roadmap": page.roadmap,  # type: ignore[attr-defined]
            "page": page,
            "steps": selectors.path_steps(pathfinder),
            "printed": timezone.localdate(),
        },
    )
