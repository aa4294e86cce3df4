"""
Load the groups of the seed (see demo_data.py): the report of the 4th
meeting of the Global Coordinating Group (GCG), spring 2019.
"""

from __future__ import annotations

from typing import Any

from alliance87.core.dates import DatePrecision
from alliance87.core.models import Theme
from alliance87.demo.loading import LoadReport, related_as, translated, upsert
from alliance87.groups import services
from alliance87.groups.demo_data import (
    ACTIVITIES,
    AREAS,
    CHAIRS,
    GROUPS,
    MEMBERSHIPS,
    NEXT_STEPS,
    SEATS,
)
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
    for row in GROUPS:
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
        groups[group.slug] = group
        report.count("group", created, changed)

    for row in CHAIRS:
        _term, created, changed = upsert(
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
                "starts_on": row.get("starts_on"),
                "starts_precision": row.get("starts_precision", DatePrecision.DAY),
                "ends_on": row.get("ends_on"),
                "ends_precision": row.get("ends_precision", DatePrecision.DAY),
                "confirmed": row.get("confirmed", True),
                **translated("note", row.get("note") or {}),
            },
            save=services.save_chair_term,
        )
        report.count("chair term", created, changed)

    for row in MEMBERSHIPS:
        _m, created, changed = upsert(
            Membership,
            {"group": groups[row["group"]], "organisation": orgs[row["organisation"]]},
            {
                "role": row.get("role", MembershipRole.MEMBER),
                **translated("note", row.get("note") or {}),
            },
            save=services.save_membership,
        )
        report.count("membership", created, changed)

    gcg = groups["global-coordinating-group"]
    for row in SEATS:
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
        report.count("seat", created, changed)
        if row.get("holder"):
            _t, created, changed = upsert(
                SeatTerm,
                {"seat": seat, "organisation": orgs[row["holder"]]},
                translated("note", row.get("holder_note") or {}),
                save=services.save_seat_term,
            )
            report.count("seat term", created, changed)

    areas: dict[tuple[str, int], WorkplanArea] = {}
    for slug, rows in AREAS.items():
        for order, title in enumerate(rows, start=1):
            area, created, changed = upsert(
                WorkplanArea,
                {"group": groups[slug], "order": order},
                translated("title", title),
                save=services.save_workplan_area,
            )
            areas[(slug, order)] = area
            report.count("workplan area", created, changed)

    for row in ACTIVITIES:
        start, end, precision, tentative = row.get("date") or (None, None, "day", False)
        activity, created, changed = upsert(
            Activity,
            {"group": groups[row["group"]], "order": row["order"]},
            {
                "area": areas.get((row["group"], row.get("area", 0))),
                "status": row["status"],
                "date_start": start,
                "date_end": end,
                "date_precision": precision,
                "date_tentative": tentative,
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
        report.count("activity", created, changed)

    for slug, steps in NEXT_STEPS.items():
        for order, text in enumerate(steps, start=1):
            _s, created, changed = upsert(
                NextStep,
                {"group": groups[slug], "order": order},
                translated("text", text),
                save=services.save_next_step,
            )
            report.count("next step", created, changed)
