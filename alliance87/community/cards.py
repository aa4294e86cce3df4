"""
Links to Hub objects written in posts, shown as cards under the post.

A link whose address is one of the Hub's pages for an event, a library
resource, a group, a statement, an organisation or a country (written as
a path, "/en/events/.../", or with the Hub's own address, SITE_URL, in
front) becomes a card with the object's kind and title, read through the
object's `visible_to(viewer)`: a link to something the reader may not see
stays a bare link, and its title is never shown. One query per kind of
object on a page, whatever the number of posts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from alliance87.core.text import marked


@dataclass(frozen=True)
class CardKind:
    label: str | Promise
    rows: Callable[[Any], Any]  # (user) -> queryset of what they may see
    lookup: str  # the field the address's argument names
    title_field: str


def _kinds() -> dict[str, CardKind]:
    from alliance87.countries.models import Country
    from alliance87.events.models import Event
    from alliance87.groups.models import Group
    from alliance87.library.models import Resource
    from alliance87.partners.models import Organisation
    from alliance87.statements.models import Statement

    return {
        "events:detail": CardKind(_("Event"), Event.objects.visible_to, "slug", "title"),
        "library:detail": CardKind(
            _("Library resource"), Resource.objects.visible_to, "slug", "title"
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
    }


@dataclass(frozen=True)
class Card:
    kind: str | Promise
    title: str  # HTML, escaped and marked with its language (core.text.marked)
    url: str


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
            card = Card(kind.label, marked(obj, kind.title_field), obj.get_absolute_url())
            for wanted_arg in args:
                if wanted_arg.lower() == arg.lower():
                    seen[(view_name, wanted_arg)] = card
    return {key: [seen[t] for t in found if t in seen] for key, found in targets.items()}


def _variants(args: set[str]) -> list[str]:
    # Country codes are written in lower case in addresses, stored in upper.
    return sorted(args | {a.upper() for a in args})
