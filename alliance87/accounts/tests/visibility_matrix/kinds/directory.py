"""The directory: organisations, people, groups and statements, and the
filters that offer organisations."""

from __future__ import annotations

from alliance87.accounts.tests.visibility_matrix.ways import (
    API,
    API_HOST_GROUP,
    API_SEARCH,
    CHAIR,
    FOCAL,
    HOST_CAMPAIGN,
    HOST_COUNTRY,
    HOST_EVENT_PAGE,
    HOST_GROUP,
    HOST_GROUP_PAGE,
    HOST_POST,
    HOST_RESOURCE,
    HOST_STATEMENT,
    LEAD_COUNTRIES,
    LIBRARY_ORGANISATION_CHOSEN,
    LIBRARY_ORGANISATION_FILTER,
    MEMBERS,
    ORG_COUNTRY,
    PEOPLE_ORG,
    SITE_SEARCH,
    SOLE_COUNTRIES,
    SOURCES,
    TRACKER_OWNER_CHOSEN,
    TRACKER_OWNER_FILTER,
    WORKPLAN,
    Kind,
    Way,
    fixed,
    membership_url,
    obj_of,
    pk_url,
    slug_url,
)

ORGANISATIONS = (
    Kind(
        "organisation",
        (
            Way("detail", slug_url("/en/partners/{slug}/"), own_page=True),
            SOURCES,
            Way("list", fixed("/en/partners/")),
            SITE_SEARCH,
            API_SEARCH,
            Way("api-detail", slug_url(API + "partners/{slug}"), own_page=True),
            Way("api-list", fixed(f"{API}partners?limit=200")),
            Way("api-search", lambda world, item: f"{API}partners?q={item.marker}"),
            # The open data of the directory (api.opendata).
            Way("export", fixed("/en/partners.json")),
            # The directory's search: the object's own name asked for.
            Way(
                "search",
                lambda world, item: f"/en/partners/?q={item.marker}",
                # The query is echoed in the form: look for the row's link.
                look_for=lambda world, item: f'href="/en/partners/{obj_of(world, item).slug}/"',
            ),
            Way("country", fixed(f"/en/countries/{ORG_COUNTRY}/")),
            Way("statement", fixed(f"/en/statements/{HOST_STATEMENT}/")),
            # Its public news post: the post's page, and the news list
            # filtered by it (the Organisation filter and each row), name
            # the author.
            Way("news-post", slug_url("/en/news/{slug}-news/")),
            Way("news-filtered", slug_url("/en/news/?organisation={slug}")),
            # The activity it plans for the public host campaign (published):
            # on the campaign's page, its calendar and the API's campaign.
            Way("campaign-activities", fixed(f"/en/campaigns/{HOST_CAMPAIGN}/")),
            Way("campaign-calendar", fixed(f"/en/campaigns/{HOST_CAMPAIGN}/activities.ics")),
            Way("api-campaign-activities", fixed(f"{API}campaigns/{HOST_CAMPAIGN}")),
            # A publisher of a public library resource: its page, and
            # the API's resource (publishers by slug).
            Way("resource", fixed(f"/en/library/{HOST_RESOURCE}/")),
            Way(
                "api-resource",
                fixed(f"{API}library/{HOST_RESOURCE}"),
                look_for=lambda world, item: f'"{obj_of(world, item).slug}"',
            ),
            Way(
                "library-export",
                fixed("/en/library.csv"),
                look_for=lambda world, item: obj_of(world, item).slug,
            ),
            LIBRARY_ORGANISATION_FILTER,
            LIBRARY_ORGANISATION_CHOSEN,
            # The tracker's Owner filter: the owners matching the text
            # typed, and an owner named by a link.
            TRACKER_OWNER_FILTER,
            TRACKER_OWNER_CHOSEN,
            # A member of the host group, and an owner of its activity.
            HOST_GROUP_PAGE,
            HOST_EVENT_PAGE,
            # The chair's pages: the activity's owners, the form's
            # choice of owners, the members and the form to add one,
            # the organisation's representatives.
            WORKPLAN,
            Way(
                "activity-form",
                fixed(f"/en/groups/{HOST_GROUP}/workplan/activities/new/"),
                openers=CHAIR,
            ),
            MEMBERS,
            Way(
                "representatives",
                membership_url(lambda item: f"{item.key}:membership"),
                own_page=True,
                openers=CHAIR,
            ),
            # A participant in the host pathfinder, and the lead of a
            # pathfinder of its own: the country pages name them.
            Way("pathfinder-participant", fixed(f"/en/countries/{HOST_COUNTRY}/")),
            Way(
                "pathfinder-lead",
                lambda world, item: f"/en/countries/{LEAD_COUNTRIES[item.level]}/",
            ),
            # Responsible for, and a partner in, an action of the roadmap
            # of the pathfinder it leads: the printable roadmap, its CSV
            # and the API's pathfinder.
            Way(
                "roadmap-action-responsible",
                lambda world, item: (
                    f"/en/pathfinders/{LEAD_COUNTRIES[item.level]}/roadmaps/"
                    f"{world.objects[f'{item.key}:roadmap'].pk}/print/"
                ),
            ),
            Way(
                "roadmap-action-export",
                lambda world, item: (
                    f"/en/pathfinders/{LEAD_COUNTRIES[item.level]}/roadmaps/"
                    f"{world.objects[f'{item.key}:roadmap'].pk}/actions.csv"
                ),
            ),
            Way(
                "roadmap-action-export-json",
                lambda world, item: (
                    f"/en/pathfinders/{LEAD_COUNTRIES[item.level]}/roadmaps/"
                    f"{world.objects[f'{item.key}:roadmap'].pk}/actions.json"
                ),
            ),
            Way(
                "api-roadmap-action",
                lambda world, item: f"{API}pathfinders/{LEAD_COUNTRIES[item.level]}",
                look_for=lambda world, item: f'"{obj_of(world, item).slug}"',
            ),
            # The host of a public regional workshop.
            Way("workshop-host", fixed("/en/pathfinders/")),
            Way("workshop-host-event", fixed("/en/events.json")),
            # The lead of a public group of its own: its page, its card.
            Way("group-chair", lambda world, item: f"/en/groups/{item.key}-chaired/"),
            Way("group-chair-card", fixed("/en/groups/")),
            # The focal point's forms offer organisations to choose.
            Way(
                "pathfinder-form",
                fixed(f"/en/pathfinders/{HOST_COUNTRY}/edit/"),
                openers=FOCAL,
            ),
            Way(
                "action-form",
                lambda world, item: (
                    f"/en/pathfinders/{HOST_COUNTRY}/roadmaps/"
                    f"{world.objects['roadmap-public-adopted'].pk}/actions/new/"
                ),
                openers=FOCAL,
            ),
        ),
    ),
    Kind(
        "person",
        (
            Way("organisation", fixed(f"/en/partners/{PEOPLE_ORG}/")),
            Way("api-organisation", fixed(f"{API}partners/{PEOPLE_ORG}")),
            HOST_EVENT_PAGE,
            # Representatives of a member of the host group, and its
            # past co-chairs.
            HOST_GROUP_PAGE,
            MEMBERS,
            Way(
                "representatives",
                membership_url(lambda item: "people:membership"),
                openers=CHAIR,
            ),
        ),
    ),
)

# Each group is the parent of a public sub-group, whose page (its
# breadcrumb, its "Part of") and open data name the parent only to those
# who may see it. The card on the list says "Part of" too: the `list` way.
SUBGROUP = (
    Way("subgroup", slug_url("/en/groups/{slug}-sub/")),
    Way(
        "subgroup-export",
        fixed("/en/groups.json"),
        look_for=lambda world, item: f'"parent": "{obj_of(world, item).slug}"',
    ),
)

# Where a group shows, whoever it is to: its page, the list, the API, the
# export and the searches.
GROUP_PAGES = (
    Way("detail", slug_url("/en/groups/{slug}/"), own_page=True),
    Way("list", fixed("/en/groups/")),
    Way("api-detail", slug_url(API + "groups/{slug}"), own_page=True),
    Way("api-list", fixed(f"{API}groups?limit=200")),
    Way("export", fixed("/en/groups.json")),
    SITE_SEARCH,
    API_SEARCH,
)

GROUPS = (
    Kind(
        "group",
        (
            *GROUP_PAGES,
            Way("engagement", fixed("/en/groups/engagement/")),
            Way("engagement-csv", fixed("/en/groups/engagement.csv")),
            Way("engagement-json", fixed("/en/groups/engagement.json")),
            # The application form offers the public action groups, and
            # their seats open for nominations.
            Way("apply-form", fixed("/en/apply/"), public_only=True),
            # Each is a sub-group of the host group.
            Way("parent", fixed(f"/en/groups/{HOST_GROUP}/")),
            # The public host post, linked to every matrix group, lists it.
            Way("host-post", fixed(f"/en/news/{HOST_POST}/")),
            *SUBGROUP,
            # A group's feeds (named in their titles) answer 404 for a
            # group the public may not see.
            Way(
                "feed",
                slug_url("/en/feeds/events.atom?group={slug}"),
                own_page=True,
                public_only=True,
            ),
        ),
        has_group=True,
    ),
    # A members-only group the group member does not belong to.
    Kind(
        "othergroup",
        (
            *GROUP_PAGES,
            Way("parent", fixed(f"/en/groups/{HOST_GROUP}/")),
            *SUBGROUP,
        ),
        has_group=True,
        member_belongs=False,
        levels=("members",),
    ),
    Kind(
        "activity",
        (
            HOST_GROUP_PAGE,
            WORKPLAN,
            API_HOST_GROUP,
            SITE_SEARCH,
            API_SEARCH,
            Way(
                "edit",
                pk_url(f"/en/groups/{HOST_GROUP}/workplan/activities/{{pk}}/edit/"),
                own_page=True,
                openers=CHAIR,
            ),
        ),
        has_group=True,
    ),
)

STATEMENTS = (
    Kind(
        "statement",
        (
            Way("list", fixed("/en/statements/")),
            Way("detail", slug_url("/en/statements/{slug}/"), own_page=True),
            Way("api-list", fixed(f"{API}statements?limit=200")),
            Way("api-detail", slug_url(API + "statements/{slug}"), own_page=True),
            Way("export", fixed("/en/statements.json")),
            SITE_SEARCH,
            API_SEARCH,
        ),
    ),
)

FILTERS = (
    # A public organisation that owns one action item only, of the
    # row's level: the tracker's Owner filter matches it, or names it,
    # for those who may see the item (an owner of hidden items only is
    # no choice).
    Kind("itemowner", (TRACKER_OWNER_FILTER, TRACKER_OWNER_CHOSEN)),
    # An organisation of the row's level, alone in its country: the
    # directory's Country filter offers that country to those who may
    # see the organisation.
    Kind(
        "soleorg",
        (
            Way(
                "directory-country-filter",
                fixed("/en/partners/"),
                look_for=lambda world, item: f'<option value="{SOLE_COUNTRIES[item.level]}"',
            ),
        ),
    ),
)
