"""Write a campaign: its text and date, its address, publishing it."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.utils.translation import gettext as _

from alliance87.campaigns.models import Campaign, CampaignSlug, CampaignStatus
from alliance87.core.services import service

# Addresses a campaign may not take: the paths of the campaigns' own pages.
RESERVED_SLUGS = frozenset({"new"})


@service
def save_campaign(campaign: Campaign, *, acting_user: Any) -> Campaign:
    """Validate and save `campaign`."""
    if not (campaign.title_en or "").strip():  # type: ignore[attr-defined]
        raise ValidationError({"title": _("Give the campaign a title in English.")})
    if campaign.date is None and campaign.event_id is None:
        raise ValidationError(
            {"date": _("Give the campaign a date, or link it to an event of the calendar.")}
        )
    campaign.full_clean()
    campaign.save()
    return campaign


def check_campaign_address(slug: str, *, campaign: Campaign | None = None) -> str:
    """Return `slug` as a campaign's address (in lower case), or raise
    with why it cannot be one: unreadable, too long, reserved, or another
    campaign's present or former address (`campaign`'s own former ones are
    allowed). For `change_campaign_slug`, the new campaign page and the
    back office's form."""
    slug = (slug or "").strip().lower()
    problem = ""
    try:
        validate_slug(slug)
    except ValidationError:
        problem = _(
            "Write the address with letters, digits and hyphens only, e.g. world-day-2027."
        )
    others = Campaign.objects.holding_address(slug)
    if campaign is not None and campaign.pk is not None:
        others = others.exclude(pk=campaign.pk)
    if not slug:
        problem = _("Give the campaign an address.")
    elif len(slug) > Campaign._meta.get_field("slug").max_length:  # type: ignore[operator]
        problem = _("Make the address shorter: 120 characters at most.")
    elif slug in RESERVED_SLUGS or others.exists():
        problem = _("Another campaign has, or had, this address: choose another.")
    if problem:
        raise ValidationError({"slug": problem})
    return slug


@service
def change_campaign_slug(campaign: Campaign, *, slug: str, acting_user: Any) -> Campaign:
    """Give `campaign` a new address (the Secretariat's: the site's page and
    the back office check). The former one is kept (`CampaignSlug`), so
    its links redirect; going back to one of the campaign's own former
    addresses is allowed. Refused for an address another campaign has, or
    had (`check_campaign_address`)."""
    if (slug or "").strip().lower() == campaign.slug:
        return campaign
    slug = check_campaign_address(slug, campaign=campaign)
    locked = Campaign.objects.select_for_update().get(pk=campaign.pk)
    CampaignSlug.objects.filter(campaign=locked, slug=slug).delete()
    CampaignSlug.objects.create(campaign=locked, slug=locked.slug)
    campaign.slug = locked.slug = slug
    locked.save(update_fields=["slug", "updated"])
    return campaign


@service
def publish_campaign(campaign: Campaign, *, acting_user: Any) -> Campaign:
    """Publish a draft campaign: those its visibility admits see it."""
    if not (campaign.title_en or "").strip():  # type: ignore[attr-defined]
        raise ValidationError(_("Give the campaign a title in English before publishing it."))
    campaign.status = CampaignStatus.PUBLISHED
    campaign.save(update_fields=["status", "updated"])
    return campaign


@service
def unpublish_campaign(campaign: Campaign, *, acting_user: Any) -> Campaign:
    """Return a campaign to draft: seen again only by its writers."""
    campaign.status = CampaignStatus.DRAFT
    campaign.save(update_fields=["status", "updated"])
    return campaign
