from django.contrib import admin
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin

from alliance87.data.models import Edition, Geography, ImportRun, Indicator, Observation


@admin.register(Indicator)
class IndicatorAdmin(TranslationAdmin):
    list_display = ["name", "code", "unit", "sdg_indicator", "order"]
    search_fields = ["code", "name_en", "name_fr", "name_es"]


@admin.register(Geography)
class GeographyAdmin(TranslationAdmin):
    list_display = ["name", "code", "level", "region", "country"]
    list_filter = ["level", "region"]
    search_fields = ["code", "name_en", "name_fr", "name_es"]
    autocomplete_fields = ["country"]


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    list_display = ["title", "publisher", "date_start", "visibility"]
    list_filter = ["visibility"]
    search_fields = ["title", "publisher"]


@admin.register(Observation)
class ObservationAdmin(admin.ModelAdmin):
    # Observations come through the importer (all or nothing, checked);
    # the back office reads them.
    list_display = ["indicator", "geography", "period", "sex", "age", "value", "edition"]
    list_filter = ["edition", "indicator", "status", "illustrative"]
    search_fields = ["indicator__code", "geography__code", "edition__title"]
    list_select_related = ["indicator", "geography", "edition"]
    autocomplete_fields = ["indicator", "geography", "edition"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ["file_name", "format", "status", "rows_total", "created_by", "created"]
    list_filter = ["status", "format"]
    readonly_fields = [f.name for f in ImportRun._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
