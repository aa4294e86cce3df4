"""The personas and levels of the matrix, the way out, the content type,
the row, the world's handle, and what the addresses are made of."""

from __future__ import annotations

import json
import os
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
HOST_POST = "mx-host-post"  # a public news post linked to every matrix event and group
HOST_COUNTRY = "mrt"  # the pathfinder that holds the roadmaps, workshops...
EVENT_COUNTRY = "npl"  # where the matrix events are held
ORG_COUNTRY = "per"  # where the matrix organisations are based
# Cells that ask for the same address as the same user share its answer
# (`World.responses`). Set, every cell asks for itself: `make mutations`
# sets it for its unmutated run, which records the lines each cell's own
# requests run, so that a mutant runs every cell that reads what it
# changed, not only the first to ask (tools/mutations/reach.py).
EACH_CELL_ASKS = "MATRIX_EACH_CELL_ASKS"
FOLLOWER_COUNTRY = "che"  # where the meetings that follow the matrix events are held
PEOPLE_ORG = "mx-people-org"  # the matrix people work for it; a member of the host group
PATHFINDER_COUNTRIES = {"public": "uga", "partners": "khm", "members": "alb", "secretariat": "gha"}
# The indicator of the matrix editions' figures (data): not one of the home
# page's, so that the key figures of the core stay on the home page.
DATA_INDICATOR = "forced_labour_prevalence"
# Where each `soleorg` row is the only organisation.
SOLE_COUNTRIES = {"public": "isl", "partners": "nzl", "members": "ury", "secretariat": "mng"}
# Whose pathfinder each `organisation` row leads (every row also takes
# part in HOST_COUNTRY's): their country pages name it as the lead.
LEAD_COUNTRIES = {"public": "fji", "partners": "jor", "members": "lka", "secretariat": "tun"}


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
    # A former address of the object (a campaign's, campaigns.CampaignSlug):
    # whoever may see the object is sent on (301) to this address, its
    # present one; anyone else gets 404, as at a missing page.
    moves_to: Callable[[World, Item], str] | None = None


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
    # The Location of each redirect answered, by the key of `responses`.
    locations: dict[tuple[int | None, str], str] = field(default_factory=dict)

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
        if key not in self.responses or os.environ.get(EACH_CELL_ASKS):
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
            self.locations[key] = response.headers.get("Location", "")
        return self.responses[key]

    def moved(self, user: Any, url: str) -> tuple[int, str]:
        """Return the status of `url` asked by `user`, and the address it
        sends on to (empty when it does not)."""
        status, _ = self.get(user, url)
        return status, self.locations[(getattr(user, "pk", None), url)]


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


def former_slug(item: Item) -> str:
    """The address a matrix campaign had before its present one (`item.key`):
    objects/comms.py builds it there and moves it."""
    return f"{item.key}-before"


def former_url(template: str) -> Callable[[World, Item], str]:
    return lambda world, item: template.format(slug=former_slug(item))


def pk_url(template: str) -> Callable[[World, Item], str]:
    return lambda world, item: template.format(pk=obj_of(world, item).pk)


def secretariat_tool(
    name: str, start: tuple[str, str], page: tuple[str, str] | None = None
) -> Kind:
    """Return the kind of a Secretariat's tool, seen by no one else: the
    way `start` (its name and a fixed address: the list or the form it
    starts from) and, if given, the way `page` to each row's own page (its
    name and an address with `{pk}`)."""
    ways = [Way(start[0], fixed(start[1]))]
    if page is not None:
        ways.append(Way(page[0], pk_url(page[1]), own_page=True))
    return Kind(name, tuple(ways), levels=("secretariat",))
