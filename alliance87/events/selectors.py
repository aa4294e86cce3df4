"""
Reads of events and their record. Every query starts from
`visible_to(user)`: an event's record parts are visible only when they and
their event are, and a draft event only to the secretariat.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from django.apps import apps
from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from alliance87.core.dates import DatePrecision
from alliance87.core.visibility import audience_for
from alliance87.events.models import (
    ActionItem,
    AgendaItem,
    Decision,
    Document,
    Event,
    EventQuerySet,
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


class PartyNames:
    """Name who spoke or owns, leaving out people and organisations the
    user may not see (a person's name is partners' content by default)."""

    def __init__(self, user: Any, people_ids: set[int], org_ids: set[int]) -> None:
        people_ids.discard(None)  # type: ignore[arg-type]
        org_ids.discard(None)  # type: ignore[arg-type]
        self.people = (
            set(
                Person.objects.visible_to(user)
                .filter(pk__in=people_ids)
                .values_list("pk", flat=True)
            )
            if people_ids
            else set()
        )
        self.orgs = (
            set(
                Organisation.objects.visible_to(user)
                .filter(pk__in=org_ids)
                .values_list("pk", flat=True)
            )
            if org_ids
            else set()
        )

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


def _action_item_people(items: list[ActionItem]) -> tuple[set[int], set[int]]:
    return (
        {i.owner_person_id for i in items if i.owner_person_id},
        {i.owner_organisation_id for i in items if i.owner_organisation_id},
    )


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


def follow_up_items(user: Any, event: Event) -> QuerySet[ActionItem]:
    """Return the action items still open from earlier meetings of the series.

    An open item rolls over from meeting to meeting until it is closed.
    """
    if event.series_id is None or event.date_start is None:
        return ActionItem.objects.none()
    return (
        ActionItem.objects.visible_to(user)
        .filter(
            event__series_id=event.series_id,
            event__date_start__lt=event.date_start,
            status=ActionItem.Status.OPEN,
        )
        .select_related("event", "event__series", "owner_organisation", "owner_person")
        .order_by("event__date_start", "order", "pk")
    )


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


def event_page(user: Any, event: Event) -> dict[str, Any]:
    """Return everything the event page shows, in a constant number of queries."""
    now = today()
    agenda = list(
        AgendaItem.objects.visible_to(user)
        .filter(event=event)
        .prefetch_related(
            Prefetch(
                "presenter_organisations",
                queryset=Organisation.objects.visible_to(user).order_by("sort_name"),
                to_attr="visible_presenter_orgs",
            ),
            Prefetch(
                "presenter_people",
                queryset=Person.objects.visible_to(user).order_by("name"),
                to_attr="visible_presenters",
            ),
        )
    )
    exchanges = list(
        Exchange.objects.visible_to(user)
        .filter(event=event)
        .select_related(
            "asked_by_organisation",
            "asked_by_person",
            "answered_by_organisation",
            "answered_by_person",
        )
    )
    decisions = list(Decision.objects.visible_to(user).filter(event=event))
    actions = list(
        ActionItem.objects.visible_to(user)
        .filter(event=event)
        .select_related("event", "event__series", "owner_organisation", "owner_person")
    )
    follow_up = list(follow_up_items(user, event))
    participants = list(
        Participant.objects.visible_to(user)
        .filter(event=event)
        .select_related("organisation", "person")
        .order_by("role", "order", "pk")
    )
    people_ids: set[int] = set()
    org_ids: set[int] = set()
    for x in exchanges:
        people_ids |= {x.asked_by_person_id, x.answered_by_person_id}
        org_ids |= {x.asked_by_organisation_id, x.answered_by_organisation_id}
    for p in participants:
        people_ids.add(p.person_id)
        org_ids.add(p.organisation_id)
    for items in (actions, follow_up):
        more_people, more_orgs = _action_item_people(items)
        people_ids |= more_people
        org_ids |= more_orgs
    names = PartyNames(user, people_ids, org_ids)
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
    _label_action_items(actions, names, now)
    _label_action_items(follow_up, names, now)
    mark_closable(user, actions + follow_up)

    by_item: dict[int | None, dict[str, list[Any]]] = {
        item.pk: {"exchanges": [], "decisions": [], "actions": []} for item in agenda
    }
    loose: dict[str, list[Any]] = {"exchanges": [], "decisions": [], "actions": []}
    for key, rows in (("exchanges", exchanges), ("decisions", decisions), ("actions", actions)):
        for row in rows:
            by_item.get(row.agenda_item_id, loose)[key].append(row)
    for item in agenda:
        item.record = by_item[item.pk]
        names_ = [str(o.acronym or o.name) for o in item.visible_presenter_orgs]
        names_ += [p.name for p in item.visible_presenters]
        item.presenters = item.presenters_note or ", ".join(names_)

    visible_events = Event.objects.visible_to(user)
    return {
        "event": event,
        "today": now,
        "is_upcoming": event.last_day is not None and event.last_day >= now,
        "organisers": list(
            Organisation.objects.visible_to(user)
            .filter(organised_events=event)
            .order_by("sort_name")
        ),
        "countries": list(event.countries.order_by("name")),
        "regions": list(event.regions.all()),
        "themes": list(event.themes.all()),
        "objectives": list(Objective.objects.visible_to(user).filter(event=event)),
        "participants": participants,
        "documents": list(Document.objects.visible_to(user).filter(event=event)),
        "agenda": agenda,
        "loose": loose,
        "has_record": bool(exchanges or decisions or actions or agenda),
        "decisions": decisions,
        "actions": actions,
        "follow_up": follow_up,
        "feeds_into": list(_rows(visible_events.filter(fed_by=event))),
        "fed_by": list(_rows(visible_events.filter(feeds_into=event))),
        "warnings": numbering_warnings(event.series) if audience_for(user).is_secretariat else [],
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
    qs = ActionItem.objects.visible_to(user).select_related(
        "event", "event__series", "owner_organisation", "owner_person"
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
    people, orgs = _action_item_people(items)
    _label_action_items(items, PartyNames(user, people, orgs), now)
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
    people, orgs = _action_item_people(open_items)
    _label_action_items(open_items, PartyNames(user, people, orgs), now)
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
