from django.contrib import admin
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from alliance87.comms.models import Choice, Issue, Post, Question, Subscriber, Survey


@admin.register(Post)
class PostAdmin(TranslationAdmin):
    """Posts are written at /news/new/ (the image checked by content there);
    here they are listed, searched and corrected."""

    list_display = ["slug", "kind", "status", "publish_at", "visibility"]
    list_filter = ["status", "visibility", "kind"]
    search_fields = ["title_en", "title_fr", "title_es", "slug"]
    autocomplete_fields = ["organisation", "countries", "events", "groups", "group"]
    filter_horizontal = ["themes"]
    readonly_fields = ["image", "created_by"]


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "language", "status", "confirmed_at"]
    list_filter = ["status", "language"]
    search_fields = ["email"]
    readonly_fields = ["user"]


@admin.register(Issue)
class IssueAdmin(TranslationAdmin):
    """Issues are written and sent at /newsletter/issues/; listed here."""

    list_display = ["__str__", "status", "sent_at"]
    list_filter = ["status"]


class QuestionInline(TranslationStackedInline):
    model = Question
    extra = 1
    fields = [
        "order",
        "kind",
        "text",
        "help",
        "required",
        "shown_if",
        ("scale_min", "scale_max"),
        ("scale_min_label", "scale_max_label"),
    ]
    raw_id_fields = ["shown_if"]


@admin.register(Survey)
class SurveyAdmin(TranslationAdmin):
    """The survey builder: the survey, its audience and dates, and its
    questions; each question's choices on the question's own page."""

    list_display = ["title", "visibility", "group", "mode", "opens_at", "closes_at", "status"]
    list_filter = ["status", "mode", "visibility"]
    search_fields = ["title_en", "title_fr", "title_es", "slug"]
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["group"]
    inlines = [QuestionInline]


class ChoiceInline(TranslationTabularInline):
    model = Choice
    extra = 3


@admin.register(Question)
class QuestionAdmin(TranslationAdmin):
    list_display = ["text", "survey", "kind", "required", "order"]
    list_filter = ["kind", "survey"]
    search_fields = ["text_en"]
    raw_id_fields = ["survey", "shown_if"]
    inlines = [ChoiceInline]
