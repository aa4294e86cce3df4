from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from alliance87.pathfinders.models import (
    Action,
    Finding,
    FocalPoint,
    Lesson,
    Milestone,
    Pathfinder,
    PriorityArea,
    ProgressUpdate,
    Roadmap,
    Workshop,
)


class FocalPointInline(admin.TabularInline):
    model = FocalPoint
    extra = 0
    autocomplete_fields = ["user", "person"]
    fields = ["user", "person", "role", "start", "end"]


class MilestoneInline(TranslationStackedInline):
    model = Milestone
    extra = 0
    fields = [
        "stage",
        ("date_start", "date_end", "date_precision", "date_tentative"),
        "evidence",
        "evidence_url",
    ]


class FindingInline(TranslationStackedInline):
    model = Finding
    extra = 0
    fields = ["kind", "heading", "text", "evidence_url", "themes", "order", "visibility"]
    autocomplete_fields = ["themes"]


@admin.register(Pathfinder)
class PathfinderAdmin(TranslationAdmin):
    """The Secretariat's view of every pathfinder; focal points are assigned here.

    Stages entered here are not checked against the path's rules the way the
    site's forms check them; the site is the place to record a stage.
    """

    list_display = ["country", "stage", "lead_organisation", "visibility", "updated"]
    list_filter = ["stage", "visibility", "country__region"]
    search_fields = ["country__name_en", "country__name_fr", "country__name_es", "country__iso3"]
    autocomplete_fields = ["country", "lead_organisation", "participants"]
    readonly_fields = ["stage"]
    inlines = [FocalPointInline, MilestoneInline, FindingInline]


@admin.register(FocalPoint)
class FocalPointAdmin(admin.ModelAdmin):
    list_display = ["pathfinder", "display_name", "role", "start", "end"]
    list_filter = ["pathfinder__country__region"]
    search_fields = [
        "pathfinder__country__name_en",
        "user__username",
        "user__email",
        "person__name",
    ]
    autocomplete_fields = ["pathfinder", "user", "person"]

    def get_queryset(self, request: HttpRequest) -> Any:
        return (
            super().get_queryset(request).select_related("pathfinder__country", "user", "person")
        )


@admin.register(Workshop)
class WorkshopAdmin(TranslationAdmin):
    list_display = ["__str__", "region", "status", "visibility"]
    list_filter = ["region", "status", "visibility"]
    search_fields = ["title_en", "host_country__name_en", "host_organisation__name_en", "place"]
    autocomplete_fields = ["pathfinder", "host_country", "host_organisation"]


class PriorityAreaInline(TranslationTabularInline):
    model = PriorityArea
    extra = 0
    fields = ["number", "title", "description"]
    show_change_link = True


@admin.register(Roadmap)
class RoadmapAdmin(TranslationAdmin):
    list_display = ["title", "pathfinder", "period", "status", "visibility"]
    list_filter = ["status", "visibility"]
    search_fields = ["title_en", "title_fr", "title_es", "pathfinder__country__name_en"]
    autocomplete_fields = ["pathfinder"]
    inlines = [PriorityAreaInline]


@admin.register(PriorityArea)
class PriorityAreaAdmin(TranslationAdmin):
    list_display = ["__str__", "roadmap"]
    search_fields = ["title_en", "title_fr", "title_es"]
    autocomplete_fields = ["roadmap"]


@admin.register(Action)
class ActionAdmin(TranslationAdmin):
    list_display = ["title", "priority", "status", "percent_done", "budget_needed", "currency"]
    list_filter = ["status", "budget_illustrative", "priority__roadmap__pathfinder__country"]
    search_fields = ["title_en", "title_fr", "title_es", "indicator_en"]
    autocomplete_fields = ["priority", "responsible", "partners"]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(admin.ModelAdmin):
    list_display = ["date", "action", "language", "author"]
    list_filter = ["language"]
    search_fields = ["text", "action__title_en"]
    autocomplete_fields = ["action"]
    date_hierarchy = "date"


@admin.register(Finding)
class FindingAdmin(TranslationAdmin):
    list_display = ["__str__", "pathfinder", "kind", "visibility"]
    list_filter = ["kind", "visibility"]
    search_fields = ["text_en", "text_fr", "text_es", "heading_en"]
    autocomplete_fields = ["pathfinder", "themes"]


@admin.register(Lesson)
class LessonAdmin(TranslationAdmin):
    list_display = ["__str__", "source", "order", "visibility"]
    list_filter = ["visibility"]
    search_fields = ["text_en", "text_fr", "text_es"]
