"""
The search index: one row per searchable row of the Hub, whatever its area.

Areas declare what they index through `hooks.SEARCH_PROVIDERS`; the index
keeps the text in each language (for snippets), the words each engine
searches (`engines/`), who may find the row (`SearchAccess`: its level,
the group whose members and the pathfinder whose focal points see it) and
its facets. Search reads only this table for matching, ranking, counting
and filtering by visibility; the rows of a results page are then read
again through their model's `visible_to(user)`.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from alliance87.core.querysets import HubManager


class SearchDocument(models.Model):
    kind = models.CharField(_("kind"), max_length=40)
    object_id = models.BigIntegerField(_("object id"))
    # The first language the row is written in.
    language = models.CharField(_("language"), max_length=5)
    title_en = models.TextField(blank=True, default="")
    title_fr = models.TextField(blank=True, default="")
    title_es = models.TextField(blank=True, default="")
    body_en = models.TextField(blank=True, default="")
    body_fr = models.TextField(blank=True, default="")
    body_es = models.TextField(blank=True, default="")
    names = models.TextField(blank=True, default="")
    # Who may find it (hooks.SearchAccess); no foreign keys: search imports
    # no area.
    level = models.CharField(_("visibility"), max_length=12)
    group_id = models.BigIntegerField(null=True, blank=True)
    pathfinder_id = models.BigIntegerField(null=True, blank=True)
    # A user who finds it whatever its level (its submitter).
    user_id = models.BigIntegerField(null=True, blank=True)
    year = models.SmallIntegerField(_("year"), null=True, blank=True)
    # The words the SQLite engine indexes (folded and stemmed); the FTS5
    # table reads them. PostgreSQL keeps a tsvector column instead (added
    # by migration 0002), and leaves these empty.
    fts_title = models.TextField(blank=True, default="")
    fts_body = models.TextField(blank=True, default="")

    objects = HubManager()

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_one_per_row")
        ]
        indexes = [models.Index(fields=["level", "year"], name="search_doc_level_year")]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"

    def title_in(self, language: str) -> tuple[str, str]:
        """Return the title in `language`, or in the first language that
        has one, and that language."""
        return _first(self, "title", language)

    def body_in(self, language: str) -> tuple[str, str]:
        return _first(self, "body", language)


LANGUAGES = ("en", "fr", "es")


def _first(doc: SearchDocument, field: str, language: str) -> tuple[str, str]:
    for code in (language, *LANGUAGES):
        text = getattr(doc, f"{field}_{code}", "")
        if text:
            return text, code
    return "", language


class SearchFacet(models.Model):
    """One facet value of an indexed row (its countries, its themes)."""

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="facets")
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=100)

    objects = HubManager()

    class Meta:
        verbose_name = _("search facet")
        verbose_name_plural = _("search facets")
        indexes = [
            models.Index(fields=["document", "facet", "value"], name="search_facet_doc"),
            models.Index(fields=["facet", "value"], name="search_facet_value"),
        ]

    def __str__(self) -> str:
        return f"{self.facet}={self.value}"


class SearchFacetLabel(models.Model):
    """The label of a facet value in each language (a country's name)."""

    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=100)
    label_en = models.CharField(max_length=200, blank=True, default="")
    label_fr = models.CharField(max_length=200, blank=True, default="")
    label_es = models.CharField(max_length=200, blank=True, default="")

    objects = HubManager()

    class Meta:
        verbose_name = _("search facet label")
        verbose_name_plural = _("search facet labels")
        constraints = [models.UniqueConstraint(fields=["facet", "value"], name="search_one_label")]

    def __str__(self) -> str:
        return self.label_en or self.value

    def label_in(self, language: str) -> str:
        return getattr(self, f"label_{language}", "") or self.label_en or self.value
