from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from alliance87.core import permissions
from alliance87.core.forms import save_posted
from alliance87.core.pagecache import public_page
from alliance87.core.text import parse_id
from alliance87.groups import analytics, selectors, services
from alliance87.groups.forms import (
    ActivityForm,
    AddMemberForm,
    EndMembershipForm,
    NextStepForm,
    ProgressForm,
    RepresentativesForm,
    WorkplanAreaForm,
)
from alliance87.groups.models import Activity, Group, NextStep, WorkplanArea


@require_safe
@public_page
def group_list(request: HttpRequest) -> HttpResponse:
    return render(request, "groups/list.html", {"sections": selectors.list_groups(request.user)})


@require_safe
@public_page
def group_detail(request: HttpRequest, slug: str) -> HttpResponse:
    group = selectors.get_group_for_user(request.user, slug)
    return render(
        request,
        "groups/detail.html",
        {
            "page": selectors.group_page(request.user, group, request.GET.get("page", 1)),
            # Anonymous visitors, whose pages are cached, never may.
            "may_edit": permissions.may(request.user, "edit", group),
        },
    )


@require_safe
@public_page
def engagement(request: HttpRequest) -> HttpResponse:
    return render(request, "groups/engagement.html", {"data": analytics.engagement(request.user)})


# --- Editing, for the group's chairs and the Secretariat ------------------
# Each view asks permissions.require() before anything else it does with the
# group: a refusal is the same 404 as a missing group.


def _editable_group(request: HttpRequest, slug: str) -> Group:
    """Return the group if the user may edit it; 404 otherwise, alike."""
    group = selectors.get_group_for_user(request.user, slug)
    permissions.require(request.user, "edit", group)
    return group


def _done(request: HttpRequest, message: str, url: str) -> HttpResponse:
    messages.success(request, message)
    return redirect(url)


def _workplan_url(group: Group) -> str:
    return reverse("groups:workplan", args=[group.slug])


def _members_url(group: Group) -> str:
    return reverse("groups:members", args=[group.slug])


def _editable(request: HttpRequest, get: Callable[..., Any], group: Group, pk: int) -> Any:
    """Return row `pk` of `group`, fetched with `get`, if the user may edit
    it; 404 otherwise, alike."""
    row = get(request.user, group, pk)
    permissions.require(request.user, "edit", row)
    return row


def _save_form(
    request: HttpRequest,
    group: Group,
    form: Any,
    *,
    save: Callable[[Any], object],
    saved: str,
    back: str,
    back_label: str,
    title: str,
    subject: str = "",
    submit: str = "",
) -> HttpResponse:
    """Save a valid form through `save` and go `back`, or show it with its
    errors (the service's own refusals among them)."""
    if save_posted(request, form, save):
        return _done(request, saved, back)
    return render(
        request,
        "groups/edit.html",
        {
            "group": group,
            "form": form,
            "title": title,
            "subject": subject,
            "back": back,
            "back_label": back_label,
            "submit": submit or _("Save"),
        },
    )


def _workplan_form(request: HttpRequest, group: Group, form: Any, **kwargs: Any) -> HttpResponse:
    return _save_form(
        request,
        group,
        form,
        back=_workplan_url(group),
        back_label=_("Back to the workplan"),
        **kwargs,
    )


def _members_form(request: HttpRequest, group: Group, form: Any, **kwargs: Any) -> HttpResponse:
    return _save_form(
        request,
        group,
        form,
        back=_members_url(group),
        back_label=_("Back to the members"),
        **kwargs,
    )


def _edit_row(
    request: HttpRequest,
    slug: str,
    pk: int | None,
    *,
    new: Callable[[Group], Any],
    get: Callable[..., Any],
    form: Callable[..., Any],
    service: Callable[..., object],
    saved: str,
    title: str,
) -> HttpResponse:
    """Add a row to the group's workplan (`pk` None) or edit row `pk`,
    through the form of its model and the service that saves it."""
    group = _editable_group(request, slug)
    row = new(group) if pk is None else _editable(request, get, group, pk)
    return _workplan_form(
        request,
        group,
        form(request.POST or None, instance=row),
        save=lambda form: service(form.save(commit=False), acting_user=request.user),
        saved=saved,
        title=title,
    )


@require_safe
def workplan(request: HttpRequest, slug: str) -> HttpResponse:
    group = _editable_group(request, slug)
    return render(
        request,
        "groups/workplan.html",
        {"group": group, "workplan": selectors.workplan_for_editing(request.user, group)},
    )


@require_http_methods(["GET", "POST"])
def edit_area(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    return _edit_row(
        request,
        slug,
        pk,
        new=lambda group: WorkplanArea(group=group),
        get=selectors.get_area_for_user,
        form=WorkplanAreaForm,
        service=services.save_workplan_area,
        saved=_("The workplan area is saved."),
        title=_("Add a workplan area") if pk is None else _("Edit the workplan area"),
    )


@require_http_methods(["GET", "POST"])
def edit_activity(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    group = _editable_group(request, slug)
    if pk is None:
        activity = Activity(group=group)
        area_id = parse_id(request.GET.get("area", ""))
        if area_id is not None:
            activity.area = group.workplan_areas.filter(pk=area_id).first()
    else:
        activity = _editable(request, selectors.get_activity_for_user, group, pk)
    return _workplan_form(
        request,
        group,
        ActivityForm(request.POST or None, instance=activity, group=group, user=request.user),
        save=lambda form: services.save_activity(
            form.save(commit=False), owners=form.cleaned_data["owners"], acting_user=request.user
        ),
        saved=_("The activity is saved."),
        title=_("Add an activity") if pk is None else _("Edit the activity"),
    )


@require_http_methods(["GET", "POST"])
def record_progress(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    group = _editable_group(request, slug)
    activity = _editable(request, selectors.get_activity_for_user, group, pk)
    form = ProgressForm(
        request.POST or None,
        initial={
            "status": activity.status,
            "percent_done": activity.percent_done,
            "next_steps": activity.next_steps,
        },
    )
    return _workplan_form(
        request,
        group,
        form,
        save=lambda form: services.record_activity_progress(
            activity,
            status=form.cleaned_data["status"],
            percent_done=form.cleaned_data["percent_done"],
            next_steps=form.cleaned_data["next_steps"],
            acting_user=request.user,
        ),
        saved=_("The progress is recorded."),
        title=_("Record progress"),
        subject=activity.title,
    )


@require_http_methods(["GET", "POST"])
def edit_next_step(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    return _edit_row(
        request,
        slug,
        pk,
        new=lambda group: NextStep(group=group),
        get=selectors.get_next_step_for_user,
        form=NextStepForm,
        service=services.save_next_step,
        saved=_("The next step is saved."),
        title=_("Add a next step") if pk is None else _("Edit the next step"),
    )


@require_http_methods(["GET", "POST"])
def remove_next_step(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    group = _editable_group(request, slug)
    step = _editable(request, selectors.get_next_step_for_user, group, pk)
    if request.method == "POST":
        services.remove_next_step(step, acting_user=request.user)
        return _done(request, _("The next step is removed."), _workplan_url(group))
    return render(
        request,
        "groups/confirm.html",
        {
            "group": group,
            "title": _("Remove the next step"),
            "question": _("Remove this next step from the group's page?"),
            "subject": step.text,
            "submit": _("Remove"),
            "back": _workplan_url(group),
            "back_label": _("Back to the workplan"),
        },
    )


@require_http_methods(["GET", "POST"])
def members(request: HttpRequest, slug: str) -> HttpResponse:
    group = _editable_group(request, slug)
    form = AddMemberForm(request.POST or None, user=request.user)
    if save_posted(
        request,
        form,
        # The form's fields are the service's words, one for one.
        lambda form: services.add_member(group, acting_user=request.user, **form.cleaned_data),
    ):
        return _done(
            request,
            _("%(organisation)s is now a member.")
            % {"organisation": form.cleaned_data["organisation"]},
            _members_url(group),
        )
    return render(
        request,
        "groups/members.html",
        {
            "group": group,
            "form": form,
            "memberships": selectors.list_memberships_for_editing(request.user, group),
        },
    )


@require_http_methods(["GET", "POST"])
def end_membership(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    group = _editable_group(request, slug)
    membership = _editable(request, selectors.get_membership_for_user, group, pk)
    return _members_form(
        request,
        group,
        EndMembershipForm(request.POST or None, initial={"ends_on": timezone.localdate()}),
        save=lambda form: services.end_term(
            membership, ends_on=form.cleaned_data["ends_on"], acting_user=request.user
        ),
        saved=_("%(organisation)s is no longer a member.")
        % {"organisation": membership.organisation},
        title=_("End a membership"),
        subject=str(membership.organisation),
        submit=_("End the membership"),
    )


@require_http_methods(["GET", "POST"])
def edit_representatives(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    group = _editable_group(request, slug)
    membership = _editable(request, selectors.get_membership_for_user, group, pk)
    form = RepresentativesForm(
        request.POST or None,
        membership=membership,
        user=request.user,
        initial={"representatives": list(membership.representatives.all())},
    )

    def save(form: Any) -> object:
        # Representatives the user cannot see are not offered, so keep them.
        offered = form.fields["representatives"].queryset
        hidden = membership.representatives.exclude(pk__in=offered.values("pk"))
        return services.set_representatives(
            membership,
            people=[*form.cleaned_data["representatives"], *hidden],
            acting_user=request.user,
        )

    return _members_form(
        request,
        group,
        form,
        save=save,
        saved=_("The representatives of %(organisation)s are saved.")
        % {"organisation": membership.organisation},
        title=_("Set the representatives"),
        subject=str(membership.organisation),
    )
