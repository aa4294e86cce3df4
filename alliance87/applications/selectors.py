"""Reads of applications, for the Secretariat's review, and the plan of
what accepting one writes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance87.applications.models import Application, ApplicationEvent
from alliance87.core import permissions
from alliance87.core.dates import ReportedDate
from alliance87.core.text import fold
from alliance87.groups.models import Membership, Seat, SeatTerm, current_q, overlapping
from alliance87.partners.models import Organisation, StakeholderType
from alliance87.pathfinders import services as pathfinder_services
from alliance87.pathfinders.models import Stage
from alliance87.pathfinders.services import InterestOutcome

PAGE_SIZE = 30


def list_applications(user: Any, *, status: str = "", page_number: Any = 1) -> Page:
    """Return one page of applications for the Secretariat (404 otherwise)."""
    permissions.require(user, "review", Application)
    qs = Application.objects.select_related("group", "seat", "country").order_by("-created")
    if status:
        qs = qs.filter(status=status)
    return Paginator(qs, PAGE_SIZE).get_page(page_number)


def get_application_for_user(user: Any, pk: int) -> Application:
    """Return the application for review, or 404 alike when missing or
    when `user` may not review it."""
    try:
        application = (
            Application.objects.select_related("group", "seat", "country", "organisation")
            .prefetch_related(
                Prefetch("events", queryset=ApplicationEvent.objects.select_related("actor"))
            )
            .get(pk=pk)
        )
    except Application.DoesNotExist:
        raise Http404("No such application.") from None
    permissions.require(user, "review", application)
    return application


# --- What acceptance writes ----------------------------------------------


def find_organisation(application: Application) -> Organisation | None:
    """Return the directory entry whose name or acronym is the applicant's.

    A government body's name ("Ministry of Labour") recurs from country to
    country: a government entry of another country is not the applicant's.
    Other organisations keep their name across borders (an international
    network may apply from any office), so another country only ranks them
    after an entry of the application's country.
    """
    wanted = fold(application.organisation_name)
    if not wanted:
        return None
    candidates = [
        org
        for org in Organisation.objects.filter(search_names__contains=wanted).order_by("pk")
        if wanted in {part.strip() for part in org.search_names.split("|")}
    ]
    country_id = application.country_id
    if country_id:
        candidates = [
            org
            for org in candidates
            if org.country_id in (None, country_id)
            or StakeholderType.GOVERNMENT
            not in (org.stakeholder_type, application.stakeholder_type)
        ]
        candidates.sort(key=lambda org: org.country_id != country_id)
    return candidates[0] if candidates else None


@dataclass(frozen=True)
class AcceptancePlan:
    """What accepting an application writes.

    The review page shows it before the decision; `accept_application`
    computes it again under lock and carries it out, so the page and the
    service cannot disagree.
    """

    application: Application
    # The directory entry used; None when acceptance creates one.
    organisation: Organisation | None
    makes_partner: bool = False
    already_partner: bool = False
    already_member: bool = False
    seat: Seat | None = None
    already_holds_seat: bool = False
    pathfinder: InterestOutcome | None = None
    # Why acceptance would be refused now: (form field or None, message).
    problems: tuple[tuple[str | None, str], ...] = ()
    # Filled in once carried out: whether the applicant was invited.
    invited: bool | None = None

    @property
    def organisation_name(self) -> str:
        if self.organisation is not None:
            return self.organisation.name
        return self.application.organisation_name

    def describe(self, *, done: bool = False) -> list[str]:
        """Return what acceptance will do (or, once `done`, did), one
        sentence a line, in the active language."""
        lines: list[str] = []
        app = self.application
        names = {"organisation": self.organisation_name}
        if self.organisation is None:
            lines.append(
                (
                    _("The Hub created the directory entry “%(organisation)s”.")
                    if done
                    else _("The Hub will create the directory entry “%(organisation)s”.")
                )
                % names
            )
        else:
            lines.append(
                (
                    _("The Hub used the existing directory entry “%(organisation)s”.")
                    if done
                    else _("The Hub will use the existing directory entry “%(organisation)s”.")
                )
                % names
            )
        if self.makes_partner:
            lines.append(
                _("It was listed as a partner of Alliance 8.7.")
                if done
                else _("It will be listed as a partner of Alliance 8.7.")
            )
        if self.already_partner:
            lines.append(
                _("It was already a partner of Alliance 8.7.")
                if done
                else _("It is already a partner of Alliance 8.7.")
            )
        if app.kind == Application.Kind.GROUP and app.group is not None:
            group = {"group": app.group}
            if self.already_member:
                lines.append(
                    (
                        _("It was already a member of %(group)s: no membership was added.")
                        if done
                        else _("It is already a member of %(group)s: no membership will be added.")
                    )
                    % group
                )
            else:
                lines.append(
                    (
                        _("It became a member of %(group)s.")
                        if done
                        else _("It will become a member of %(group)s from today.")
                    )
                    % group
                )
        if app.kind == Application.Kind.GCG_SEAT and self.seat is not None:
            seat = {"seat": self.seat}
            if self.already_holds_seat:
                lines.append(
                    (
                        _("It already held the seat “%(seat)s”: no term was added.")
                        if done
                        else _("It already holds the seat “%(seat)s”: no term will be added.")
                    )
                    % seat
                )
            else:
                lines.append(
                    (
                        _("It was given the seat “%(seat)s”.")
                        if done
                        else _("It will hold the seat “%(seat)s” from today.")
                    )
                    % seat
                )
        if self.pathfinder is not None:
            lines.extend(self._describe_pathfinder(self.pathfinder, done=done))
        if done and self.invited is not None:
            email = {"email": app.email}
            lines.append(
                (
                    _("The applicant (%(email)s) was invited to create an account.")
                    if self.invited
                    else _(
                        "No invitation was sent: %(email)s already has an account "
                        "or an invitation waiting."
                    )
                )
                % email
            )
        elif not done:
            lines.append(
                _(
                    "The applicant (%(email)s) will be invited to create an account, "
                    "unless they already have one or an invitation is waiting."
                )
                % {"email": app.email}
            )
        return lines

    def _describe_pathfinder(self, outcome: InterestOutcome, *, done: bool) -> list[str]:
        lines: list[str] = []
        country = {"country": outcome.country}
        if outcome.creates_pathfinder:
            lines.append(
                (
                    _("%(country)s was put on the pathfinder path.")
                    if done
                    else _("%(country)s will be put on the pathfinder path.")
                )
                % country
            )
        if outcome.records_stage:
            date = {"date": ReportedDate(self.application.submitted_on)}
            lines.append(
                (
                    _("The stage “Expression of interest” was recorded, dated %(date)s.")
                    if done
                    else _("The stage “Expression of interest” will be recorded, dated %(date)s.")
                )
                % date
            )
        else:
            stage = {"country": outcome.country, "stage": Stage(outcome.stage).label}
            lines.append(
                (
                    _(
                        "%(country)s was already a pathfinder country (stage: %(stage)s): "
                        "nothing was added to its path."
                    )
                    if done
                    else _(
                        "%(country)s is already a pathfinder country (stage: %(stage)s): "
                        "nothing will be added to its path."
                    )
                )
                % stage
            )
        if outcome.sets_lead:
            lines.append(
                _("The organisation was recorded as the lead ministry or agency.")
                if done
                else _("The organisation will be recorded as the lead ministry or agency.")
            )
        elif outcome.adds_participant and outcome.lead is not None:
            lead = {"lead": outcome.lead}
            lines.append(
                (
                    _(
                        "%(lead)s already led the pathfinder: the organisation was listed "
                        "among the participating organisations."
                    )
                    if done
                    else _(
                        "%(lead)s already leads the pathfinder: the organisation will be "
                        "listed among the participating organisations."
                    )
                )
                % lead
            )
        return lines


def get_acceptance_plan(
    application: Application,
    *,
    organisation: Organisation | None = None,
    seat: Seat | None = None,
) -> AcceptancePlan:
    """Return what accepting `application` would write, and what stands in
    the way; write nothing. `organisation` and `seat` are the Secretariat's
    choices on the review form, when it made any."""
    kind = application.kind
    org = organisation or application.organisation or find_organisation(application)
    problems: list[tuple[str | None, str]] = []
    plan: dict[str, Any] = {}
    if kind == Application.Kind.PARTNER:
        plan["already_partner"] = org is not None and org.is_partner
        plan["makes_partner"] = not plan["already_partner"]
    elif kind == Application.Kind.GROUP and application.group is not None:
        plan["already_member"] = (
            org is not None
            and Membership.objects.filter(
                current_q(), group=application.group, organisation=org
            ).exists()
        )
    elif kind == Application.Kind.GCG_SEAT:
        seat = seat or application.seat
        plan["seat"] = seat
        if seat is None:
            problems.append(
                ("seat", _("Choose the seat the organisation will hold before accepting."))
            )
        else:
            clash = (
                overlapping(SeatTerm.objects.filter(seat=seat), timezone.localdate(), None)
                .select_related("organisation")
                .order_by("starts_on")
                .first()
            )
            if clash is not None and org is not None and clash.organisation_id == org.pk:
                plan["already_holds_seat"] = True
            elif clash is not None:
                problems.append(
                    (
                        "seat",
                        _(
                            "%(holder)s already holds the seat “%(seat)s” %(when)s. End that "
                            "term first, or choose another seat."
                        )
                        % {"holder": clash.organisation, "seat": seat, "when": clash.span_display},
                    )
                )
    elif kind == Application.Kind.PATHFINDER and application.country is not None:
        try:
            pathfinder_services.check_can_become_pathfinder(application.country)
        except ValidationError as error:
            problems.extend((None, message) for message in error.messages)
        else:
            plan["pathfinder"] = pathfinder_services.plan_expression_of_interest(
                application.country, organisation=org
            )
    return AcceptancePlan(
        application=application, organisation=org, problems=tuple(problems), **plan
    )
