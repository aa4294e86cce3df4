"""What the search index holds of campaigns: each campaign's title, summary,
call and toolkit texts in each language they are written in, found as
`CampaignQuerySet.visible_to` shows it.

Who finds a campaign: a published one by its visibility; the reviewing
group's members find it whatever its level, and its drafts, which
`SearchAccess` says as the "members" level of that group (a published
members-only campaign names its reviewing group as its members).
A published partners-only campaign is indexed at the "partners" level:
a member of its reviewing group whose organisation is not a partner sees
it on its page but does not find it in the search (the index holds one
level per row).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from alliance87.campaigns.models import Campaign, CampaignStatus, Message
from alliance87.core import hooks
from alliance87.core.text import texts_by_language
from alliance87.core.visibility import Visibility


def campaign_level(campaign: Campaign) -> str:
    """The narrowest audience that finds the campaign."""
    if campaign.status != CampaignStatus.PUBLISHED or campaign.visibility in (
        Visibility.SECRETARIAT,
        Visibility.MEMBERS,
    ):
        return Visibility.MEMBERS
    return campaign.visibility


def campaign_entry(campaign: Campaign) -> hooks.SearchEntry:
    bodies = texts_by_language(campaign, "summary", "call")
    for message in campaign.messages.all():
        for code, text in texts_by_language(message, "text").items():
            bodies[code] = f"{bodies[code]}\n\n{text}" if bodies.get(code) else text
    return hooks.SearchEntry(
        titles=texts_by_language(campaign, "title"),
        bodies=bodies,
        access=hooks.SearchAccess(campaign_level(campaign), group_id=campaign.review_group_id),
        names=campaign.slug.replace("-", " "),
        # An international day recurs: only a date of its own has a year.
        year=campaign.date.year if campaign.date else None,
    )


PROVIDER = hooks.SearchProvider(
    kind="campaign",
    label=_("Campaigns"),
    model=Campaign,
    rows=lambda: Campaign.objects.prefetch_related("messages"),
    entry=campaign_entry,
    visible=lambda user: Campaign.objects.visible_to(user),
    url=lambda campaign: campaign.get_absolute_url(),
    depends={Message: "messages"},
    order=27,
)
