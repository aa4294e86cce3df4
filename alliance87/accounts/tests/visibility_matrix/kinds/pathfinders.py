"""The pathfinders, their roadmaps, workshops and findings, and the lessons."""

from __future__ import annotations

from alliance87.accounts.tests.visibility_matrix.ways import (
    API,
    API_HOST_PATHFINDER,
    API_ROADMAP_WRITES,
    API_SEARCH,
    CARD,
    HOST_COUNTRY,
    HOST_COUNTRY_PAGE,
    HOST_EVENT,
    PATHFINDER_COUNTRIES,
    PATHFINDER_INDEX,
    SITE_SEARCH,
    Kind,
    Way,
    fixed,
    pathfinder_link,
    roadmap_url,
    start_date,
)

PATHFINDERS = (
    Kind(
        "pathfinder",
        (
            Way("index", fixed("/en/pathfinders/"), look_for=pathfinder_link),
            Way("export", fixed("/en/pathfinders.json"), look_for=pathfinder_link),
            Way(
                "api-list",
                fixed(f"{API}pathfinders?limit=200"),
                look_for=lambda world, item: f"/countries/{PATHFINDER_COUNTRIES[item.level]}/",
            ),
            Way(
                "api-detail",
                lambda world, item: f"{API}pathfinders/{PATHFINDER_COUNTRIES[item.level]}",
                own_page=True,
                look_for=lambda world, item: f"/countries/{PATHFINDER_COUNTRIES[item.level]}/",
            ),
            SITE_SEARCH,
            API_SEARCH,
            Way(
                "country",
                lambda world, item: f"/en/countries/{PATHFINDER_COUNTRIES[item.level]}/",
            ),
            Way(
                "briefing",
                fixed(f"/en/events/{HOST_EVENT}/briefing/"),
                look_for=pathfinder_link,
            ),
            Way(
                "progress-csv",
                lambda world, item: (
                    f"/en/pathfinders/{PATHFINDER_COUNTRIES[item.level]}/progress.csv"
                ),
                own_page=True,
                look_for=lambda world, item: "country,roadmap,priority_area",
            ),
        ),
        pathfinder_owned=True,
    ),
    Kind(
        "roadmap",
        (
            HOST_COUNTRY_PAGE,
            API_HOST_PATHFINDER,
            SITE_SEARCH,
            API_SEARCH,
            Way("print", roadmap_url("print/"), own_page=True),
            Way("actions-csv", roadmap_url("actions.csv"), own_page=True),
            Way("actions-json", roadmap_url("actions.json"), own_page=True),
            *API_ROADMAP_WRITES,
            Way("progress-csv", fixed(f"/en/pathfinders/{HOST_COUNTRY}/progress.csv")),
            CARD,
        ),
        statuses=("adopted", "draft"),
        draft_statuses=("draft",),
        pathfinder_owned=True,
    ),
    Kind(
        "workshop",
        (
            HOST_COUNTRY_PAGE,
            Way("index", fixed("/en/pathfinders/"), look_for=start_date),
            Way("events", fixed("/en/events/")),
            Way("events-export", fixed("/en/events.json")),
            Way("calendar", fixed("/events.ics"), public_only=True),
        ),
        pathfinder_owned=True,
    ),
    # A workshop hosted by a regional body: it belongs to no pathfinder.
    Kind(
        "regionalworkshop",
        (
            Way("index", fixed("/en/pathfinders/"), look_for=start_date),
            Way("events", fixed("/en/events/")),
            Way("events-export", fixed("/en/events.json")),
            Way("calendar", fixed("/events.ics"), public_only=True),
        ),
    ),
    Kind("finding", (HOST_COUNTRY_PAGE,), pathfinder_owned=True),
    # A government's reply to its figures, on the country's data section:
    # published to all; submitted to the focal point who sent it (the
    # host country's) and the Secretariat.
    Kind(
        "govreply",
        (HOST_COUNTRY_PAGE,),
        statuses=("published", "submitted"),
        draft_statuses=("submitted",),
        pathfinder_owned=True,
        levels=("public",),
    ),
    Kind("lesson", (PATHFINDER_INDEX,)),
)
