"""
Links to Hub objects written in posts, shown as cards under the post.

A link whose address is one of the Hub's pages for an event, a library
resource, a group, a statement, an organisation or a country (written as
a path, "/en/events/.../", or with the Hub's own address, SITE_URL, in
front) becomes a card with the object's kind and title, read through the
object's `visible_to(viewer)`: a link to something the reader may not see
stays a bare link, and its title is never shown. One query per kind of
object on a page, whatever the number of posts.

Decisions, action items and roadmap actions have no page of their own:
they are linked by their row on a page that lists them, the page's
address with the row's fragment: their parent's page
(`/en/events/gcg-4/#decision-12`, `/en/events/gcg-4/#action-7`,
`/en/countries/npl/#pf-action-3` or the printable roadmap's
`.../print/#pf-action-3`), which their `get_absolute_url` gives, or, for a
meeting's rows, the meeting's record page (`/en/events/gcg-4/record/`),
the decisions register (`/en/events/decisions/#decision-12`) and the
action-item tracker (`/en/events/action-items/#action-7`). Such a link is
a card of the row, read through the row's own `visible_to` (which asks its
parent's too: a hidden or draft meeting hides its decisions); otherwise
it is the card of the page's own object, if it has one. The card leads to
the row on its parent's page, whatever address the link was written
with.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.functional import Promise
from django.utils.html import conditional_escape, format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from alliance87.core.text import marked, page_language, shown_language


@dataclass(frozen=True)
class CardKind:
    label: str | Promise
    rows: Callable[[Any], Any]  # (user) -> queryset of what they may see
    lookup: str  # the field the address's argument names
    title_field: str
    # A row of a parent's page: its card's title and line (HTML), when the
    # title is more than one field.
    title: Callable[[Any], str] | None = None
    detail: Callable[[Any], str] | None = None


# A row of a page, linked by its fragment: (the page's view, the
# fragment's prefix) -> the kind of card, its argument the row's id.
ROWS: dict[tuple[str, str], str] = {
    ("events:detail", "decision-"): "decision",
    ("events:detail", "action-"): "actionitem",
    ("events:record", "decision-"): "decision",
    ("events:record", "action-"): "actionitem",
    ("events:decisions", "decision-"): "decision",
    ("events:tracker", "action-"): "actionitem",
    ("countries:detail", "pf-action-"): "roadmapaction",
    ("pathfinders:print", "pf-action-"): "roadmapaction",
}
_ROW_ID = re.compile(r"([a-z-]+-)([0-9]{1,18})")


def excerpt(obj: Any, field: str, words: int = 25) -> str:
    """Return the start of `obj`'s translated `field` as HTML, marked with
    its language as `core.text.marked` marks it."""
    value = getattr(obj, field, "") or ""
    short = Truncator(" ".join(str(value).split())).words(words)
    shown = shown_language(obj, field)
    if shown and shown != page_language():
        return format_html('<span lang="{}">{}</span>', shown, short)
    return conditional_escape(short)


def _decision_title(decision: Any) -> str:
    return format_html("{} · {}", decision.label, marked(decision.event, "title"))


def _action_item_detail(item: Any) -> str:
    return format_html("{} · {}", marked(item.event, "title"), item.get_status_display())


def _roadmap_action_title(action: Any) -> str:
    return format_html("{}.{} {}", action.priority.number, action.number, marked(action, "title"))


def _roadmap_action_detail(action: Any) -> str:
    roadmap = action.priority.roadmap
    return format_html("{} · {}", roadmap.pathfinder.country.name, marked(roadmap, "title"))


def _kinds() -> dict[str, CardKind]:
    from alliance87.countries.models import Country
    from alliance87.events.models import ActionItem, Decision, Event
    from alliance87.groups.models import Group
    from alliance87.library.models import Resource
    from alliance87.partners.models import Organisation
    from alliance87.pathfinders.models import Action
    from alliance87.statements.models import Statement

    return {
        "events:detail": CardKind(_("Event"), Event.objects.visible_to, "slug", "title"),
        "library:detail": CardKind(
            _("Library resource"),
            Resource.objects.visible_to,
            "slug",
            "title",
            # Its submitter and the Secretariat see it before it is published.
            detail=lambda r: "" if r.is_published else str(r.get_status_display()),
        ),
        "groups:detail": CardKind(_("Group"), Group.objects.visible_to, "slug", "name"),
        "statements:detail": CardKind(
            _("Statement"), Statement.objects.visible_to, "slug", "title"
        ),
        "partners:detail": CardKind(
            _("Organisation"), Organisation.objects.visible_to, "slug", "name"
        ),
        # Countries are reference data, public to all.
        "countries:detail": CardKind(
            _("Country"), lambda user: Country.objects.all(), "iso3", "name"
        ),
        # Rows of a parent's page (ROWS): their own visibility asks their
        # parent's (an event's record rows, a roadmap's actions).
        "decision": CardKind(
            _("Decision"),
            lambda user: Decision.objects.visible_to(user).select_related("event"),
            "pk",
            "text",
            title=_decision_title,
            detail=lambda d: excerpt(d, "text"),
        ),
        "actionitem": CardKind(
            _("Action item"),
            lambda user: ActionItem.objects.visible_to(user).select_related("event"),
            "pk",
            "text",
            title=lambda a: excerpt(a, "text"),
            detail=_action_item_detail,
        ),
        "roadmapaction": CardKind(
            _("Roadmap action"),
            lambda user: Action.objects.visible_to(user).select_related(
                "priority__roadmap__pathfinder__country"
            ),
            "pk",
            "title",
            title=_roadmap_action_title,
            detail=_roadmap_action_detail,
        ),
    }


@dataclass(frozen=True)
class Card:
    kind: str | Promise
    title: str  # HTML, escaped and marked with its language (core.text.marked)
    url: str
    detail: str = ""  # HTML, a line under the title


def hub_target(href: str) -> tuple[str, str] | None:
    """Return (view name, argument) of a Hub page that `href` points to,
    or None for any other address."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        own = urlsplit(settings.SITE_URL)
        if (parts.scheme, parts.netloc) != (own.scheme, own.netloc):
            return None
    path = parts.path
    segments = path.split("/")
    if len(segments) < 3 or segments[1] not in dict(settings.LANGUAGES):
        return None
    try:
        with translation.override(segments[1]):
            match = resolve(path)
    except Resolver404:
        return None
    row = _ROW_ID.fullmatch(parts.fragment)
    if row is not None and (match.view_name, row.group(1)) in ROWS:
        return ROWS[(match.view_name, row.group(1))], row.group(2)
    if match.view_name not in _kinds() or len(match.kwargs) != 1:
        return None
    return match.view_name, str(next(iter(match.kwargs.values())))


def cards_for(user: Any, links: dict[Any, Iterable[str]]) -> dict[Any, list[Card]]:
    """Return the cards of each key's links (a post's id -> its link
    addresses), for what `user` may see."""
    kinds = _kinds()
    wanted: dict[str, set[str]] = defaultdict(set)
    targets: dict[Any, list[tuple[str, str]]] = {}
    for key, hrefs in links.items():
        found = []
        for href in hrefs:
            target = hub_target(href)
            if target is not None and target not in found:
                found.append(target)
                wanted[target[0]].add(target[1])
        targets[key] = found
    seen: dict[tuple[str, str], Card] = {}
    for view_name, args in wanted.items():
        kind = kinds[view_name]
        rows = kind.rows(user).filter(**{f"{kind.lookup}__in": _variants(args)})
        for obj in rows:
            arg = str(getattr(obj, kind.lookup))
            card = _card(kind, obj)
            for wanted_arg in args:
                if wanted_arg.lower() == arg.lower():
                    seen[(view_name, wanted_arg)] = card
    return {key: [seen[t] for t in found if t in seen] for key, found in targets.items()}


def _card(kind: CardKind, obj: Any) -> Card:
    return Card(
        kind.label,
        kind.title(obj) if kind.title else marked(obj, kind.title_field),
        obj.get_absolute_url(),
        kind.detail(obj) if kind.detail else "",
    )


@dataclass(frozen=True)
class Outcome:
    """What a thread became, as `user` may see it."""

    kind: str  # "action_item" or "resource"
    obj: Any  # the action item (its event read with it) or the resource
    post_id: int | None  # the post it came from; None for the thread


# The kind of card (_kinds) of each kind of outcome.
_OUTCOME_CARDS = {"action_item": "actionitem", "resource": "library:detail"}


def list_outcomes(user: Any, thread: Any) -> list[Outcome]:
    """Return what `thread` became (community/conversions.py) that `user`
    may see, oldest first, each read through its own `visible_to`: one
    query, and one per kind of outcome the thread has. The thread's page
    shows them as cards (`outcome_cards`), the API lists them."""
    from alliance87.community.models import Conversion

    rows = list(
        Conversion.objects.filter(thread=thread).values_list(
            "action_item_id", "resource_id", "post_id"
        )
    )
    kinds = _kinds()
    found: dict[tuple[str, int], Any] = {}
    for name, ids in (
        ("action_item", {a for a, r, p in rows if a is not None}),
        ("resource", {r for a, r, p in rows if r is not None}),
    ):
        if ids:
            for obj in kinds[_OUTCOME_CARDS[name]].rows(user).filter(pk__in=sorted(ids)):
                found[(name, obj.pk)] = obj
    wanted = [(("action_item", a) if a is not None else ("resource", r), p) for a, r, p in rows]
    return [Outcome(key[0], found[key], post) for key, post in wanted if key in found]


def outcome_cards(user: Any, thread: Any) -> list[Card]:
    """Return the cards of what `thread` became that `user` may see
    (`list_outcomes`)."""
    kinds = _kinds()
    return [_card(kinds[_OUTCOME_CARDS[o.kind]], o.obj) for o in list_outcomes(user, thread)]


def _variants(args: set[str]) -> list[str]:
    # Country codes are written in lower case in addresses, stored in upper.
    return sorted(args | {a.upper() for a in args})
