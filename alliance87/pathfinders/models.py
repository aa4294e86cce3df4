"""
Pathfinder countries: a country's path from expression of interest to a
monitored roadmap, its workshops, roadmaps, findings and focal points.

Visibility: `Pathfinder`, `Workshop`, `Roadmap`, `Finding` and `Lesson`
carry their own; the rows under them (stages, priority areas, actions,
progress updates) are seen by whoever sees their parent. A roadmap that is
still a draft is seen only by the Secretariat and the country's current
focal points. Every list starts from `visible_to(user)`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Self

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance87.core.dates import ReportedDateFields
from alliance87.core.models import Sourced, Theme
from alliance87.core.querysets import HubQuerySet
from alliance87.core.visibility import Visibility, VisibleQuerySet, audience_for, visible_q
from alliance87.countries.models import Region


class Stage(models.TextChoices):
    """The stages of the path, in the order a country goes through them."""

    EXPRESSION_OF_INTEREST = "interest", _("Expression of interest")
    WORKSHOP_PLANNED = "workshop_planned", _("Workshop planned")
    WORKSHOP_HELD = "workshop_held", _("Workshop held")
    ROADMAP_ADOPTED = "roadmap_adopted", _("Roadmap adopted")
    STATUS_GRANTED = "status_granted", _("Pathfinder status granted by the GCG")
    IMPLEMENTATION = "implementation", _("Implementation")
    MONITORING = "monitoring", _("Monitoring")


STAGE_ORDER: dict[str, int] = {value: i for i, value in enumerate(Stage.values)}


def stage_rank(stage: str) -> int:
    return STAGE_ORDER[stage]


# --- Who sees what -------------------------------------------------------


def focal_pathfinders_q(user: Any, prefix: str) -> Q | None:
    """Return a filter for rows of the pathfinders `user` is focal point of.

    A subquery rather than a list of ids: it costs no extra query, and it is
    always current (an assignment ended this morning no longer counts).
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    ids = FocalPoint.objects.current().for_user(user).values("pathfinder_id")
    return Q(**{f"{prefix}id__in": ids})


class PathfinderScopedQuerySet(HubQuerySet):
    """Rows of a pathfinder's content, filtered by who may see them.

    `pathfinder_prefix` leads from the row to its pathfinder ("" for the
    pathfinder itself); `own_visibility` says whether the row carries a
    visibility of its own; `roadmap_prefix`, when set, leads to the roadmap
    whose drafts only the Secretariat and the focal points may see.
    """

    pathfinder_prefix: str = "pathfinder__"
    own_visibility: bool = False
    roadmap_prefix: str | None = None
    pathfinder_optional: bool = False

    def visible_to(self, user: Any) -> Self:
        audience = audience_for(user)
        if audience.is_secretariat:
            return self
        prefix = self.pathfinder_prefix
        seen = visible_q(audience, prefix=prefix)
        assert seen is not None
        if self.pathfinder_optional:
            # A workshop hosted by a regional body belongs to no pathfinder.
            seen = Q(**{f"{prefix[:-2]}__isnull": True}) | seen
        if self.own_visibility:
            own = visible_q(audience)
            assert own is not None
            seen &= own
        if self.roadmap_prefix is not None:
            # A row under a roadmap is seen with its roadmap: adopted, and
            # visible to this audience.
            roadmap_seen = visible_q(audience, prefix=self.roadmap_prefix)
            assert roadmap_seen is not None
            seen &= roadmap_seen & Q(**{f"{self.roadmap_prefix}status": Roadmap.Status.ADOPTED})
        focal = focal_pathfinders_q(user, prefix)
        if focal is not None:
            seen |= focal
        return self.filter(seen)


# --- The pathfinder and its path -----------------------------------------


class PathfinderQuerySet(PathfinderScopedQuerySet):
    pathfinder_prefix = ""


class Pathfinder(Sourced):
    """A country on the pathfinder path."""

    country = models.OneToOneField(
        "countries.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="pathfinder",
        # Only a UN member or observer state can become a pathfinder; the
        # admin's choices and autocomplete follow this too.
        limit_choices_to={"status__in": ["member", "observer"]},
    )
    # The furthest stage recorded; kept by the services from the stages.
    stage = models.CharField(
        _("current stage"),
        max_length=20,
        choices=Stage.choices,
        default=Stage.EXPRESSION_OF_INTEREST,
    )
    summary = models.TextField(_("summary"), blank=True)
    lead_organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("lead ministry or agency"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pathfinders_led",
    )
    participants = models.ManyToManyField(
        "partners.Organisation",
        verbose_name=_("participating organisations"),
        blank=True,
        related_name="pathfinders_joined",
    )
    ministries = models.TextField(
        _("participating ministries and agencies"),
        blank=True,
        help_text=_("Ministries and public bodies not in the directory, one per line."),
    )
    visibility = models.CharField(
        _("visibility"), max_length=12, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = PathfinderQuerySet.as_manager()

    class Meta:
        ordering = ["country__name"]
        verbose_name = _("pathfinder country")
        verbose_name_plural = _("pathfinder countries")

    def __str__(self) -> str:
        return str(self.country)

    def get_absolute_url(self) -> str:
        return self.country.get_absolute_url() + "#pathfinder"

    @property
    def iso(self) -> str:
        return self.country.iso3.lower()

    @property
    def ministry_list(self) -> list[str]:
        return [line.strip() for line in (self.ministries or "").splitlines() if line.strip()]


class Milestone(Sourced, ReportedDateFields):
    """A stage a pathfinder has reached, with its date and evidence."""

    pathfinder = models.ForeignKey(
        Pathfinder,
        verbose_name=_("pathfinder"),
        on_delete=models.CASCADE,
        related_name="milestones",
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    evidence = models.TextField(_("evidence"), blank=True)
    evidence_url = models.URLField(_("evidence link"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated = models.DateTimeField(auto_now=True)

    objects = PathfinderScopedQuerySet.as_manager()

    class Meta:
        ordering = ["pathfinder", "date_start"]
        verbose_name = _("stage reached")
        verbose_name_plural = _("stages reached")
        constraints = [
            models.UniqueConstraint(
                fields=["pathfinder", "stage"], name="pf_one_milestone_per_stage"
            )
        ]

    def __str__(self) -> str:
        return f"{self.pathfinder}: {self.get_stage_display()}"

    @property
    def rank(self) -> int:
        return stage_rank(self.stage)


class FocalPointQuerySet(HubQuerySet):
    def current(self, on: dt.date | None = None) -> Self:
        day = on or timezone.localdate()
        return self.filter(Q(start__lte=day), Q(end__isnull=True) | Q(end__gte=day))

    def for_user(self, user: Any) -> Self:
        return self.filter(Q(user=user) | Q(person__user=user))


class FocalPoint(models.Model):
    """A national focal point: who keeps a pathfinder's record, and when.

    Assigned by the Secretariat in the admin until the accounts area
    assigns the role. The permission "focal point of this country" is
    decided from these rows only (see rules.py).
    """

    pathfinder = models.ForeignKey(
        Pathfinder,
        verbose_name=_("pathfinder"),
        on_delete=models.CASCADE,
        related_name="focal_points",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="focal_point_roles",
    )
    person = models.ForeignKey(
        "partners.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="focal_point_roles",
    )
    role = models.CharField(_("role"), max_length=200, blank=True)
    start = models.DateField(_("from"), default=dt.date.today)
    end = models.DateField(_("until"), null=True, blank=True)

    objects = FocalPointQuerySet.as_manager()

    class Meta:
        ordering = ["pathfinder", "-start"]
        verbose_name = _("focal point")
        verbose_name_plural = _("focal points")
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=False) | Q(person__isnull=False),
                name="pf_focal_point_is_someone",
            ),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="pf_focal_point_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.display_name} ({self.pathfinder})"

    @property
    def display_name(self) -> str:
        if self.person_id and self.person:
            return self.person.name
        if self.user:
            return self.user.get_full_name() or self.user.get_username()
        return ""

    @property
    def email(self) -> str:
        if self.person_id and self.person and self.person.email:
            return self.person.email
        return self.user.email if self.user else ""


# --- Workshops ----------------------------------------------------------


class WorkshopQuerySet(PathfinderScopedQuerySet):
    own_visibility = True
    pathfinder_optional = True


class Workshop(Sourced, ReportedDateFields):
    """A strategic planning workshop, hosted by a country or a regional body."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    pathfinder = models.ForeignKey(
        Pathfinder,
        verbose_name=_("pathfinder"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="workshops",
    )
    host_country = models.ForeignKey(
        "countries.Country",
        verbose_name=_("host country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pathfinder_workshops",
    )
    host_organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("host organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pathfinder_workshops",
        help_text=_("A regional body such as the African Union, when no country hosts it."),
    )
    region = models.CharField(_("region"), max_length=20, choices=Region.choices)
    title = models.CharField(_("title"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    evidence_url = models.URLField(_("link"), blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=12, choices=Visibility.choices, default=Visibility.PUBLIC
    )

    objects = WorkshopQuerySet.as_manager()

    class Meta:
        ordering = ["date_start"]
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        constraints = [
            models.CheckConstraint(
                condition=(Q(host_country__isnull=False) & Q(host_organisation__isnull=True))
                | (Q(host_country__isnull=True) & Q(host_organisation__isnull=False)),
                name="pf_workshop_has_one_host",
            )
        ]

    def __str__(self) -> str:
        return f"{self.host_name} ({self.reported_date or _('date to be set')})"

    @property
    def host_name(self) -> str:
        if self.host_country_id and self.host_country:
            return self.host_country.name
        if self.host_organisation:
            return self.host_organisation.name
        return ""


# --- Roadmaps -----------------------------------------------------------


class RoadmapQuerySet(PathfinderScopedQuerySet):
    own_visibility = True
    roadmap_prefix = ""


class Roadmap(Sourced, ReportedDateFields):
    """A country's roadmap; its reported date is the adoption date."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft (not published)")
        ADOPTED = "adopted", _("Adopted")

    pathfinder = models.ForeignKey(
        Pathfinder, verbose_name=_("pathfinder"), on_delete=models.CASCADE, related_name="roadmaps"
    )
    title = models.CharField(_("title"), max_length=250)
    period_start = models.PositiveSmallIntegerField(
        _("first year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
    )
    period_end = models.PositiveSmallIntegerField(
        _("last year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text=_("Leave empty when the roadmap does not say."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    document_url = models.URLField(_("document"), blank=True)
    note = models.TextField(
        _("note"),
        blank=True,
        help_text=_("Shown with the roadmap, e.g. where its figures come from."),
    )
    visibility = models.CharField(
        _("visibility"), max_length=12, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    updated = models.DateTimeField(auto_now=True)

    objects = RoadmapQuerySet.as_manager()

    class Meta:
        ordering = ["pathfinder", "-period_start"]
        verbose_name = _("roadmap")
        verbose_name_plural = _("roadmaps")

    def __str__(self) -> str:
        return self.title

    @property
    def period(self) -> str:
        if self.period_start is None:
            return str(_("Not reported"))
        if self.period_end is None:
            return str(_("From %(year)s") % {"year": self.period_start})
        if self.period_start == self.period_end:
            return str(self.period_start)
        return f"{self.period_start}–{self.period_end}"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class PriorityAreaQuerySet(PathfinderScopedQuerySet):
    pathfinder_prefix = "roadmap__pathfinder__"
    roadmap_prefix = "roadmap__"


class PriorityArea(Sourced):
    roadmap = models.ForeignKey(
        Roadmap, verbose_name=_("roadmap"), on_delete=models.CASCADE, related_name="priorities"
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)

    objects = PriorityAreaQuerySet.as_manager()

    class Meta:
        ordering = ["roadmap", "number"]
        verbose_name = _("priority area")
        verbose_name_plural = _("priority areas")
        constraints = [
            models.UniqueConstraint(fields=["roadmap", "number"], name="pf_priority_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class ActionQuerySet(PathfinderScopedQuerySet):
    pathfinder_prefix = "priority__roadmap__pathfinder__"
    roadmap_prefix = "priority__roadmap__"


class Action(Sourced):
    """An action under a roadmap's priority area."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DELAYED = "delayed", _("Delayed")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    priority = models.ForeignKey(
        PriorityArea,
        verbose_name=_("priority area"),
        on_delete=models.CASCADE,
        related_name="actions",
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("action"), max_length=300)
    responsible = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("responsible organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pathfinder_actions_led",
    )
    partners = models.ManyToManyField(
        "partners.Organisation",
        verbose_name=_("partner organisations"),
        blank=True,
        related_name="pathfinder_actions_joined",
    )
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    currency = models.CharField(
        _("currency"), max_length=3, blank=True, help_text=_("ISO 4217, e.g. USD.")
    )
    budget_needed = models.DecimalField(
        _("budget needed"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    budget_secured = models.DecimalField(
        _("budget secured"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )
    budget_illustrative = models.BooleanField(
        _("illustrative budget"),
        default=False,
        help_text=_("The figures are an illustration, not reported data; the page says so."),
    )
    indicator = models.CharField(_("indicator"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    percent_done = models.PositiveSmallIntegerField(
        _("percentage done"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    updated = models.DateTimeField(auto_now=True)

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["priority", "number"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        constraints = [
            models.UniqueConstraint(fields=["priority", "number"], name="pf_action_number_unique"),
            models.CheckConstraint(
                condition=Q(percent_done__isnull=True) | Q(percent_done__lte=100),
                name="pf_action_percent_at_most_100",
            ),
        ]

    @property
    def visible_responsible(self) -> Any:
        """The responsible organisation when the reader may see it, else
        None: `responsible_seen` is marked by the selectors that read the
        action for a reader (pathfinders.selectors.actions_visible_to);
        unmarked, nothing is named."""
        seen = self.responsible_id is not None and getattr(self, "responsible_seen", False)
        return self.responsible if seen else None

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        """Return its row on its printable roadmap, on the page that holds
        it (read with `priority__roadmap__pathfinder__country`)."""
        roadmap = self.priority.roadmap
        iso = roadmap.pathfinder.country.iso3.lower()
        printed = reverse("pathfinders:print", args=[iso, roadmap.pk])
        return f"{printed}?action={self.pk}#{self.anchor}"

    @property
    def anchor(self) -> str:
        return f"pf-action-{self.pk}"

    @property
    def funding_gap(self) -> Decimal | None:
        if self.budget_needed is None:
            return None
        return max(self.budget_needed - (self.budget_secured or Decimal(0)), Decimal(0))


class ProgressUpdateQuerySet(PathfinderScopedQuerySet):
    pathfinder_prefix = "action__priority__roadmap__pathfinder__"
    roadmap_prefix = "action__priority__roadmap__"


class ProgressUpdate(models.Model):
    """A dated report of progress on one action, in the author's language."""

    action = models.ForeignKey(
        Action, verbose_name=_("action"), on_delete=models.CASCADE, related_name="updates"
    )
    date = models.DateField(_("date"))
    text = models.TextField(_("progress"))
    evidence_url = models.URLField(_("evidence link"), blank=True)
    language = models.CharField(
        _("language"), max_length=7, choices=settings.LANGUAGES, default="en"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created = models.DateTimeField(auto_now_add=True)

    objects = ProgressUpdateQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-created"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")

    def __str__(self) -> str:
        return f"{self.date}: {self.text[:60]}"


# --- What the pathfinder records besides its roadmap --------------------


class FindingQuerySet(PathfinderScopedQuerySet):
    own_visibility = True


class Finding(Sourced, ReportedDateFields):
    """A priority, achievement, challenge or next step a pathfinder reports."""

    class Kind(models.TextChoices):
        PRIORITY = "priority", _("Priority identified")
        GEOGRAPHIC_PRIORITY = "geographic", _("Geographic priority")
        ACHIEVEMENT = "achievement", _("Achievement")
        CHALLENGE = "challenge", _("Challenge")
        NEXT_STEP = "next_step", _("Next step")

    pathfinder = models.ForeignKey(
        Pathfinder, verbose_name=_("pathfinder"), on_delete=models.CASCADE, related_name="findings"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    heading = models.CharField(
        _("heading"), max_length=200, blank=True, help_text=_("Groups items, e.g. Child labour.")
    )
    text = models.TextField(_("text"))
    evidence_url = models.URLField(_("evidence link"), blank=True)
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    visibility = models.CharField(
        _("visibility"), max_length=12, choices=Visibility.choices, default=Visibility.PUBLIC
    )

    objects = FindingQuerySet.as_manager()

    class Meta:
        ordering = ["pathfinder", "kind", "order", "pk"]
        verbose_name = _("finding")
        verbose_name_plural = _("findings")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text[:60]}"


class Lesson(Sourced):
    """A lesson the Secretariat drew from the pathfinder strategy as a whole."""

    text = models.TextField(_("lesson"))
    source = models.CharField(_("source"), max_length=250, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    visibility = models.CharField(
        _("visibility"), max_length=12, choices=Visibility.choices, default=Visibility.PUBLIC
    )

    objects = VisibleQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("lesson learned")
        verbose_name_plural = _("lessons learned")

    def __str__(self) -> str:
        return self.text[:80]


def pathfinder_url(iso3: str, name: str, *args: Any) -> str:
    """Return the URL of a pathfinder page (`name` in the pathfinders namespace)."""
    return reverse(f"pathfinders:{name}", args=[iso3.lower(), *args])
