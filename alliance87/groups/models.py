"""
The partnership's groups: the Global Coordinating Group (GCG) and its
seats, the action groups, their sub-groups, working groups and networks;
who chairs them and for how long, who takes part, and what each plans.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from alliance87.core.dates import DatePrecision, ReportedDate, ReportedDateFields
from alliance87.core.models import Sourced, Theme
from alliance87.core.querysets import HubManager
from alliance87.core.reversing import reverse_one
from alliance87.core.visibility import Visibility, VisibleQuerySet


class GroupKind(models.TextChoices):
    GCG = "gcg", _("Global Coordinating Group")
    ACTION_GROUP = "action_group", _("Action group")
    STEERING_COMMITTEE = "steering_committee", _("Steering committee")
    WORKING_GROUP = "working_group", _("Working group")
    NETWORK = "network", _("Network or platform")


class GroupStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    SEEKING_CHAIR = "seeking_chair", _("Seeking a chair")
    FORMING = "forming", _("Being set up")
    PAUSED = "paused", _("Paused")


class Constituency(models.TextChoices):
    """The constituencies that hold seats on the GCG."""

    PATHFINDER = "pathfinder", _("Pathfinder countries")
    DEVELOPMENT_PARTNER = "development_partner", _("Development-partner governments")
    SOCIAL_PARTNERS = "social_partners", _("Social partners")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    UN_INTERNATIONAL = "un_international", _("UN and international organisations")


class GroupQuerySet(VisibleQuerySet):
    # A members-only group is seen by its own members: the group's key is
    # the group itself.
    visibility_group_field = "id"


class Group(Sourced):
    """The GCG, an action group, a steering committee, a working group or a
    network that works with the Alliance."""

    slug = models.SlugField(_("slug"), unique=True, max_length=100)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=GroupKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="subgroups",
        help_text=_("For a steering committee or a sub-group: the group it belongs to."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=GroupStatus.choices, default=GroupStatus.ACTIVE
    )
    status_note = models.CharField(
        _("status note"),
        max_length=300,
        blank=True,
        help_text=_("Why the group has this status, in a sentence."),
    )
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    mandate = models.TextField(_("mandate"), blank=True)
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("directory entry"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("For a network that is also listed in the partner directory."),
    )
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    visibility = models.CharField(
        _("visibility"), max_length=12, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = GroupQuerySet.as_manager()

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("group")
        verbose_name_plural = _("groups")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse_one("groups:detail", self.slug)

    @property
    def is_gcg(self) -> bool:
        return self.kind == GroupKind.GCG


def current_q(prefix: str = "", on: dt.date | None = None) -> Q:
    """Return the filter for terms running on `on` (today by default),
    through the relation `prefix` ("memberships__")."""
    day = on or timezone.localdate()
    return (Q(**{f"{prefix}starts_on__isnull": True}) | Q(**{f"{prefix}starts_on__lte": day})) & (
        Q(**{f"{prefix}ends_on__isnull": True}) | Q(**{f"{prefix}ends_on__gt": day})
    )


class TermFields(Sourced):
    """Abstract: a term from `starts_on` to `ends_on`, both optional.

    A term covers [starts_on, ends_on): a handover on one day ends one term
    and starts the next without overlap. A missing start reads as "since
    before the Hub's records"; a missing end, "still running". Each date has
    a precision, since terms are often reported by month.
    """

    starts_on = models.DateField(_("starts"), null=True, blank=True)
    starts_precision = models.CharField(
        _("start precision"),
        max_length=5,
        choices=[(DatePrecision.DAY, _("Day")), (DatePrecision.MONTH, _("Month"))],
        default=DatePrecision.DAY,
    )
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    ends_precision = models.CharField(
        _("end precision"),
        max_length=5,
        choices=[(DatePrecision.DAY, _("Day")), (DatePrecision.MONTH, _("Month"))],
        default=DatePrecision.DAY,
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        abstract = True

    @property
    def starts_display(self) -> str:
        return _reported(self.starts_on, self.starts_precision)

    @property
    def ends_display(self) -> str:
        return _reported(self.ends_on, self.ends_precision)

    @property
    def span_display(self) -> str:
        """Return the term's dates as a phrase ("from May 2019, still running")."""
        start, end = self.starts_display, self.ends_display
        if start and end:
            return gettext("from %(start)s until %(end)s") % {"start": start, "end": end}
        if start:
            return gettext("from %(start)s, with no end date") % {"start": start}
        if end:
            return gettext("until %(end)s") % {"end": end}
        return gettext("with no dates recorded")

    def clean(self) -> None:
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on <= self.starts_on:
            raise ValidationError({"ends_on": _("A term must end after it starts.")})

    def is_current(self, on: dt.date | None = None) -> bool:
        day = on or timezone.localdate()
        return (self.starts_on is None or self.starts_on <= day) and (
            self.ends_on is None or self.ends_on > day
        )


def overlapping(
    terms: models.QuerySet, starts_on: dt.date | None, ends_on: dt.date | None
) -> models.QuerySet:
    """Return the terms of `terms` that share at least one day with
    [starts_on, ends_on); a missing date is open on that side."""
    if ends_on is not None:
        terms = terms.filter(Q(starts_on__isnull=True) | Q(starts_on__lt=ends_on))
    if starts_on is not None:
        terms = terms.filter(Q(ends_on__isnull=True) | Q(ends_on__gt=starts_on))
    return terms


def _reported(day: dt.date | None, precision: str) -> str:
    if day is None:
        return ""
    if precision == DatePrecision.MONTH:
        day = day.replace(day=1)
    return str(ReportedDate(day, None, precision))


class ChairRole(models.TextChoices):
    CHAIR = "chair", _("Chair")
    VICE_CHAIR = "vice_chair", _("Vice-Chair")
    CO_CHAIR = "co_chair", _("Co-Chair")
    LEAD = "lead", _("Lead")


# Roles one organisation holds at a time; co-chairs share theirs.
SINGLE_HOLDER_ROLES = (ChairRole.CHAIR, ChairRole.VICE_CHAIR, ChairRole.LEAD)


class ChairTerm(TermFields):
    """An organisation (and the person who represents it) in a chair role."""

    group = models.ForeignKey(
        Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="chair_terms"
    )
    role = models.CharField(_("role"), max_length=12, choices=ChairRole.choices)
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="chair_terms",
    )
    person = models.ForeignKey(
        "partners.Person",
        verbose_name=_("represented by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="chair_terms",
    )
    confirmed = models.BooleanField(
        _("confirmed"),
        default=True,
        help_text=_("Untick while a candidature has been welcomed but not yet confirmed."),
    )

    objects = HubManager()

    class Meta:
        ordering = ["group", "role", "starts_on"]
        verbose_name = _("chair term")
        verbose_name_plural = _("chair terms")
        constraints = [
            # The service refuses every overlap; the database at least
            # refuses two open-ended holders of a single-holder role.
            models.UniqueConstraint(
                fields=["group", "role"],
                condition=Q(ends_on__isnull=True) & Q(role__in=SINGLE_HOLDER_ROLES),
                name="groups_one_open_chair_per_role",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.organisation}"

    def clean(self) -> None:
        super().clean()
        if not self.group_id or not self.role:
            return
        others = ChairTerm.objects.filter(group_id=self.group_id, role=self.role)
        if self.role not in SINGLE_HOLDER_ROLES:
            # Co-chairs share the role; one organisation still holds it once.
            others = others.filter(organisation_id=self.organisation_id)
        clash = (
            overlapping(others.exclude(pk=self.pk), self.starts_on, self.ends_on)
            .select_related("organisation")
            .first()
        )
        if clash is not None:
            raise ValidationError(
                _(
                    "%(holder)s already holds this role (%(role)s of %(group)s) %(when)s. "
                    "A role has one holder at a time: end that term first, or start this "
                    "one when it ends."
                )
                % {
                    "holder": clash.organisation,
                    "role": clash.get_role_display(),
                    "group": self.group,
                    "when": clash.span_display,
                }
            )


class Seat(Sourced):
    """A seat on the GCG, held by one organisation at a time."""

    group = models.ForeignKey(
        Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="seats"
    )
    constituency = models.CharField(_("constituency"), max_length=20, choices=Constituency.choices)
    label = models.CharField(_("label"), max_length=150)
    region = models.CharField(_("ILO region"), max_length=20, blank=True)
    open_for_nominations = models.BooleanField(
        _("open for nominations"),
        default=False,
        help_text=_("A vacant seat the Secretariat invites suggestions for."),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = HubManager()

    class Meta:
        ordering = ["group", "order", "pk"]
        verbose_name = _("seat")
        verbose_name_plural = _("seats")

    def __str__(self) -> str:
        return self.label


class SeatTerm(TermFields):
    """An organisation holding a GCG seat for a term."""

    seat = models.ForeignKey(
        Seat, verbose_name=_("seat"), on_delete=models.CASCADE, related_name="terms"
    )
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="seat_terms",
    )
    person = models.ForeignKey(
        "partners.Person",
        verbose_name=_("represented by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="seat_terms",
    )

    objects = HubManager()

    class Meta:
        ordering = ["seat", "starts_on"]
        verbose_name = _("seat term")
        verbose_name_plural = _("seat terms")
        constraints = [
            models.UniqueConstraint(
                fields=["seat"],
                condition=Q(ends_on__isnull=True),
                name="groups_one_open_term_per_seat",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.seat}: {self.organisation}"

    def clean(self) -> None:
        super().clean()
        if not self.seat_id:
            return
        others = SeatTerm.objects.filter(seat_id=self.seat_id).exclude(pk=self.pk)
        clash = (
            overlapping(others, self.starts_on, self.ends_on)
            .select_related("organisation", "seat")
            .first()
        )
        if clash is not None:
            raise ValidationError(
                _(
                    "%(holder)s already holds the seat “%(seat)s” %(when)s. "
                    "A seat has one holder at a time: end that term first, or start this "
                    "one when it ends."
                )
                % {"holder": clash.organisation, "seat": clash.seat, "when": clash.span_display}
            )


class MembershipRole(models.TextChoices):
    MEMBER = "member", _("Member")
    CONTRIBUTOR = "contributor", _("Contributes to the workplan")
    OBSERVER = "observer", _("Observer")


class Membership(TermFields):
    """An organisation taking part in a group, with its representatives."""

    group = models.ForeignKey(
        Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="group_memberships",
    )
    role = models.CharField(
        _("role"), max_length=12, choices=MembershipRole.choices, default=MembershipRole.MEMBER
    )
    representatives = models.ManyToManyField(
        "partners.Person",
        verbose_name=_("representatives"),
        blank=True,
        related_name="group_memberships",
    )

    objects = HubManager()

    class Meta:
        ordering = ["group", "organisation__sort_name"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["group", "organisation"],
                condition=Q(ends_on__isnull=True),
                name="groups_one_open_membership",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} in {self.group}"


class WorkplanArea(Sourced):
    """One area of a group's workplan (e.g. "a research agenda")."""

    group = models.ForeignKey(
        Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="workplan_areas"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = HubManager()

    class Meta:
        ordering = ["group", "order", "pk"]
        verbose_name = _("workplan area")
        verbose_name_plural = _("workplan areas")

    def __str__(self) -> str:
        return self.title


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    ON_HOLD = "on_hold", _("On hold")


class ActivityQuerySet(VisibleQuerySet):
    visibility_group_field = "group"


class Activity(Sourced, ReportedDateFields):
    """A workplan activity: owners, when, status and how far it got."""

    group = models.ForeignKey(
        Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="activities"
    )
    area = models.ForeignKey(
        WorkplanArea,
        verbose_name=_("workplan area"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
    )
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    owners = models.ManyToManyField(
        "partners.Organisation", verbose_name=_("owners"), blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )
    percent_done = models.PositiveSmallIntegerField(
        _("percentage done"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Leave empty when no figure has been reported."),
    )
    next_steps = models.TextField(_("next steps"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    visibility = models.CharField(
        _("visibility"), max_length=12, choices=Visibility.choices, default=Visibility.PUBLIC
    )

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["group", "order", "pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self) -> str:
        return self.title


class NextStep(Sourced):
    """A next step a group agreed on."""

    group = models.ForeignKey(
        Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="next_steps"
    )
    text = models.CharField(_("next step"), max_length=300)
    done = models.BooleanField(_("done"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = HubManager()

    class Meta:
        ordering = ["group", "order", "pk"]
        verbose_name = _("next step")
        verbose_name_plural = _("next steps")

    def __str__(self) -> str:
        return self.text
