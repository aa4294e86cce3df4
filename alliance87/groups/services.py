"""
Writes to the groups: terms, seats, memberships and workplans.

Invariants kept here:

- one seat has one holder at a time: seat terms never share a day;
- a chair role (Chair, Vice-Chair, Lead) has one holder at a time; co-chairs
  share their role, but one organisation never holds it twice at once;
- an organisation is a current member of a group at most once;
- a term ends after it starts; a percentage done lies between 0 and 100,
  and agrees with the status (a planned activity is at 0, a done one at
  100, and one at 100 is done);
- an activity's workplan area belongs to the activity's group;
- a membership's representatives work for the member organisation;
- translated text written in any language is also stored in English, so
  every reader sees something.

Terms are half-open, [starts_on, ends_on): a handover on one day ends one
term and starts the next without overlap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from alliance87.core.dates import DatePrecision
from alliance87.core.services import service
from alliance87.groups.models import (
    Activity,
    ActivityStatus,
    ChairTerm,
    Group,
    Membership,
    MembershipRole,
    NextStep,
    Seat,
    SeatTerm,
    WorkplanArea,
    current_q,
)
from alliance87.partners.models import Organisation, Person

# /groups/engagement/ and /groups/engagement.csv come before the slug route.
RESERVED_SLUGS = {"engagement"}


@service
def save_group(group: Group, *, acting_user: Any) -> Group:
    """Validate and save `group`."""
    group.full_clean(exclude=["themes"])
    if group.slug in RESERVED_SLUGS:
        raise ValidationError(
            {
                "slug": _("The address %(slug)s is taken by a page of the Hub.")
                % {"slug": group.slug}
            }
        )
    if group.parent_id is not None and group.parent_id == group.pk:
        raise ValidationError(_("A group cannot be part of itself."))
    group.save()
    return group


@service
def start_chair_term(
    group: Group,
    *,
    role: str,
    organisation: Organisation,
    acting_user: Any,
    person: Person | None = None,
    starts_on: dt.date | None = None,
    starts_precision: str = DatePrecision.DAY,
    ends_on: dt.date | None = None,
    ends_precision: str = DatePrecision.DAY,
    confirmed: bool = True,
    note: str = "",
) -> ChairTerm:
    """Give `organisation` a chair role in `group`; refuse an overlap."""
    # Lock the group, so that two concurrent requests cannot both pass the
    # overlap check.
    Group.objects.select_for_update().filter(pk=group.pk).first()
    term = ChairTerm(
        group=group,
        role=role,
        organisation=organisation,
        person=person,
        starts_on=starts_on,
        starts_precision=starts_precision,
        ends_on=ends_on,
        ends_precision=ends_precision,
        confirmed=confirmed,
        note=note,
    )
    term.full_clean()
    term.save()
    return term


@service
def set_chair_representative(term: ChairTerm, *, person: Person, acting_user: Any) -> ChairTerm:
    """Make `person` the one who represents the chairing organisation."""
    if person.organisation_id != term.organisation_id:
        raise ValidationError(
            _("%(person)s does not work for %(organisation)s, so cannot represent it.")
            % {"person": person, "organisation": term.organisation}
        )
    term.person = person
    term.save(update_fields=["person"])
    return term


@service
def end_term(
    term: ChairTerm | SeatTerm | Membership, *, ends_on: dt.date, acting_user: Any
) -> Any:
    """End a chair, seat or membership term on `ends_on` (not included)."""
    term.ends_on = ends_on
    term.full_clean()
    term.save(update_fields=["ends_on"])
    return term


@service
def hand_over_chair(
    group: Group,
    *,
    role: str,
    to_organisation: Organisation,
    on: dt.date,
    acting_user: Any,
    precision: str = DatePrecision.DAY,
    person: Person | None = None,
    confirmed: bool = True,
    note: str = "",
) -> ChairTerm:
    """End the running holder's term on `on` and start the next one that day."""
    Group.objects.select_for_update().filter(pk=group.pk).first()
    running = ChairTerm.objects.filter(group=group, role=role, ends_on__isnull=True).first()
    if running is not None:
        if running.organisation_id == to_organisation.pk:
            raise ValidationError(
                _("%(organisation)s already holds this role.") % {"organisation": to_organisation}
            )
        running.ends_on = on
        running.ends_precision = precision
        running.full_clean()
        running.save(update_fields=["ends_on", "ends_precision"])
    return start_chair_term(
        group,
        role=role,
        organisation=to_organisation,
        person=person,
        starts_on=on,
        starts_precision=precision,
        confirmed=confirmed,
        note=note,
        acting_user=acting_user,
    )


@service
def start_seat_term(
    seat: Seat,
    *,
    organisation: Organisation,
    acting_user: Any,
    person: Person | None = None,
    starts_on: dt.date | None = None,
    starts_precision: str = DatePrecision.DAY,
    ends_on: dt.date | None = None,
    ends_precision: str = DatePrecision.DAY,
    note: str = "",
) -> SeatTerm:
    """Give `organisation` the seat for a term; refuse an overlap."""
    Seat.objects.select_for_update().filter(pk=seat.pk).first()
    term = SeatTerm(
        seat=seat,
        organisation=organisation,
        person=person,
        starts_on=starts_on,
        starts_precision=starts_precision,
        ends_on=ends_on,
        ends_precision=ends_precision,
        note=note,
    )
    term.full_clean()
    term.save()
    if seat.open_for_nominations and term.is_current():
        seat.open_for_nominations = False
        seat.save(update_fields=["open_for_nominations"])
    return term


@service
def add_member(
    group: Group,
    *,
    organisation: Organisation,
    acting_user: Any,
    role: str = MembershipRole.MEMBER,
    representatives: Iterable[Person] = (),
    starts_on: dt.date | None = None,
    note: str = "",
) -> Membership:
    """Make `organisation` a member of `group`; refuse a second membership."""
    Group.objects.select_for_update().filter(pk=group.pk).first()
    if Membership.objects.filter(current_q(), group=group, organisation=organisation).exists():
        raise ValidationError(
            _("%(organisation)s is already a member of %(group)s.")
            % {"organisation": organisation, "group": group}
        )
    membership = Membership(
        group=group, organisation=organisation, role=role, starts_on=starts_on, note=note
    )
    membership.full_clean()
    membership.save()
    people = list(representatives)
    for person in people:
        if person.organisation_id != organisation.pk:
            raise ValidationError(
                _("%(person)s does not work for %(organisation)s, so cannot represent it.")
                % {"person": person, "organisation": organisation}
            )
    membership.representatives.set(people)
    return membership


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
        _fill_default_language(activity, ("next_steps",))
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


def _fill_default_language(obj: Any, fields: tuple[str, ...]) -> None:
    """Copy text written in one language into the default one when empty."""
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    for name in fields:
        if getattr(obj, f"{name}_{default}", ""):
            continue
        for code, _name in settings.LANGUAGES:
            value = getattr(obj, f"{name}_{code}", "")
            if value:
                setattr(obj, f"{name}_{default}", value)
                break


def _next_order(queryset: Any) -> int:
    last = queryset.order_by("-order").values_list("order", flat=True).first()
    return (last or 0) + 1


@service
def save_workplan_area(area: WorkplanArea, *, acting_user: Any) -> WorkplanArea:
    """Validate and save a workplan area; a new one goes last."""
    _fill_default_language(area, ("title", "description"))
    if area.pk is None and not area.order:
        area.order = _next_order(WorkplanArea.objects.filter(group_id=area.group_id))
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
    _fill_default_language(activity, ("title", "description", "next_steps"))
    if activity.pk is None and not activity.order:
        activity.order = _next_order(Activity.objects.filter(group_id=activity.group_id))
    activity.full_clean(exclude=["owners"])
    activity.clean_reported_date()
    activity.save()
    if owners is not None:
        activity.owners.set(list(owners))
    return activity


@service
def save_next_step(step: NextStep, *, acting_user: Any) -> NextStep:
    """Validate and save a next step; a new one goes last."""
    _fill_default_language(step, ("text",))
    if step.pk is None and not step.order:
        step.order = _next_order(NextStep.objects.filter(group_id=step.group_id))
    step.full_clean()
    step.save()
    return step


@service
def remove_next_step(step: NextStep, *, acting_user: Any) -> None:
    """Delete a next step (the audit log keeps what it said)."""
    step.delete()


@service
def set_representatives(
    membership: Membership, *, people: Iterable[Person], acting_user: Any
) -> Membership:
    """Make `people` the representatives of a member organisation."""
    chosen = list(people)
    for person in chosen:
        if person.organisation_id != membership.organisation_id:
            raise ValidationError(
                _("%(person)s does not work for %(organisation)s, so cannot represent it.")
                % {"person": person, "organisation": membership.organisation}
            )
    membership.representatives.set(chosen)
    return membership
