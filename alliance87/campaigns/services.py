"""
Writes of campaigns.

Invariants:
- a campaign has an English title and a date: its own, or its calendar
  event's (an international day);
- a toolkit image is a PNG, JPEG or WebP checked by its content
  (core.files), described (alt text, English at least) and licensed; a
  refused image leaves nothing behind; a replaced or removed image's file
  is removed after commit; images are numbered 1, 2, 3… in the order
  shown when one is moved (core.ordering);
- only members of approved partner organisations (and the Secretariat)
  submit highlights and champions and add planned activities, to a
  published campaign open to submissions that they may see; what they
  submit is for the organisation they work for;
- a champion names who is recognised, and the submitter confirms that
  they agree to it being published;
- a submission, and a planned activity, starts pending; only the
  Secretariat and the campaign's reviewing group publish or decline it,
  once: the decision is taken by a conditional update, so two reviewers
  cannot both decide (it is written in the audit log by hand, as an
  update bypasses the log); declining needs a reason, which the submitter
  reads on the campaign's page and in the email the decision queues after
  commit (`tasks.send_decision_notice`, claimed so it is sent once);
- a campaign's address (slug) is changed by the Secretariat only; each
  former address is kept and belongs to that campaign alone, so its links
  redirect to the present one; no campaign takes another's present or
  former address;
- only the Secretariat and the reviewing group write a campaign and its
  toolkit (the views check `may_write`); a published campaign has its
  title, summary and call; returning it to draft hides it again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import validate_slug
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance87.campaigns.models import (
    Campaign,
    CampaignImage,
    CampaignSlug,
    CampaignStatus,
    Message,
    PlannedActivity,
    Submission,
    SubmissionKind,
    SubmissionStatus,
)
from alliance87.campaigns.rules import may_review, may_submit
from alliance87.core.files import JPEG, PNG, WEBP, remove_file_after_commit, store_upload
from alliance87.core.notices import NoticeState
from alliance87.core.ordering import move_one_place
from alliance87.core.services import service
from alliance87.core.tasks import enqueue_on_commit
from alliance87.countries.models import Country
from alliance87.partners.models import Organisation, Person

IMAGE_KINDS = (PNG, JPEG, WEBP)
# Addresses a campaign may not take: the paths of the campaigns' own pages.
RESERVED_SLUGS = frozenset({"new"})
LANGUAGE_CODES = ("en", "fr", "es")


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


def _organisation_of(user: Any) -> Organisation:
    person = Person.objects.filter(user=user).select_related("organisation").first()
    if person is None or person.organisation is None:
        raise ValidationError(
            _("Your account is linked to no organisation: ask the Secretariat to link it.")
        )
    return person.organisation


def _refuse_unless_open(campaign: Campaign, user: Any) -> None:
    if not may_submit(user):
        raise Http404("Not found.")
    if Campaign.objects.visible_to(user).filter(pk=campaign.pk).first() is None:
        raise Http404("Not found.")
    if not campaign.is_published or not campaign.call_open:
        raise ValidationError(_("This campaign no longer takes submissions."))


@service
def add_planned_activity(
    campaign: Campaign,
    *,
    acting_user: Any,
    date: dt.date,
    title: str,
    language: str,
    country: Country | None = None,
    link: str = "",
) -> PlannedActivity:
    """Add an activity `acting_user`'s organisation plans for `campaign`:
    it waits for review before it is shown to others."""
    _refuse_unless_open(campaign, acting_user)
    if not title.strip():
        raise ValidationError({"title": _("Give the activity a title.")})
    activity = PlannedActivity(
        campaign=campaign,
        organisation=_organisation_of(acting_user),
        date=date,
        title=title.strip(),
        language=language,
        country=country,
        link=link,
        submitted_by=acting_user,
    )
    activity.full_clean()
    activity.save()
    return activity


@service
def remove_planned_activity(activity: PlannedActivity, *, acting_user: Any) -> None:
    """Take an activity off the calendar: its author or a reviewer."""
    if activity.submitted_by_id != getattr(acting_user, "pk", None) and not may_review(
        acting_user, activity.campaign
    ):
        raise Http404("Not found.")
    activity.delete()


@service
def submit(
    campaign: Campaign,
    *,
    acting_user: Any,
    kind: str,
    title: str,
    text: str,
    language: str,
    country: Country | None = None,
    champion: str = "",
    link: str = "",
    consent: bool = False,
) -> Submission:
    """Submit a highlight or a champion for review."""
    _refuse_unless_open(campaign, acting_user)
    errors: dict[str, str] = {}
    if kind not in SubmissionKind.values:
        errors["kind"] = _("Choose a highlight from a country or a champion.")
    if not title.strip():
        errors["title"] = _("Give your submission a title.")
    if not text.strip():
        errors["text"] = _("Say what happened, or why this champion deserves recognition.")
    if kind == SubmissionKind.CHAMPION:
        if not champion.strip():
            errors["champion"] = _("Name the person or organisation you put forward.")
        if not consent:
            errors["consent"] = _(
                "Confirm that the champion agrees to be named publicly on the Hub."
            )
    if errors:
        raise ValidationError(errors)
    submission = Submission(
        campaign=campaign,
        kind=kind,
        title=title.strip(),
        text=text.strip(),
        language=language,
        country=country,
        champion=champion.strip() if kind == SubmissionKind.CHAMPION else "",
        link=link,
        organisation=_organisation_of(acting_user),
        submitted_by=acting_user,
    )
    submission.full_clean()
    submission.save()
    return submission


def _decide(
    row: Submission | PlannedActivity, *, acting_user: Any, status: str, reason: str
) -> Any:
    if not may_review(acting_user, row.campaign):
        raise Http404("Not found.")
    model = type(row)
    submitter = row.submitted_by
    notice = NoticeState.WAITING if submitter is not None and submitter.email else NoticeState.NONE
    claimed = model.objects.filter(pk=row.pk, status=SubmissionStatus.PENDING).update(
        status=status,
        decline_reason=reason,
        reviewed_by=acting_user,
        reviewed_at=timezone.now(),
        notice=notice,
    )
    if not claimed:
        if model is PlannedActivity:
            raise ValidationError(_("This activity has already been reviewed."))
        raise ValidationError(_("This submission has already been reviewed."))
    LogEntry.objects.log_create(
        row,
        force_log=True,
        action=LogEntry.Action.UPDATE,
        changes={"status": [SubmissionStatus.PENDING, status], "decline_reason": ["", reason]},
    )
    row.refresh_from_db()
    if notice == NoticeState.WAITING:
        from alliance87.campaigns.tasks import send_decision_notice

        kind = "activity" if model is PlannedActivity else "submission"
        enqueue_on_commit(send_decision_notice, kind, row.pk)
    return row


def _reason(reason: str) -> str:
    if not reason.strip():
        raise ValidationError(
            {"reason": _("Say why the submission is declined: its author reads it.")}
        )
    return reason.strip()


@service
def publish_submission(submission: Submission, *, acting_user: Any) -> Submission:
    """Publish a pending submission on its campaign's page."""
    found: Submission = _decide(
        submission, acting_user=acting_user, status=SubmissionStatus.PUBLISHED, reason=""
    )
    return found


@service
def decline_submission(submission: Submission, *, acting_user: Any, reason: str) -> Submission:
    """Decline a pending submission, saying why (the submitter reads it)."""
    found: Submission = _decide(
        submission,
        acting_user=acting_user,
        status=SubmissionStatus.DECLINED,
        reason=_reason(reason),
    )
    return found


@service
def publish_activity(activity: PlannedActivity, *, acting_user: Any) -> PlannedActivity:
    """Show a pending planned activity on its campaign's page and calendar."""
    found: PlannedActivity = _decide(
        activity, acting_user=acting_user, status=SubmissionStatus.PUBLISHED, reason=""
    )
    return found


@service
def decline_activity(
    activity: PlannedActivity, *, acting_user: Any, reason: str
) -> PlannedActivity:
    """Decline a pending planned activity, saying why (its author reads it)."""
    found: PlannedActivity = _decide(
        activity,
        acting_user=acting_user,
        status=SubmissionStatus.DECLINED,
        reason=_reason(reason),
    )
    return found


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


@service
def remove_message(message: Message, *, acting_user: Any) -> None:
    """Take a key message or social media text out of the toolkit."""
    campaign = message.campaign
    message.delete()
    # The campaign's search entry holds its texts: saving it indexes it again.
    campaign.save(update_fields=["updated"])


@service
def save_sample_submission(submission: Submission, *, acting_user: Any) -> Submission:
    """Save a submission as it is (the demo's sample, labelled illustrative)."""
    submission.full_clean()
    submission.save()
    return submission
