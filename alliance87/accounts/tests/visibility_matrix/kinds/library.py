"""The library: resources and the glossary's terms."""

from __future__ import annotations

from alliance87.accounts.tests.visibility_matrix.ways import (
    API,
    API_OUTCOME,
    API_SEARCH,
    EVENT_COUNTRY,
    HOST_EVENT_PAGE,
    HOST_GROUP_PAGE,
    OUTCOME,
    SITE_SEARCH,
    Kind,
    Way,
    fixed,
    slug_url,
    year_option,
)

RESOURCES = (
    # Library resources: published ones by their level, drafts to the
    # Secretariat only (the matrix's drafts are submitted by no persona;
    # a submitter's own drafts are library/tests/test_submissions.py's).
    Kind(
        "resource",
        (
            Way("detail", slug_url("/en/library/{slug}/"), own_page=True),
            Way("list", fixed("/en/library/")),
            Way("api-detail", slug_url(API + "library/{slug}"), own_page=True),
            Way("api-list", fixed(f"{API}library?limit=200")),
            Way("feed", fixed("/en/feeds/library.atom"), public_only=True),
            Way("export", fixed("/en/library.json")),
            # Each resource alone in its year: the Year facet offers
            # that year, with its count, to those who may see it.
            year_option("year-facet", "/en/library/", "date_start"),
            Way("country", fixed(f"/en/countries/{EVENT_COUNTRY}/")),
            HOST_EVENT_PAGE,
            HOST_GROUP_PAGE,
            SITE_SEARCH,
            API_SEARCH,
            OUTCOME,
            API_OUTCOME,
        ),
        statuses=("published", "draft"),
        draft_statuses=("draft",),
        has_group=True,
    ),
)

TERMS = (Kind("term", (Way("glossary", fixed("/en/library/glossary/")), SITE_SEARCH, API_SEARCH)),)
