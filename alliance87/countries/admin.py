from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin

from alliance87.core.text import fold
from alliance87.countries.models import Country
from alliance87.countries.services import search_names_for


@admin.register(Country)
class CountryAdmin(TranslationAdmin):
    list_display = ["name", "iso3", "iso2", "region", "status"]
    list_filter = ["region", "status"]
    search_fields = ["name_en", "name_fr", "name_es", "iso3", "iso2", "search_names"]
    ordering = ["name"]

    def get_search_results(self, request: HttpRequest, queryset: Any, search_term: str) -> Any:
        # Match accents loosely, as the public search does.
        if search_term:
            return queryset.filter(search_names__contains=fold(search_term)) | queryset.filter(
                iso3__iexact=search_term
            ), False
        return super().get_search_results(request, queryset, search_term)

    def save_model(self, request: HttpRequest, obj: Country, form: Any, change: bool) -> None:
        obj.search_names = search_names_for(
            {code: getattr(obj, f"name_{code}") or "" for code in ("en", "fr", "es")}
        )
        super().save_model(request, obj, form, change)
