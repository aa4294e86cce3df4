"""Communications: news, the newsletter, campaigns and surveys."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from alliance87.accounts.tests.visibility_matrix.ways import (
    API,
    API_SEARCH,
    CHAIR,
    EVENT_COUNTRY,
    HOST_CAMPAIGN,
    HOST_EVENT_PAGE,
    HOST_GROUP_PAGE,
    PEOPLE_ORG,
    SITE_SEARCH,
    Item,
    Kind,
    Way,
    fixed,
    former_url,
    pk_url,
    slug_url,
    year_option,
)

# A subscriber's address holds its marker in lower case; only the
# Secretariat opens the pages that list subscribers.
ADDRESS: dict[str, Any] = {
    "look_for": lambda world, item: f"{item.marker.lower()}@example.org",
    "openers": (),
}

# Where every news post leaves the Hub: its page, the list, the list's Year
# filter (each post alone in its year), the searches, the feed, the
# download and the API.
POST_WAYS = (
    Way("detail", slug_url("/en/news/{slug}/"), own_page=True),
    Way("list", fixed("/en/news/")),
    year_option("year-filter", "/en/news/", "publish_at"),
    SITE_SEARCH,
    API_SEARCH,
    Way("feed", fixed("/en/feeds/news.atom"), public_only=True),
    Way("export", fixed("/en/news.json")),
    Way("api-list", fixed(f"{API}news?limit=200")),
    Way("api-detail", slug_url(API + "news/{slug}"), own_page=True),
)

NEWS = (
    # News posts: published and due ones by their level, drafts to the
    # Secretariat only.
    Kind(
        "post",
        (
            *POST_WAYS,
            Way("country", fixed(f"/en/countries/{EVENT_COUNTRY}/")),
            HOST_EVENT_PAGE,
            HOST_GROUP_PAGE,
            # Each is written by the public organisation the people work for.
            Way("author", fixed(f"/en/partners/{PEOPLE_ORG}/")),
        ),
        statuses=("published", "draft"),
        draft_statuses=("draft",),
        has_group=True,
    ),
    # A public post published for a time not yet come (scheduled): the
    # Secretariat's alone until then, wherever posts are listed or found.
    Kind(
        "scheduledpost",
        POST_WAYS,
        statuses=("scheduled",),
        draft_statuses=("scheduled",),
        levels=("public",),
    ),
    # A post a partner wrote and submitted for review (public, by the
    # partner persona's organisation, linked to nothing else): seen by
    # the Secretariat only, in its queue too, until it is published
    # (the author's own pages: comms/tests/test_partner_posts.py).
    Kind(
        "partnerpost",
        (
            # The ways of every post but the Year filter (not yet published,
            # it has no date).
            *POST_WAYS[:2],
            *POST_WAYS[3:],
            Way("review", fixed("/en/news/review/"), openers=()),
        ),
        statuses=("submitted",),
        draft_statuses=("submitted",),
        levels=("public",),
    ),
    # Newsletter subscribers (comms): the Secretariat's list, seen by no
    # one else; the marker is in the address. No search indexes them.
    Kind(
        "subscriber",
        (
            Way("subscribers", fixed("/en/newsletter/subscribers/"), **ADDRESS),
            Way(
                "subscribers-pending",
                fixed("/en/newsletter/subscribers/?status=pending"),
                **ADDRESS,
            ),
            # Pages that never show an address, to anyone.
            Way("issues", fixed("/en/newsletter/issues/"), **ADDRESS, seen_by=()),
            Way(
                "newsletter",
                fixed("/en/newsletter/"),
                look_for=ADDRESS["look_for"],
                seen_by=(),
            ),
            Way(
                "archive",
                fixed("/en/newsletter/archive/"),
                look_for=ADDRESS["look_for"],
                seen_by=(),
            ),
            Way("site-search", SITE_SEARCH.url, look_for=ADDRESS["look_for"], seen_by=()),
            Way(
                "api-search",
                lambda world, item: f"{API}search?q={item.marker}",
                look_for=ADDRESS["look_for"],
                seen_by=(),
            ),
        ),
        levels=("secretariat",),
    ),
    # Newsletter issues (comms): a sent one is in the public archive
    # for everyone; issues have no visibility level of their own and
    # are not in the search.
    Kind(
        "issue",
        (
            Way("archive", fixed("/en/newsletter/archive/")),
            Way("archive-page", pk_url("/en/newsletter/archive/{pk}/"), own_page=True),
            Way("issues", fixed("/en/newsletter/issues/"), openers=()),
            Way("issue-page", pk_url("/en/newsletter/issues/{pk}/"), openers=()),
            Way("site-search", SITE_SEARCH.url, look_for=SITE_SEARCH.look_for, seen_by=()),
        ),
        statuses=("sent",),
        levels=("public",),
    ),
    # A draft issue: the Secretariat's, on its issues pages only; the
    # archive (its list and its page) shows it to no one.
    Kind(
        "draftissue",
        (
            Way("archive", fixed("/en/newsletter/archive/"), seen_by=()),
            Way(
                "archive-page",
                pk_url("/en/newsletter/archive/{pk}/"),
                own_page=True,
                seen_by=(),
            ),
            Way("newsletter", fixed("/en/newsletter/"), seen_by=()),
            Way("issues", fixed("/en/newsletter/issues/"), openers=()),
            Way(
                "issue-page",
                pk_url("/en/newsletter/issues/{pk}/"),
                own_page=True,
                openers=(),
            ),
            Way("site-search", SITE_SEARCH.url, look_for=SITE_SEARCH.look_for, seen_by=()),
        ),
        levels=("public",),
    ),
)

CAMPAIGNS = (
    # Campaigns (campaigns/): published ones by their level, drafts to
    # the Secretariat; the host group reviews them all (the member
    # persona sees every one). An event's page lists its campaigns;
    # the site search and the API find them; the host group's chair
    # (the member persona) and the Secretariat open the editing page. A
    # former address sends on whoever sees the campaign (301).
    Kind(
        "campaign",
        (
            Way("detail", slug_url("/en/campaigns/{slug}/"), own_page=True),
            Way("list", fixed("/en/campaigns/")),
            HOST_EVENT_PAGE,
            replace(SITE_SEARCH, expect=lambda persona, item: campaign_found(persona, item)),
            replace(API_SEARCH, expect=lambda persona, item: campaign_found(persona, item)),
            Way("api-list", fixed(f"{API}campaigns?limit=200")),
            Way("api-detail", slug_url(API + "campaigns/{slug}"), own_page=True),
            Way(
                "edit",
                slug_url("/en/campaigns/{slug}/edit/"),
                own_page=True,
                openers=CHAIR,
            ),
            # Its former address (each matrix campaign was moved): whoever
            # sees it is sent on to the same page at its present address,
            # its calendar and the API's too; others get 404.
            Way(
                "former-address",
                former_url("/en/campaigns/{slug}/"),
                moves_to=slug_url("/en/campaigns/{slug}/"),
            ),
            Way(
                "former-calendar",
                former_url("/en/campaigns/{slug}/activities.ics"),
                moves_to=slug_url("/en/campaigns/{slug}/activities.ics"),
            ),
            Way(
                "api-former-address",
                former_url(API + "campaigns/{slug}"),
                moves_to=slug_url(API + "campaigns/{slug}"),
            ),
        ),
        statuses=("published", "draft"),
        draft_statuses=("draft",),
        has_group=True,
        readers=("member",),
    ),
    # Highlights and champions submitted to the public host campaign by
    # the partner persona: published ones seen by all; pending and
    # declined ones by their submitter and the reviewers (the member
    # persona's group) only. The review queue opens to reviewers.
    Kind(
        "submission",
        (
            Way("campaign", fixed(f"/en/campaigns/{HOST_CAMPAIGN}/")),
            Way("review", fixed(f"/en/campaigns/{HOST_CAMPAIGN}/review/"), openers=CHAIR),
        ),
        statuses=("published", "pending", "declined"),
        draft_statuses=("pending", "declined"),
        levels=("public",),
        readers=("partner", "member"),
    ),
    # Activities the partner persona plans for the public host campaign's
    # calendar: published ones seen by all; pending and declined ones by
    # their author and the reviewers (the member persona's group) only, on
    # the campaign's page and in the review queue. (Each matrix
    # organisation's published activity: the organisation's ways.)
    Kind(
        "plannedactivity",
        (
            Way("campaign", fixed(f"/en/campaigns/{HOST_CAMPAIGN}/")),
            Way("review", fixed(f"/en/campaigns/{HOST_CAMPAIGN}/review/"), openers=CHAIR),
        ),
        statuses=("published", "pending", "declined"),
        draft_statuses=("pending", "declined"),
        levels=("public",),
        readers=("partner", "member"),
    ),
)

SURVEYS = (
    # Surveys: listed to their audience (the row's level) once
    # published, and their page shown to it (a public one to anyone,
    # answered once signed in); drafts to the Secretariat only (its
    # preview).
    Kind(
        "survey",
        (
            Way("list", fixed("/en/surveys/")),
            Way("detail", slug_url("/en/surveys/{slug}/"), own_page=True),
        ),
        statuses=("published", "draft"),
        draft_statuses=("draft",),
        has_group=True,
    ),
    # A published survey's results (page and CSV, whose question is the
    # marker): the Secretariat's until it publishes them, then its
    # audience's too.
    Kind(
        "surveyresults",
        (
            Way("results", slug_url("/en/surveys/{slug}/results/"), own_page=True),
            Way("results-csv", slug_url("/en/surveys/{slug}/results.csv"), own_page=True),
        ),
        statuses=("published", "unpublished"),
        draft_statuses=("unpublished",),
        has_group=True,
    ),
)


def campaign_found(persona: str, item: Item) -> str:
    """Whether the site search finds a campaign: as its page shows it, but
    for one known gap. The index holds one level per row, and a published
    partners-only campaign is indexed at the "partners" level: a member of
    its reviewing group who is not a partner (the member persona) sees it
    on its page but does not find it (campaigns/search.py). A miss, never
    a leak."""
    # Asked when a cell runs: the package imports this module to build
    # the KINDS that `expected` reads.
    from alliance87.accounts.tests.visibility_matrix.kinds import expected

    if (item.level, item.status, persona) == ("partners", "published", "member"):
        return "hidden"
    return "published" if expected(persona, item, SITE_SEARCH) else "hidden"
