from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from alliance87.partners.models import Organisation, Person
from alliance87.partners.services import organisation_search_names, set_sort_names


class PersonInline(TranslationStackedInline):
    model = Person
    extra = 0
    fields = ["name", "slug", "position", "email", "phone", "visibility"]
    prepopulated_fields = {"slug": ["name"]}
    show_change_link = True


@admin.register(Organisation)
class OrganisationAdmin(TranslationAdmin):
    list_display = ["name", "acronym", "stakeholder_type", "country", "is_partner", "visibility"]
    list_filter = ["stakeholder_type", "is_partner", "visibility", "country__region", "themes"]
    search_fields = [
        "name_en",
        "name_fr",
        "name_es",
        "acronym_en",
        "acronym_fr",
        "acronym_es",
        "slug",
    ]
    autocomplete_fields = ["country", "themes"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [PersonInline]

    def save_model(self, request: HttpRequest, obj: Organisation, form: Any, change: bool) -> None:
        obj.search_names = organisation_search_names(obj)
        set_sort_names(obj)
        super().save_model(request, obj, form, change)


@admin.register(Person)
class PersonAdmin(TranslationAdmin):
    list_display = ["name", "organisation", "position", "visibility"]
    list_filter = ["visibility", "organisation__stakeholder_type"]
    search_fields = ["name", "email", "organisation__name_en", "organisation__acronym_en"]
    autocomplete_fields = ["organisation", "expertise", "user"]
    prepopulated_fields = {"slug": ["name"]}
