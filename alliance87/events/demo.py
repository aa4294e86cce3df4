"""
Load the events of the seed documents (see demo_data.py).

Idempotent like the rest of the demo: every row is found by its natural key
(an event's slug, an agenda item's number, a decision's number in its
meeting, the order of an objective, participant, exchange or action item
within its event) and written only when it differs. An action item's status is never
reset, so items closed through the site stay closed.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from alliance87.core.dates import ReportedDate
from alliance87.core.models import Basis, Theme
from alliance87.core.provenance import cite
from alliance87.countries.models import Country
from alliance87.demo.loading import (
    LoadReport,
    related_as,
    set_m2m,
    translated,
    upsert,
    write,
)
from alliance87.events import demo_data as data
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


def _date_values(date: tuple | None) -> dict[str, Any]:
    if date is None:
        return {
            "date_start": None,
            "date_end": None,
            "date_precision": "day",
            "date_tentative": False,
        }
    start, end, precision, tentative = date
    return {
        "date_start": start,
        "date_end": end,
        "date_precision": precision,
        "date_tentative": tentative,
    }


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
    for row in data.SERIES:
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
    rows = [*data.EVENTS, data.GCG4]
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
    _load_record(events["gcg-4"], data.GCG4, look, report)
    _link_groups(series, events, report, existed)
    _cite_sources(events)


# Provenance (docs/provenance.md). The record of the 4th GCG meeting is
# transcribed from its report (seed 004), the Pacific consultation from its
# concept note (seed 000); the report also gives the date of the 5th
# meeting and of the HLPF event. Everything else in the demo is
# illustrative and says so.
GCG4_REPORT = "Report of the 4th Global Coordinating Group meeting (seed document 004)"
PACIFIC_NOTE = "Concept note of the Pacific Consultation on Alliance 8.7 (seed document 000)"
GCG4_DATE_INFERENCE = (
    "the report, which names no day: the Chilean workshop of 28 March 2019 was "
    "“last week”, so the meeting was held in early April 2019"
)


def _cite_sources(events: dict[str, Event]) -> None:
    reported = Basis.REPORTED
    gcg4 = events["gcg-4"]
    cite(gcg4, acting_user=None, basis=reported, source_title=GCG4_REPORT)
    cite(
        gcg4,
        acting_user=None,
        field="date_start",
        basis=Basis.INFERRED,
        note=GCG4_DATE_INFERENCE,
    )
    for rows in (
        gcg4.objectives.all(),
        gcg4.participants.all(),
        gcg4.agenda_items.all(),
        gcg4.exchanges.all(),
        gcg4.decisions.all(),
        gcg4.action_items.all(),
    ):
        for row in rows:
            cite(row, acting_user=None, basis=reported, source_title=GCG4_REPORT)
    for slug in ("gcg-5", "hlpf-alliance87-event-2019"):
        if slug in events:
            cite(
                events[slug],
                acting_user=None,
                field="date_start",
                basis=reported,
                source_title=GCG4_REPORT,
            )
    sourced = {"gcg-4", "pacific-consultation-2017", *REPORTED_EVENTS}
    for slug, (title, locator) in REPORTED_EVENTS.items():
        if slug in events:
            cite(
                events[slug], acting_user=None, basis=reported, source_title=title, locator=locator
            )
    if "pacific-consultation-2017" in events:
        pacific = events["pacific-consultation-2017"]
        cite(pacific, acting_user=None, basis=reported, source_title=PACIFIC_NOTE)
        for objective in pacific.objectives.all():
            cite(objective, acting_user=None, basis=reported, source_title=PACIFIC_NOTE)
    for slug, event in events.items():
        if slug not in sourced:
            cite(event, acting_user=None, basis=Basis.ILLUSTRATIVE)


# Events the seed documents report (what they are, where and when), with
# where they say it: cited as reported, not as illustrative.
REPORTED_EVENTS = {
    "iv-global-conference-2017": (
        PACIFIC_NOTE,
        "its closing paragraph (Buenos Aires, 14-16 November 2017)",
    ),
    "freedom-from-slavery-forum-2018": (GCG4_REPORT, "items I and IV"),
    "supply-chains-workshop-2019": (GCG4_REPORT, "item III, Supply Chains, and its discussion"),
    "hlpf-alliance87-event-2019": (GCG4_REPORT, "item VII"),
}


# Which group holds each series and event, where it is one of the groups.
SERIES_GROUPS = {"gcg-meetings": "global-coordinating-group"}
EVENT_GROUPS = {
    "supply-chains-workshop-2019": ["supply-chains"],
    "freedom-from-slavery-forum-2018": [],
}


def _link_groups(
    series: dict[str, EventSeries],
    events: dict[str, Event],
    report: LoadReport,
    existed: set[str],
) -> None:
    groups = {g.slug: g for g in Group.objects.all()}
    for slug, group_slug in SERIES_GROUPS.items():
        obj = series.get(slug)
        if obj is not None and group_slug in groups and obj.group_id != groups[group_slug].pk:
            obj.group = groups[group_slug]
            services.save_event_series(obj, acting_user=None)
            report.count("event series", False, f"series:{slug}" in existed)
    for slug, group_slugs in EVENT_GROUPS.items():
        event = events.get(slug)
        if event is None:
            continue
        wanted = [groups[s] for s in group_slugs if s in groups]
        if not related_as(event, {"groups": wanted}):
            services.save_event(event, groups=wanted, acting_user=None)
            report.count("event", False, slug in existed)


def _load_event(
    row: dict[str, Any], look: _Lookups, series: dict[str, EventSeries], report: LoadReport
) -> Event:
    dates = _date_values(row.get("date"))
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
        **dates,
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
    for order, text in enumerate(row.get("objectives", []), start=1):
        _o, c, ch = write(
            Objective,
            {"event": event, "order": order},
            translated("text", text),
            create=partial(services.add_objective, event, text=text, acting_user=None),
        )
        report.count("objective", c, ch)
    for order, (org, person, role, attendance) in enumerate(row.get("participants", []), 1):
        _p, c, ch = write(
            Participant,
            {"event": event, "order": order},
            {},
            create=partial(
                services.add_participant,
                event,
                organisation=look.orgs[org] if org else None,
                person=look.people[person] if person else None,
                role=role,
                attendance=attendance,
                acting_user=None,
            ),
        )
        report.count("participant", c, ch)
    for order, doc in enumerate(row.get("documents", []), start=1):
        fields = {"kind": doc["kind"], "url": doc["url"]}
        _d, c, ch = write(
            Document,
            {"event": event, "order": order},
            {**fields, **translated("title", doc["title"])},
            create=partial(
                services.attach_document, event, title=doc["title"], acting_user=None, **fields
            ),
            correct=partial(services.correct_row, acting_user=None, title=doc["title"], **fields),
        )
        report.count("document", c, ch)
    report.count("event", created, changed)
    return event


def _load_record(event: Event, row: dict[str, Any], look: _Lookups, report: LoadReport) -> None:
    """Write the record through the services that add and correct its rows.

    A row's place (its order, and the agenda item it is recorded under) is
    given when the service adds it; the data corrects the rest.
    """
    items: dict[str, AgendaItem] = {}
    for spec in data.GCG4_AGENDA:
        texts = {
            "title": spec["title"],
            "presenters_note": spec.get("presenters") or {},
            "minutes": spec["minutes"],
        }
        orgs = [look.orgs[s] for s in spec.get("organisations", [])]
        people = [look.people[s] for s in spec.get("people", [])]
        item, created, changed = write(
            AgendaItem,
            {"event": event, "number": spec["number"]},
            _translated_all(texts),
            create=partial(
                services.add_agenda_item,
                event,
                acting_user=None,
                number=spec["number"],
                presenter_organisations=orgs,
                presenter_people=people,
                **texts,
            ),
            correct=partial(services.correct_row, acting_user=None, **texts),
        )
        if not created:
            changed = set_m2m(item.presenter_organisations, orgs) or changed
            changed = set_m2m(item.presenter_people, people) or changed
        items[item.number] = item
        report.count("agenda item", created, changed)

    for order, spec in enumerate(data.GCG4_EXCHANGES, start=1):
        fields = {
            **look.party(spec.get("asked"), "asked_by"),
            **look.party(spec.get("answered"), "answered_by"),
        }
        texts = {"question": spec["question"], "answer": spec.get("answer") or {}}
        _x, created, changed = write(
            Exchange,
            {"event": event, "order": order},
            {**fields, **_translated_all(texts)},
            create=partial(
                services.record_exchange,
                event,
                acting_user=None,
                agenda_item=items[spec["item"]],
                **fields,
                **texts,
            ),
            correct=partial(services.correct_row, acting_user=None, **fields, **texts),
        )
        report.count("exchange", created, changed)

    # Numbered within the meeting. The report prints no reference for its
    # decisions, so the demo data's "GCG4/D1" style identifiers (invented)
    # are not shown: `identifier` stays empty.
    for order, spec in enumerate(data.GCG4_DECISIONS, start=1):
        texts = {"identifier": "", "text": spec["text"]}
        _d, created, changed = write(
            Decision,
            {"event": event, "number": order},
            {"identifier": "", **translated("text", spec["text"])},
            create=partial(
                services.record_decision,
                event,
                acting_user=None,
                number=order,
                agenda_item=items[spec["item"]],
                **texts,
            ),
            correct=partial(services.correct_row, acting_user=None, **texts),
        )
        report.count("decision", created, changed)

    for order, spec in enumerate(data.GCG4_ACTIONS, start=1):
        owner = spec["owner"]
        fields = {**look.party(owner, "owner"), "due": _reported_date(spec.get("due"))}
        texts = {"text": spec["text"], "owner_note": owner.get("note") or {}}
        _a, created, changed = write(
            ActionItem,
            {"event": event, "order": order},
            {
                **look.party(owner, "owner"),
                **_date_values(spec.get("due")),
                **_translated_all(texts),
            },
            create=partial(
                services.record_action_item,
                event,
                acting_user=None,
                agenda_item=items[spec["item"]],
                **fields,
                **texts,
            ),
            correct=partial(services.correct_row, acting_user=None, **fields, **texts),
        )
        report.count("action item", created, changed)


def _translated_all(texts: dict[str, dict[str, str]]) -> dict[str, str]:
    """Return the per-language fields of every text in `texts`."""
    out: dict[str, str] = {}
    for prefix, values in texts.items():
        out.update(translated(prefix, values))
    return out


def _reported_date(date: tuple | None) -> ReportedDate | None:
    if date is None:
        return None
    start, end, precision, tentative = date
    return ReportedDate(start=start, end=end, precision=precision, tentative=tentative)
