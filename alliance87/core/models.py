"""Shared vocabulary: the Theme taxonomy, the home page's key figures, and
the content version that keeps cached public pages honest (defined in
core/invalidation.py, beside the functions that move it)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance87.core.invalidation import ContentVersion
from alliance87.core.querysets import HubManager
from alliance87.core.visibility import Visibility, VisibleQuerySet

__all__ = ["ContentVersion", "KeyFigure", "Theme", "Visibility", "VisibleQuerySet"]


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


class KeyFigure(models.Model):
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
