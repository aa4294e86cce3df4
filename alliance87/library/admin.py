from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin

from alliance87.library.models import Resource, ResourceFile, ResourceRegion, Term
from alliance87.library.services import refresh_search_names


class ResourceFileInline(admin.TabularInline):
    """Files are added on the resource's edit page (/library/<slug>/edit/),
    where they are checked by content and size and their text is queued for
    extraction; here they are shown, and may be removed."""

    model = ResourceFile
    extra = 0
    fields = ["language", "file", "size", "text_status", "text_error"]
    readonly_fields = ["language", "file", "size", "text_status", "text_error"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ResourceRegionInline(admin.TabularInline):
    model = ResourceRegion
    extra = 0


@admin.register(Resource)
class ResourceAdmin(TranslationAdmin):
    list_display = ["title", "resource_type", "date_start", "status", "visibility"]
    list_filter = ["status", "visibility", "resource_type"]
    search_fields = ["title_en", "title_fr", "title_es", "slug", "doi", "isbn"]
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["publishers", "contributors", "countries", "events", "group"]
    filter_horizontal = ["themes"]
    raw_id_fields = ["actions", "submitted_by"]
    inlines = [ResourceFileInline, ResourceRegionInline]

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        # Its files are found by its title.
        refresh_search_names(ResourceFile.objects.filter(resource=form.instance))


@admin.register(Term)
class TermAdmin(TranslationAdmin):
    list_display = ["term", "source_instrument", "source_article", "visibility"]
    search_fields = ["term_en", "term_fr", "term_es", "slug"]
    prepopulated_fields = {"slug": ["term_en"]}
    autocomplete_fields = ["resources", "source_resource"]
