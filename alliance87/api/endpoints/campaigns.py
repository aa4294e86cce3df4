"""Campaigns and their toolkit (alliance87/campaigns): read as their pages
show them, through `CampaignQuerySet.visible_to` (a draft campaign is its
reviewers' and the Secretariat's: 404 to everyone else). A campaign's
former address answers with a permanent redirect (301) to its present one,
to whoever may see the campaign; 404 to others, as its present one does."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.urls import reverse
from ninja import Query, Router, Schema

from alliance87.api.callers import caller
from alliance87.api.http import CURSOR_PATTERN, DEFAULT_LIMIT, MAX_LIMIT, cursor_page
from alliance87.api.schemas import absolute
from alliance87.campaigns.models import Campaign, campaign_day
from alliance87.campaigns.selectors import CampaignMoved, campaign_page, get_campaign_for_user
from alliance87.core.text import shown_language

router = Router(tags=["campaigns"])


class CampaignOut(Schema):
    id: str  # slug
    title: str  # in `language`
    language: str  # the one asked for (Accept-Language), else English
    date: dt.date | None  # its own date, else its calendar event's first day
    recurs_yearly: bool  # an international day: the date recurs every year
    event: str | None  # the calendar event's slug
    review_group: str  # the slug of the group that reviews submissions
    status: str  # published or draft (drafts: reviewers and Secretariat only)
    call_open: bool  # whether partners may still submit
    url: str


class CampaignList(Schema):
    items: list[CampaignOut]
    next_cursor: str | None


class MessageOut(Schema):
    kind: str  # key (key message) or social (social media text)
    text: str
    language: str


class ImageOut(Schema):
    url: str
    alt: str
    alt_language: str
    licence: str
    credit: str


class ActivityOut(Schema):
    date: dt.date
    title: str  # in `language`, as its author wrote it
    language: str
    organisation: str  # slug
    country: str | None  # ISO 3166 alpha-3, lower case
    link: str


class HighlightOut(Schema):
    kind: str  # highlight or champion
    title: str  # in `language`, as its author wrote it
    text: str
    language: str
    champion: str
    country: str | None
    organisation: str | None  # slug
    link: str
    published: dt.datetime | None


class CampaignDetail(CampaignOut):
    summary: str
    call: str
    key_messages: list[MessageOut]
    social_texts: list[MessageOut]
    images: list[ImageOut]
    activities: list[ActivityOut]  # published ones only
    highlights: list[HighlightOut]  # published ones only
    champions: list[HighlightOut]  # published ones only


def campaign_out(request: HttpRequest, c: Campaign) -> dict[str, Any]:
    event = c.event
    return {
        "id": c.slug,
        "title": str(c.title),
        "language": shown_language(c, "title") or "en",
        "date": campaign_day(c),
        "recurs_yearly": c.date is None and bool(getattr(event, "recurs_yearly", False)),
        "event": event.slug if event is not None else None,
        "review_group": c.review_group.slug,
        "status": c.status,
        "call_open": c.call_open,
        "url": absolute(request, c.get_absolute_url()),
    }


@router.get("/campaigns", response=CampaignList, summary="List campaigns")
def list_campaigns(
    request: HttpRequest,
    cursor: str | None = Query(None, pattern=CURSOR_PATTERN),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
) -> CampaignList:
    """The campaigns /campaigns/ lists to the caller."""
    user = caller(request)
    qs = Campaign.objects.visible_to(user).select_related("event", "review_group")
    rows, after = cursor_page(qs, cursor, limit)
    return CampaignList(
        items=[CampaignOut(**campaign_out(request, c)) for c in rows], next_cursor=after
    )


def _highlight(s: Any) -> HighlightOut:
    return HighlightOut(
        kind=s.kind,
        title=s.title,
        text=s.text,
        language=s.language,
        champion=s.champion,
        country=s.country.iso3.lower() if s.country else None,
        organisation=s.organisation.slug if s.organisation else None,
        link=s.link,
        published=s.reviewed_at,
    )


def _message(m: Any) -> MessageOut:
    return MessageOut(kind=m.kind, text=str(m.text), language=shown_language(m, "text") or "en")


MOVED = {
    "responses": {
        "301": {
            "description": (
                "A former address of a campaign the caller may see: `Location` is its "
                "present one (a hidden campaign's former address answers 404)."
            ),
            "headers": {"Location": {"schema": {"type": "string"}}},
        }
    }
}


@router.get(
    "/campaigns/{slug}",
    response=CampaignDetail,
    summary="One campaign",
    openapi_extra=MOVED,
)
def get_campaign(request: HttpRequest, slug: str) -> CampaignDetail | HttpResponse:
    """A campaign with its toolkit, and its published activities,
    highlights and champions; at a former address, a permanent redirect
    to its present one."""
    user = caller(request)
    try:
        campaign = get_campaign_for_user(user, slug)
    except CampaignMoved as moved:
        url = reverse("api:get_campaign", kwargs={"slug": moved.slug})
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)
    page = campaign_page(user, campaign)
    c = page.campaign
    return CampaignDetail(
        **campaign_out(request, c),
        summary=str(c.summary or ""),
        call=str(c.call or ""),
        key_messages=[_message(m) for m in page.key_messages],
        social_texts=[_message(m) for m in page.social_texts],
        images=[
            ImageOut(
                url=absolute(request, i.href),
                alt=str(i.alt),
                alt_language=shown_language(i, "alt") or "en",
                licence=i.licence,
                credit=i.credit,
            )
            for i in page.images
        ],
        activities=[
            ActivityOut(
                date=a.date,
                title=a.title,
                language=a.language,
                organisation=a.organisation.slug,
                country=a.country.iso3.lower() if a.country else None,
                link=a.link,
            )
            for a in page.activities
        ],
        highlights=[_highlight(s) for s in page.highlights],
        champions=[_highlight(s) for s in page.champions],
    )
