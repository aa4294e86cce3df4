"""
Reads of events and their record. Every query starts from
`visible_to(user)`: an event's record parts are visible only when they and
their event are, and a draft event only to the secretariat.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from operator import attrgetter
from typing import Any

from django.apps import apps
from django.core.paginator import Page, Paginator
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from alliance87.core.dates import DatePrecision
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
    EventQuerySet,
    EventRegion,
    EventSeries,
    EventType,
    Exchange,
    Objective,
    Participant,
    PartyRole,
)
from alliance87.partners.models import Organisation, Person

logger = logging.getLogger(__name__)

PAGE_SIZE = 20
TRACKER_PAGE_SIZE = 50


def today() -> dt.date:
    return timezone.localdate()


# Filters --------------------------------------------------------------------


@dataclass
class EventFilters:
    event_type: str = ""
    region: str = ""
    country: str = ""  # iso3, lower case
    theme: str = ""  # slug
    series: str = ""  # slug: the body whose meetings these are
    year: int | None = None

    def as_query(self) -> dict[str, str]:
        pairs = {
            "type": self.event_type,
            "region": self.region,
            "country": self.country,
            "theme": self.theme,
            "series": self.series,
            "year": str(self.year) if self.year else "",
        }
        return {k: v for k, v in pairs.items() if v}


def filter_events(qs: EventQuerySet, filters: EventFilters) -> EventQuerySet:
    if filters.event_type:
        qs = qs.filter(event_type=filters.event_type)
    if filters.series:
        qs = qs.filter(series__slug=filters.series)
    if filters.year:
        qs = qs.filter(Q(date_start__year=filters.year) | Q(recurs_yearly=True))
    # Relations that may match several rows go through a subquery, so an
    # event is listed once without DISTINCT over the whole row.
    if filters.region:
        qs = qs.filter(
            pk__in=Event.objects.filter(
                Q(regions__region=filters.region)
                | Q(country__region=filters.region)
                | Q(countries__region=filters.region)
            ).values("pk")
        )
    if filters.country:
        iso3 = filters.country.upper()
        qs = qs.filter(
            pk__in=Event.objects.filter(Q(country__iso3=iso3) | Q(countries__iso3=iso3)).values(
                "pk"
            )
        )
    if filters.theme:
        qs = qs.filter(pk__in=Event.objects.filter(themes__slug=filters.theme).values("pk"))
    return qs


# Parties --------------------------------------------------------------------


# The people and organisations a row names, by field.
PARTIES: dict[type[Any], dict[str, type[Any]]] = {
    Exchange: {
        "asked_by_organisation": Organisation,
        "asked_by_person": Person,
        "answered_by_organisation": Organisation,
        "answered_by_person": Person,
    },
    ActionItem: {"owner_organisation": Organisation, "owner_person": Person},
    Participant: {"organisation": Organisation, "person": Person},
}


def with_parties(qs: QuerySet[Any], user: Any) -> QuerySet[Any]:
    """Select the people and organisations the rows of `qs` name, each with
    a flag (`<field>_shown`) saying whether `user` may see it.

    The flags are asked in the rows' own query, through the one
    `visible_to` rule, rather than in a query per kind of party.
    """
    parties = PARTIES[qs.model]
    flags = {
        f"{name}_shown": Exists(model.objects.visible_to(user).filter(pk=OuterRef(name)))
        for name, model in parties.items()
    }
    return qs.select_related(*parties).annotate(**flags)


class PartyNames:
    """Name who spoke or owns, leaving out people and organisations the
    user may not see (a person's name is partners' content by default).

    The rows come from `with_parties`, whose flags say what the user may see.
    """

    def __init__(self, *row_lists: Iterable[Any]) -> None:
        self.people: set[int] = set()
        self.orgs: set[int] = set()
        for rows in row_lists:
            for row in rows:
                for name, model in PARTIES[type(row)].items():
                    if getattr(row, f"{name}_shown"):
                        seen = self.people if model is Person else self.orgs
                        seen.add(getattr(row, f"{name}_id"))

    def name(
        self, role: str, organisation: Organisation | None, person: Person | None, body: str = ""
    ) -> str:
        parts: list[str] = []
        if role == PartyRole.MEMBERS and body:
            parts.append(_("%(body)s members") % {"body": body})
        elif role:
            parts.append(str(PartyRole(role).label))
        if organisation is not None and organisation.pk in self.orgs:
            parts.append(organisation.acronym or organisation.name)
        if person is not None and person.pk in self.people:
            parts.append(person.name)
        return ", ".join(parts)

    def link(self, organisation: Organisation | None) -> str:
        if organisation is not None and organisation.pk in self.orgs:
            return organisation.get_absolute_url()
        return ""


def _body(event: Event) -> str:
    if event.series is None:
        return ""
    return event.series.body_short or event.series.body


def _label_action_items(items: list[ActionItem], names: PartyNames, now: dt.date) -> None:
    for item in items:
        owner = names.name(
            item.owner_role, item.owner_organisation, item.owner_person, _body(item.event)
        )
        item.owner_label = owner or item.owner_note  # type: ignore[attr-defined]
        if item.owner_note and owner:
            item.owner_label = f"{owner} ({item.owner_note})"  # type: ignore[attr-defined]
        item.overdue = item.is_overdue(now)  # type: ignore[attr-defined]


# Permission rule ----------------------------------------------------------


def is_action_item_owner(user: Any, item: ActionItem) -> bool:
    """Return True if `user` is the owning person or belongs to the owning
    organisation of `item` (the rule for "close")."""
    person = Person.objects.filter(user=user).only("pk", "organisation_id").first()
    if person is None:
        return False
    if item.owner_person_id is not None and item.owner_person_id == person.pk:
        return True
    return (
        item.owner_organisation_id is not None
        and person.organisation_id == item.owner_organisation_id
    )


def mark_closable(user: Any, items: list[ActionItem]) -> None:
    """Set `may_close` on each item, with one query for the user's person."""
    audience = audience_for(user)
    person = None
    if user is not None and user.is_authenticated and not audience.is_secretariat:
        person = Person.objects.filter(user=user).only("pk", "organisation_id").first()
    for item in items:
        if not item.is_open or user is None or not user.is_authenticated:
            allowed = False
        elif audience.is_secretariat:
            allowed = True
        elif person is None:
            allowed = False
        else:
            allowed = (item.owner_person_id is not None and item.owner_person_id == person.pk) or (
                item.owner_organisation_id is not None
                and item.owner_organisation_id == person.organisation_id
            )
        item.may_close = allowed  # type: ignore[attr-defined]


# Lists ----------------------------------------------------------------------

_ROW_FIELDS = (
    "slug",
    "title",
    "title_en",
    "title_fr",
    "title_es",
    "event_type",
    "status",
    "visibility",
    "date_start",
    "date_end",
    "date_precision",
    "date_tentative",
    "last_day",
    "online",
    "number",
    "city",
    "city_en",
    "city_fr",
    "city_es",
    "recurs_yearly",
    "series__slug",
    "series__name",
    "series__name_en",
    "series__name_fr",
    "series__name_es",
    "country__iso3",
    "country__name",
    "country__name_en",
    "country__name_fr",
    "country__name_es",
)


def _rows(qs: QuerySet[Event]) -> QuerySet[Event]:
    return qs.select_related("series", "country").only(*_ROW_FIELDS)


def next_occurrence(event: Event, on_or_after: dt.date) -> dt.date | None:
    """Return the next date of a yearly day on or after `on_or_after`."""
    if event.date_start is None:
        return None
    start = event.date_start
    for year in (on_or_after.year, on_or_after.year + 1):
        try:
            candidate = start.replace(year=year)
        except ValueError:  # 29 February
            candidate = dt.date(year, 3, 1)
        if candidate >= on_or_after and candidate >= start:
            return candidate
    return None


def list_events(user: Any, filters: EventFilters, page_number: Any = 1) -> dict[str, Any]:
    """Return the upcoming events, one page of past events, and the days."""
    now = today()
    qs = filter_events(Event.objects.visible_to(user), filters)
    upcoming = list(_rows(qs.upcoming(now)).order_by("date_start", "slug")[:50])
    past_page = Paginator(_rows(qs.past(now)).order_by("-date_start", "slug"), PAGE_SIZE).get_page(
        page_number
    )
    days = []
    if not filters.event_type or filters.event_type == EventType.INTERNATIONAL_DAY:
        for day in _rows(qs.filter(recurs_yearly=True)):
            day.next_date = next_occurrence(day, now)  # type: ignore[attr-defined]
            days.append(day)
        days.sort(key=lambda d: d.next_date or dt.date.max)  # type: ignore[attr-defined]
    return {
        "upcoming": upcoming,
        "past": past_page,
        "days": days,
        "workshops": pathfinder_workshops(user, filters),
    }


def country_section(user: Any, country: Any) -> dict[str, Any] | None:
    """Events held in or concerning `country`, for its profile."""
    qs = Event.objects.visible_to(user).filter(
        pk__in=Event.objects.filter(Q(country=country) | Q(countries=country)).values("pk")
    )
    events = list(_rows(qs.dated()).order_by("-date_start", "slug")[:10])
    if not events:
        return None
    return {"events": events, "country": country}


# One event ----------------------------------------------------------------


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


def _follow_up_q(event: Event) -> Q | None:
    """Return the filter for the action items still open from earlier
    meetings of `event`'s series, or None outside a dated series."""
    if event.series_id is None or event.date_start is None:
        return None
    return Q(
        event__series_id=event.series_id,
        event__date_start__lt=event.date_start,
        status=ActionItem.Status.OPEN,
    )


def _action_items(user: Any, q: Q) -> QuerySet[ActionItem]:
    return (
        with_parties(ActionItem.objects.visible_to(user).filter(q), user)
        .select_related("event", "event__series")
        .order_by("event__date_start", "order", "pk")
    )


def follow_up_items(user: Any, event: Event) -> QuerySet[ActionItem]:
    """Return the action items still open from earlier meetings of the series.

    An open item rolls over from meeting to meeting until it is closed.
    """
    q = _follow_up_q(event)
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
            _("%(count)s event(s) of this series have no number.") % {"count": unnumbered}
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
                ["id", "order", "kind", "url", "file", *translated("title")],
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
        _rows(Event.objects.visible_to(user))
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
    now = today()
    agenda = _agenda(user, event)
    exchanges = list(with_parties(Exchange.objects.visible_to(user).filter(event=event), user))
    decisions = list(Decision.objects.visible_to(user).filter(event=event))
    wanted = Q(event=event)
    follow_up_q = _follow_up_q(event)
    if follow_up_q is not None:
        wanted |= follow_up_q
    all_actions = list(_action_items(user, wanted))
    actions = [a for a in all_actions if a.event_id == event.pk]
    follow_up = [a for a in all_actions if a.event_id != event.pk]
    participants = list(
        with_parties(Participant.objects.visible_to(user).filter(event=event), user).order_by(
            "role", "order", "pk"
        )
    )
    names = PartyNames(exchanges, all_actions, participants)
    body = _body(event)
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
    _label_action_items(all_actions, names, now)
    mark_closable(user, all_actions)

    by_item: dict[int | None, dict[str, list[Any]]] = {
        item.pk: {"exchanges": [], "decisions": [], "actions": []} for item in agenda
    }
    loose: dict[str, list[Any]] = {"exchanges": [], "decisions": [], "actions": []}
    for key, rows in (("exchanges", exchanges), ("decisions", decisions), ("actions", actions)):
        for row in rows:
            by_item.get(row.agenda_item_id, loose)[key].append(row)
    for item in agenda:
        item.record = by_item[item.pk]  # type: ignore[attr-defined]

    feeds_into, fed_by = _linked_events(user, event)
    return {
        "event": event,
        "today": now,
        "is_upcoming": event.last_day is not None and event.last_day >= now,
        **_event_facts(user, event),
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


# Recording a meeting --------------------------------------------------------


def record_page(user: Any, event: Event) -> dict[str, Any]:
    """Return the rows of the record page, each kind in one query: the
    agenda, each item with its rows (`rows`), the rows under no item, and
    the documents."""
    agenda = list(AgendaItem.objects.visible_to(user).filter(event=event))
    rows = {
        "exchanges": list(Exchange.objects.visible_to(user).filter(event=event)),
        "decisions": list(Decision.objects.visible_to(user).filter(event=event)),
        "actions": list(ActionItem.objects.visible_to(user).filter(event=event)),
    }
    by_item: dict[int | None, dict[str, list[Any]]] = {
        item.pk: {key: [] for key in rows} for item in agenda
    }
    loose: dict[str, list[Any]] = {key: [] for key in rows}
    for key, found in rows.items():
        for row in found:
            by_item.get(row.agenda_item_id, loose)[key].append(row)
    for item in agenda:
        item.rows = by_item[item.pk]
    return {
        "event": event,
        "items": agenda,
        "loose": loose,
        "has_loose": any(loose.values()),
        "documents": list(Document.objects.visible_to(user).filter(event=event)),
    }


def get_record_row_for_user(user: Any, event: Event, model: type[Any], pk: int) -> Any:
    """Return a row of `event`'s record, or 404 alike when it is missing,
    hidden or another event's."""
    row = model.objects.visible_to(user).filter(event=event, pk=pk).first()
    if row is None:
        raise Http404("No such part of the record.")
    return row


def rows_under(item: AgendaItem) -> dict[str, int]:
    """Count the rows deleted with `item`: all of them, whoever may see
    them, since deleting the item deletes them all."""
    return {
        "exchanges": item.exchanges.count(),
        "decisions": item.decisions.count(),
        "actions": item.action_items.count(),
    }


# Tracker and register -----------------------------------------------------


@dataclass
class TrackerFilters:
    state: str = "open"  # open, overdue, done, dropped, all
    owner: str = ""  # organisation slug
    series: str = ""  # slug
    group_by: str = "body"  # body or owner

    def as_query(self) -> dict[str, str]:
        pairs = {
            "state": self.state,
            "owner": self.owner,
            "series": self.series,
            "group": self.group_by,
        }
        return {k: v for k, v in pairs.items() if v}


def overdue_q(now: dt.date) -> Q:
    """Return the filter for due dates whose last possible day is past."""
    return Q(status=ActionItem.Status.OPEN) & (
        Q(date_precision=DatePrecision.DAY, date_start__lt=now)
        | Q(date_precision=DatePrecision.RANGE, date_end__lt=now)
        | Q(date_precision=DatePrecision.MONTH, date_start__lt=now.replace(day=1))
    )


def list_action_items(user: Any, filters: TrackerFilters, page_number: Any = 1) -> Page:
    """Return one page of the action-item tracker as `user` may see it."""
    now = today()
    qs = with_parties(ActionItem.objects.visible_to(user), user).select_related(
        "event", "event__series"
    )
    if filters.state == "overdue":
        qs = qs.filter(overdue_q(now))
    elif filters.state in ActionItem.Status.values:
        qs = qs.filter(status=filters.state)
    if filters.owner:
        qs = qs.filter(owner_organisation__slug=filters.owner)
    if filters.series:
        qs = qs.filter(event__series__slug=filters.series)
    if filters.group_by == "owner":
        qs = qs.order_by(
            "owner_organisation__sort_name", "owner_role", "event__date_start", "order", "pk"
        )
    else:
        qs = qs.order_by("event__series__slug", "event__date_start", "order", "pk")
    page = Paginator(qs, TRACKER_PAGE_SIZE).get_page(page_number)
    items = list(page.object_list)
    _label_action_items(items, PartyNames(items), now)
    mark_closable(user, items)
    for item in items:
        item.body_label = item.event.series.body if item.event.series else _("No series")
        item.group_label = item.owner_label if filters.group_by == "owner" else item.body_label
    page.object_list = items
    return page


@dataclass
class DecisionFilters:
    series: str = ""
    year: int | None = None
    q: str = ""

    def as_query(self) -> dict[str, str]:
        pairs = {"series": self.series, "year": str(self.year) if self.year else "", "q": self.q}
        return {k: v for k, v in pairs.items() if v}


def list_decisions(user: Any, filters: DecisionFilters, page_number: Any = 1) -> Page:
    """Return one page of the decisions register as `user` may see it."""
    qs = Decision.objects.visible_to(user).select_related("event", "event__series", "agenda_item")
    if filters.series:
        qs = qs.filter(event__series__slug=filters.series)
    if filters.year:
        qs = qs.filter(event__date_start__year=filters.year)
    if filters.q:
        q = Q()
        for code in ("en", "fr", "es"):
            q |= Q(**{f"text_{code}__icontains": filters.q})
        qs = qs.filter(q | Q(identifier__icontains=filters.q))
    qs = qs.order_by("-event__date_start", "event__slug", "order", "pk")
    return Paginator(qs, TRACKER_PAGE_SIZE).get_page(page_number)


def series_choices() -> list[tuple[str, str]]:
    return [(s.slug, s.name) for s in EventSeries.objects.order_by("name")]


# Pathfinder workshops, from the pathfinders area -------------------------


@dataclass
class LinkedWorkshop:
    """A pathfinder workshop kept by the pathfinders area, shown here as a
    link rather than copied into an Event."""

    key: str
    title: str
    reported_date: Any
    url: str
    place: str
    status: str


def pathfinder_workshops(user: Any, filters: EventFilters | None = None) -> list[LinkedWorkshop]:
    """Return the pathfinders area's workshops `user` may see, filtered like
    events; an empty list when that area is not installed."""
    if not apps.is_installed("alliance87.pathfinders"):
        return []
    try:
        model = apps.get_model("pathfinders", "Workshop")
    except LookupError:
        return []
    qs = model._default_manager.all()
    if not hasattr(qs, "visible_to"):
        return []
    filters = filters or EventFilters()
    if filters.event_type and filters.event_type != EventType.PATHFINDER_WORKSHOP:
        return []
    if filters.series or filters.theme:
        return []
    qs = qs.visible_to(user).select_related(
        "host_country", "host_organisation", "pathfinder__country"
    )
    if filters.year:
        qs = qs.filter(date_start__year=filters.year)
    if filters.region:
        qs = qs.filter(region=filters.region)
    if filters.country:
        qs = qs.filter(host_country__iso3=filters.country.upper())
    rows = []
    for w in qs.filter(date_start__isnull=False).order_by("date_start", "pk")[:200]:
        pathfinder = getattr(w, "pathfinder", None)
        url = pathfinder.get_absolute_url() if pathfinder is not None else ""
        host = getattr(w, "host_name", "") or ""
        rows.append(
            LinkedWorkshop(
                key=f"pathfinder-workshop-{w.pk}",
                title=w.title or _("Pathfinder workshop: %(host)s") % {"host": host},
                reported_date=w.reported_date,
                url=url,
                place=w.place or host,
                status=w.get_status_display() if hasattr(w, "get_status_display") else "",
            )
        )
    return rows


# Briefing pack ------------------------------------------------------------


def pathfinder_status(user: Any) -> list[dict[str, Any]] | None:
    """Return the pathfinder countries and their status, when that area is
    installed; None otherwise. Rows go through the area's `visible_to`."""
    if not apps.is_installed("alliance87.pathfinders"):
        return None
    try:
        model = apps.get_model("pathfinders", "Pathfinder")
    except LookupError:
        return None
    qs = model._default_manager.all()
    if not hasattr(qs, "visible_to"):
        # Without the visibility contract nothing can be shown safely.
        return None
    qs = qs.visible_to(user)
    if any(f.name == "country" for f in model._meta.get_fields()):
        qs = qs.select_related("country")
    rows = []
    for obj in qs[:60]:
        status = ""
        for name in ("get_stage_display", "get_status_display"):
            if hasattr(obj, name):
                status = getattr(obj, name)()
                break
        url = obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else ""
        rows.append({"name": str(obj), "status": status, "url": url})
    return rows


def briefing_pack(user: Any, event: Event) -> dict[str, Any]:
    """Gather what a participant reads before the meeting."""
    now = today()
    previous = previous_event(user, event)
    previous_decisions = (
        list(Decision.objects.visible_to(user).filter(event=previous)) if previous else []
    )
    agenda = list(AgendaItem.objects.visible_to(user).filter(event=event))
    open_items = list(follow_up_items(user, event))
    _label_action_items(open_items, PartyNames(open_items), now)
    return {
        "event": event,
        "objectives": list(Objective.objects.visible_to(user).filter(event=event)),
        "agenda": agenda,
        "previous": previous,
        "previous_decisions": previous_decisions,
        "open_items": open_items,
        "pathfinders": pathfinder_status(user),
        # The groups area adds its status here once it exists.
        "groups": None,
        "generated": timezone.now(),
    }


# Calendars ----------------------------------------------------------------

FEED_LIMIT = 500


def calendar_events(filters: EventFilters) -> list[Event]:
    """Return the events of the public feed.

    Calendar clients carry no session, so the feed is what anonymous
    visitors may see: published, public events, whoever asks.
    """
    from django.contrib.auth.models import AnonymousUser

    qs = filter_events(Event.objects.visible_to(AnonymousUser()), filters)
    qs = qs.filter(date_start__isnull=False).select_related("country", "series")
    return list(qs.order_by("-date_start", "slug")[:FEED_LIMIT])
