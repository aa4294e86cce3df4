"""
A report being imported: the file or pasted text, the proposal the rules
made of it, the Secretariat's review of each row, and the draft event it
became. Seen by the Secretariat only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alliance87.core.visibility import SecretariatOnlyQuerySet

if TYPE_CHECKING:
    pass

# Under MEDIA_ROOT; checked and stored by alliance87.core.files, never served.
IMPORTS_FOLDER = "reports/imports"


class ReportImportQuerySet(SecretariatOnlyQuerySet):
    """Every import for the Secretariat, none for anyone else."""


class ReportImport(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to be read")
        PARSING = "parsing", _("Being read")
        READY = "ready", _("Ready for review")
        FAILED = "failed", _("Could not be read")
        SAVED = "saved", _("Saved as a draft event")

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    file = models.FileField(_("file"), upload_to=IMPORTS_FOLDER, blank=True, max_length=300)
    file_name = models.CharField(_("file name"), max_length=200, blank=True)
    pasted = models.TextField(_("pasted text"), blank=True)
    language = models.CharField(_("language of the report"), max_length=2, default="en")
    # The normalised text the proposal's offsets point into.
    text = models.TextField(_("text"), blank=True, editable=False)
    page_starts = models.JSONField(default=list, blank=True, editable=False)
    format = models.CharField(_("format"), max_length=10, blank=True, editable=False)
    # The proposal as the rules made it (docs/report-import.md), untouched.
    proposal = models.JSONField(null=True, blank=True, editable=False)
    # The review: {"rows": {key: {"state": ..., "values": {...}}},
    # "names": {name: {"slug": ...} or {"create": stakeholder type}}}.
    review = models.JSONField(default=dict, blank=True, editable=False)
    error_code = models.CharField(_("why it could not be read"), max_length=30, blank=True)
    error_params = models.JSONField(default=dict, blank=True)
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("draft event"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = ReportImportQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("report import")
        verbose_name_plural = _("report imports")

    def __str__(self) -> str:
        return self.file_name or str(_("Pasted report"))

    def get_absolute_url(self) -> str:
        return reverse("reports:import", args=[self.pk])

    @property
    def waiting(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.PARSING)

    def rows_review(self) -> dict[str, Any]:
        return dict(self.review.get("rows") or {})
