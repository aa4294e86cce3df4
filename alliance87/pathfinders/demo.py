"""
Load the pathfinder countries of the seed: the meeting report of the 4th
Global Coordinating Group meeting (seed 004). The data is in
alliance87/demo/data/ (`pathfinders`, `pathfinder_stages`,
`pathfinder_findings`, `workshops`, `roadmaps`, `roadmap_priorities`,
`roadmap_actions`, `lessons`), each record with its sources, written here
through the pathfinders services and cited (docs/demo-data.md).

Only what the report says is written as reported. The report gives no
budget: Madagascar's actions carry illustrative figures so that the
funding-gap summary has something to show, flagged `budget_illustrative`
and labelled as such on every page that shows them. Stages whose date the
report does not give are recorded without a date.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import partial
from typing import Any

from alliance87.core.models import Theme
from alliance87.countries.models import Country
from alliance87.demo.data import read, reported_date
from alliance87.demo.loading import (
    LoadReport,
    cite_sources,
    date_values,
    related_as,
    translated,
    upsert,
    write,
)
from alliance87.partners.models import Organisation
from alliance87.pathfinders import services
from alliance87.pathfinders.models import (
    Action,
    Finding,
    Lesson,
    Milestone,
    Pathfinder,
    PriorityArea,
    Roadmap,
    Workshop,
)


def _record_again(record: Callable[[], Milestone], _milestone: Milestone) -> Milestone:
    """Correct a stage: record_stage adds and corrects a stage alike."""
    return record()


def load(report: LoadReport) -> None:
    """Write the pathfinder demo data; running it twice changes nothing."""
    rows = read("pathfinders")
    countries = {c.iso3: c for c in Country.objects.filter(iso3__in=[r["country"] for r in rows])}
    organisations = {o.slug: o for o in Organisation.objects.all()}
    themes = {t.slug: t for t in Theme.objects.all()}
    stages = read("pathfinder_stages")
    findings = read("pathfinder_findings")

    pathfinders: dict[str, Pathfinder] = {}
    for row in rows:
        iso3 = row["country"]
        own_stages = [s for s in stages if s["country"] == iso3]
        path = {s["stage"]: reported_date(s["date"]) for s in own_stages}
        services.check_path(path)  # the demo obeys the same rules as the site
        fields = {
            "lead_organisation": organisations.get(row["lead"]),
            **translated("summary", row["summary"]),
            **translated("ministries", row["ministries"]),
        }
        # The stage follows from the stages recorded below (record_stage).
        pathfinder, created, changed = write(
            Pathfinder,
            {"country": countries[iso3]},
            fields,
            create=partial(
                services.create_pathfinder, country=countries[iso3], acting_user=None, **fields
            ),
            correct=partial(services.update_pathfinder, acting_user=None),
        )
        participants = {"participants": [organisations[s] for s in row["participants"]]}
        if not related_as(pathfinder, participants):
            services.update_pathfinder(pathfinder, **participants, acting_user=None)
            changed = True
        cite_sources(pathfinder, row)
        report.count("pathfinder", created, changed)
        pathfinders[iso3] = pathfinder
        for s in own_stages:
            date = reported_date(s["date"])
            record = partial(
                services.record_stage,
                pathfinder,
                stage=s["stage"],
                date=date,
                evidence=s["evidence"],
                acting_user=None,
            )
            milestone, created, changed = write(
                Milestone,
                {"pathfinder": pathfinder, "stage": s["stage"]},
                {**date_values(date), **translated("evidence", s["evidence"])},
                create=record,
                correct=partial(_record_again, record),
            )
            cite_sources(milestone, s)
            report.count("pathfinder stage", created, changed)
        for f in (f for f in findings if f["country"] == iso3):
            finding, created, changed = upsert(
                Finding,
                {"pathfinder": pathfinder, "order": f["order"]},
                {
                    "kind": f["kind"],
                    **translated("heading", f["heading"]),
                    **translated("text", f["text"]),
                },
                save=services.save_finding,
            )
            wanted = {"themes": [themes[s] for s in f["themes"]]}
            if not related_as(finding, wanted):
                services.save_finding(finding, **wanted, acting_user=None)
                changed = True
            cite_sources(finding, f)
            report.count("pathfinder finding", created, changed)

    for row in read("workshops"):
        host_country = countries.get(row.get("host", ""))
        lookup: dict[str, Any] = (
            {"host_country": host_country}
            if host_country
            else {"host_organisation": organisations[row["org"]]}
        )
        workshop, created, changed = upsert(
            Workshop,
            lookup,
            {
                "pathfinder": pathfinders.get(row.get("host", "")),
                "region": row["region"],
                "status": row["status"],
                **date_values(reported_date(row["date"])),
                **translated("title", row.get("title") or {}),
                **translated("notes", row.get("notes") or {}),
            },
            save=services.save_workshop,
        )
        cite_sources(workshop, row)
        report.count("workshop", created, changed)

    priorities = read("roadmap_priorities")
    actions = read("roadmap_actions")
    for row in read("roadmaps"):
        pathfinder = pathfinders[row["country"]]
        values: dict[str, Any] = {
            "period_start": row["period"][0],
            "period_end": row["period"][1],
            "status": Roadmap.Status.ADOPTED,
            **date_values(reported_date(row["date"])),
            **translated("title", row["title"]),
            **translated("note", row["note"]),
        }
        roadmap_key = {"pathfinder": pathfinder, "title_en": values.pop("title_en")}
        roadmap, created, changed = upsert(
            Roadmap, roadmap_key, values, save=services.save_roadmap
        )
        cite_sources(roadmap, row)
        report.count("roadmap", created, changed)
        for p in (p for p in priorities if p["roadmap"] == row["slug"]):
            priority, created, changed = upsert(
                PriorityArea,
                {"roadmap": roadmap, "number": p["number"]},
                translated("title", p["title"]),
                save=services.save_priority_area,
            )
            cite_sources(priority, p)
            report.count("priority area", created, changed)
            for a in (a for a in actions if a["priority"] == p["slug"]):
                budget = a["budget"]
                action, created, changed = upsert(
                    Action,
                    {"priority": priority, "number": a["number"]},
                    {
                        "responsible": pathfinder.lead_organisation,
                        "status": a["status"],
                        "currency": budget["currency"],
                        "budget_needed": Decimal(budget["needed"]),
                        "budget_secured": Decimal(budget["secured"]),
                        "budget_illustrative": True,
                        **translated("title", a["title"]),
                    },
                    save=services.save_action,
                )
                partners = {"partners": [organisations[s] for s in a.get("partners", [])]}
                if not related_as(action, partners):
                    services.save_action(action, **partners, acting_user=None)
                    changed = True
                cite_sources(action, a)
                report.count("roadmap action", created, changed)

    for row in read("lessons"):
        lesson, created, changed = upsert(
            Lesson,
            {"order": row["order"]},
            {**translated("text", row["text"]), **translated("source", row["source"])},
            save=services.save_lesson,
        )
        cite_sources(lesson, row)
        report.count("lesson learned", created, changed)
