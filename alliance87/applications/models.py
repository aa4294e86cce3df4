"""Expressions of interest: applications to become a partner, to join a
group, to become a pathfinder country, or for a GCG seat."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alliance87.core.querysets import HubManager
from alliance87.partners.models import StakeholderType


class Application(models.Model):
    class Kind(models.TextChoices):
        PARTNER = "partner", _("Become a partner of Alliance 8.7")
        GROUP = "group", _("Join a group")
        PATHFINDER = "pathfinder", _("Become a pathfinder country")
        GCG_SEAT = "gcg_seat", _("A seat on the Global Coordinating Group")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Received")
        UNDER_REVIEW = "under_review", _("Under review")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    kind = models.CharField(_("application to"), max_length=12, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.RECEIVED
    )
    organisation_name = models.CharField(_("organisation"), max_length=200)
    stakeholder_type = models.CharField(
        _("stakeholder type"), max_length=20, choices=StakeholderType.choices
    )
    country = models.ForeignKey(
        "countries.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    group = models.ForeignKey(
        "groups.Group",
        verbose_name=_("group"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
    )
    seat = models.ForeignKey(
        "groups.Seat",
        verbose_name=_("seat"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
    )
    contact_name = models.CharField(_("contact name"), max_length=200)
    email = models.EmailField(_("email"))
    message = models.TextField(_("message"), blank=True)
    language = models.CharField(_("language"), max_length=5, default="en")
    # What the application is for, in one comparable value ("group:4"),
    # so that a duplicate is recognised whatever the kind.
    target_key = models.CharField(max_length=40, default="", editable=False)
    submitted_on = models.DateField(editable=False)
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("organisation in the directory"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
    )
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    updated = models.DateTimeField(auto_now=True)

    objects = HubManager()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            # The service refuses a duplicate within a day; this refuses a
            # twin submitted the same day by a concurrent request.
            models.UniqueConstraint(
                fields=["email", "kind", "target_key", "submitted_on"],
                name="applications_no_same_day_twin",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation_name}: {self.get_kind_display()}"

    def get_absolute_url(self) -> str:
        return reverse("applications:review", args=[self.pk])

    @property
    def target_display(self) -> str:
        if self.group_id:
            return str(self.group)
        if self.seat_id:
            return str(self.seat)
        if self.country_id and self.kind == self.Kind.PATHFINDER:
            return str(self.country)
        return ""

    @property
    def is_decided(self) -> bool:
        return self.status in (self.Status.ACCEPTED, self.Status.DECLINED)


class ApplicationEvent(models.Model):
    """The audit trail: each step of an application, who took it, when."""

    application = models.ForeignKey(
        Application, verbose_name=_("application"), on_delete=models.CASCADE, related_name="events"
    )
    status = models.CharField(_("status"), max_length=12, choices=Application.Status.choices)
    note = models.TextField(_("note"), blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    objects = HubManager()

    class Meta:
        ordering = ["application", "at", "pk"]
        verbose_name = _("application step")
        verbose_name_plural = _("application steps")

    def __str__(self) -> str:
        return f"{self.application}: {self.get_status_display()}"
