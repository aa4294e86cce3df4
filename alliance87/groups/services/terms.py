"""Chair terms, seat terms and memberships, and who represents a member.

Terms are half-open, [starts_on, ends_on): a handover on one day ends one
term and starts the next without overlap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from alliance87.core.dates import DatePrecision
from alliance87.core.services import service
from alliance87.groups.models import (
    ChairTerm,
    Group,
    Membership,
    MembershipRole,
    Seat,
    SeatTerm,
    current_q,
)
from alliance87.groups.services.base import fill_default_language
from alliance87.partners.models import Organisation, Person


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
    return save_chair_term(term, acting_user=acting_user)


@service
def save_chair_term(term: ChairTerm, *, acting_user: Any) -> ChairTerm:
    """Validate and save a chair term, new or corrected; refuse an overlap."""
    # Lock the group, so that two concurrent requests cannot both pass the
    # overlap check.
    Group.objects.select_for_update().filter(pk=term.group_id).first()
    fill_default_language(term, ("note",))
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
    return save_seat_term(term, acting_user=acting_user)


@service
def save_seat_term(term: SeatTerm, *, acting_user: Any) -> SeatTerm:
    """Validate and save a seat term, new or corrected; refuse an overlap.
    A seat held from today is no longer open for nominations."""
    seat = Seat.objects.select_for_update().get(pk=term.seat_id)
    fill_default_language(term, ("note",))
    term.full_clean()
    term.save()
    if seat.open_for_nominations and term.is_current():
        seat.open_for_nominations = False
        seat.save(update_fields=["open_for_nominations"])
    return term


@service
def save_seat(seat: Seat, *, acting_user: Any) -> Seat:
    """Validate and save a seat of the GCG, new or corrected."""
    fill_default_language(seat, ("label", "note"))
    seat.full_clean()
    seat.save()
    return seat


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
    membership = save_membership(
        Membership(
            group=group, organisation=organisation, role=role, starts_on=starts_on, note=note
        ),
        acting_user=acting_user,
    )
    return set_representatives(membership, people=representatives, acting_user=acting_user)


@service
def save_membership(membership: Membership, *, acting_user: Any) -> Membership:
    """Validate and save a membership, new or corrected; refuse a second
    current membership of one organisation in one group."""
    Group.objects.select_for_update().filter(pk=membership.group_id).first()
    twins = Membership.objects.filter(
        current_q(), group_id=membership.group_id, organisation_id=membership.organisation_id
    )
    if twins.exclude(pk=membership.pk).exists():
        raise ValidationError(
            _("%(organisation)s is already a member of %(group)s.")
            % {"organisation": membership.organisation, "group": membership.group}
        )
    fill_default_language(membership, ("note",))
    membership.full_clean()
    membership.save()
    return membership


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
