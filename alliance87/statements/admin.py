from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin

from alliance87.statements.models import Endorsement, Statement


class EndorsementInline(admin.TabularInline):
    model = Endorsement
    extra = 0
    fields = ["organisation", "endorsed_on", "source", "recorded_by"]
    readonly_fields = ["recorded_by"]
    autocomplete_fields = ["organisation"]


@admin.register(Statement)
class StatementAdmin(TranslationAdmin):
    list_display = ["title", "issued_by", "date_start", "published_endorsements", "visibility"]
    list_filter = ["visibility", "open_for_endorsement"]
    search_fields = ["title_en", "title_fr", "title_es", "slug"]
    prepopulated_fields = {"slug": ["title_en"]}
    inlines = [EndorsementInline]

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        for obj in formset.save(commit=False):
            if isinstance(obj, Endorsement) and obj.recorded_by_id is None:
                obj.recorded_by = request.user  # type: ignore[assignment]
            obj.save()
        for obj in formset.deleted_objects:
            obj.delete()
        formset.save_m2m()


@admin.register(Endorsement)
class EndorsementAdmin(admin.ModelAdmin):
    list_display = ["organisation", "statement", "source", "endorsed_on"]
    list_filter = ["statement", "source", "organisation__stakeholder_type"]
    search_fields = ["organisation__name_en", "organisation__acronym_en", "statement__title_en"]
    autocomplete_fields = ["organisation", "statement"]
    readonly_fields = ["recorded_by"]

    def save_model(self, request: HttpRequest, obj: Endorsement, form: Any, change: bool) -> None:
        if obj.recorded_by_id is None:
            obj.recorded_by = request.user  # type: ignore[assignment]
        super().save_model(request, obj, form, change)
