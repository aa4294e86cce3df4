from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from alliance87.core.models import KeyFigure, Theme


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
