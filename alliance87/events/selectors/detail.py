"""
The event page: one event, its record and what rolls over from the
meetings before it, read in a constant number of queries.
"""

from __future__ import annotations

import datetime as dt
from itertools import pairwise
from operator import attrgetter
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from alliance87.core import provenance
from alliance87.core.models import Theme
from alliance87.core.visibility import audience_for
from alliance87.countries.models import Country
from alliance87.events.folding import folded, translated, unfolded
from alliance87.events.models import (
    ActionItem,
    AgendaItem,
    Decision,
    Document,
    Event,
    EventRegion,
    EventSeries,
    Exchange,
    Objective,
    Participant,
    ReportedCount,
)
from alliance87.events.selectors import base, following
from alliance87.partners.models import Organisation, Person


def get_event_for_user(user: Any, slug: str) -> Event:
    """Return the event, or 404 alike when it is missing, hidden or a draft
    the user may not see."""
    try:
        return Event.objects.visible_to(user).select_related("series", "country").get(slug=slug)
    except Event.DoesNotExist:
        raise Http404("No such event.") from None


def get_action_item_for_user(user: Any, pk: int) -> ActionItem:
    try:
        return (
            ActionItem.objects.visible_to(user)
            .select_related("event", "event__series", "owner_organisation", "owner_person")
            .get(pk=pk)
        )
    except ActionItem.DoesNotExist:
        raise Http404("No such action item.") from None


def previous_event(user: Any, event: Event) -> Event | None:
    """Return the meeting of the same series just before `event`."""
    if event.series_id is None or event.date_start is None:
        return None
    return (
        Event.objects.visible_to(user)
        .filter(series_id=event.series_id, date_start__lt=event.date_start)
        .order_by("-date_start", "-number")
        .first()
    )


def _action_items(user: Any, q: Q) -> QuerySet[ActionItem]:
    return (
        base.with_parties(ActionItem.objects.visible_to(user).filter(q), user)
        .select_related("event", "event__series")
        .order_by("event__date_start", "order", "pk")
    )


def follow_up_items(user: Any, event: Event) -> QuerySet[ActionItem]:
    """Return the open action items of earlier meetings that `event`
    follows up: those of the meeting before, and older ones still followed
    (see `following`)."""
    q = following.follow_up_q(event)
    if q is None:
        return ActionItem.objects.none()
    return _action_items(user, q)


def numbering_warnings(series: EventSeries | None) -> list[str]:
    """Return sentences for every place where numbers and dates disagree."""
    if series is None:
        return []
    rows: list[tuple[int, dt.date]] = [
        (number, start)
        for number, start in Event.objects.filter(
            series=series, date_start__isnull=False, number__isnull=False
        )
        .order_by("number")
        .values_list("number", "date_start")
        if number is not None and start is not None
    ]
    warnings = []
    for (n1, d1), (n2, d2) in pairwise(rows):
        if d2 <= d1:
            warnings.append(
                _(
                    "Meeting %(later)s is dated %(later_date)s, not after meeting %(earlier)s "
                    "(%(earlier_date)s): check the numbers and the dates."
                )
                % {
                    "later": n2,
                    "later_date": date_format(d2),
                    "earlier": n1,
                    "earlier_date": date_format(d1),
                }
            )
    unnumbered = Event.objects.filter(series=series, number__isnull=True).count()
    if unnumbered:
        warnings.append(
            ngettext(
                "%(count)s event of this series has no number.",
                "%(count)s events of this series have no number.",
                unnumbered,
            )
            % {"count": unnumbered}
        )
    return warnings


def _event_facts(user: Any, event: Event) -> dict[str, Any]:
    """Return the event's short lists (countries, regions, themes,
    organisers, objectives, documents), read in one query."""
    outer = OuterRef("pk")
    facts = (
        Event.objects.filter(pk=event.pk)
        .values(
            "pk",
            countries_=folded(
                Country.objects.filter(events=outer), "events", ["iso3", *translated("name")]
            ),
            regions_=folded(EventRegion.objects.filter(event=outer), "event", ["region"]),
            themes_=folded(
                Theme.objects.filter(event=outer),
                "event",
                ["slug", "kind", "order", *translated("name")],
            ),
            organisers_=folded(
                Organisation.objects.visible_to(user).filter(organised_events=outer),
                "organised_events",
                ["id", "slug", *translated("name", "acronym", "sort_name")],
            ),
            objectives_=folded(
                Objective.objects.visible_to(user).filter(event=outer),
                "event",
                ["id", "order", *translated("text")],
            ),
            documents_=folded(
                Document.objects.visible_to(user).filter(event=outer),
                "event",
                [
                    "id",
                    "order",
                    "kind",
                    "url",
                    "file",
                    "pages",
                    "agenda_item_id",
                    *translated("title"),
                ],
            ),
            counts_=folded(
                ReportedCount.objects.visible_to(user).filter(event=outer),
                "event",
                ["id", "order", "qualifier", "value", "counted"],
            ),
        )
        .get()
    )
    by_order = attrgetter("order", "pk")
    return {
        "countries": unfolded(Country, facts["countries_"], attrgetter("name")),
        "regions": unfolded(EventRegion, facts["regions_"], attrgetter("region")),
        "themes": unfolded(Theme, facts["themes_"], attrgetter("kind", "order", "slug")),
        "organisers": unfolded(
            Organisation, facts["organisers_"], lambda o: (o.sort_name or "", o.pk)
        ),
        "objectives": unfolded(Objective, facts["objectives_"], by_order),
        "documents": unfolded(Document, facts["documents_"], by_order),
        "counts": unfolded(ReportedCount, facts["counts_"], by_order),
    }


def _agenda(user: Any, event: Event) -> list[AgendaItem]:
    """Return the agenda with each item's presenters (`presenters`), the
    presenting organisations and people read in the items' own query."""
    outer = OuterRef("pk")
    by_organisation = AgendaItem.presenter_organisations.through.objects.filter(
        agendaitem=outer, organisation__in=Organisation.objects.visible_to(user)
    )
    by_person = AgendaItem.presenter_people.through.objects.filter(
        agendaitem=outer, person__in=Person.objects.visible_to(user)
    )
    agenda = list(
        AgendaItem.objects.visible_to(user)
        .filter(event=event)
        .annotate(
            presenting_organisations=folded(
                by_organisation,
                "agendaitem",
                [
                    "organisation__id",
                    *translated("name", "acronym", "sort_name", through="organisation"),
                ],
            ),
            presenting_people=folded(by_person, "agendaitem", ["person__id", "person__name"]),
        )
    )
    for item in agenda:
        organisations = unfolded(
            Organisation, item.presenting_organisations, lambda o: (o.sort_name or "", o.pk)
        )
        people = unfolded(Person, item.presenting_people, attrgetter("name", "pk"))
        names = [str(o.acronym or o.name) for o in organisations] + [p.name for p in people]
        item.presenters = item.presenters_note or ", ".join(names)
    return agenda


def _linked_events(user: Any, event: Event) -> tuple[list[Event], list[Event]]:
    """Return the events `event` feeds into and those it builds on, in one
    query."""
    links = Event.feeds_into.through.objects
    targets = links.filter(from_event=event).values("to_event")
    sources = links.filter(to_event=event).values("from_event")
    linked = list(
        base.event_rows(Event.objects.visible_to(user))
        .filter(Q(pk__in=targets) | Q(pk__in=sources))
        .annotate(is_target=Exists(targets.filter(to_event=OuterRef("pk"))))
    )
    return [e for e in linked if e.is_target], [e for e in linked if not e.is_target]


def event_page(user: Any, event: Event) -> dict[str, Any]:
    """Return everything the event page shows, in a constant number of queries.

    One query each for the facts, the agenda, the exchanges, the decisions,
    the action items (with those rolled over from earlier meetings), the
    participants and the linked events: eight with the event itself.
    """
    now = base.today()
    agenda = _agenda(user, event)
    exchanges = list(
        base.with_parties(Exchange.objects.visible_to(user).filter(event=event), user)
    )
    decisions = list(Decision.objects.visible_to(user).filter(event=event))
    wanted = Q(event=event)
    follow_up_q = following.follow_up_q(event)
    if follow_up_q is not None:
        wanted |= follow_up_q
    all_actions = list(_action_items(user, wanted))
    actions = [a for a in all_actions if a.event_id == event.pk]
    follow_up = [a for a in all_actions if a.event_id != event.pk]
    participants = list(
        base.with_parties(Participant.objects.visible_to(user).filter(event=event), user).order_by(
            "role", "order", "pk"
        )
    )
    names = base.PartyNames(exchanges, all_actions, participants)
    body = base.body_of(event)
    for x in exchanges:
        x.asked_by_label = names.name(
            x.asked_by_role, x.asked_by_organisation, x.asked_by_person, body
        )
        x.answered_by_label = names.name(
            x.answered_by_role, x.answered_by_organisation, x.answered_by_person, body
        )
    for p in participants:
        p.label = names.name("", p.organisation, p.person)
        p.link = names.link(p.organisation)
    participants = [p for p in participants if p.label]
    base.label_action_items(all_actions, names, now)
    base.mark_closable(user, all_actions)

    by_item: dict[int | None, dict[str, list[Any]]] = {
        item.pk: {"exchanges": [], "decisions": [], "actions": [], "documents": []}
        for item in agenda
    }
    loose: dict[str, list[Any]] = {"exchanges": [], "decisions": [], "actions": []}
    for key, rows in (("exchanges", exchanges), ("decisions", decisions), ("actions", actions)):
        for row in rows:
            by_item.get(row.agenda_item_id, loose)[key].append(row)
    for item in agenda:
        item.record = by_item[item.pk]  # type: ignore[attr-defined]

    facts = _event_facts(user, event)
    for document in facts["documents"]:
        if document.agenda_item_id in by_item:
            by_item[document.agenda_item_id]["documents"].append(document)
    # Where each fact comes from: one query for every row the page shows
    # (and one per kind of Hub document cited, for its visibility).
    provenance.attach_sources(
        user,
        [
            event,
            *agenda,
            *exchanges,
            *decisions,
            *all_actions,
            *participants,
            *facts["objectives"],
            *facts["counts"],
        ],
    )
    feeds_into, fed_by = _linked_events(user, event)
    return {
        "event": event,
        "today": now,
        "is_upcoming": event.last_day is not None and event.last_day >= now,
        **facts,
        "participants": participants,
        "agenda": agenda,
        "loose": loose,
        "has_record": bool(exchanges or decisions or actions or agenda),
        "decisions": decisions,
        "actions": actions,
        "follow_up": follow_up,
        "feeds_into": feeds_into,
        "fed_by": fed_by,
        "warnings": numbering_warnings(event.series) if audience_for(user).is_secretariat else [],
    }
