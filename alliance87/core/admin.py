from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from modeltranslation.admin import TranslationAdmin

from alliance87.core.models import Citation, KeyFigure, Theme


@admin.register(Theme)
class ThemeAdmin(TranslationAdmin):
    list_display = ["name", "kind", "slug", "order"]
    list_filter = ["kind"]
    search_fields = ["name_en", "name_fr", "name_es", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(KeyFigure)
class KeyFigureAdmin(TranslationAdmin):
    list_display = ["label", "value", "reference_year", "publication_year", "visibility", "order"]
    list_filter = ["visibility", "reference_year"]
    search_fields = ["label_en", "label_fr", "label_es", "source_en"]


class CitationInline(GenericTabularInline):
    """The sources of a record, in the back office of any `Sourced` model."""

    model = Citation
    extra = 0
    fields = [
        "field",
        "basis",
        "note",
        "source_title",
        "url",
        "document_owner",
        "document_id",
        "locator",
        "value",
        "as_of",
        "as_of_precision",
        "order",
    ]


@admin.register(Citation)
class CitationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "content_type", "object_id", "field", "basis", "as_of"]
    list_filter = ["basis", "content_type"]
    search_fields = ["source_title", "url", "note", "value"]
