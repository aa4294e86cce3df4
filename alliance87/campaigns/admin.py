from typing import Any

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from alliance87.campaigns import services
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
    A change of the slug field above keeps the former one here, as the
    site's page does (/campaigns/<slug>/address/)."""

    model = CampaignSlug
    extra = 0
    fields = ["slug", "created"]
    readonly_fields = ["created"]


class CampaignAdminForm(forms.ModelForm):
    """The campaign's form: its slug refused as the site's pages refuse it
    (`services.check_campaign_address`: another campaign's present or
    former address, `new`, unreadable), beside the field. Its model and
    fields are the admin's (`ModelAdmin.get_form`)."""

    def clean_slug(self) -> str:
        try:
            return services.check_campaign_address(
                self.cleaned_data.get("slug", ""), campaign=self.instance
            )
        except ValidationError as error:
            raise ValidationError(error.message_dict["slug"]) from error


@admin.register(Campaign)
class CampaignAdmin(TranslationAdmin):
    """The campaign, its date or calendar event, its reviewing group, and
    its key messages and social media texts. A change of its slug goes
    through `services.change_campaign_slug`, which keeps the former one."""

    form = CampaignAdminForm

    list_display = ["title", "event", "date", "review_group", "status", "call_open"]
    list_filter = ["status", "call_open", "visibility"]
    search_fields = ["title_en", "title_fr", "title_es", "slug"]
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["event", "review_group"]
    inlines = [MessageInline, ImageInline, FormerAddressInline]

    def save_model(self, request: HttpRequest, obj: Campaign, form: Any, change: bool) -> None:
        """Save the campaign; a new slug through `change_campaign_slug`,
        after the rest is saved at the former one, which it keeps."""
        new = obj.slug
        if not change or "slug" not in form.changed_data:
            super().save_model(request, obj, form, change)
            return
        obj.slug = form.initial["slug"]
        super().save_model(request, obj, form, change)
        services.change_campaign_slug(obj, slug=new, acting_user=request.user)


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
