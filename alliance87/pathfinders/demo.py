"""
Load the pathfinder countries of the seed (see demo_data.py): the meeting
report of the 4th Global Coordinating Group meeting (seed 004).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import partial
from typing import Any

from alliance87.core.dates import ReportedDate
from alliance87.core.models import Theme
from alliance87.countries.models import Country
from alliance87.demo.loading import LoadReport, related_as, translated, upsert, write
from alliance87.partners.models import Organisation
from alliance87.pathfinders import services
from alliance87.pathfinders.demo_data import LESSONS, PATHFINDERS, REPORT, ROADMAPS, WORKSHOPS
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


def date_values(date: ReportedDate | None) -> dict[str, Any]:
    if date is None:
        return {
            "date_start": None,
            "date_end": None,
            "date_precision": "day",
            "date_tentative": False,
        }
    return {
        "date_start": date.start,
        "date_end": date.end,
        "date_precision": date.precision,
        "date_tentative": date.tentative,
    }


def _record_again(record: Callable[[], Milestone], _milestone: Milestone) -> Milestone:
    """Correct a stage: record_stage adds and corrects a stage alike."""
    return record()


def load(report: LoadReport) -> None:
    """Write the pathfinder demo data; running it twice changes nothing."""
    countries = {c.iso3: c for c in Country.objects.filter(iso3__in=list(PATHFINDERS))}
    organisations = {o.slug: o for o in Organisation.objects.all()}
    themes = {t.slug: t for t in Theme.objects.all()}

    pathfinders: dict[str, Pathfinder] = {}
    for iso3, row in PATHFINDERS.items():
        path = {stage: date for stage, date, _evidence in row["stages"]}
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
        report.count("pathfinder", created, changed)
        pathfinders[iso3] = pathfinder
        for stage, date, evidence in row["stages"]:
            record = partial(
                services.record_stage,
                pathfinder,
                stage=stage,
                date=date,
                evidence=evidence,
                acting_user=None,
            )
            _m, created, changed = write(
                Milestone,
                {"pathfinder": pathfinder, "stage": stage},
                {**date_values(date), **translated("evidence", evidence)},
                create=record,
                correct=partial(_record_again, record),
            )
            report.count("pathfinder stage", created, changed)
        for order, (kind, heading, text, theme_slugs) in enumerate(row["findings"]):
            finding, created, changed = upsert(
                Finding,
                {"pathfinder": pathfinder, "order": order},
                {"kind": kind, **translated("heading", heading), **translated("text", text)},
                save=services.save_finding,
            )
            wanted = {"themes": [themes[s] for s in theme_slugs]}
            if not related_as(finding, wanted):
                services.save_finding(finding, **wanted, acting_user=None)
                changed = True
            report.count("pathfinder finding", created, changed)

    for row in WORKSHOPS:
        host_country = countries.get(row.get("host", ""))
        lookup: dict[str, Any] = (
            {"host_country": host_country}
            if host_country
            else {"host_organisation": organisations[row["org"]]}
        )
        _w, created, changed = upsert(
            Workshop,
            lookup,
            {
                "pathfinder": pathfinders.get(row.get("host", "")),
                "region": row["region"],
                "status": row["status"],
                **date_values(row["date"]),
                **translated("title", row.get("title") or {}),
                **translated("notes", row.get("notes") or {}),
            },
            save=services.save_workshop,
        )
        report.count("workshop", created, changed)

    for row in ROADMAPS:
        pathfinder = pathfinders[row["country"]]
        values: dict[str, Any] = {
            "period_start": row["period"][0],
            "period_end": row["period"][1],
            "status": Roadmap.Status.ADOPTED,
            **date_values(row["date"]),
            **translated("title", row["title"]),
            **translated("note", row["note"]),
        }
        roadmap_key = {"pathfinder": pathfinder, "title_en": values.pop("title_en")}
        roadmap, created, changed = upsert(
            Roadmap, roadmap_key, values, save=services.save_roadmap
        )
        report.count("roadmap", created, changed)
        for number, (title, actions) in enumerate(row["priorities"], start=1):
            priority, created, changed = upsert(
                PriorityArea,
                {"roadmap": roadmap, "number": number},
                translated("title", title),
                save=services.save_priority_area,
            )
            report.count("priority area", created, changed)
            for action_number, a in enumerate(actions, start=1):
                currency, needed, secured = a["budget"]
                action, created, changed = upsert(
                    Action,
                    {"priority": priority, "number": action_number},
                    {
                        "responsible": pathfinder.lead_organisation,
                        "status": a.get("status", Action.Status.PLANNED),
                        "currency": currency,
                        "budget_needed": Decimal(needed),
                        "budget_secured": Decimal(secured),
                        "budget_illustrative": True,
                        **translated("title", a["title"]),
                    },
                    save=services.save_action,
                )
                partners = {"partners": [organisations[s] for s in a.get("partners", [])]}
                if not related_as(action, partners):
                    services.save_action(action, **partners, acting_user=None)
                    changed = True
                report.count("roadmap action", created, changed)

    for order, text in enumerate(LESSONS):
        _l, created, changed = upsert(
            Lesson,
            {"order": order},
            {**translated("text", text), **translated("source", REPORT)},
            save=services.save_lesson,
        )
        report.count("lesson learned", created, changed)
