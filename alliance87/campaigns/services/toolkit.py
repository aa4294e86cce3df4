"""Write a campaign's toolkit: its images (described, licensed, ordered)
and its key messages and social media texts."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from alliance87.campaigns.models import Campaign, CampaignImage, Message
from alliance87.core.files import JPEG, PNG, WEBP, remove_file_after_commit, store_upload
from alliance87.core.ordering import move_one_place
from alliance87.core.services import service

IMAGE_KINDS = (PNG, JPEG, WEBP)
LANGUAGE_CODES = ("en", "fr", "es")


@service
def save_message(message: Message, *, acting_user: Any) -> Message:
    """Validate and save a key message or social media text."""
    if not (message.text_en or "").strip():  # type: ignore[attr-defined]
        raise ValidationError({"text": _("Write the text in English at least.")})
    message.full_clean()
    message.save()
    return message


def _describe_image(
    image: CampaignImage, *, alt: Mapping[str, str], licence: str, credit: str
) -> None:
    """Set `image`'s alt text in each language, licence and credit, or
    raise with what is missing."""
    errors: dict[str, str] = {}
    if not (alt.get("en") or "").strip():
        errors["alt_en"] = _("Describe the image (alt text) in English at least.")
    if not licence.strip():
        errors["licence"] = _("Give the licence under which partners may reuse the image.")
    if errors:
        raise ValidationError(errors)
    # Each language's own field: assigning `image.alt` would write the
    # language of the request (modeltranslation), so a French page would
    # store the English text as the French one.
    for code in LANGUAGE_CODES:
        setattr(image, f"alt_{code}", (alt.get(code) or "").strip())
    image.licence = licence.strip()
    image.credit = credit.strip()


@service
def add_campaign_image(
    campaign: Campaign,
    *,
    acting_user: Any,
    upload: UploadedFile,
    alt: Mapping[str, str],
    licence: str,
    credit: str = "",
) -> CampaignImage:
    """Store `upload` as an image of `campaign`'s toolkit."""
    image = CampaignImage(campaign=campaign)
    _describe_image(image, alt=alt, licence=licence, credit=credit)
    image.order = campaign.images.count() + 1
    image.image.name = store_upload(upload, folder="campaigns", kinds=IMAGE_KINDS)
    image.save()
    return image


@service
def change_campaign_image(
    image: CampaignImage,
    *,
    acting_user: Any,
    alt: Mapping[str, str],
    licence: str,
    credit: str = "",
    upload: UploadedFile | None = None,
) -> CampaignImage:
    """Correct an image's alt text, licence and credit, and replace its
    file with `upload` if given (the old file is removed after commit)."""
    _describe_image(image, alt=alt, licence=licence, credit=credit)
    if upload is not None:
        freed = image.image.name
        image.image.name = store_upload(upload, folder="campaigns", kinds=IMAGE_KINDS)
        remove_file_after_commit(CampaignImage, "image", freed)
    image.save()
    return image


@service
def move_campaign_image(image: CampaignImage, *, acting_user: Any, up: bool) -> CampaignImage:
    """Move an image one place up or down in its campaign's toolkit (the
    order its page, the API and the toolkit show)."""
    move_one_place(image.campaign.images.all(), image, up=up)
    return image


@service
def remove_campaign_image(image: CampaignImage, *, acting_user: Any) -> None:
    """Take an image out of the toolkit (its file is removed after commit)."""
    remove_file_after_commit(CampaignImage, "image", image.image.name)
    image.delete()


@service
def remove_message(message: Message, *, acting_user: Any) -> None:
    """Take a key message or social media text out of the toolkit."""
    campaign = message.campaign
    message.delete()
    # The campaign's search entry holds its texts: saving it indexes it again.
    campaign.save(update_fields=["updated"])
