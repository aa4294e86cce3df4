"""
Atom and RSS feeds of events, decisions, the library and news (news,
stories and interviews), for feed readers: `/<lang>/feeds/<kind>.atom`
and `.rss`, narrowed by `?country=` (ISO alpha-3), `?group=` (a group's
slug) and `?theme=` (a theme's slug), each as the pages name them.

A feed reader carries no session: a feed holds what anonymous visitors
see, whoever asks (as the calendar does), read through the same
`visible_to` and filters as the pages. An unknown country, group or theme
is a 404, not an empty feed that would look like a quiet one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from alliance87.comms.models import Post
from alliance87.core.models import Theme
from alliance87.countries.models import Country
from alliance87.events.models import Decision, Event
from alliance87.events.selectors import EventFilters, filter_events
from alliance87.groups.models import Group
from alliance87.library.models import Resource
from alliance87.library.selectors import filter_resources, parse_filters
from alliance87.library.selectors.lists import visible_resources

SIZE = 50
KINDS = ("events", "decisions", "library", "news")


@dataclass(frozen=True)
class Scope:
    """What a feed is narrowed to, each checked against the public's view."""

    country: Country | None = None
    group: Group | None = None
    theme: Theme | None = None

    def query(self) -> str:
        pairs = [
            ("country", self.country.iso3.lower() if self.country else ""),
            ("group", self.group.slug if self.group else ""),
            ("theme", self.theme.slug if self.theme else ""),
        ]
        found = "&".join(f"{k}={v}" for k, v in pairs if v)
        return f"?{found}" if found else ""

    def label(self) -> str:
        parts = [str(x) for x in (self.country, self.group, self.theme) if x is not None]
        return " · ".join(parts)


def scope_of(request: HttpRequest) -> Scope:
    anonymous = AnonymousUser()
    values: dict[str, Any] = {}
    country = request.GET.get("country", "").strip()
    if country:
        values["country"] = Country.objects.filter(iso3=country.upper()[:3]).first()
        if values["country"] is None or len(country) != 3:
            raise Http404("No such country.")
    group = request.GET.get("group", "").strip()
    if group:
        values["group"] = Group.objects.visible_to(anonymous).filter(slug=group[:100]).first()
        if values["group"] is None:
            raise Http404("No such group.")
    theme = request.GET.get("theme", "").strip()
    if theme:
        values["theme"] = Theme.objects.filter(slug=theme[:50]).first()
        if values["theme"] is None:
            raise Http404("No such theme.")
    return Scope(**values)


def _moment(value: dt.date | dt.datetime | None) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.combine(value, dt.time(), tzinfo=dt.UTC)


class HubFeed(Feed):
    kind = ""
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Scope:
        return scope_of(request)

    def link(self, obj: Scope) -> str:
        return reverse(self.page_name)

    def feed_url(self, obj: Scope) -> str:
        suffix = "atom" if self.feed_type is Atom1Feed else "rss"
        return reverse(f"feed-{self.kind}-{suffix}") + obj.query()

    def title(self, obj: Scope) -> str:
        label = obj.label()
        base = str(self.base_title())
        return f"{base}: {label}" if label else base

    def base_title(self) -> str:
        raise NotImplementedError

    page_name = ""


class EventsFeed(HubFeed):
    kind = "events"
    page_name = "events:list"

    def base_title(self) -> str:
        return _("Alliance 8.7 events")

    def description(self, obj: Scope) -> str:
        return _("Events of Alliance 8.7, newest published first.")

    def items(self, obj: Scope) -> QuerySet[Event]:
        filters = EventFilters(
            country=obj.country.iso3.lower() if obj.country else "",
            theme=obj.theme.slug if obj.theme else "",
        )
        qs = filter_events(Event.objects.visible_to(AnonymousUser()), filters)
        if obj.group is not None:
            qs = qs.filter(pk__in=Event.objects.filter(groups=obj.group).values("pk"))
        return qs.order_by("-published_at", "-pk")[:SIZE]

    def item_title(self, item: Event) -> str:
        return item.title

    def item_description(self, item: Event) -> str:
        when = str(item.reported_date or "")
        return f"{when}. {item.summary}" if when else item.summary

    def item_pubdate(self, item: Event) -> dt.datetime | None:
        return item.published_at or item.created

    def item_updateddate(self, item: Event) -> dt.datetime | None:
        return item.updated


class DecisionsFeed(HubFeed):
    kind = "decisions"
    page_name = "events:decisions"

    def base_title(self) -> str:
        return _("Alliance 8.7 decisions")

    def description(self, obj: Scope) -> str:
        return _("Decisions of the meetings of Alliance 8.7, newest meeting first.")

    def items(self, obj: Scope) -> QuerySet[Decision]:
        qs = Decision.objects.visible_to(AnonymousUser()).select_related("event")
        events = Event.objects.all()
        if obj.country is not None:
            events = events.filter(Q(country=obj.country) | Q(countries=obj.country))
        if obj.group is not None:
            events = events.filter(groups=obj.group)
        if obj.theme is not None:
            events = events.filter(themes=obj.theme)
        if obj != Scope():
            qs = qs.filter(event__in=events.values("pk"))
        return qs.order_by("-event__date_start", "-event__pk", "order", "pk")[:SIZE]

    def item_title(self, item: Decision) -> str:
        return f"{item.event.title}: {item.label}"

    def item_description(self, item: Decision) -> str:
        return item.text

    def item_link(self, item: Decision) -> str:
        return item.event.get_absolute_url() + f"#decision-{item.pk}"

    def item_pubdate(self, item: Decision) -> dt.datetime | None:
        return item.event.published_at or _moment(item.event.date_start)


class LibraryFeed(HubFeed):
    kind = "library"
    page_name = "library:index"

    def base_title(self) -> str:
        return _("Alliance 8.7 library")

    def description(self, obj: Scope) -> str:
        return _("Resources of the Alliance 8.7 library, newest published first.")

    def items(self, obj: Scope) -> QuerySet[Resource]:
        anonymous = AnonymousUser()
        filters = parse_filters(
            anonymous,
            {
                "country": obj.country.iso3.lower() if obj.country else "",
                "theme": obj.theme.slug if obj.theme else "",
            },
        )
        qs = filter_resources(visible_resources(anonymous), filters)  # type: ignore[arg-type]
        if obj.group is not None:
            qs = qs.filter(group=obj.group)
        return qs.order_by("-published_at", "-pk")[:SIZE]

    def item_title(self, item: Resource) -> str:
        return item.title

    def item_description(self, item: Resource) -> str:
        return item.summary

    def item_pubdate(self, item: Resource) -> dt.datetime | None:
        return item.published_at or item.created

    def item_updateddate(self, item: Resource) -> dt.datetime | None:
        return item.updated or timezone.now()


class NewsFeed(HubFeed):
    kind = "news"
    page_name = "comms:news"

    def base_title(self) -> str:
        return _("Alliance 8.7 news")

    def description(self, obj: Scope) -> str:
        return _("News, stories and interviews of Alliance 8.7, newest first.")

    def items(self, obj: Scope) -> QuerySet[Post]:
        qs = Post.objects.visible_to(AnonymousUser())
        if obj.country is not None:
            qs = qs.filter(countries=obj.country)
        if obj.group is not None:
            qs = qs.filter(groups=obj.group)
        if obj.theme is not None:
            qs = qs.filter(themes=obj.theme)
        return qs.order_by("-publish_at", "-pk")[:SIZE]

    def item_title(self, item: Post) -> str:
        # A post may be written in one language only: it is given in the
        # one its page shows it in.
        return item.shown_title

    def item_description(self, item: Post) -> str:
        return item.shown_summary

    def item_pubdate(self, item: Post) -> dt.datetime | None:
        return item.publish_at

    def item_updateddate(self, item: Post) -> dt.datetime | None:
        return item.updated


def rss(feed: type[HubFeed]) -> type[HubFeed]:
    """Return the RSS 2.0 twin of an Atom feed."""
    return type(f"{feed.__name__}Rss", (feed,), {"feed_type": Rss201rev2Feed})
