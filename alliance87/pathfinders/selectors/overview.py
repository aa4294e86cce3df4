"""
Reads of the pathfinder countries: the overview page, the country profile
section, single objects for the editing pages, and the exports.

Every read starts from `visible_to(user)` and preloads what the page shows,
so that the number of queries does not grow with the data.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from django.db.models import Count, Prefetch, Q, Sum
from django.http import Http404
from django.utils.translation import gettext as _

from alliance87.core import permissions
from alliance87.core.visibility import audience_for
from alliance87.countries.models import Country, Region
from alliance87.pathfinders.csvio import ACTION_COLUMNS, PROGRESS_COLUMNS, write_csv
from alliance87.pathfinders.models import (
    Action,
    Finding,
    FocalPoint,
    Lesson,
    Milestone,
    Pathfinder,
    PriorityArea,
    ProgressUpdate,
    Roadmap,
    Stage,
    Workshop,
    stage_rank,
)

MAP_FILE = Path(__file__).resolve().parent.parent / "data" / "world.json"

# The map's colour for each stage class (see hub.css, "Pathfinders").
STAGE_CLASS: dict[str, str] = {
    Stage.EXPRESSION_OF_INTEREST: "pf-s1",
    Stage.WORKSHOP_PLANNED: "pf-s2",
    Stage.WORKSHOP_HELD: "pf-s3",
    Stage.ROADMAP_ADOPTED: "pf-s4",
    Stage.STATUS_GRANTED: "pf-s5",
    Stage.IMPLEMENTATION: "pf-s6",
    Stage.MONITORING: "pf-s7",
}

COUNTRY_FIELDS = (
    "country__iso3",
    "country__name",
    "country__name_en",
    "country__name_fr",
    "country__name_es",
    "country__region",
)


@cache
def world_shapes() -> dict[str, Any]:
    """Return the map's frame and shapes (read once per process)."""
    return json.loads(MAP_FILE.read_text())


# --- The overview page ---------------------------------------------------


@dataclass
class FundingGap:
    country: Country
    currency: str
    needed: Decimal
    secured: Decimal
    illustrative: bool

    @property
    def gap(self) -> Decimal:
        return max(self.needed - self.secured, Decimal(0))


@dataclass
class Overview:
    pathfinders: list[Pathfinder]
    stage_counts: list[dict[str, Any]]
    map_shapes: list[dict[str, Any]]
    map_width: int
    map_height: int
    workshops_by_region: list[dict[str, Any]]
    actions_by_status: list[dict[str, Any]]
    funding_gaps: list[FundingGap]
    lessons: list[Lesson]
    total_actions: int = 0
    legend: list[dict[str, str]] = field(default_factory=list)


def list_pathfinders(user: Any) -> list[Pathfinder]:
    pathfinders = list(
        Pathfinder.objects.visible_to(user)
        .select_related("country")
        .only("stage", "visibility", *COUNTRY_FIELDS)
    )
    from alliance87.core.text import fold

    for p in pathfinders:
        p.stage_css = STAGE_CLASS[p.stage]
    return sorted(pathfinders, key=lambda p: fold(p.country.name))


def list_workshops(user: Any) -> Any:
    return (
        Workshop.objects.visible_to(user)
        .select_related("host_country", "host_organisation", "pathfinder")
        .order_by("date_start", "pk")
    )


def pathfinder_overview(user: Any) -> Overview:
    """Return what /pathfinders/ shows: a constant number of queries."""
    pathfinders = list_pathfinders(user)
    by_iso = {p.country.iso3: p for p in pathfinders}

    counts: dict[str, int] = defaultdict(int)
    for p in pathfinders:
        counts[p.stage] += 1
    stage_counts = [
        {"stage": value, "label": label, "count": counts.get(value, 0), "css": STAGE_CLASS[value]}
        for value, label in Stage.choices
    ]

    world = world_shapes()
    shapes = []
    for iso3, path in world["shapes"].items():
        pathfinder = by_iso.get(iso3)
        shapes.append(
            {
                "d": path,
                "pathfinder": pathfinder,
                "css": STAGE_CLASS[pathfinder.stage] if pathfinder else "",
            }
        )
    # Pathfinders last, so that their outline is drawn above the neighbours'.
    shapes.sort(key=lambda s: s["pathfinder"] is not None)

    workshops = list(list_workshops(user))
    regions = []
    for key, label in Region.choices:
        rows = [w for w in workshops if w.region == key]
        if rows:
            regions.append({"key": key, "label": label, "workshops": rows})

    actions = Action.objects.visible_to(user)
    status_rows = dict(actions.values_list("status").annotate(n=Count("pk")).order_by())
    actions_by_status = [
        {"status": value, "label": label, "count": status_rows.get(value, 0)}
        for value, label in Action.Status.choices
    ]
    gap_rows = (
        actions.exclude(budget_needed__isnull=True)
        .values("priority__roadmap__pathfinder__country_id", "currency")
        .annotate(
            needed=Sum("budget_needed"),
            secured=Sum("budget_secured"),
            # MAX() of a boolean is not portable (PostgreSQL has none).
            illustrative=Count("pk", filter=Q(budget_illustrative=True)),
        )
        .order_by()
    )
    countries = {p.country.pk: p.country for p in pathfinders}
    gaps = []
    for row in gap_rows:
        country = countries.get(row["priority__roadmap__pathfinder__country_id"])
        if country is None:  # a focal point's own, unlisted pathfinder
            continue
        gaps.append(
            FundingGap(
                country=country,
                currency=row["currency"],
                needed=row["needed"] or Decimal(0),
                secured=row["secured"] or Decimal(0),
                illustrative=bool(row["illustrative"]),
            )
        )
    gaps.sort(key=lambda g: (-g.gap, g.country.name))

    return Overview(
        pathfinders=pathfinders,
        stage_counts=stage_counts,
        map_shapes=shapes,
        map_width=world["width"],
        map_height=world["height"],
        workshops_by_region=regions,
        actions_by_status=actions_by_status,
        total_actions=sum(status_rows.values()),
        funding_gaps=gaps,
        lessons=list(Lesson.objects.visible_to(user)),
    )


# --- One pathfinder ------------------------------------------------------


def _priorities_prefetch(user: Any) -> Prefetch:
    updates = ProgressUpdate.objects.visible_to(user).order_by("-date", "-created")
    actions = (
        Action.objects.visible_to(user)
        .select_related("responsible")
        .prefetch_related(
            "partners", Prefetch("updates", queryset=updates, to_attr="visible_updates")
        )
    )
    priorities = PriorityArea.objects.visible_to(user).prefetch_related(
        Prefetch("actions", queryset=actions, to_attr="visible_actions")
    )
    return Prefetch("priorities", queryset=priorities, to_attr="visible_priorities")


def _roadmaps_prefetch(user: Any) -> Prefetch:
    return Prefetch(
        "roadmaps",
        queryset=Roadmap.objects.visible_to(user).prefetch_related(_priorities_prefetch(user)),
        to_attr="visible_roadmaps",
    )


def get_pathfinder_for_user(user: Any, iso3: str, *, full: bool = False) -> Pathfinder:
    """Return the pathfinder of `iso3`, or 404 alike when missing or hidden."""
    if len(iso3) != 3 or iso3 != iso3.lower():
        raise Http404("No such pathfinder.")
    qs = Pathfinder.objects.visible_to(user).select_related("country", "lead_organisation")
    if full:
        qs = qs.prefetch_related(
            Prefetch("milestones", queryset=Milestone.objects.order_by("date_start", "pk")),
            "participants",
            _roadmaps_prefetch(user),
            Prefetch(
                "findings",
                queryset=Finding.objects.visible_to(user).prefetch_related("themes"),
                to_attr="visible_findings",
            ),
            Prefetch(
                "workshops",
                queryset=Workshop.objects.visible_to(user).select_related("host_country"),
                to_attr="visible_workshops",
            ),
            Prefetch(
                "focal_points",
                queryset=FocalPoint.objects.current().select_related("person", "user"),
                to_attr="current_focal_points",
            ),
        )
    try:
        return qs.get(country__iso3=iso3.upper())
    except Pathfinder.DoesNotExist:
        raise Http404("No such pathfinder.") from None


def get_roadmap_for_user(user: Any, pathfinder: Pathfinder, pk: int) -> Roadmap:
    try:
        return (
            Roadmap.objects.visible_to(user)
            .prefetch_related(_priorities_prefetch(user))
            .get(pathfinder=pathfinder, pk=pk)
        )
    except Roadmap.DoesNotExist:
        raise Http404("No such roadmap.") from None


def get_action_for_user(user: Any, pathfinder: Pathfinder, pk: int) -> Action:
    try:
        return (
            Action.objects.visible_to(user)
            .select_related("priority__roadmap__pathfinder__country")
            .get(priority__roadmap__pathfinder=pathfinder, pk=pk)
        )
    except Action.DoesNotExist:
        raise Http404("No such action.") from None


def path_steps(pathfinder: Pathfinder) -> list[dict[str, Any]]:
    """Return every stage of the path, reached or not, in order."""
    reached = {m.stage: m for m in pathfinder.milestones.all()}
    furthest = stage_rank(pathfinder.stage)
    return [
        {
            "stage": value,
            "label": label,
            "milestone": reached.get(value),
            "css": STAGE_CLASS[value],
            # A stage before the furthest one that nobody recorded.
            "unrecorded": value not in reached and stage_rank(value) < furthest,
        }
        for value, label in Stage.choices
    ]


def findings_by_kind(findings: list[Finding]) -> dict[str, list[dict[str, Any]]]:
    """Group findings by kind, then by heading (in the order first met)."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for finding in findings:
        groups = grouped.setdefault(finding.kind, [])
        if not groups or groups[-1]["heading"] != finding.heading:
            groups.append({"heading": finding.heading, "items": []})
        groups[-1]["items"].append(finding)
    return grouped


def country_section(user: Any, country: Country) -> dict[str, Any] | None:
    """Return the country profile's pathfinder section, or None."""
    try:
        pathfinder = get_pathfinder_for_user(user, country.iso3.lower(), full=True)
    except Http404:
        return None
    findings = findings_by_kind(pathfinder.visible_findings)  # type: ignore[attr-defined]
    pathfinder.stage_css = STAGE_CLASS[pathfinder.stage]  # type: ignore[attr-defined]
    return {
        "pathfinder": pathfinder,
        "steps": path_steps(pathfinder),
        "roadmaps": pathfinder.visible_roadmaps,  # type: ignore[attr-defined]
        "priorities": findings.get(Finding.Kind.PRIORITY, []),
        "geographic": findings.get(Finding.Kind.GEOGRAPHIC_PRIORITY, []),
        "achievements": findings.get(Finding.Kind.ACHIEVEMENT, []),
        "challenges": findings.get(Finding.Kind.CHALLENGE, []),
        "next_steps": findings.get(Finding.Kind.NEXT_STEP, []),
        "workshops": pathfinder.visible_workshops,  # type: ignore[attr-defined]
        "focal_points": pathfinder.current_focal_points,  # type: ignore[attr-defined]
        # Contact details are for signed-in partners, never the public.
        "show_contacts": audience_for(user).is_partner,
        "can_edit": permissions.may(user, "edit", pathfinder),
    }


# --- Exports -------------------------------------------------------------


def actions_csv(user: Any, roadmap: Roadmap) -> str:
    """Return the roadmap's actions as CSV, as `user` may see them."""
    updates = ProgressUpdate.objects.visible_to(user).order_by("-date", "-created")
    actions = (
        Action.objects.visible_to(user)
        .filter(priority__roadmap=roadmap)
        .select_related("priority", "responsible")
        .prefetch_related(
            "partners", Prefetch("updates", queryset=updates, to_attr="visible_updates")
        )
        .order_by("priority__number", "number")
    )
    rows = []
    for a in actions:
        latest = a.visible_updates[0] if a.visible_updates else None
        rows.append(
            {
                "action_id": a.pk,
                "priority_area": f"{a.priority.number}. {a.priority.title}",
                "number": f"{a.priority.number}.{a.number}",
                "action": a.title,
                "responsible": str(a.responsible or ""),
                "partners": "; ".join(str(o) for o in a.partners.all()),
                "start": a.start.isoformat() if a.start else "",
                "end": a.end.isoformat() if a.end else "",
                "currency": a.currency,
                "budget_needed": a.budget_needed if a.budget_needed is not None else "",
                "budget_secured": a.budget_secured if a.budget_secured is not None else "",
                "budget_illustrative": _("yes") if a.budget_illustrative else "",
                "indicator": a.indicator,
                "status": a.status,
                "percent_done": a.percent_done if a.percent_done is not None else "",
                "last_update_date": latest.date.isoformat() if latest else "",
                "last_update": latest.text if latest else "",
                "new_progress_note": "",
            }
        )
    return write_csv(ACTION_COLUMNS, rows)


def progress_csv(user: Any, pathfinder: Pathfinder) -> str:
    """Return every progress update of the pathfinder `user` may see, as CSV."""
    updates = (
        ProgressUpdate.objects.visible_to(user)
        .filter(action__priority__roadmap__pathfinder=pathfinder)
        .select_related("action__priority__roadmap")
        .order_by("-date", "-created")
    )
    rows = [
        {
            "country": pathfinder.country.name,
            "roadmap": u.action.priority.roadmap.title,
            "priority_area": u.action.priority.title,
            "action_id": u.action_id,
            "action": u.action.title,
            "date": u.date.isoformat(),
            "progress": u.text,
            "evidence_url": u.evidence_url,
            "language": u.language,
        }
        for u in updates
    ]
    return write_csv(PROGRESS_COLUMNS, rows)
