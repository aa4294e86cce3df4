"""
Writes to applications: submit, review, accept, decline.

Invariants kept here:

- one person's application for one thing is stored once: the same email,
  kind and target within a day is refused (and a same-day twin is refused
  by a unique constraint, should two requests race);
- an application moves received -> under review -> accepted or declined,
  and a decision is final; a decline carries a reason;
- every step writes an ApplicationEvent and, after commit, emails the
  applicant in the language they applied in;
- acceptance writes the records it implies in the same transaction (a
  partner organisation, a group membership, a GCG seat term, a pathfinder
  country at the expression-of-interest stage), through the services of
  those areas, so a refusal from any of them leaves the application as it
  was; a record that already exists is kept, not written twice, and the
  history says so (selectors.get_acceptance_plan decides what to write,
  for the review page and for the acceptance alike);
- an accepted applicant is invited to create an account for the
  organisation, unless they have one or an invitation is waiting;
- a country applies to become a pathfinder only if it is a UN member or
  observer state, through a government.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from alliance87.accounts.services import invite_if_new
from alliance87.applications import selectors
from alliance87.applications.models import Application, ApplicationEvent
from alliance87.core.services import service
from alliance87.countries.models import Country
from alliance87.groups import services as group_services
from alliance87.groups.models import Group, GroupKind, Seat
from alliance87.partners.models import Organisation
from alliance87.partners.services import save_organisation
from alliance87.pathfinders import services as pathfinder_services
from alliance87.pathfinders.models import Pathfinder

DUPLICATE_WINDOW = dt.timedelta(days=1)


def _target_key(kind: str, group: Group | None, seat: Seat | None, country: Any) -> str:
    if kind == Application.Kind.GROUP and group is not None:
        return f"group:{group.pk}"
    if kind == Application.Kind.GCG_SEAT and seat is not None:
        return f"seat:{seat.pk}"
    if kind == Application.Kind.PATHFINDER and country is not None:
        return f"country:{country.pk}"
    return ""


def _duplicate() -> ValidationError:
    return ValidationError(
        _(
            "We already received this application from this email address in the last day. "
            "The Secretariat will reply by email: there is no need to send it again."
        ),
        code="duplicate",
    )


@service
def submit_application(
    *,
    kind: str,
    organisation_name: str,
    stakeholder_type: str,
    contact_name: str,
    email: str,
    acting_user: Any,
    country: Country | None = None,
    group: Group | None = None,
    seat: Seat | None = None,
    message: str = "",
    language: str | None = None,
) -> Application:
    """Store an expression of interest and acknowledge it by email."""
    email = email.strip().lower()
    # Every problem at once, so that the applicant corrects them in one go.
    errors: dict[str, list[str]] = {}
    if kind == Application.Kind.GROUP and group is None:
        errors["group"] = [_("Choose the group you would like to join.")]
    if kind == Application.Kind.GROUP and group is not None and group.kind == GroupKind.GCG:
        errors["group"] = [
            _("To join the Global Coordinating Group, apply for a GCG seat instead.")
        ]
    if kind == Application.Kind.PATHFINDER:
        if country is None:
            errors["country"] = [_("Choose the country that would like to become a pathfinder.")]
        else:
            try:
                pathfinder_services.check_can_become_pathfinder(country)
            except ValidationError as error:
                errors["country"] = error.messages
        if stakeholder_type != "government":
            errors["stakeholder_type"] = [
                _("Only a government can apply for its country to become a pathfinder.")
            ]
    if errors:
        raise ValidationError(errors)
    if kind != Application.Kind.GROUP:
        group = None
    if kind != Application.Kind.GCG_SEAT:
        seat = None
    target = _target_key(kind, group, seat, country)
    now = timezone.now()
    if Application.objects.filter(
        email=email, kind=kind, target_key=target, created__gte=now - DUPLICATE_WINDOW
    ).exists():
        raise _duplicate()
    application = Application(
        kind=kind,
        organisation_name=organisation_name.strip(),
        stakeholder_type=stakeholder_type,
        country=country,
        group=group,
        seat=seat,
        contact_name=contact_name.strip(),
        email=email,
        message=message.strip(),
        language=language or translation.get_language() or settings.LANGUAGE_CODE,
        target_key=target,
        submitted_on=timezone.localdate(now),
    )
    application.full_clean()
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:
        raise _duplicate() from None
    _record(application, acting_user, "")
    return application


@service
def start_review(application: Application, *, acting_user: Any, note: str = "") -> Application:
    """Tell the applicant the Secretariat is looking at their application."""
    application = _lock(application)
    if application.status != Application.Status.RECEIVED:
        raise ValidationError(_("Only a newly received application can be put under review."))
    application.status = Application.Status.UNDER_REVIEW
    application.save(update_fields=["status", "updated"])
    _record(application, acting_user, note)
    return application


@service
def decline_application(application: Application, *, reason: str, acting_user: Any) -> Application:
    """Decline the application; the applicant is told why."""
    application = _lock(application)
    _refuse_if_decided(application)
    if not reason.strip():
        raise ValidationError(
            {"reason": _("Give the reason for declining: the applicant will read it.")}
        )
    application.status = Application.Status.DECLINED
    application.decision_reason = reason.strip()
    application.save(update_fields=["status", "decision_reason", "updated"])
    _record(application, acting_user, application.decision_reason)
    return application


@service
def accept_application(
    application: Application,
    *,
    acting_user: Any,
    organisation: Organisation | None = None,
    seat: Seat | None = None,
    note: str = "",
) -> Application:
    """Accept the application, write the records it implies, and invite the
    applicant to create an account for the organisation."""
    application = _lock(application)
    _refuse_if_decided(application)
    plan = selectors.get_acceptance_plan(application, organisation=organisation, seat=seat)
    if plan.problems:
        errors: dict[str, list[str]] = {}
        for field, message in plan.problems:
            errors.setdefault(field or NON_FIELD_ERRORS, []).append(message)
        raise ValidationError(errors)
    kind = application.kind
    org = plan.organisation
    if org is None:
        org = _create_organisation(
            application, is_partner=plan.makes_partner, acting_user=acting_user
        )
    elif plan.makes_partner:
        org.is_partner = True
        save_organisation(org, acting_user=acting_user)
    today = timezone.localdate()
    if kind == Application.Kind.GROUP and not plan.already_member:
        assert application.group is not None
        group_services.add_member(
            application.group, organisation=org, starts_on=today, acting_user=acting_user
        )
    elif kind == Application.Kind.GCG_SEAT:
        assert plan.seat is not None
        if not plan.already_holds_seat:
            group_services.start_seat_term(
                plan.seat, organisation=org, starts_on=today, acting_user=acting_user
            )
        application.seat = plan.seat
    elif kind == Application.Kind.PATHFINDER:
        assert application.country is not None
        # The pathfinders service decides again under its own lock, so two
        # applications for one country accepted at once add nothing twice.
        outcome = pathfinder_services.record_expression_of_interest(
            application.country,
            date=application.submitted_on,
            organisation=org,
            acting_user=acting_user,
        )
        plan = replace(plan, pathfinder=outcome)
    application.organisation = org
    application.status = Application.Status.ACCEPTED
    application.decision_reason = note.strip()
    application.save()
    # The status email is queued first, so that the applicant reads it
    # before the invitation.
    event = _record(application, acting_user, note.strip())
    # Sign-up is by invitation: an accepted applicant gets one, written in
    # the language they applied in.
    with translation.override(application.language):
        invitation = invite_if_new(
            email=application.email,
            organisation=org,
            acting_user=acting_user,
            language=application.language,
        )
    plan = replace(plan, invited=invitation is not None)
    # The history keeps what acceptance wrote, after the Secretariat's note.
    event.note = "\n\n".join(filter(None, [note.strip(), "\n".join(plan.describe(done=True))]))
    event.save(update_fields=["note"])
    return application


def _lock(application: Application) -> Application:
    return Application.objects.select_for_update().get(pk=application.pk)


def _refuse_if_decided(application: Application) -> None:
    if application.is_decided:
        raise ValidationError(
            _("This application was already %(status)s; a decision is final.")
            % {"status": application.get_status_display().lower()}
        )


def _create_organisation(
    application: Application, *, is_partner: bool, acting_user: Any
) -> Organisation:
    base = slugify(application.organisation_name)[:90] or "organisation"
    slug, n = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    org = Organisation(
        slug=slug,
        name=application.organisation_name,
        name_en=application.organisation_name,
        stakeholder_type=application.stakeholder_type,
        country=application.country,
        is_partner=is_partner,
    )
    return save_organisation(org, acting_user=acting_user)


def _record(application: Application, actor: Any, note: str) -> ApplicationEvent:
    event = ApplicationEvent.objects.create(
        application=application,
        status=application.status,
        note=note,
        actor=actor if getattr(actor, "pk", None) else None,
    )
    pk, status = application.pk, application.status
    # robust: a mail server that is down must not turn a committed decision
    # into an error page (the failure is logged).
    transaction.on_commit(lambda: send_status_email(pk, status), robust=True)
    return event


def send_status_email(application_pk: int, status: str) -> None:
    """Email the applicant about one step, in the language they applied in."""
    application = Application.objects.select_related("group", "seat", "country").get(
        pk=application_pk
    )
    pathfinder = None
    if application.kind == Application.Kind.PATHFINDER and status == Application.Status.ACCEPTED:
        pathfinder = Pathfinder.objects.filter(country=application.country_id).first()
    with translation.override(application.language):
        context = {"application": application, "status": status, "pathfinder": pathfinder}
        subject = {
            Application.Status.RECEIVED: _("We received your application to Alliance 8.7"),
            Application.Status.UNDER_REVIEW: _("Your application to Alliance 8.7 is under review"),
            Application.Status.ACCEPTED: _("Your application to Alliance 8.7 is accepted"),
            Application.Status.DECLINED: _("Your application to Alliance 8.7"),
        }[Application.Status(status)]
        body = render_to_string("applications/email/status.txt", context)
    send_mail(subject, body, None, [application.email])
