"""The ways out that several content types share: the host pages, the
searches, the API's reads, the filters; and what builds their addresses."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from alliance87.accounts.tests.visibility_matrix.ways.base import (
    API,
    HOST_COUNTRY,
    HOST_EVENT,
    HOST_GROUP,
    NEXT_EVENT,
    Item,
    Way,
    World,
    fixed,
    obj_of,
    slug_url,
)


def year_option(name: str, path: str, field: str) -> Way:
    """Return the way through the year filter of the list at `path`: each
    row is alone in its year (its date in `field`), so the filter offers
    that year only to those who may see the row."""
    return Way(
        name,
        fixed(path),
        look_for=lambda world, item: (
            f'<option value="{getattr(obj_of(world, item), field).year}">'
        ),
    )


def sources_page(world: World, item: Item) -> str:
    """The Sources page of the object (core/sources.py): the Secretariat's."""
    from django.contrib.contenttypes.models import ContentType

    obj = obj_of(world, item)
    return f"/en/sources/{ContentType.objects.get_for_model(obj).pk}/{obj.pk}/"


# Where the Secretariat cites a record's sources: no one else opens it.
SOURCES = Way("sources", sources_page, own_page=True, openers=())


def membership_url(key: Callable[[Item], str]) -> Callable[[World, Item], str]:
    """The representatives page of a membership of the host group."""
    return lambda world, item: (
        f"/en/groups/{HOST_GROUP}/members/{world.objects[key(item)].pk}/representatives/"
    )


def api_thread_url(suffix: str) -> Callable[[World, Item], str]:
    """The API's address of the thread, or of its posts (`suffix`)."""
    return lambda world, item: (
        f"{API}community/spaces/{obj_of(world, item).space.slug}/threads/"
        f"{obj_of(world, item).pk}{suffix}"
    )


def attachment_url(post: Callable[[Any], Any]) -> Callable[[World, Item], str]:
    """The address of the file a community post carries (`post` of the
    row's object)."""

    def url(world: World, item: Item) -> str:
        from alliance87.core.files import file_url

        return file_url(post(obj_of(world, item)).attachments.get())

    return url


def api_attachment_url(post: Callable[[Any], Any]) -> Callable[[World, Item], str]:
    """The API's address of that file (its `download`), asked with the
    persona's token."""

    def url(world: World, item: Item) -> str:
        attachment = post(obj_of(world, item)).attachments.get()
        return f"{API}community/files/{attachment.pk}/{attachment.name}"

    return url


def roadmap_url(suffix: str) -> Callable[[World, Item], str]:
    return lambda world, item: (
        f"/en/pathfinders/{HOST_COUNTRY}/roadmaps/{obj_of(world, item).pk}/{suffix}"
    )


def thread_of(key: str) -> Callable[[World, Item], str]:
    """The page of the world's thread `key` (world.py)."""
    return lambda world, item: world.objects[key].get_absolute_url()


def api_thread_of(key: str) -> Callable[[World, Item], str]:
    """The API's address of the world's thread `key`."""

    def url(world: World, item: Item) -> str:
        thread = world.objects[key]
        return f"{API}community/spaces/{thread.space.slug}/threads/{thread.pk}"

    return url


# Two public threads of the world (world.py): one links to every decision,
# action item and roadmap action (a roadmap's first) by its row's address,
# shown as cards (community/cards.py); the other became every action item
# and library resource (community/conversions.py).
CARDS_THREAD = "mx:cards-thread"
OUTCOMES_THREAD = "mx:outcomes-thread"
CARD = Way("card", thread_of(CARDS_THREAD))
# Two more public threads link to every decision and action item by the
# other pages that list them: the decisions register and the action-item
# tracker (card-listed), and their meeting's record page (card-record).
CARDS_LISTED_THREAD = "mx:cards-listed-thread"
CARDS_RECORD_THREAD = "mx:cards-record-thread"
CARD_LISTED = Way("card-listed", thread_of(CARDS_LISTED_THREAD))
CARD_RECORD = Way("card-record", thread_of(CARDS_RECORD_THREAD))
OUTCOME = Way("outcome", thread_of(OUTCOMES_THREAD))
# The same thread through the API: its `became` lists them.
API_OUTCOME = Way("api-outcome", api_thread_of(OUTCOMES_THREAD))

HOST_EVENT_PAGE = Way("event-page", fixed(f"/en/events/{HOST_EVENT}/"))
HOST_BRIEFING = Way("briefing", fixed(f"/en/events/{HOST_EVENT}/briefing/"))
NEXT_EVENT_PAGE = Way("next-event-page", fixed(f"/en/events/{NEXT_EVENT}/"))
NEXT_BRIEFING = Way("next-briefing", fixed(f"/en/events/{NEXT_EVENT}/briefing/"))


def start_date(world: World, item: Item) -> str:
    # The overview lists a workshop by its host and date: each has its own.
    return f'datetime="{obj_of(world, item).date_start:%Y-%m-%d}"'


HOST_COUNTRY_PAGE = Way("country", fixed(f"/en/countries/{HOST_COUNTRY}/"))
PATHFINDER_INDEX = Way("index", fixed("/en/pathfinders/"))
HOST_GROUP_PAGE = Way("group", fixed(f"/en/groups/{HOST_GROUP}/"))
# Who may open the editing pages, besides the Secretariat.
CHAIR = ("member",)  # the member persona chairs the host group
FOCAL = ("focal",)  # the focal point edits their own pathfinder
OWNER = ("partner",)  # the partner's organisation owns the action items
WORKPLAN = Way("workplan", fixed(f"/en/groups/{HOST_GROUP}/workplan/"), openers=CHAIR)
MEMBERS = Way("members", fixed(f"/en/groups/{HOST_GROUP}/members/"), openers=CHAIR)


def marked_marker(world: World, item: Item) -> str:
    # The results page marks each word of the query it found: the title
    # reads <mark>MK</mark>-<mark>event</mark>-...
    return "-".join(f"<mark>{word}</mark>" for word in item.marker.split("-"))


# The site search, asked for the object's marker: its results, snippets
# and counts. The world's index is rebuilt once built (world.py).
SITE_SEARCH = Way(
    "site-search", lambda world, item: f"/en/search/?q={item.marker}", look_for=marked_marker
)


# The open API (alliance87/api): every endpoint a content type leaves by.
# A list is asked for its largest page, which holds every row of the world.
API_HOST_EVENT = Way("api-event", fixed(f"{API}events/{HOST_EVENT}"))
API_HOST_GROUP = Way("api-group", fixed(f"{API}groups/{HOST_GROUP}"))
API_HOST_PATHFINDER = Way("api-pathfinder", fixed(f"{API}pathfinders/{HOST_COUNTRY}"))
API_DECISIONS = Way("api-decisions", fixed(f"{API}decisions?limit=200"))
API_TRACKER = Way("api-tracker", fixed(f"{API}action-items?state=all&limit=200"))
# The search endpoint, asked for the object's marker: the results (plain
# text, no <mark>) of the same search as SITE_SEARCH.
API_SEARCH = Way("api-site-search", lambda world, item: f"{API}search?q={item.marker}")


def narrowing_ways(name: str, path: str, field: str) -> tuple[Way, Way]:
    """The two ways out of a filter that is a text box (core.forms.narrow):
    asked for the object's marker, it lists the matching names, each a link
    that narrows the list to that one (look for the link); named by a link
    (`?<field>=<slug>`), its name fills the box."""
    return (
        Way(
            f"{name}-filter",
            lambda world, item: f"{path}?{field}_q={item.marker}",
            look_for=lambda world, item: f'href="?{field}={obj_of(world, item).slug}"',
        ),
        Way(
            f"{name}-chosen",
            slug_url(f"{path}?{field}={{slug}}"),
            look_for=lambda world, item: f'value="{item.marker}"',
        ),
    )


# The tracker's Owner filter (a filter's choices are a way out: as a
# select, it offered partners-only owners to anyone).
TRACKER_OWNER_FILTER, TRACKER_OWNER_CHOSEN = narrowing_ways(
    "tracker-owner", "/en/events/action-items/", "owner"
)
# The library's Organisation filter: every matrix organisation published
# the host resource.
LIBRARY_ORGANISATION_FILTER, LIBRARY_ORGANISATION_CHOSEN = narrowing_ways(
    "library-organisation", "/en/library/", "organisation"
)
