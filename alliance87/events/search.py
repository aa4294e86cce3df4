"""What the search index holds of events and their record: the event
(title, summary, place), and each agenda item, exchange, decision and
action item, found with its meeting's name; each as its event and its own
visibility allow (events.models: RecordQuerySet)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from alliance87.core import hooks
from alliance87.core.text import texts_by_language
from alliance87.core.visibility import Visibility
from alliance87.countries.search import country_facet
from alliance87.events.models import (
    ActionItem,
    AgendaItem,
    Decision,
    Event,
    EventStatus,
    Exchange,
)

NARROWNESS = {level: n for n, level in enumerate(Visibility.values)}
TITLE_WORDS = 16


def narrowest(*levels: str) -> str:
    return max(levels, key=lambda level: NARROWNESS.get(level, len(NARROWNESS)))


def event_level(event: Event) -> str:
    """The event's audience: its drafts are the Secretariat's."""
    if event.status != EventStatus.PUBLISHED:
        return Visibility.SECRETARIAT
    return event.visibility


def event_facets(event: Event) -> tuple[hooks.SearchFacet, ...]:
    facets = [theme.search_facet() for theme in event.themes.all()]
    countries = {c.pk: c for c in event.countries.all()}
    if event.country is not None:
        countries[event.country.pk] = event.country
    facets += [country_facet(c) for c in countries.values()]
    return tuple(facets)


def event_entry(event: Event) -> hooks.SearchEntry:
    return hooks.SearchEntry(
        titles=texts_by_language(event, "title"),
        bodies=texts_by_language(event, "summary", "venue", "city"),
        access=hooks.SearchAccess(event_level(event)),
        year=event.date_start.year if event.date_start else None,
        facets=event_facets(event),
    )


def shortened(texts: dict[str, str]) -> dict[str, str]:
    out = {}
    for code, text in texts.items():
        words = text.split()
        out[code] = " ".join(words[:TITLE_WORDS]) + (" …" if len(words) > TITLE_WORDS else "")
    return out


def part_entry(
    title_fields: tuple[str, ...], body_fields: tuple[str, ...]
) -> Callable[[Any], Any]:
    """The entry of a row of an event's record: its text, with its
    meeting's title; seen when it and its (published) event are."""

    def entry(part: Any) -> hooks.SearchEntry:
        event = part.event
        titles = shortened(texts_by_language(part, *title_fields))
        bodies = texts_by_language(part, *body_fields)
        meeting = texts_by_language(event, "title")
        for code, name in meeting.items():
            bodies[code] = f"{bodies[code]}\n\n{name}" if bodies.get(code) else name
        return hooks.SearchEntry(
            titles=titles or meeting,
            bodies=bodies,
            access=hooks.SearchAccess(narrowest(part.visibility, event_level(event))),
            year=event.date_start.year if event.date_start else None,
            facets=event_facets(event),
        )

    return entry


def _part_provider(
    model: Any,
    *,
    kind: str,
    label: str | Promise,
    entry: Callable[[Any], Any],
    anchor: str = "",
    order: int,
) -> hooks.SearchProvider:
    """The search provider of one kind of row of an event's record: found
    with its meeting, seen as its own and its event's visibility allow, at
    its place on its meeting's page (`anchor`-pk; the page's top if none)."""

    def url(part: Any) -> str:
        address: str = part.event.get_absolute_url()
        return f"{address}#{anchor}-{part.pk}" if anchor else address

    return hooks.SearchProvider(
        kind=kind,
        label=label,
        model=model,
        rows=lambda: model._default_manager.select_related(
            "event", "event__country"
        ).prefetch_related("event__themes", "event__countries"),
        entry=entry,
        visible=lambda user: model.objects.visible_to(user).select_related("event"),
        url=url,
        depends={Event: "event"},
        order=order,
    )


PROVIDERS = [
    hooks.SearchProvider(
        kind="event",
        label=_("Events"),
        model=Event,
        rows=lambda: Event.objects.select_related("country").prefetch_related(
            "themes", "countries"
        ),
        entry=event_entry,
        visible=lambda user: Event.objects.visible_to(user),
        url=lambda event: event.get_absolute_url(),
        order=30,
    ),
    _part_provider(
        AgendaItem,
        kind="agendaitem",
        label=_("Agenda items"),
        entry=part_entry(("title",), ("objective", "presenters_note", "minutes")),
        order=31,
    ),
    _part_provider(
        Exchange,
        kind="exchange",
        label=_("Questions and answers"),
        entry=part_entry(("question",), ("question", "answer")),
        order=32,
    ),
    _part_provider(
        Decision,
        kind="decision",
        label=_("Decisions"),
        entry=part_entry(("text",), ("text",)),
        anchor="decision",
        order=33,
    ),
    _part_provider(
        ActionItem,
        kind="actionitem",
        label=_("Action items"),
        entry=part_entry(("text",), ("text", "owner_note", "done_note")),
        order=34,
    ),
]
