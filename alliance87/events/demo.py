"""
Load the events of the seed documents: the concept note of the Pacific
consultation (seed 000) and the report of the 4th meeting of the Global
Coordinating Group (seed 004). The data is in alliance87/demo/data/
(`event_series`, `events`, `event_objectives`, `event_participants`,
`event_documents`, `agenda_items`, `exchanges`, `decisions`,
`action_items`), each record with its sources, written here through the
events services and cited (docs/demo-data.md).

Idempotent like the rest of the demo: every row is found by its natural key
(an event's slug, an agenda item's number, a decision's number in its
meeting, the order of an objective, participant, document, exchange or
action item within its event) and written only when it differs. An action
item's status is never reset, so items closed through the site stay
closed. A series has no citations of its own (it is a name, not a fact);
its record's sources are checked like every other.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from alliance87.core.models import Theme
from alliance87.countries.models import Country
from alliance87.demo.data import SOURCES, read, reported_date
from alliance87.demo.loading import (
    LoadReport,
    cite_sources,
    date_values,
    related_as,
    set_m2m,
    translated,
    upsert,
    write,
)
from alliance87.events import services
from alliance87.events.models import (
    ActionItem,
    AgendaItem,
    Decision,
    Document,
    Event,
    EventSeries,
    EventStatus,
    Exchange,
    Objective,
    Participant,
)
from alliance87.groups.models import Group
from alliance87.partners.models import Organisation, Person

# The seed documents as the demo's citations name them (other areas' demo
# loaders cite them too).
GCG4_REPORT = SOURCES["seed-004"]["title"]
PACIFIC_NOTE = SOURCES["seed-000"]["title"]

# The events the seed documents report (what they are, where and when):
# cited as reported as a whole, not as illustrative.
REPORTED_EVENTS = frozenset(
    row["slug"]
    for row in read("events")
    if any(s["basis"] == "reported" and s["fields"] == ["*"] for s in row["sources"])
)


class _Lookups:
    def __init__(self) -> None:
        self.orgs = {o.slug: o for o in Organisation.objects.all()}
        self.people = {p.slug: p for p in Person.objects.all()}
        self.countries = {c.iso3: c for c in Country.objects.all()}
        self.themes = {t.slug: t for t in Theme.objects.all()}

    def party(self, spec: dict[str, Any] | None, prefix: str) -> dict[str, Any]:
        spec = spec or {}
        return {
            f"{prefix}_role": spec.get("role", ""),
            f"{prefix}_organisation": self.orgs[spec["organisation"]]
            if spec.get("organisation")
            else None,
            f"{prefix}_person": self.people[spec["person"]] if spec.get("person") else None,
        }


def load(report: LoadReport) -> None:
    """Write the demo events and the record of the 4th GCG meeting."""
    look = _Lookups()
    # Links written to rows this run created are part of creating them, not
    # updates: a first load reports only what it created.
    existed = set(Event.objects.values_list("slug", flat=True))
    existed |= {f"series:{s}" for s in EventSeries.objects.values_list("slug", flat=True)}
    series: dict[str, EventSeries] = {}
    for row in read("event_series"):
        obj, created, changed = upsert(
            EventSeries,
            {"slug": row["slug"]},
            {
                **translated("name", row["name"]),
                **translated("body", row["body"]),
                **translated("body_short", row["body_short"]),
            },
            save=services.save_event_series,
        )
        series[obj.slug] = obj
        report.count("event series", created, changed)

    events: dict[str, Event] = {}
    # Pathfinder workshops are the pathfinders area's; /events/ lists them.
    rows = read("events")
    for row in rows:
        events[row["slug"]] = _load_event(row, look, series, report)
    for row in rows:
        event = events[row["slug"]]
        linked = set(event.feeds_into.values_list("slug", flat=True))
        missing = [s for s in row.get("feeds_into", []) if s not in linked]
        for slug in missing:
            services.link_events(event, events[slug], acting_user=None)
        if missing:
            report.count("event", False, event.slug in existed)
    _load_event_rows(events, look, report)
    _load_record(events, look, report)
    _link_groups(series, events, report, existed)
    for row in rows:
        cite_sources(events[row["slug"]], row)


def _load_event(
    row: dict[str, Any], look: _Lookups, series: dict[str, EventSeries], report: LoadReport
) -> Event:
    values: dict[str, Any] = {
        "event_type": row["type"],
        "status": EventStatus.PUBLISHED,
        "visibility": row.get("visibility", "public"),
        "series": series[row["series"]] if row.get("series") else None,
        "number": row.get("number"),
        "time_zone": row.get("time_zone", ""),
        "recurs_yearly": row.get("recurs_yearly", False),
        "online": row.get("online", False),
        "country": look.countries[row["country"]] if row.get("country") else None,
        **date_values(reported_date(row["date"])),
        **translated("title", row["title"]),
        **translated("summary", row.get("summary") or {}),
        **translated("city", row.get("city") or {}),
    }
    # save_event works out the last day and checks the event.
    event, created, changed = upsert(
        Event, {"slug": row["slug"]}, values, save=services.save_event
    )
    if event.published_at is None:
        Event.objects.filter(pk=event.pk).update(published_at=event.created)
    relations: dict[str, list[Any]] = {
        "organisers": [look.orgs[s] for s in row.get("organisers", [])],
        "countries": [look.countries[c] for c in row.get("countries", [])],
        "themes": [look.themes[t] for t in row.get("themes", [])],
    }
    regions = sorted(set(row.get("regions", [])))
    if not related_as(event, relations) or regions != sorted(
        event.regions.values_list("region", flat=True)
    ):
        services.save_event(event, regions=regions, **relations, acting_user=None)
        changed = True
    report.count("event", created, changed)
    return event


def _load_event_rows(events: dict[str, Event], look: _Lookups, report: LoadReport) -> None:
    """Write the objectives, participants and documents of the events."""
    for row in read("event_objectives"):
        event = events[row["event"]]
        objective, c, ch = write(
            Objective,
            {"event": event, "order": row["order"]},
            translated("text", row["text"]),
            create=partial(services.add_objective, event, text=row["text"], acting_user=None),
        )
        cite_sources(objective, row)
        report.count("objective", c, ch)

    for row in read("event_participants"):
        event = events[row["event"]]
        participant, c, ch = write(
            Participant,
            {"event": event, "order": row["order"]},
            {},
            create=partial(
                services.add_participant,
                event,
                organisation=look.orgs[row["organisation"]] if row["organisation"] else None,
                person=look.people[row["person"]] if row["person"] else None,
                role=row["role"],
                attendance=row["attendance"],
                acting_user=None,
            ),
        )
        cite_sources(participant, row)
        report.count("participant", c, ch)

    for row in read("event_documents"):
        event = events[row["event"]]
        fields = {"kind": row["kind"], "url": row["url"]}
        document, c, ch = write(
            Document,
            {"event": event, "order": row["order"]},
            {**fields, **translated("title", row["title"])},
            create=partial(
                services.attach_document, event, title=row["title"], acting_user=None, **fields
            ),
            correct=partial(services.correct_row, acting_user=None, title=row["title"], **fields),
        )
        cite_sources(document, row)
        report.count("document", c, ch)


def _load_record(events: dict[str, Event], look: _Lookups, report: LoadReport) -> None:
    """Write the meetings' records through the services that add and
    correct their rows.

    A row's place (its order, and the agenda item it is recorded under) is
    given when the service adds it; the data corrects the rest.
    """
    items: dict[tuple[str, str], AgendaItem] = {}
    for row in read("agenda_items"):
        event = events[row["event"]]
        texts = {
            "title": row["title"],
            "presenters_note": row.get("presenters") or {},
            "minutes": row["minutes"],
        }
        orgs = [look.orgs[s] for s in row.get("organisations", [])]
        people = [look.people[s] for s in row.get("people", [])]
        item, created, changed = write(
            AgendaItem,
            {"event": event, "number": row["number"]},
            _translated_all(texts),
            create=partial(
                services.add_agenda_item,
                event,
                acting_user=None,
                number=row["number"],
                presenter_organisations=orgs,
                presenter_people=people,
                **texts,
            ),
            correct=partial(services.correct_row, acting_user=None, **texts),
        )
        if not created:
            changed = set_m2m(item.presenter_organisations, orgs) or changed
            changed = set_m2m(item.presenter_people, people) or changed
        items[(row["event"], item.number)] = item
        cite_sources(item, row)
        report.count("agenda item", created, changed)

    for row in read("exchanges"):
        event = events[row["event"]]
        fields = {
            **look.party(row.get("asked"), "asked_by"),
            **look.party(row.get("answered"), "answered_by"),
        }
        texts = {"question": row["question"], "answer": row.get("answer") or {}}
        exchange, created, changed = write(
            Exchange,
            {"event": event, "order": row["order"]},
            {**fields, **_translated_all(texts)},
            create=partial(
                services.record_exchange,
                event,
                acting_user=None,
                agenda_item=items[(row["event"], row["item"])],
                **fields,
                **texts,
            ),
            correct=partial(services.correct_row, acting_user=None, **fields, **texts),
        )
        cite_sources(exchange, row)
        report.count("exchange", created, changed)

    # Numbered within the meeting. The report prints no reference for its
    # decisions, so none is invented: `identifier` stays empty.
    for row in read("decisions"):
        event = events[row["event"]]
        texts = {"identifier": "", "text": row["text"]}
        decision, created, changed = write(
            Decision,
            {"event": event, "number": row["number"]},
            {"identifier": "", **translated("text", row["text"])},
            create=partial(
                services.record_decision,
                event,
                acting_user=None,
                number=row["number"],
                agenda_item=items[(row["event"], row["item"])],
                **texts,
            ),
            correct=partial(services.correct_row, acting_user=None, **texts),
        )
        cite_sources(decision, row)
        report.count("decision", created, changed)

    for row in read("action_items"):
        event = events[row["event"]]
        owner = look.party(row["owner"], "owner")
        fields = {**owner, "due": reported_date(row["due"])}
        texts = {"text": row["text"], "owner_note": row.get("owner_note") or {}}
        action, created, changed = write(
            ActionItem,
            {"event": event, "order": row["order"]},
            {**owner, **date_values(fields["due"]), **_translated_all(texts)},
            create=partial(
                services.record_action_item,
                event,
                acting_user=None,
                agenda_item=items[(row["event"], row["item"])],
                **fields,
                **texts,
            ),
            correct=partial(services.correct_row, acting_user=None, **fields, **texts),
        )
        cite_sources(action, row)
        report.count("action item", created, changed)


def _link_groups(
    series: dict[str, EventSeries],
    events: dict[str, Event],
    report: LoadReport,
    existed: set[str],
) -> None:
    """Link each series and event to the group that holds it, where the
    data names one (a series' `group`, an event's `groups`)."""
    groups = {g.slug: g for g in Group.objects.all()}
    for row in read("event_series"):
        obj = series[row["slug"]]
        group = groups.get(row.get("group") or "")
        if group is not None and obj.group_id != group.pk:
            obj.group = group
            services.save_event_series(obj, acting_user=None)
            report.count("event series", False, f"series:{obj.slug}" in existed)
    for row in read("events"):
        if "groups" not in row:
            continue
        event = events[row["slug"]]
        wanted = [groups[s] for s in row["groups"] if s in groups]
        if not related_as(event, {"groups": wanted}):
            services.save_event(event, groups=wanted, acting_user=None)
            report.count("event", False, event.slug in existed)


def _translated_all(texts: dict[str, dict[str, str]]) -> dict[str, str]:
    """Return the per-language fields of every text in `texts`."""
    out: dict[str, str] = {}
    for prefix, values in texts.items():
        out.update(translated(prefix, values))
    return out
