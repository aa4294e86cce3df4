"""A group's workplan: areas, activities and their progress, next steps."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from alliance87.core.dates import DatePrecision
from alliance87.core.services import service
from alliance87.groups.models import (
    Activity,
    ActivityStatus,
    NextStep,
    WorkplanArea,
)
from alliance87.groups.services.base import fill_default_language, next_order
from alliance87.partners.models import Organisation


@service
def record_activity_progress(
    activity: Activity,
    *,
    status: str,
    acting_user: Any,
    percent_done: int | None = None,
    next_steps: str | None = None,
) -> Activity:
    """Record how far an activity got."""
    _check_progress(status, percent_done)
    activity.status = status
    activity.percent_done = percent_done
    if next_steps is not None:
        activity.next_steps = next_steps
        fill_default_language(activity, ("next_steps",))
    activity.full_clean(exclude=["owners"])
    activity.save()
    return activity


def _check_progress(status: str, percent_done: int | None) -> None:
    """Refuse a percentage out of range or at odds with the status."""
    if percent_done is None:
        return
    if not 0 <= percent_done <= 100:
        raise ValidationError(
            {"percent_done": _("Give a percentage done between 0 and 100, or leave it empty.")}
        )
    if status == ActivityStatus.PLANNED and percent_done > 0:
        raise ValidationError(
            {
                "percent_done": _(
                    "A planned activity has not started, so it is %(none)s done. Choose the "
                    "status “In progress” if work has begun, or set the percentage to 0."
                )
                % {"none": "0%"}
            }
        )
    if status == ActivityStatus.DONE and percent_done != 100:
        raise ValidationError(
            {
                "percent_done": _(
                    "An activity that is done is %(all)s done. Set the percentage to 100 "
                    "(or leave it empty), or choose another status."
                )
                % {"all": "100%"}
            }
        )
    if percent_done == 100 and status != ActivityStatus.DONE:
        raise ValidationError(
            {
                "percent_done": _(
                    "An activity %(all)s done is done. Choose the status “Done”, or lower "
                    "the percentage."
                )
                % {"all": "100%"}
            }
        )


@service
def save_workplan_area(area: WorkplanArea, *, acting_user: Any) -> WorkplanArea:
    """Validate and save a workplan area; a new one goes last."""
    fill_default_language(area, ("title", "description"))
    if area.pk is None and not area.order:
        area.order = next_order(WorkplanArea.objects.filter(group_id=area.group_id))
    area.full_clean()
    area.save()
    return area


@service
def save_activity(
    activity: Activity,
    *,
    acting_user: Any,
    owners: Iterable[Organisation] | None = None,
) -> Activity:
    """Validate and save a workplan activity and, if given, its owners."""
    if activity.area_id is not None:
        area_group = WorkplanArea.objects.filter(pk=activity.area_id).values_list(
            "group_id", flat=True
        )
        if area_group.first() != activity.group_id:
            raise ValidationError(
                {"area": _("Choose one of this group's workplan areas, or none.")}
            )
    _check_progress(activity.status, activity.percent_done)
    # A month is kept as its first day; only a range keeps an end.
    if activity.date_start is not None and activity.date_precision == DatePrecision.MONTH:
        activity.date_start = activity.date_start.replace(day=1)
    if activity.date_precision != DatePrecision.RANGE:
        activity.date_end = None
    if activity.date_start is None:
        activity.date_end = None
        activity.date_tentative = False
    fill_default_language(activity, ("title", "description", "next_steps"))
    if activity.pk is None and not activity.order:
        activity.order = next_order(Activity.objects.filter(group_id=activity.group_id))
    activity.full_clean(exclude=["owners"])
    activity.clean_reported_date()
    activity.save()
    if owners is not None:
        activity.owners.set(list(owners))
    return activity


@service
def save_next_step(step: NextStep, *, acting_user: Any) -> NextStep:
    """Validate and save a next step; a new one goes last."""
    fill_default_language(step, ("text",))
    if step.pk is None and not step.order:
        step.order = next_order(NextStep.objects.filter(group_id=step.group_id))
    step.full_clean()
    step.save()
    return step


@service
def remove_next_step(step: NextStep, *, acting_user: Any) -> None:
    """Delete a next step (the audit log keeps what it said)."""
    step.delete()
