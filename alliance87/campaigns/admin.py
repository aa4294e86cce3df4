from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from alliance87.campaigns.models import (
    Campaign,
    CampaignImage,
    CampaignSlug,
    Message,
    PlannedActivity,
    Submission,
)


class MessageInline(TranslationTabularInline):
    model = Message
    extra = 1
    fields = ["kind", "key", "order", "text"]


class ImageInline(TranslationTabularInline):
    """Images are added at /campaigns/<slug>/images/new/ (checked by
    content there); here their texts are corrected or they are removed."""

    model = CampaignImage
    extra = 0
    fields = ["image", "alt", "licence", "credit", "order"]
    readonly_fields = ["image"]


class FormerAddressInline(admin.TabularInline):
    """The campaign's former addresses, which redirect to its present one.
    Change the address on the site (/campaigns/<slug>/address/), which
    keeps the former one; the slug field above does not."""

    model = CampaignSlug
    extra = 0
    fields = ["slug", "created"]
    readonly_fields = ["created"]


@admin.register(Campaign)
class CampaignAdmin(TranslationAdmin):
    """The campaign, its date or calendar event, its reviewing group, and
    its key messages and social media texts."""

    list_display = ["title", "event", "date", "review_group", "status", "call_open"]
    list_filter = ["status", "call_open", "visibility"]
    search_fields = ["title_en", "title_fr", "title_es", "slug"]
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["event", "review_group"]
    inlines = [MessageInline, ImageInline, FormerAddressInline]


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    """Submissions are reviewed at /campaigns/<slug>/review/; listed here."""

    list_display = ["title", "campaign", "kind", "status", "organisation", "created"]
    list_filter = ["status", "kind", "campaign"]
    search_fields = ["title", "champion"]
    readonly_fields = ["submitted_by", "reviewed_by", "reviewed_at", "organisation", "notice"]


@admin.register(PlannedActivity)
class PlannedActivityAdmin(admin.ModelAdmin):
    """Activities are reviewed at /campaigns/<slug>/review/; listed here."""

    list_display = ["title", "campaign", "date", "organisation", "country", "status"]
    list_filter = ["status", "campaign"]
    search_fields = ["title"]
    readonly_fields = ["submitted_by", "organisation", "reviewed_by", "reviewed_at", "notice"]
