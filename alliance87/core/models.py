"""Shared vocabulary: the Theme taxonomy, the home page's key figures, the
provenance of a fact (`Citation`, read and written through core/provenance.py),
and the content version that keeps cached public pages honest (defined in
core/invalidation.py, beside the functions that move it)."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance87.core.invalidation import TableVersion
from alliance87.core.querysets import HubManager
from alliance87.core.taskrecords import ScheduledRun, TaskRecord, TaskState
from alliance87.core.visibility import Visibility, VisibleQuerySet

__all__ = [
    "Basis",
    "Citation",
    "KeyFigure",
    "ScheduledRun",
    "Sourced",
    "TableVersion",
    "TaskRecord",
    "TaskState",
    "Theme",
    "Visibility",
    "VisibleQuerySet",
]


class Basis(models.TextChoices):
    """Why a fact is held: see docs/provenance.md."""

    REPORTED = "reported", _("Reported")
    INFERRED = "inferred", _("Inferred")
    ILLUSTRATIVE = "illustrative", _("Illustrative")


class Citation(models.Model):
    """The source and basis of a fact: a record as a whole (`field` empty)
    or one of its fields ("date"), held as reported by one source.

    The source is a document in the Hub (`document_owner` names the file
    owner registered on `hooks.FILE_OWNERS`, `document_id` its row), an
    address (`url`), or a document named by its title only. Two citations
    of one field whose `value`s differ are two sources that disagree; both
    are kept and shown side by side.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    field = models.CharField(
        _("field"), max_length=60, blank=True, help_text=_("Empty for the whole record.")
    )
    basis = models.CharField(_("basis"), max_length=12, choices=Basis.choices)
    note = models.TextField(
        _("inferred from"), blank=True, help_text=_("For an inference: from what, and by whom.")
    )
    source_title = models.CharField(_("source"), max_length=300, blank=True)
    url = models.URLField(_("address of the source"), blank=True, max_length=500)
    document_owner = models.CharField(_("kind of Hub document"), max_length=60, blank=True)
    document_id = models.PositiveBigIntegerField(_("Hub document"), null=True, blank=True)
    locator = models.CharField(
        _("page or paragraph"), max_length=100, blank=True, help_text=_("E.g. “p. 3”, “para. 12”.")
    )
    value = models.CharField(
        _("value, as this source gives it"),
        max_length=300,
        blank=True,
        help_text=_("Only when sources disagree: what this one says."),
    )
    as_of = models.DateField(_("as of"), null=True, blank=True)
    # A source may give the month only ("as of April 2019"): then `as_of`
    # is its first day and the page shows the month.
    as_of_precision = models.CharField(
        _("as of: precision"),
        max_length=10,
        choices=[("day", _("Day")), ("month", _("Month"))],
        default="day",
    )
    # The passage of the source that states the fact, as quoted, and its
    # character offsets in the source's text (a report read by the import:
    # docs/report-import.md).
    passage = models.TextField(_("passage, as quoted"), blank=True)
    passage_start = models.PositiveIntegerField(_("passage starts at"), null=True, blank=True)
    passage_end = models.PositiveIntegerField(_("passage ends at"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = HubManager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.get_basis_display()}: {self.source_title or self.url}"


class Sourced(models.Model):
    """Abstract: a model whose facts carry citations (deleted with it)."""

    citations = GenericRelation(Citation)

    class Meta:
        abstract = True


class Theme(models.Model):
    """A term of the taxonomy: a target of 8.7, a cross-cutting topic, a sector."""

    class Kind(models.TextChoices):
        TARGET = "target", _("Target")
        TOPIC = "topic", _("Cross-cutting topic")
        SECTOR = "sector", _("Sector")

    slug = models.SlugField(_("slug"), unique=True)
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = HubManager()

    class Meta:
        ordering = ["kind", "order", "slug"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.name

    def search_facet(self) -> Any:
        """Return the theme as a facet value of the search index."""
        from alliance87.core import hooks
        from alliance87.core.text import texts_by_language

        return hooks.SearchFacet("theme", self.slug, texts_by_language(self, "name"))


class KeyFigure(Sourced):
    """A published figure, shown with its source and reference year."""

    slug = models.SlugField(_("slug"), unique=True)
    value = models.BigIntegerField(_("value"))
    label = models.CharField(_("label"), max_length=150)
    reference_year = models.PositiveSmallIntegerField(_("reference year"))
    source = models.CharField(_("source"), max_length=300)
    source_url = models.URLField(_("source address"), blank=True)
    publication_year = models.PositiveSmallIntegerField(_("publication year"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    visibility = models.CharField(
        _("visibility"), max_length=12, choices=Visibility.choices, default=Visibility.PUBLIC
    )

    objects = VisibleQuerySet.as_manager()

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")

    def __str__(self) -> str:
        return f"{self.value:,} {self.label} ({self.reference_year})"
