"""Reads of campaigns: the list, a campaign's page, the review queue."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import date_format

from alliance87.campaigns.models import (
    Campaign,
    CampaignImage,
    Message,
    MessageKind,
    PlannedActivity,
    Submission,
    SubmissionKind,
    SubmissionStatus,
    campaign_day,
)
from alliance87.campaigns.rules import may_review, may_submit
from alliance87.core.provenance import attach_sources
from alliance87.events.selectors import next_occurrence


def _with_event(qs: Any) -> Any:
    return qs.select_related("event", "review_group")


def list_campaigns(user: Any) -> list[Campaign]:
    """Return the campaigns `user` may see, by their day (undated last)."""
    found: list[Campaign] = list(_with_event(Campaign.objects.visible_to(user)))

    def by_day(campaign: Campaign) -> tuple[bool, Any, str]:
        day = campaign_day(campaign)
        return (day is None, day or dt.date.min, campaign.slug)

    return sorted(found, key=by_day)


class CampaignMoved(Http404):
    """Raised for a campaign's former address, asked by someone who may
    see the campaign: `slug` is its present address. A 404 to whatever
    does not catch it (campaigns.urls sends the pages on; the API's
    `/campaigns/{slug}` likewise)."""

    def __init__(self, slug: str) -> None:
        super().__init__("The campaign has moved.")
        self.slug = slug


def get_campaign_for_user(user: Any, slug: str) -> Campaign:
    """Return the campaign `user` may see, or 404 alike when missing or
    hidden; at a former address of a campaign `user` may see, raise
    `CampaignMoved` with its present one."""
    campaign: Campaign | None = (
        _with_event(Campaign.objects.visible_to(user)).filter(slug=slug).first()
    )
    if campaign is None:
        current = current_slug_for_user(user, slug)
        if current is not None:
            raise CampaignMoved(current)
        raise Http404("No campaign here.")
    return campaign


def current_slug_for_user(user: Any, former: str) -> str | None:
    """Return the present address of the campaign that had `former`, if
    `user` may see it; None otherwise (a hidden campaign's former address
    answers 404, as its present one does)."""
    found: str | None = (
        Campaign.objects.visible_to(user)
        .filter(old_slugs__slug=former[:120])
        .values_list("slug", flat=True)
        .first()
    )
    return found


def _submissions(user: Any, campaign: Campaign) -> Any:
    return (
        Submission.objects.visible_to(user)
        .filter(campaign=campaign)
        .select_related("country", "organisation")
    )


@dataclass
class CampaignPage:
    campaign: Campaign
    key_messages: list[Message]
    social_texts: list[Message]
    images: list[CampaignImage]
    activities: list[PlannedActivity]
    highlights: list[Submission]
    champions: list[Submission]
    # The submissions not (yet) published the reader sees: their own, and
    # for reviewers every one; and, for reviewers, how many wait.
    unpublished: list[Submission] = field(default_factory=list)
    # Likewise the planned activities not (yet) published.
    unpublished_activities: list[PlannedActivity] = field(default_factory=list)
    waiting: int = 0
    may_review: bool = False
    may_submit: bool = False

    def as_context(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def campaign_page(user: Any, campaign: Campaign) -> CampaignPage:
    """Return what `campaign`'s page shows to `user`."""
    messages = list(campaign.messages.all())
    all_activities = list(
        PlannedActivity.objects.visible_to(user)
        .filter(campaign=campaign)
        .select_related("organisation", "country")
    )
    activities = [a for a in all_activities if a.status == SubmissionStatus.PUBLISHED]
    submissions = list(_submissions(user, campaign))
    published = [s for s in submissions if s.status == SubmissionStatus.PUBLISHED]
    attach_sources(user, [campaign, *published])
    reviewer = may_review(user, campaign)
    return CampaignPage(
        campaign=campaign,
        key_messages=[m for m in messages if m.kind == MessageKind.KEY_MESSAGE],
        social_texts=[m for m in messages if m.kind == MessageKind.SOCIAL],
        images=list(campaign.images.all()),
        activities=activities,
        highlights=[s for s in published if s.kind == SubmissionKind.HIGHLIGHT],
        champions=[s for s in published if s.kind == SubmissionKind.CHAMPION],
        unpublished=[s for s in submissions if s.status != SubmissionStatus.PUBLISHED],
        unpublished_activities=[
            a for a in all_activities if a.status != SubmissionStatus.PUBLISHED
        ],
        waiting=(
            sum(1 for s in submissions if s.is_pending)
            + sum(1 for a in all_activities if a.is_pending)
            if reviewer
            else 0
        ),
        may_review=reviewer,
        may_submit=may_submit(user) and campaign.is_published and campaign.call_open,
    )


def review_queue(user: Any, campaign: Campaign) -> tuple[list[Submission], list[Submission]]:
    """Return the submissions waiting for review, and those decided."""
    found = list(_submissions(user, campaign).select_related("reviewed_by"))
    return (
        [s for s in found if s.is_pending][::-1],  # the oldest first
        [s for s in found if not s.is_pending],
    )


def _activities(user: Any, campaign: Campaign) -> Any:
    return (
        PlannedActivity.objects.visible_to(user)
        .filter(campaign=campaign)
        .select_related("organisation", "country")
    )


def activity_queue(
    user: Any, campaign: Campaign
) -> tuple[list[PlannedActivity], list[PlannedActivity]]:
    """Return the planned activities waiting for review (the oldest first),
    and those decided (the latest first)."""
    found = list(_activities(user, campaign).order_by("created", "pk"))
    decided = [a for a in found if not a.is_pending]
    decided.sort(key=lambda a: (a.reviewed_at or a.created, a.pk), reverse=True)
    return [a for a in found if a.is_pending], decided


def get_submission_for_reviewer(user: Any, campaign: Campaign, pk: int) -> Submission:
    return get_object_or_404(_submissions(user, campaign), pk=pk)


def get_activity_for_reviewer(user: Any, campaign: Campaign, pk: int) -> PlannedActivity:
    return get_object_or_404(_activities(user, campaign), pk=pk)


def calendar_rows(campaign: Campaign, user: Any) -> list[PlannedActivity]:
    """The published activities `user` may see, for the calendar (.ics)."""
    return list(
        PlannedActivity.objects.visible_to(user)
        .published()
        .filter(campaign=campaign)
        .select_related("organisation", "country", "campaign")
    )


def event_section(user: Any, event: Any) -> dict[str, Any] | None:
    """The campaigns around an event (an international day), for its page."""
    found = list(Campaign.objects.visible_to(user).filter(event=event))
    return {"campaigns": found} if found else None


SUGGESTED = 10
# The public campaigns a suggestion reads at most, the newest first.
CANDIDATES = 200


def coming_day(campaign: Campaign, today: dt.date) -> dt.date | None:
    """Return the campaign's next day on or after `today`: its own date,
    else its calendar event's, the next occurrence for a day that recurs
    every year (an international day); None when it has passed."""
    if campaign.date is not None:
        return campaign.date if campaign.date >= today else None
    event = campaign.event
    start = getattr(event, "date_start", None)
    if event is None or start is None:
        return None
    if start >= today:
        return start
    return next_occurrence(event, today) if event.recurs_yearly else None


def newsletter_campaigns(
    since: dt.datetime, today: dt.date | None = None
) -> list[tuple[str, str]]:
    """The public campaigns to suggest in a newsletter issue, each with its
    coming day (in the active language): those whose day is coming (their
    own date, or the next occurrence of a yearly day), the soonest first;
    then those started since `since` or still calling for submissions
    whose day has passed, the newest first."""
    today = today or timezone.localdate()
    candidates = list(
        Campaign.objects.visible_to(None)
        .filter(
            Q(created__gte=since)
            | Q(call_open=True)
            | Q(date__gte=today)
            | Q(date__isnull=True, event__recurs_yearly=True)
            | Q(date__isnull=True, event__date_start__gte=today)
        )
        .select_related("event")
        .order_by("-created", "pk")[:CANDIDATES]
    )
    rows = [(coming_day(c, today), c) for c in candidates]
    coming = sorted(((d, c) for d, c in rows if d is not None), key=lambda row: row[0])
    passed = [c for d, c in rows if d is None]
    return [
        *((f"{c.title} ({date_format(d, 'j F Y')})", c.get_absolute_url()) for d, c in coming),
        *((str(c.title), c.get_absolute_url()) for c in passed),
    ][:SUGGESTED]


def newsletter_highlights(since: dt.datetime) -> list[tuple[str, str]]:
    """The highlights and champions of public campaigns published since
    `since` (each in the language it was written in)."""
    found = (
        Submission.objects.visible_to(None)
        .published()
        .filter(reviewed_at__gte=since)
        .select_related("campaign")
        .order_by("-reviewed_at", "pk")[:SUGGESTED]
    )
    return [
        (
            f"{s.title} ({s.champion})" if s.champion else s.title,
            s.campaign.get_absolute_url() + "#" + ("champions" if s.champion else "highlights"),
        )
        for s in found
    ]
