"""
Campaigns and their toolkit (issue 17, item 3).

A `Campaign` is built around a date: an international day of the calendar
(its `event`), or a date and a title of its own (the HLPF, a launch). Its
toolkit is its key messages and social media texts (`Message`) and its
images (`CampaignImage`, each described and licensed, in an order its
writers choose), written in English
and translated into French and Spanish. Partners add their planned
activities (`PlannedActivity`) and submit highlights from countries and
champions (`Submission`), which the group named as the campaign's
reviewers (the Communications and Engagement Action Group) or the
Secretariat publish or decline with a reason. The Secretariat may change
a campaign's address (`slug`); the former ones are kept (`CampaignSlug`)
and redirect to it.

Who sees what (`CampaignQuerySet.visible_to`, `SubmissionQuerySet.visible_to`):
- a published campaign: those its visibility admits; a draft: the
  Secretariat and the reviewing group's members;
- a published submission: whoever sees its campaign; a pending or declined
  one: its submitter, the reviewing group's members and the Secretariat.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Self

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from alliance87.core.files import file_url
from alliance87.core.models import Sourced
from alliance87.core.notices import NoticeState
from alliance87.core.querysets import HubQuerySet
from alliance87.core.reversing import reverse_one
from alliance87.core.visibility import Visibility, VisibleQuerySet, audience_for, visible_q
from alliance87.countries.models import Country
from alliance87.partners.models import Organisation

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

LANGUAGE_CHOICES = settings.LANGUAGES


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class CampaignQuerySet(VisibleQuerySet):
    visibility_group_field = "review_group"

    def visible_to(self, user: AbstractBaseUser | AnonymousUser | None) -> Self:
        """Return the campaigns `user` may see: published ones their
        visibility admits; drafts to the Secretariat and the reviewers."""
        audience = audience_for(user)
        seen = visible_q(audience, group_field=self.visibility_group_field)
        if seen is None:
            return self
        q = seen & Q(status=CampaignStatus.PUBLISHED)
        if audience.group_ids:
            q |= Q(review_group_id__in=sorted(audience.group_ids))
        return self.filter(q)

    def holding_address(self, slug: str) -> Self:
        """Return the campaigns whose address is `slug`, now or before."""
        return self.filter(Q(slug=slug) | Q(old_slugs__slug=slug)).distinct()


class Campaign(Sourced):
    """A campaign around one date, with its toolkit and its call."""

    slug = models.SlugField(_("slug"), unique=True, max_length=120)
    # Translated (translation.py); English is required.
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    call = models.TextField(
        _("the call to partners"),
        blank=True,
        help_text=_("What partners are asked to share: highlights, champions, activities."),
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("calendar event"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="campaigns",
        help_text=_("The international day or event of the calendar, where there is one."),
    )
    date = models.DateField(
        _("date"),
        null=True,
        blank=True,
        help_text=_("Required when the campaign is linked to no calendar event."),
    )
    review_group = models.ForeignKey(
        "groups.Group",
        verbose_name=_("group that reviews submissions"),
        on_delete=models.PROTECT,
        related_name="reviewed_campaigns",
        help_text=_(
            "Its members and chairs, with the Secretariat, publish or decline the "
            "highlights and champions partners submit."
        ),
    )
    visibility = models.CharField(
        _("visibility"), max_length=12, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    status = models.CharField(
        _("status"), max_length=10, choices=CampaignStatus.choices, default=CampaignStatus.DRAFT
    )
    call_open = models.BooleanField(
        _("open to submissions"),
        default=True,
        help_text=_("Whether partners may still submit highlights, champions and activities."),
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    objects = CampaignQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse_one("campaigns:detail", self.slug)

    @property
    def is_published(self) -> bool:
        return self.status == CampaignStatus.PUBLISHED


class CampaignSlug(models.Model):
    """An address a campaign had before the Secretariat changed it: its page
    there redirects (301) to the present one, for those who may see it."""

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="old_slugs", verbose_name=_("campaign")
    )
    slug = models.SlugField(_("former slug"), unique=True, max_length=120)
    created = models.DateTimeField(_("changed"), auto_now_add=True)

    objects = HubQuerySet.as_manager()

    class Meta:
        ordering = ["campaign", "-created", "pk"]
        verbose_name = _("former campaign address")
        verbose_name_plural = _("former campaign addresses")

    def __str__(self) -> str:
        return self.slug


class MessageKind(models.TextChoices):
    KEY_MESSAGE = "key", _("Key message")
    SOCIAL = "social", _("Social media text")


class Message(models.Model):
    """One key message or social media text of a campaign's toolkit."""

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="messages", verbose_name=_("campaign")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=MessageKind.choices)
    key = models.SlugField(_("key"), max_length=60, help_text=_("Unique within the campaign."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # Translated; English is required.
    text = models.TextField(_("text"))

    objects = HubQuerySet.as_manager()

    class Meta:
        ordering = ["campaign", "kind", "order", "pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "key"], name="campaign_message_key")
        ]

    def __str__(self) -> str:
        return self.text[:60]


class CampaignImage(models.Model):
    """An image of a campaign's toolkit: described and licensed."""

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="images", verbose_name=_("campaign")
    )
    image = models.FileField(_("image"), upload_to="campaigns/", max_length=300)
    # Translated; English is required.
    alt = models.CharField(
        _("image description (alt text)"),
        max_length=300,
        help_text=_("What the image shows, for those who cannot see it."),
    )
    licence = models.CharField(
        _("licence"),
        max_length=200,
        help_text=_("Under which terms partners may reuse it, e.g. CC BY 4.0."),
    )
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    created = models.DateTimeField(auto_now_add=True)

    objects = HubQuerySet.as_manager()

    class Meta:
        ordering = ["campaign", "order", "pk"]
        verbose_name = _("campaign image")
        verbose_name_plural = _("campaign images")

    def __str__(self) -> str:
        return self.alt

    @property
    def href(self) -> str:
        return file_url(self, "image")


class SubmissionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    PUBLISHED = "published", _("Published")
    DECLINED = "declined", _("Declined")


def _reviewed_q(user: Any, audience: Any) -> Q:
    q = Q(status=SubmissionStatus.PUBLISHED)
    if user is not None and user.is_authenticated and user.is_active:
        q |= Q(submitted_by=user)
    if audience.group_ids:
        q |= Q(campaign__review_group_id__in=sorted(audience.group_ids))
    return q


class PlannedActivityQuerySet(HubQuerySet):
    def visible_to(self, user: AbstractBaseUser | AnonymousUser | None) -> Self:
        """Return the planned activities `user` may see: published ones of
        the campaigns they see, by organisations they see; pending and
        declined ones to their author, the campaign's reviewing group and
        the Secretariat."""
        audience = audience_for(user)
        if audience.is_secretariat:
            return self
        return self.filter(
            _reviewed_q(user, audience),
            campaign__in=Campaign.objects.visible_to(user),
            organisation__in=Organisation.objects.visible_to(user),
        )

    def published(self) -> Self:
        return self.filter(status=SubmissionStatus.PUBLISHED)


class PlannedActivity(models.Model):
    """An activity a partner plans for a campaign, shown on its calendar."""

    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        related_name="activities",
        verbose_name=_("campaign"),
    )
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="campaign_activities",
    )
    date = models.DateField(_("date"))
    # In the language it was written in (`language`), not translated.
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(
        _("language"), max_length=5, choices=LANGUAGE_CHOICES, default="en"
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    link = models.URLField(_("link"), blank=True, max_length=500)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Reviewed before it is shown, like a submission.
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.PENDING,
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    notice = models.CharField(
        _("email to the submitter"),
        max_length=10,
        choices=NoticeState.choices,
        default=NoticeState.NONE,
    )
    created = models.DateTimeField(auto_now_add=True)

    objects = PlannedActivityQuerySet.as_manager()

    class Meta:
        ordering = ["date", "organisation__sort_name", "pk"]
        verbose_name = _("planned activity")
        verbose_name_plural = _("planned activities")

    def __str__(self) -> str:
        return self.title

    # What events.calendars.linked_vevent reads of a row of another area.
    @property
    def key(self) -> str:
        return f"campaign-activity-{self.pk}"

    @property
    def reported_date(self) -> Any:
        from alliance87.core.dates import ReportedDate

        return ReportedDate(self.date)

    @property
    def place(self) -> str:
        return self.country.name if self.country else ""

    @property
    def url(self) -> str:
        return self.campaign.get_absolute_url() + "#activities"

    @property
    def is_pending(self) -> bool:
        return self.status == SubmissionStatus.PENDING


class SubmissionKind(models.TextChoices):
    HIGHLIGHT = "highlight", _("Highlight from a country")
    CHAMPION = "champion", _("Champion")


class SubmissionQuerySet(HubQuerySet):
    def visible_to(self, user: AbstractBaseUser | AnonymousUser | None) -> Self:
        """Return the submissions `user` may see: published ones of the
        campaigns they see; pending and declined ones to their submitter,
        the campaign's reviewing group and the Secretariat."""
        audience = audience_for(user)
        if audience.is_secretariat:
            return self
        return self.filter(
            _reviewed_q(user, audience), campaign__in=Campaign.objects.visible_to(user)
        )

    def published(self) -> Self:
        return self.filter(status=SubmissionStatus.PUBLISHED)


class Submission(Sourced):
    """A highlight from a country, or a champion, a partner submitted."""

    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        related_name="submissions",
        verbose_name=_("campaign"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=SubmissionKind.choices)
    # In the language it was written in (`language`), not translated.
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"))
    language = models.CharField(
        _("language"), max_length=5, choices=LANGUAGE_CHOICES, default="en"
    )
    champion = models.CharField(
        _("champion"),
        max_length=200,
        blank=True,
        help_text=_("The person or organisation recognised (for a champion)."),
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    link = models.URLField(_("link"), blank=True, max_length=500)
    organisation = models.ForeignKey(
        "partners.Organisation",
        verbose_name=_("submitted for"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="campaign_submissions",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.PENDING,
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    notice = models.CharField(
        _("email to the submitter"),
        max_length=10,
        choices=NoticeState.choices,
        default=NoticeState.NONE,
    )
    created = models.DateTimeField(auto_now_add=True)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        indexes = [models.Index(fields=["campaign", "status"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_pending(self) -> bool:
        return self.status == SubmissionStatus.PENDING


def campaign_day(campaign: Campaign) -> dt.date | None:
    """Return the campaign's own date, else its calendar event's first day."""
    if campaign.date is not None:
        return campaign.date
    event = campaign.event
    return getattr(event, "date_start", None) if event is not None else None


def visible_images(user: Any) -> Any:
    """Return the toolkit images `user` may see: those of the campaigns
    they see (the file view serves no other)."""
    return CampaignImage.objects.filter(campaign__in=Campaign.objects.visible_to(user))
