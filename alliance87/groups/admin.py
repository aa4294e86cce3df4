from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from alliance87.groups.models import (
    Activity,
    ChairTerm,
    Group,
    Membership,
    NextStep,
    Seat,
    SeatTerm,
    WorkplanArea,
)

# The inlines' forms call each term's clean(), which refuses overlapping
# terms with the same sentence the services use.


class ChairTermInline(TranslationTabularInline):
    model = ChairTerm
    extra = 0
    fields = [
        "role",
        "organisation",
        "person",
        "starts_on",
        "starts_precision",
        "ends_on",
        "ends_precision",
        "confirmed",
        "note",
    ]
    autocomplete_fields = ["organisation", "person"]


class MembershipInline(TranslationTabularInline):
    model = Membership
    extra = 0
    fields = ["organisation", "role", "representatives", "starts_on", "ends_on", "note"]
    autocomplete_fields = ["organisation", "representatives"]


class WorkplanAreaInline(TranslationTabularInline):
    model = WorkplanArea
    extra = 0
    fields = ["order", "title", "description"]


class NextStepInline(TranslationTabularInline):
    model = NextStep
    extra = 0
    fields = ["order", "text", "done"]


class SeatInline(TranslationTabularInline):
    model = Seat
    extra = 0
    fields = ["order", "label", "constituency", "region", "open_for_nominations", "note"]
    show_change_link = True


@admin.register(Group)
class GroupAdmin(TranslationAdmin):
    list_display = ["name", "kind", "status", "parent", "visibility", "order"]
    list_filter = ["kind", "status", "visibility", "themes"]
    search_fields = ["name_en", "name_fr", "name_es", "short_name_en", "slug"]
    autocomplete_fields = ["parent", "organisation", "themes"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [ChairTermInline, SeatInline, MembershipInline, WorkplanAreaInline, NextStepInline]


class SeatTermInline(TranslationTabularInline):
    model = SeatTerm
    extra = 0
    fields = [
        "organisation",
        "person",
        "starts_on",
        "starts_precision",
        "ends_on",
        "ends_precision",
        "note",
    ]
    autocomplete_fields = ["organisation", "person"]


@admin.register(Seat)
class SeatAdmin(TranslationAdmin):
    list_display = ["label", "group", "constituency", "region", "open_for_nominations"]
    list_filter = ["constituency", "open_for_nominations", "group"]
    search_fields = ["label_en", "label_fr", "label_es", "terms__organisation__name_en"]
    autocomplete_fields = ["group"]
    inlines = [SeatTermInline]


@admin.register(Activity)
class ActivityAdmin(TranslationAdmin):
    list_display = ["title", "group", "area", "status", "percent_done", "date_start", "visibility"]
    list_filter = ["status", "visibility", "group"]
    search_fields = ["title_en", "title_fr", "title_es", "group__name_en"]
    autocomplete_fields = ["group", "area", "owners"]


@admin.register(WorkplanArea)
class WorkplanAreaAdmin(TranslationAdmin):
    list_display = ["title", "group", "order"]
    list_filter = ["group"]
    search_fields = ["title_en", "title_fr", "title_es", "group__name_en"]
    autocomplete_fields = ["group"]


@admin.register(Membership)
class MembershipAdmin(TranslationAdmin):
    list_display = ["organisation", "group", "role", "starts_on", "ends_on"]
    list_filter = ["role", "group", "organisation__stakeholder_type"]
    search_fields = ["organisation__name_en", "organisation__acronym_en", "group__name_en"]
    autocomplete_fields = ["group", "organisation", "representatives"]
