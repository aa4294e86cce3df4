"""
Load the groups of the seed: the report of the 4th meeting of the Global
Coordinating Group (GCG), spring 2019. The data is in alliance87/demo/data/
(`groups`, `chair_terms`, `memberships`, `seats`, `workplan_areas`,
`activities`, `group_next_steps`), each record with its sources, written
here through the groups services and cited (docs/demo-data.md).

Only what the report says is reported: a membership row exists only where
the report ties an organisation to a group (a chair, a lead, a co-chair,
the research consortium of the group's report, the organisation whose
report the group supports), the tie inferred where the report names no
membership. No percentage of progress is given, since the report gives
none. The report describes no seat structure of the GCG: the demo holds
only the two seats it mentions (the third seat the Alliance reserved,
vacant, and UN Women's).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from alliance87.core.dates import DatePrecision
from alliance87.core.models import Theme
from alliance87.demo.data import read, reported_date
from alliance87.demo.loading import (
    LoadReport,
    cite_sources,
    date_values,
    related_as,
    translated,
    upsert,
)
from alliance87.groups import services
from alliance87.groups.models import (
    Activity,
    ChairTerm,
    Group,
    GroupStatus,
    Membership,
    MembershipRole,
    NextStep,
    Seat,
    SeatTerm,
    WorkplanArea,
)
from alliance87.partners.models import Organisation, Person


def load(report: LoadReport) -> None:
    """Write the groups of the seed; running it twice changes nothing."""
    orgs = {o.slug: o for o in Organisation.objects.all()}
    people = {p.slug: p for p in Person.objects.all()}
    themes = {t.slug: t for t in Theme.objects.all()}
    groups: dict[str, Group] = {}
    for row in read("groups"):
        values: dict[str, Any] = {
            "kind": row["kind"],
            "order": row["order"],
            "status": row.get("status", GroupStatus.ACTIVE),
            "parent": groups.get(row.get("parent", "")),
            "organisation": orgs.get(row.get("organisation", "")),
            **translated("name", row["name"]),
            **translated("short_name", row.get("short_name") or {}),
            **translated("summary", row["summary"]),
            **translated("mandate", row["mandate"]),
            **translated("status_note", row.get("status_note") or {}),
        }
        group, created, changed = upsert(
            Group, {"slug": row["slug"]}, values, save=services.save_group
        )
        wanted = {"themes": [themes[s] for s in row["themes"]]}
        if not related_as(group, wanted):
            services.save_group(group, **wanted, acting_user=None)
            changed = True
        cite_sources(group, row)
        groups[group.slug] = group
        report.count("group", created, changed)

    for row in read("chair_terms"):
        term, created, changed = upsert(
            ChairTerm,
            {
                "group": groups[row["group"]],
                "role": row["role"],
                "organisation": orgs[row["organisation"]],
            },
            {
                # A term without a named person keeps whoever was linked
                # since (the demo accounts represent some organisations).
                **({"person": people[row["person"]]} if row.get("person") else {}),
                "starts_on": _day(row.get("starts_on")),
                "starts_precision": row.get("starts_precision", DatePrecision.DAY),
                "ends_on": _day(row.get("ends_on")),
                "ends_precision": row.get("ends_precision", DatePrecision.DAY),
                "confirmed": row.get("confirmed", True),
                **translated("note", row.get("note") or {}),
            },
            save=services.save_chair_term,
        )
        cite_sources(term, row)
        report.count("chair term", created, changed)

    for row in read("memberships"):
        membership, created, changed = upsert(
            Membership,
            {"group": groups[row["group"]], "organisation": orgs[row["organisation"]]},
            {
                "role": row.get("role", MembershipRole.MEMBER),
                **translated("note", row.get("note") or {}),
            },
            save=services.save_membership,
        )
        cite_sources(membership, row)
        report.count("membership", created, changed)

    gcg = groups["global-coordinating-group"]
    for row in read("seats"):
        seat, created, changed = upsert(
            Seat,
            {"group": gcg, "order": row["order"]},
            {
                "constituency": row["constituency"],
                "region": row.get("region", ""),
                "open_for_nominations": row.get("open", False),
                **translated("label", row["label"]),
                **translated("note", row.get("note") or {}),
            },
            save=services.save_seat,
        )
        cite_sources(seat, row)
        report.count("seat", created, changed)
        if row.get("holder"):
            seat_term, created, changed = upsert(
                SeatTerm,
                {"seat": seat, "organisation": orgs[row["holder"]]},
                translated("note", row.get("holder_note") or {}),
                save=services.save_seat_term,
            )
            cite_sources(seat_term, {"sources": row["holder_sources"]})
            report.count("seat term", created, changed)

    areas: dict[tuple[str, int], WorkplanArea] = {}
    for row in read("workplan_areas"):
        area, created, changed = upsert(
            WorkplanArea,
            {"group": groups[row["group"]], "order": row["order"]},
            translated("title", row["title"]),
            save=services.save_workplan_area,
        )
        cite_sources(area, row)
        areas[(row["group"], row["order"])] = area
        report.count("workplan area", created, changed)

    for row in read("activities"):
        date = reported_date(row.get("date"))
        activity, created, changed = upsert(
            Activity,
            {"group": groups[row["group"]], "order": row["order"]},
            {
                "area": areas.get((row["group"], row.get("area", 0))),
                "status": row["status"],
                **date_values(date),
                **translated("title", row["title"]),
                **translated("description", row.get("description") or {}),
                **translated("next_steps", row.get("next_steps") or {}),
            },
            save=services.save_activity,
        )
        owners = {"owners": [orgs[s] for s in row["owners"]]}
        if not related_as(activity, owners):
            services.save_activity(activity, **owners, acting_user=None)
            changed = True
        cite_sources(activity, row)
        report.count("activity", created, changed)

    for row in read("group_next_steps"):
        step, created, changed = upsert(
            NextStep,
            {"group": groups[row["group"]], "order": row["order"]},
            translated("text", row["text"]),
            save=services.save_next_step,
        )
        cite_sources(step, row)
        report.count("next step", created, changed)


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None
