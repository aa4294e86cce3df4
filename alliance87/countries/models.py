from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance87.core.querysets import HubQuerySet
from alliance87.core.reversing import reverse_one


class Region(models.TextChoices):
    """The ILO's five regions."""

    AFRICA = "africa", _("Africa")
    AMERICAS = "americas", _("Americas")
    ARAB_STATES = "arab_states", _("Arab States")
    ASIA_PACIFIC = "asia_pacific", _("Asia and the Pacific")
    EUROPE_CENTRAL_ASIA = "europe_central_asia", _("Europe and Central Asia")


class CountryQuerySet(HubQuerySet):
    def search(self, text: str) -> CountryQuerySet:
        """Return countries whose name in any language contains `text`,
        ignoring case and accents ("cote" finds Côte d'Ivoire), spaces and
        punctuation ("vietnam" finds Viet Nam)."""
        from alliance87.core.text import compact, fold

        folded = fold(text)
        if not folded:
            return self
        squeezed = compact(folded)
        found = models.Q(search_names__contains=folded)
        if squeezed:
            found |= models.Q(search_names__contains=squeezed)
        return self.filter(found)


class Country(models.Model):
    """A UN member or observer state (reference data: public to all)."""

    class Status(models.TextChoices):
        MEMBER = "member", _("UN member state")
        OBSERVER = "observer", _("UN observer state")
        OTHER = "other", _("Other")

    iso3 = models.CharField(_("ISO 3166 alpha-3 code"), max_length=3, unique=True)
    iso2 = models.CharField(_("ISO 3166 alpha-2 code"), max_length=2, unique=True)
    m49 = models.CharField(_("UN M49 code"), max_length=3, unique=True)
    name = models.CharField(_("name"), max_length=100)
    region = models.CharField(_("ILO region"), max_length=20, choices=Region.choices)
    status = models.CharField(_("UN status"), max_length=10, choices=Status.choices)
    # The names in every language, folded (lower case, no accents), so
    # that one indexed column answers a search typed in any language.
    search_names = models.TextField(editable=False, default="")

    objects = CountryQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse_one("countries:detail", self.iso3.lower())
