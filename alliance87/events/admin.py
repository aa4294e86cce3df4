from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from alliance87.core.admin import CitationInline
from alliance87.events import selectors
from alliance87.events.models import (
    ActionItem,
    AgendaItem,
    Decision,
    Document,
    Event,
    EventRegion,
    EventSeries,
    Exchange,
    Objective,
    Participant,
)
from alliance87.events.services.documents import refresh_search_names


def _warnings_html(warnings: list[str]) -> Any:
    if not warnings:
        return _("None: the numbers and dates agree.")
    return format_html_join("", '<p class="errornote">{}</p>', ((w,) for w in warnings))


class EventRegionInline(admin.TabularInline):
    model = EventRegion
    extra = 0


class ObjectiveInline(TranslationTabularInline):
    model = Objective
    extra = 0
    fields = ["order", "text", "visibility"]


class ParticipantInline(admin.TabularInline):
    model = Participant
    extra = 0
    fields = ["order", "organisation", "person", "role", "attendance", "visibility"]
    autocomplete_fields = ["organisation", "person"]


class DocumentInline(TranslationTabularInline):
    model = Document
    extra = 0
    fields = ["order", "kind", "title", "url", "file", "visibility"]


class AgendaItemInline(TranslationStackedInline):
    model = AgendaItem
    extra = 0
    fields = [
        ("order", "number", "visibility"),
        "title",
        "presenters_note",
        ("presenter_organisations", "presenter_people"),
        "minutes",
    ]
    autocomplete_fields = ["presenter_organisations", "presenter_people"]
    show_change_link = True


class ExchangeInline(TranslationStackedInline):
    model = Exchange
    extra = 0
    fields = [
        ("order", "agenda_item", "visibility"),
        ("asked_by_role", "asked_by_organisation", "asked_by_person"),
        "question",
        ("answered_by_role", "answered_by_organisation", "answered_by_person"),
        "answer",
    ]
    autocomplete_fields = [
        "asked_by_organisation",
        "asked_by_person",
        "answered_by_organisation",
        "answered_by_person",
    ]


class DecisionInline(TranslationTabularInline):
    model = Decision
    extra = 0
    fields = ["order", "number", "identifier", "agenda_item", "text", "visibility"]


class ActionItemInline(TranslationStackedInline):
    model = ActionItem
    extra = 0
    fields = [
        ("order", "agenda_item", "visibility"),
        "text",
        ("owner_role", "owner_organisation", "owner_person", "owner_note"),
        ("date_start", "date_end", "date_precision", "date_tentative"),
        ("status", "done_note"),
    ]
    autocomplete_fields = ["owner_organisation", "owner_person"]


@admin.register(EventSeries)
class EventSeriesAdmin(TranslationAdmin):
    list_display = ["name", "body", "slug"]
    search_fields = ["name_en", "name_fr", "name_es", "body_en", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}
    readonly_fields = ["numbering"]

    @admin.display(description=_("Numbering warnings"))
    def numbering(self, obj: EventSeries) -> Any:
        return _warnings_html(selectors.numbering_warnings(obj)) if obj.pk else "—"


@admin.register(Event)
class EventAdmin(TranslationAdmin):
    list_display = [
        "title",
        "event_type",
        "date_start",
        "series",
        "number",
        "status",
        "visibility",
    ]
    list_filter = ["status", "visibility", "event_type", "series", "regions__region", "themes"]
    search_fields = ["title_en", "title_fr", "title_es", "slug", "city_en"]
    date_hierarchy = "date_start"
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["organisers", "countries", "themes", "country", "feeds_into", "series"]
    readonly_fields = ["numbering", "published_at"]
    inlines = [
        EventRegionInline,
        ObjectiveInline,
        ParticipantInline,
        DocumentInline,
        AgendaItemInline,
        ExchangeInline,
        DecisionInline,
        ActionItemInline,
        CitationInline,
    ]

    @admin.display(description=_("Numbering warnings"))
    def numbering(self, obj: Event) -> Any:
        return _warnings_html(selectors.numbering_warnings(obj.series)) if obj.pk else "—"

    def save_model(self, request: HttpRequest, obj: Event, form: Any, change: bool) -> None:
        rd = obj.reported_date
        obj.last_day = rd.last_day if rd else None
        super().save_model(request, obj, form, change)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        # Its documents' titles, files, agenda numbers or its own title may
        # have changed here: what the Sources page finds them by follows.
        refresh_search_names(Document.objects.filter(event=form.instance))

    def get_queryset(self, request: HttpRequest) -> Any:
        return super().get_queryset(request).select_related("series")


@admin.register(ActionItem)
class ActionItemAdmin(TranslationAdmin):
    list_display = ["__str__", "event", "owner_organisation", "owner_role", "date_start", "status"]
    list_filter = ["status", "owner_role", "event__series", "visibility"]
    search_fields = [
        "text_en",
        "text_fr",
        "text_es",
        "owner_organisation__name_en",
        "event__title_en",
    ]
    autocomplete_fields = ["event", "owner_organisation", "owner_person", "agenda_item"]
    readonly_fields = ["closed_at", "closed_by"]

    def get_queryset(self, request: HttpRequest) -> Any:
        return super().get_queryset(request).select_related("event", "owner_organisation")


@admin.register(Decision)
class DecisionAdmin(TranslationAdmin):
    list_display = ["__str__", "number", "event", "visibility"]
    list_filter = ["event__series", "visibility"]
    search_fields = ["identifier", "text_en", "text_fr", "text_es"]
    autocomplete_fields = ["event", "agenda_item"]


@admin.register(AgendaItem)
class AgendaItemAdmin(TranslationAdmin):
    list_display = ["__str__", "event", "order", "visibility"]
    list_filter = ["event__series"]
    search_fields = ["title_en", "title_fr", "title_es", "event__title_en"]
    autocomplete_fields = ["event", "presenter_organisations", "presenter_people"]

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        # Its documents are found by its number.
        refresh_search_names(Document.objects.filter(agenda_item=form.instance))
