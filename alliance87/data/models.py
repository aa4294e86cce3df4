"""
Statistics with their editions and sources (docs/data.md).

- An **Indicator** is a catalogue entry (people in modern slavery, children
  in child labour...) with its unit. Its definition and methodology note are
  held only as a source gives them, with that source's address; otherwise
  the pages say that none is held.
- A **Geography** is the world, an ILO region, another grouping (e.g.
  Sub-Saharan Africa) or a country (linked to countries.Country).
- An **Edition** is the publication that released figures: its title,
  publisher, publication date and address. Its visibility decides who sees
  its observations (an edition may be held back for the Secretariat).
- An **Observation** is one value of one indicator for one geography,
  reference period and disaggregation (sex, age group, economic sector) in
  one edition, with its own source address, confidence interval, footnote
  and status. A new edition never overwrites an old one: the key includes
  the edition, and the importer refuses a row whose key its edition
  already holds.
- An **ImportRun** is one file (tidy CSV, SDMX-CSV or SDMX-ML) checked
  and, if it had no errors, saved; seen by the Secretariat only. Every row
  of these models is in the audit log (accounts/audit.py registers them
  all).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance87.core.dates import ReportedDateFields
from alliance87.core.querysets import HubManager, HubQuerySet
from alliance87.core.text import written_in
from alliance87.core.visibility import (
    SecretariatOnlyQuerySet,
    Visibility,
    VisibleQuerySet,
    audience_for,
    visible_q,
)
from alliance87.core.visibility import is_secretariat as _is_secretariat
from alliance87.countries.models import Country, Region

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

# Under MEDIA_ROOT; stored by alliance87.core.files, never served.
IMPORTS_FOLDER = "data/imports"


class Unit(models.TextChoices):
    PERSONS = "persons", _("persons")
    PER_1000 = "per 1000 people", _("per 1,000 people")
    PERCENT = "percent", _("percent")


class Indicator(models.Model):
    """One statistic the Hub holds figures of."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices)
    # Held only as a source gives them (definition_source_url); empty
    # means none is held, and the pages say so.
    definition = models.TextField(_("definition, as its source gives it"), blank=True)
    definition_source_url = models.URLField(_("source of the definition"), blank=True)
    methodology = models.TextField(_("methodology note, as its source gives it"), blank=True)
    methodology_source_url = models.URLField(_("source of the methodology note"), blank=True)
    sdg_indicator = models.CharField(
        _("SDG indicator"), max_length=20, blank=True, help_text=_("Only as a source gives it.")
    )
    sdg_source_url = models.URLField(_("source of the SDG link"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = HubManager()

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.name


class Geography(models.Model):
    """The world, an ILO region, another grouping of countries, or a country."""

    class Level(models.TextChoices):
        WORLD = "world", _("World")
        REGION = "region", _("ILO region")
        GROUPING = "grouping", _("Other grouping")
        COUNTRY = "country", _("Country")

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=100)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    # For an ILO region: which one (countries.Region), so that its page
    # lists its countries.
    region = models.CharField(_("ILO region"), max_length=20, choices=Region.choices, blank=True)
    country = models.OneToOneField(
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="geography",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = HubManager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("geography")
        verbose_name_plural = _("geographies")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level="country", country__isnull=False)
                | models.Q(~models.Q(level="country"), country__isnull=True),
                name="data_geography_country_iff_country_level",
            ),
            models.CheckConstraint(
                condition=models.Q(level="region") & ~models.Q(region="")
                | ~models.Q(level="region") & models.Q(region=""),
                name="data_geography_region_iff_region_level",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Edition(ReportedDateFields):
    """A publication that released figures (its date is `reported_date`)."""

    title = models.CharField(_("title"), max_length=300, unique=True)
    publisher = models.CharField(_("publisher"), max_length=300)
    source_url = models.URLField(_("address of the publication"), max_length=500, blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=12, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    created = models.DateTimeField(auto_now_add=True)

    objects = VisibleQuerySet.as_manager()

    class Meta:
        ordering = ["-date_start", "title"]
        verbose_name = _("edition")
        verbose_name_plural = _("editions")

    def __str__(self) -> str:
        return self.title

    # The Hub holds a publication's title as published in English (the
    # importer's "edition" column): a French or Spanish page marks it so.
    title_language = "en"

    @property
    def shown_title(self) -> str:
        """The title as HTML for the page, marked English on another."""
        return written_in(self.title, self.title_language)


class ObservationQuerySet(HubQuerySet):
    def visible_to(self, user: AbstractBaseUser | AnonymousUser | None) -> Self:
        """Return the observations of the editions `user` may see."""
        q = visible_q(audience_for(user), prefix="edition__")
        return self if q is None else self.filter(q)


class Observation(models.Model):
    """One value of an indicator for a geography, period and breakdown, as
    one edition released it."""

    class Status(models.TextChoices):
        ESTIMATE = "estimate", _("Estimate")
        PROVISIONAL = "provisional", _("Provisional")
        REVISED = "revised", _("Revised")

    edition = models.ForeignKey(
        Edition, verbose_name=_("edition"), on_delete=models.PROTECT, related_name="observations"
    )
    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.PROTECT,
        related_name="observations",
    )
    geography = models.ForeignKey(
        Geography,
        verbose_name=_("geography"),
        on_delete=models.PROTECT,
        related_name="observations",
    )
    period = models.PositiveSmallIntegerField(_("reference year"))
    # The disaggregation: "total" / "all" when the figure is not broken down.
    sex = models.CharField(_("sex"), max_length=10, default="total")
    age = models.CharField(_("age group"), max_length=20, default="all")
    sector = models.CharField(_("economic sector"), max_length=60, default="all")
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=4)
    lower = models.DecimalField(
        _("lower bound"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    upper = models.DecimalField(
        _("upper bound"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.ESTIMATE
    )
    source_url = models.URLField(_("source address"), max_length=500)
    footnote = models.TextField(_("footnote"), blank=True)
    # Demo figures without a source are marked so on every chart, table
    # and export.
    illustrative = models.BooleanField(_("illustrative"), default=False)

    objects = ObservationQuerySet.as_manager()

    class Meta:
        ordering = ["indicator", "geography", "period"]
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "indicator", "geography", "period", "sex", "age", "sector"],
                name="data_observation_one_per_key_and_edition",
            )
        ]
        indexes = [
            models.Index(fields=["indicator", "geography", "period"]),
            # /data/: an indicator's editions and an edition's latest year,
            # one probe each instead of a scan of the edition's figures
            # (bench/data_scale.py).
            models.Index(
                fields=["indicator", "edition", "period"], name="data_obs_indicator_edition"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.geography} {self.period}: {self.value}"

    @property
    def key(self) -> tuple[Any, ...]:
        """What identifies the figure across editions."""
        return (self.indicator_id, self.geography_id, self.period, self.sex, self.age, self.sector)

    @property
    def series_key(self) -> tuple[Any, ...]:
        """What identifies the series across periods and editions."""
        return (self.indicator_id, self.geography_id, self.sex, self.age, self.sector)


class ImportRunQuerySet(SecretariatOnlyQuerySet):
    """Every import for the Secretariat, none for anyone else."""


class ImportRun(models.Model):
    """One file of observations (tidy CSV, SDMX-CSV, SDMX-ML or SDMX-JSON),
    perhaps with the SDMX structure its codes are read through: checked,
    then saved whole or not at all."""

    class Status(models.TextChoices):
        CHECKING = "checking", _("Being checked")
        REFUSED = "refused", _("Has errors: nothing saved")
        READY = "ready", _("Checked: ready to save")
        SAVING = "saving", _("Being saved")
        SAVED = "saved", _("Saved")

    class Format(models.TextChoices):
        CSV = "csv", _("tidy CSV")
        SDMX_CSV = "sdmx-csv", "SDMX-CSV"
        SDMX_ML = "sdmx-ml", "SDMX-ML"
        SDMX_JSON = "sdmx-json", "SDMX-JSON"

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.CHECKING
    )
    # Read from the file's content when it arrives (data/sdmx.py).
    format = models.CharField(
        _("format"), max_length=10, choices=Format.choices, default=Format.CSV
    )
    # What the import page gave for an SDMX file, which does not name its
    # publication: {"edition", "publisher", "published", "source_url",
    # "indicator"} (data/sdmx.py, OPTIONS).
    options = models.JSONField(_("edition and indicator given"), default=dict, blank=True)
    # Empty for a file imported from the command line (read where it lies).
    file = models.FileField(_("file"), upload_to=IMPORTS_FOLDER, max_length=300, blank=True)
    file_name = models.CharField(_("file name"), max_length=200)
    # An SDMX-ML structure message (a data structure with its code lists)
    # uploaded with an SDMX file: its codes are read through its code lists
    # (data/sdmx/structure.py). Empty when none was given.
    structure = models.FileField(
        _("structure file"), upload_to=IMPORTS_FOLDER, max_length=300, blank=True
    )
    structure_name = models.CharField(_("structure file name"), max_length=200, blank=True)
    rows_total = models.PositiveIntegerField(_("rows"), default=0)
    rows_done = models.PositiveIntegerField(_("rows done"), default=0)
    # [{"row": 3, "column": "value", "message": "..."}], in the language of
    # the person who imported the file.
    errors = models.JSONField(_("errors"), default=list, blank=True)
    # What the file would add: {"editions": [...], "observations": n,
    # "sample": [...first rows...]}.
    summary = models.JSONField(_("summary"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created = models.DateTimeField(auto_now_add=True)
    finished = models.DateTimeField(_("finished"), null=True, blank=True)

    objects = ImportRunQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("data import")
        verbose_name_plural = _("data imports")

    def __str__(self) -> str:
        return self.file_name

    @property
    def numbers_observations(self) -> bool:
        """Whether errors are numbered by observation (a message), not by
        row (a CSV file)."""
        return self.format in (self.Format.SDMX_ML, self.Format.SDMX_JSON)

    @property
    def percent_done(self) -> int:
        if not self.rows_total:
            return 0
        return min(100, self.rows_done * 100 // self.rows_total)


class GovernmentReplyQuerySet(HubQuerySet):
    def visible_to(self, user: AbstractBaseUser | AnonymousUser | None) -> Self:
        """Return published replies to all; a submitted one to the person
        who submitted it and to the Secretariat."""
        if _is_secretariat(user):
            return self
        shown = models.Q(status=GovernmentReply.Status.PUBLISHED)
        if user is not None and user.is_authenticated and user.is_active:
            shown |= models.Q(submitted_by=user)
        return self.filter(shown)


class GovernmentReply(models.Model):
    """A government's reply to the figures shown for its country, submitted
    by a national focal point and published in full by the Secretariat.
    Every reply is kept: a new one stands beside the earlier ones."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted, awaiting publication")
        PUBLISHED = "published", _("Published")

    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("reply"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted = models.DateTimeField(_("submitted"), auto_now_add=True)
    published = models.DateTimeField(_("published"), null=True, blank=True)

    objects = GovernmentReplyQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted", "-pk"]
        verbose_name = _("government reply")
        verbose_name_plural = _("government replies")

    def __str__(self) -> str:
        return f"{self.country}: {self.submitted:%Y-%m-%d}"
