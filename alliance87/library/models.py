"""
The knowledge library: resources (reports, guidance notes, toolkits, legal
texts, videos...) with their files in each language, and the glossary.

A resource is seen by those its visibility admits once it is published; a
draft or a submission under review only by the person who submitted it and
the Secretariat (`ResourceQuerySet.visible_to`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alliance87.core.dates import ReportedDateFields
from alliance87.core.files import file_url
from alliance87.core.models import Sourced, Theme
from alliance87.core.querysets import HubManager
from alliance87.core.reversing import reverse_one
from alliance87.core.visibility import Visibility, VisibleQuerySet, audience_for, visible_q
from alliance87.countries.models import Country, Region

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


class ResourceType(models.TextChoices):
    REPORT = "report", _("Report")
    GUIDANCE_NOTE = "guidance_note", _("Guidance note")
    TOOLKIT = "toolkit", _("Tool or toolkit")
    GOOD_PRACTICE = "good_practice", _("Good practice")
    CASE_STUDY = "case_study", _("Case study")
    LEGAL_TEXT = "legal_text", _("Legal text")
    POLICY_GUIDE = "policy_guide", _("Policy guide")
    TRAINING = "training", _("Training material")
    DATA_SET = "data_set", _("Data set")
    VIDEO = "video", _("Video")
    OTHER = "other", _("Other document")


class ResourceStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    PUBLISHED = "published", _("Published")


class ResourceQuerySet(VisibleQuerySet):
    visibility_group_field = "group"

    def visible_to(self, user: AbstractBaseUser | AnonymousUser | None) -> Self:
        """Return the resources `user` may see: published ones their
        visibility admits; drafts and submissions only to the Secretariat
        and to the person who submitted them."""
        audience = audience_for(user)
        seen = visible_q(audience, group_field=self.visibility_group_field)
        if seen is None:
            return self
        published = Q(status=ResourceStatus.PUBLISHED) & seen
        if _signed_in(user):
            assert user is not None
            own_draft = Q(submitted_by=user.pk) & ~Q(status=ResourceStatus.PUBLISHED)
            return self.filter(published | own_draft)
        return self.filter(published)

    def published(self) -> Self:
        return self.filter(status=ResourceStatus.PUBLISHED)


def _signed_in(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


class Resource(Sourced, ReportedDateFields):
    """A document, tool, video or data set of the library.

    Its publication date is a reported date (a day, a month, a range), so
    "September 2017" is kept as a month, never as the 1st.
    """

    slug = models.SlugField(_("slug"), unique=True, max_length=120)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(
        _("text"), blank=True, help_text=_("Markdown: headings, lists, links and emphasis.")
    )
    resource_type = models.CharField(_("type"), max_length=20, choices=ResourceType.choices)
    themes: models.ManyToManyField[Theme, Any] = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="library_resources"
    )
    countries: models.ManyToManyField[Country, Any] = models.ManyToManyField(
        Country, verbose_name=_("countries"), blank=True, related_name="library_resources"
    )
    publishers: models.ManyToManyField[Any, Any] = models.ManyToManyField(
        "partners.Organisation",
        verbose_name=_("published by"),
        blank=True,
        related_name="published_resources",
    )
    contributors: models.ManyToManyField[Any, Any] = models.ManyToManyField(
        "partners.Organisation",
        verbose_name=_("contributing organisations"),
        blank=True,
        related_name="contributed_resources",
    )
    licence = models.CharField(_("licence"), max_length=200, blank=True)
    doi = models.CharField(
        _("DOI"), max_length=200, blank=True, help_text=_("E.g. 10.1234/abcd, without “doi:”.")
    )
    isbn = models.CharField(_("ISBN"), max_length=20, blank=True)
    url = models.URLField(_("address"), max_length=500, blank=True)
    # The language of the page at `url`, when it is a single one.
    url_language = models.CharField(
        _("language of the address"), max_length=5, choices=settings.LANGUAGES, blank=True
    )
    visibility = models.CharField(
        _("visibility"), max_length=12, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    # The group whose members see it when it is for group members only; its
    # page lists the resource.
    group = models.ForeignKey(
        "groups.Group",
        verbose_name=_("group"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="library_resources",
    )
    events: models.ManyToManyField[Any, Any] = models.ManyToManyField(
        "events.Event", verbose_name=_("events"), blank=True, related_name="library_resources"
    )
    actions: models.ManyToManyField[Any, Any] = models.ManyToManyField(
        "pathfinders.Action",
        verbose_name=_("roadmap actions"),
        blank=True,
        related_name="library_resources",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ResourceStatus.choices, default=ResourceStatus.DRAFT
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    review_note = models.TextField(
        _("note to the Secretariat"),
        blank=True,
        help_text=_("Anything the Secretariat should know when reviewing it."),
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = ResourceQuerySet.as_manager()

    class Meta:
        ordering = ["-date_start", "slug"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        indexes = [models.Index(fields=["status", "visibility"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse_one("library:detail", self.slug)

    @property
    def is_published(self) -> bool:
        return self.status == ResourceStatus.PUBLISHED


class ResourceRegion(models.Model):
    """One ILO region a resource concerns."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="regions")
    region = models.CharField(_("ILO region"), max_length=20, choices=Region.choices)

    objects = HubManager()

    class Meta:
        ordering = ["region"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        constraints = [
            models.UniqueConstraint(fields=["resource", "region"], name="library_unique_region")
        ]

    def __str__(self) -> str:
        return self.get_region_display()


def resource_file_upload_to(instance: ResourceFile, filename: str) -> str:
    return f"library/{filename}"


class TextStatus(models.TextChoices):
    PENDING = "pending", _("Text not yet extracted")
    EXTRACTED = "extracted", _("Text extracted")
    FAILED = "failed", _("Text could not be extracted")
    NONE = "none", _("No text to extract")


class ResourceFileQuerySet(VisibleQuerySet):
    def visible_to(self, user: AbstractBaseUser | AnonymousUser | None) -> Self:
        """Return the files of the resources `user` may see."""
        return self.filter(resource__in=Resource.objects.visible_to(user).values("pk"))


class ResourceFile(models.Model):
    """The file of a resource in one language (one per language)."""

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="files")
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    file = models.FileField(_("file"), upload_to=resource_file_upload_to, max_length=300)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    # The text of a PDF or Word file, read in the background
    # (library/tasks.py) and kept for search.
    text = models.TextField(_("extracted text"), blank=True, editable=False)
    text_status = models.CharField(
        _("text"), max_length=10, choices=TextStatus.choices, default=TextStatus.PENDING
    )
    text_error = models.CharField(_("why the text was not read"), max_length=300, blank=True)
    # What the Sources page finds the file by, folded, in one column
    # (core.text.search_names): its resource's title in every language, the
    # file's name and the names of the meetings its resource is linked to
    # that anyone may see. Kept by the services that write resources and
    # files, and by library/following.py for the meetings' own writes.
    search_names = models.TextField(editable=False, default="")
    created = models.DateTimeField(auto_now_add=True)

    objects = ResourceFileQuerySet.as_manager()

    class Meta:
        ordering = ["resource", "language"]
        verbose_name = _("file")
        verbose_name_plural = _("files")
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "language"], name="library_one_file_per_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.resource} ({self.language})"

    @property
    def href(self) -> str:
        return file_url(self) if self.file else ""

    @property
    def name(self) -> str:
        return self.file.name.rsplit("/", 1)[-1] if self.file else ""


class Term(Sourced):
    """A glossary term, defined only by a passage quoted from its legal
    source; without one, held with the source still to find."""

    slug = models.SlugField(_("slug"), unique=True, max_length=100)
    term = models.CharField(_("term"), max_length=200)
    definition = models.TextField(
        _("definition, quoted"),
        blank=True,
        help_text=_("Quoted word for word from the source; never written from memory."),
    )
    source_instrument = models.CharField(
        _("legal source"), max_length=300, blank=True, help_text=_("The convention or law.")
    )
    source_article = models.CharField(_("article"), max_length=100, blank=True)
    source_resource = models.ForeignKey(
        Resource,
        verbose_name=_("source in the library"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="defined_terms",
    )
    to_find = models.TextField(
        _("source to look up"),
        blank=True,
        help_text=_("While no sourced definition is held: where it should come from."),
    )
    resources: models.ManyToManyField[Resource, Any] = models.ManyToManyField(
        Resource, verbose_name=_("related resources"), blank=True, related_name="terms"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    visibility = models.CharField(
        _("visibility"), max_length=12, choices=Visibility.choices, default=Visibility.PUBLIC
    )

    objects = VisibleQuerySet.as_manager()

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")

    def __str__(self) -> str:
        return self.term

    def get_absolute_url(self) -> str:
        return reverse("library:glossary") + f"#{self.slug}"

    def clean(self) -> None:
        # A definition is held only as a quotation of its legal source (the
        # admin's form checks it too, through full_clean).
        quoted = any(
            (getattr(self, f"definition_{code}", "") or "").strip() for code in ("en", "fr", "es")
        )
        if quoted and not self.source_instrument.strip():
            raise ValidationError(
                {"source_instrument": _("A definition is quoted from a legal source: name it.")}
            )

    @property
    def is_sourced(self) -> bool:
        return bool(self.definition and self.source_instrument)
