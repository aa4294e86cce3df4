from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance87.core.models import Sourced, Theme
from alliance87.core.reversing import reverse_one
from alliance87.core.visibility import Visibility, VisibleQuerySet


class StakeholderType(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    UN_INTERNATIONAL = "un_international", _("UN or international organisation")
    WORKERS = "workers", _("Workers' organisation")
    EMPLOYERS = "employers", _("Employers' organisation")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    BUSINESS = "business", _("Business or business network")
    ACADEMIA = "academia", _("Academia")
    SURVIVOR = "survivor", _("Survivor organisation")
    REGIONAL_BODY = "regional_body", _("Regional body")
    FOUNDATION = "foundation", _("Foundation")


def stakeholder_type_order(field: str) -> models.Case:
    """Order by the stakeholder type at `field` (e.g.
    "organisation__stakeholder_type") in the types' own order, as the pages
    group organisations."""
    values = StakeholderType.values
    return models.Case(
        *(models.When(**{field: value}, then=models.Value(i)) for i, value in enumerate(values)),
        default=models.Value(len(values)),
    )


class OrganisationQuerySet(VisibleQuerySet):
    def search(self, text: str) -> OrganisationQuerySet:
        """Return organisations whose name or acronym, in any language,
        contains `text`, ignoring case and accents."""
        from alliance87.core.text import fold

        folded = fold(text)
        return self.filter(search_names__contains=folded) if folded else self


class Organisation(Sourced):
    """A government, agency, social partner, network or group in the directory."""

    slug = models.SlugField(_("slug"), unique=True, max_length=100)
    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    stakeholder_type = models.CharField(
        _("stakeholder type"), max_length=20, choices=StakeholderType.choices
    )
    country = models.ForeignKey(
        "countries.Country",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        help_text=_("Where it is based; for a government, its country."),
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True)
    is_partner = models.BooleanField(
        _("Alliance 8.7 partner"),
        default=False,
        help_text=_("An approved partner of Alliance 8.7; its members see partners' content."),
    )
    visibility = models.CharField(
        _("visibility"), max_length=12, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    # Folded names and acronyms of every language, for one-column search.
    search_names = models.TextField(editable=False, default="")
    # The name folded (lower case, no accents, no leading article), per
    # language, so that "État" sorts with "Etat" and "l'Albanie" with "A".
    sort_name = models.CharField(editable=False, max_length=200, default="")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["sort_name"]
        # The directory's order: its first page read from the index, not
        # by sorting every organisation.
        indexes = [
            models.Index(fields=["sort_name", "id"], name="partners_org_sort_name"),
            # The counts of the organisations one may see (the directory's)
            # and of the partners among them (the home page's), and the
            # organisations one may see joined to thousands of endorsers or
            # members and counted by stakeholder type: read from this index
            # alone, not from every row (issue 16).
            models.Index(
                fields=["visibility", "is_partner", "stakeholder_type", "id"],
                name="partners_org_visible",
            ),
        ]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self) -> str:
        return reverse_one("partners:detail", self.slug)


class Person(Sourced):
    """Someone who works on 8.7. Contact details are never public."""

    slug = models.SlugField(_("slug"), unique=True, max_length=100)
    name = models.CharField(_("name"), max_length=200)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    expertise = models.ManyToManyField(Theme, verbose_name=_("expertise"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )
    visibility = models.CharField(
        _("visibility"), max_length=12, choices=Visibility.choices, default=Visibility.PARTNERS
    )

    objects = VisibleQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.name
