"""Statements (e.g. the Bangkok Statement) and the organisations that
endorse them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance87.core.dates import ReportedDateFields
from alliance87.core.querysets import HubManager
from alliance87.core.reversing import reverse_one
from alliance87.core.text import marked
from alliance87.core.visibility import Visibility, VisibleQuerySet


class Statement(ReportedDateFields):
    """A statement partners can endorse on behalf of their organisation."""

    slug = models.SlugField(_("slug"), unique=True, max_length=100)
    title = models.CharField(_("title"), max_length=200)
    issued_by = models.CharField(
        _("issued by"),
        max_length=200,
        blank=True,
        help_text=_("The forum or body that issued it."),
    )
    place = models.CharField(_("place"), max_length=100, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    url = models.URLField(_("full text address"), blank=True)
    published_endorsements = models.PositiveIntegerField(
        _("published number of endorsements"),
        null=True,
        blank=True,
        help_text=_(
            "The number the Alliance has published, which may exceed the endorsements "
            "recorded here."
        ),
    )
    published_endorsements_note = models.CharField(
        _("about the published number"),
        max_length=300,
        blank=True,
        help_text=_('How the number was reported, e.g. "more than 70 stakeholders".'),
    )
    open_for_endorsement = models.BooleanField(_("open for endorsement"), default=True)
    visibility = models.CharField(
        _("visibility"), max_length=12, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = VisibleQuerySet.as_manager()

    class Meta:
        ordering = ["-date_start", "slug"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse_one("statements:detail", self.slug)

    @property
    def published_display(self) -> str:
        """Return the published count as reported ("more than 70 ..."), as
        HTML: a note shown in another language than the page's is marked."""
        if self.published_endorsements_note:
            return marked(self, "published_endorsements_note")
        return str(self.published_endorsements or "")


class Endorsement(models.Model):
    """One organisation's endorsement of one statement."""

    class Source(models.TextChoices):
        ONLINE = "online", _("Endorsed online by a partner")
        SECRETARIAT = "secretariat", _("Recorded by the Secretariat")
        SAMPLE = "sample", _("Demonstration sample")

    statement = models.ForeignKey(
        Statement,
        verbose_name=_("statement"),
        on_delete=models.CASCADE,
        related_name="endorsements",
    )
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="endorsements",
    )
    endorsed_on = models.DateField(_("endorsed on"), null=True, blank=True)
    source = models.CharField(
        _("source"), max_length=12, choices=Source.choices, default=Source.SECRETARIAT
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created = models.DateTimeField(auto_now_add=True)

    objects = HubManager()

    class Meta:
        ordering = ["statement", "organisation__sort_name"]
        verbose_name = _("endorsement")
        verbose_name_plural = _("endorsements")
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "organisation"], name="statements_one_endorsement_per_org"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} endorses {self.statement}"


class EndorserCount(models.Model):
    """How many organisations of one stakeholder type and one visibility
    endorse one statement, and how many of them are demonstration samples:
    kept with every write (statements/counts.py), so that a statement's
    page sums a few rows instead of counting thousands of endorsements
    (issue 16). Only a count that equals what the viewer may see is read
    (`core.visibility.visible_levels`)."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="+")
    stakeholder_type = models.CharField(max_length=20)
    visibility = models.CharField(max_length=12, choices=Visibility.choices)
    endorsers = models.PositiveIntegerField(default=0)
    samples = models.PositiveIntegerField(default=0)

    objects = HubManager()

    class Meta:
        verbose_name = _("count of endorsers")
        verbose_name_plural = _("counts of endorsers")
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "stakeholder_type", "visibility"],
                name="statements_one_count_per_type_and_level",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.statement_id} {self.stakeholder_type} {self.visibility}: {self.endorsers}"
