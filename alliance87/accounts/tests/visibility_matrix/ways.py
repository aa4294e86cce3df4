"""The personas and levels of the matrix, the ways out and the world's handle.

A way out is a page, feed or export; its address is a function of the world
(the objects built for this run) and of the item (the row a cell is about).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client

PERSONAS = ("anonymous", "outsider", "partner", "member", "focal", "secretariat", "inactive")
LEVELS = ("public", "partners", "members", "secretariat")
API = "/api/v1/"
HOST_EVENT = "mx-host-meeting"
NEXT_EVENT = "mx-next-meeting"
HOST_GROUP = "mx-host-group"
HOST_STATEMENT = "mx-host-statement"
HOST_CAMPAIGN = "mx-host-campaign"  # public, reviewed by the host group
HOST_RESOURCE = "mx-host-resource"  # a public resource every organisation published
HOST_COUNTRY = "mrt"  # the pathfinder that holds the roadmaps, workshops...
EVENT_COUNTRY = "npl"  # where the matrix events are held
ORG_COUNTRY = "per"  # where the matrix organisations are based
FOLLOWER_COUNTRY = "che"  # where the meetings that follow the matrix events are held
PEOPLE_ORG = "mx-people-org"  # the matrix people work for it; a member of the host group
PATHFINDER_COUNTRIES = {"public": "uga", "partners": "khm", "members": "alb", "secretariat": "gha"}
# The indicator of the matrix editions' figures (data): not one of the home
# page's, so that the key figures of the core stay on the home page.
DATA_INDICATOR = "forced_labour_prevalence"
# Where each `soleorg` row is the only organisation.
SOLE_COUNTRIES = {"public": "isl", "partners": "nzl", "members": "ury", "secretariat": "mng"}


@dataclass(frozen=True)
class Way:
    """One way an object can leave the Hub."""

    name: str
    url: Callable[[World, Item], str]
    # The object's own page: hidden answers 404; seen answers 200.
    own_page: bool = False
    # What the page shows of the object, when not its marker.
    look_for: Callable[[World, Item], str] | None = None
    # Served without a session: what anonymous visitors see, whoever asks.
    public_only: bool = False
    # An editing page: the personas who may open it (the Secretariat may
    # open every page); None for a page open to all.
    openers: tuple[str, ...] | None = None
    # The only personas who see the object this way, whatever its level, the
    # Secretariat not among them unless named (a safeguarding report: its
    # officer, its reporter); None for the rules of levels.
    seen_by: tuple[str, ...] | None = None
    # A way in rather than out (a reply by email, mail.py): `send` does it
    # as the persona and says what became of it, which must be what
    # `expect(persona, item)` says; `url` is then where it would show.
    send: Callable[[World, Any, Item], str] | None = None
    expect: Callable[[str, Item], str] | None = None
    # "post": asked with a POST (a deliberate act, such as the
    # Secretariat's look behind a pseudonym).
    method: str = "get"
    # A write through the API (`method` "post" or "patch", this JSON body;
    # whatever it writes is rolled back at once, World.get): whoever may not
    # see the object gets the answer a nonexistent one gets at `missing`'s
    # address (404), whoever sees it gets another (200, 201, 403, 409 or
    # 422; 401 without a token).
    body: dict[str, Any] | None = None
    missing: Callable[[World, Item], str] | None = None
    # The body sent as multipart/form-data, as files are (its "file" entry
    # the content of a text file), rather than as JSON.
    multipart: bool = False


@dataclass(frozen=True)
class Kind:
    name: str
    ways: tuple[Way, ...]
    statuses: tuple[str, ...] = ("",)
    draft_statuses: tuple[str, ...] = ()
    has_group: bool = False  # members-only rows belong to a group
    # Whether the member persona's organisation belongs to that group.
    member_belongs: bool = True
    pathfinder_owned: bool = False  # the country's focal points see it all
    # Personas who see every row of the kind, drafts included, whatever
    # its level (campaigns: the member persona's group reviews them all;
    # submissions: the partner persona submitted them all).
    readers: tuple[str, ...] = ()
    levels: tuple[str, ...] = LEVELS


@dataclass(frozen=True)
class Item:
    kind: str
    level: str
    status: str = ""

    @property
    def key(self) -> str:
        return "-".join(p for p in (self.kind, self.level, self.status) if p)

    @property
    def marker(self) -> str:
        return f"MK-{self.key}-KM"


@dataclass
class World:
    users: dict[str, Any]
    focal_points: dict[str, Any]  # lower-case iso3 -> focal point
    objects: dict[str, Any] = field(default_factory=dict)
    responses: dict[tuple[int | None, str], tuple[int, str]] = field(default_factory=dict)
    tokens: dict[int, str] = field(default_factory=dict)  # user's pk -> API token

    def user(self, persona: str, item: Item) -> Any:
        if persona == "focal":
            return self.focal_points[country_of(item)]
        return self.users[persona]

    def get(
        self,
        user: Any,
        url: str,
        method: str = "get",
        body: dict[str, Any] | None = None,
        multipart: bool = False,
    ) -> tuple[int, str]:
        key = (
            getattr(user, "pk", None),
            url if body is None else f"{method} {url} {json.dumps(body)} {multipart}",
        )
        if key not in self.responses:
            client = Client()
            headers = {}
            if url.startswith(API):
                # The API knows its callers by their token alone.
                if user.pk in self.tokens:
                    headers["Authorization"] = f"Bearer {self.tokens[user.pk]}"
            elif user.is_authenticated:
                client.force_login(user)
            if body is None:
                response = getattr(client, method)(url, headers=headers)
            else:
                # A write is undone before the next cell reads the world.
                with transaction.atomic():
                    if method == "get":
                        # A list only those who may change it read.
                        response = client.get(url, headers=headers)
                    elif multipart:
                        fields: dict[str, Any] = dict(body)
                        if "file" in fields:
                            fields["file"] = SimpleUploadedFile(
                                "matrix.txt", str(fields["file"]).encode()
                            )
                        response = getattr(client, method)(url, data=fields, headers=headers)
                    else:
                        response = getattr(client, method)(
                            url,
                            data=json.dumps(body),
                            content_type="application/json",
                            headers=headers,
                        )
                    transaction.set_rollback(True)
            # A file (core.files' serve_file) is streamed.
            content = (
                b"".join(response.streaming_content) if response.streaming else response.content
            )
            self.responses[key] = (response.status_code, content.decode())
        return self.responses[key]


def country_of(item: Item) -> str:
    """Return the country whose focal point is the `focal` persona."""
    if item.kind == "pathfinder":
        return PATHFINDER_COUNTRIES[item.level]
    return HOST_COUNTRY


def obj_of(world: World, item: Item) -> Any:
    return world.objects[item.key]


def fixed(url: str) -> Callable[[World, Item], str]:
    return lambda world, item: url


def slug_url(template: str) -> Callable[[World, Item], str]:
    return lambda world, item: template.format(slug=obj_of(world, item).slug)


def pathfinder_link(world: World, item: Item) -> str:
    return f"/en/countries/{PATHFINDER_COUNTRIES[item.level]}/#pathfinder"


def pk_url(template: str) -> Callable[[World, Item], str]:
    return lambda world, item: template.format(pk=obj_of(world, item).pk)


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


def roadmap_url(suffix: str) -> Callable[[World, Item], str]:
    return lambda world, item: (
        f"/en/pathfinders/{HOST_COUNTRY}/roadmaps/{obj_of(world, item).pk}/{suffix}"
    )


def thread_of(key: str) -> Callable[[World, Item], str]:
    """The page of the world's thread `key` (world.py)."""
    return lambda world, item: world.objects[key].get_absolute_url()


# Two public threads of the world (world.py): one links to every decision,
# action item and roadmap action (a roadmap's first) by its row's address,
# shown as cards (community/cards.py); the other became every action item
# and library resource (community/conversions.py).
CARDS_THREAD = "mx:cards-thread"
OUTCOMES_THREAD = "mx:outcomes-thread"
CARD = Way("card", thread_of(CARDS_THREAD))
OUTCOME = Way("outcome", thread_of(OUTCOMES_THREAD))

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


# The API's writes, as ways: each asked of a row the persona may not see
# must answer as for a row that does not exist. Each is rolled back at
# once (World.get), so no cell changes the world another reads.
MISSING_ID = 999_999_999


def api_record_write(part: str) -> Way:
    """Correct a row of the host meeting's record (PATCH)."""
    body = {"visibility": "secretariat"}
    return Way(
        f"api-correct-{part}",
        pk_url(f"{API}events/{HOST_EVENT}/{part}/{{pk}}"),
        openers=(),
        method="patch",
        body=body,
        missing=fixed(f"{API}events/{HOST_EVENT}/{part}/{MISSING_ID}"),
    )


def api_record_remove(part: str) -> Way:
    """Remove a row of the host meeting's record (DELETE)."""
    return Way(
        f"api-remove-{part}",
        pk_url(f"{API}events/{HOST_EVENT}/{part}/{{pk}}"),
        openers=(),
        method="delete",
        body={},
        missing=fixed(f"{API}events/{HOST_EVENT}/{part}/{MISSING_ID}"),
    )


# Attach a document to the event (a link, sent as a form, as files are).
API_ATTACH_DOCUMENT = Way(
    "api-attach-document",
    slug_url(API + "events/{slug}/documents"),
    openers=(),
    method="post",
    body={"kind": "report", "title": "Matrix", "url": "https://example.org/matrix"},
    multipart=True,
    missing=fixed(f"{API}events/mx-no-such-event/documents"),
)
# Give a document of the host meeting another file.
API_REFILE_DOCUMENT = Way(
    "api-refile-document",
    pk_url(f"{API}events/{HOST_EVENT}/documents/{{pk}}/file"),
    openers=(),
    method="post",
    body={"file": "Matrix file"},
    multipart=True,
    missing=fixed(f"{API}events/{HOST_EVENT}/documents/{MISSING_ID}/file"),
)

# Each matrix space has a moderator and a suspended person of its own
# (objects.py), neither a persona, for the writes that remove and lift.
SPACE_MODERATOR = "mx-moderator"
SPACE_SUSPENDED = "mx-suspended"


def _space_way(name: str, suffix: Callable[[Any], str], **kwargs: Any) -> Way:
    """A write to a matrix space (or a read for those who may change what
    it lists: `openers`), at `suffix(space)` under its API address."""
    return Way(
        name,
        lambda world, item: (
            f"{API}community/spaces/{obj_of(world, item).slug}/{suffix(obj_of(world, item))}"
        ),
        missing=lambda world, item: f"{API}community/spaces/mx-no-such-space/{suffix(None)}",
        **kwargs,
    )


def _suspension_id(space: Any) -> int:
    return space.suspensions.get().pk if space is not None else MISSING_ID


# Suspending, lifting, naming and removing moderators: a space's
# moderators and the Secretariat; whoever else sees the space is told why
# (403), whoever does not gets the missing space's 404. The lists answer
# the pages' 404 to anyone but those who may change them.
API_SPACE_WRITES = (
    _space_way(
        "api-suspend",
        lambda space: "suspensions",
        method="post",
        body={"person": SPACE_SUSPENDED, "reason": "Matrix"},
    ),
    _space_way(
        "api-lift",
        lambda space: f"suspensions/{_suspension_id(space)}/lift",
        method="post",
        body={},
    ),
    _space_way("api-suspensions", lambda space: "suspensions", openers=(), body={}),
    _space_way(
        "api-name-moderator",
        lambda space: "moderators",
        method="post",
        body={"person": SPACE_MODERATOR},
    ),
    _space_way(
        "api-remove-moderator",
        lambda space: f"moderators/{SPACE_MODERATOR}",
        method="delete",
        body={},
    ),
    _space_way("api-moderators", lambda space: "moderators", openers=(), body={}),
)


def api_post_writes(post: Callable[[Any], Any]) -> tuple[Way, Way]:
    """Flag and hide a community post (`post` of the row's object)."""

    def url(suffix: str) -> Callable[[World, Item], str]:
        return lambda world, item: f"{API}community/posts/{post(obj_of(world, item)).pk}/{suffix}"

    return (
        Way(
            "api-flag",
            url("flag"),
            method="post",
            body={"reason": "spam"},
            missing=fixed(f"{API}community/posts/{MISSING_ID}/flag"),
        ),
        Way(
            "api-hide",
            url("hide"),
            method="post",
            body={"reason": "Matrix"},
            missing=fixed(f"{API}community/posts/{MISSING_ID}/hide"),
        ),
    )


API_THREAD_STATE = Way(
    "api-thread-state",
    api_thread_url(""),
    method="patch",
    body={},
    missing=fixed(f"{API}community/spaces/mx-no-such-space/threads/{MISSING_ID}"),
)
