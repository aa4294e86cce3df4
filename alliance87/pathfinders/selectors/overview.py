"""
The overview page of the pathfinder countries: the map, the stages, the
workshops by region, the actions and the funding gaps.

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

from django.db.models import Count, Q, Sum

from alliance87.countries.models import Country, Region
from alliance87.partners.selectors import visible_organisation_flag
from alliance87.pathfinders.models import Action, Lesson, Pathfinder, Stage, Workshop

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


def workshops_visible_to(user: Any) -> Any:
    """Return the workshops `user` may see, each marked with whether `user`
    may see its host organisation (`host_seen`, asked on the row's own
    join to it); `name_hosts` turns the mark into what pages show."""
    return (
        Workshop.objects.visible_to(user)
        .select_related("host_country", "host_organisation")
        .annotate(host_seen=visible_organisation_flag(user, "host_organisation"))
    )


def name_hosts(workshops: list[Workshop]) -> list[Workshop]:
    """Set each workshop's `visible_host_organisation` (its host
    organisation when the reader may see it, else None) and
    `visible_host_name` (the host country's name, or that organisation's,
    or ""). Pages and lists name the host through them, never through
    `host_organisation` or `host_name`."""
    for w in workshops:
        seen = w.host_organisation_id is not None and w.host_seen  # type: ignore[attr-defined]
        organisation = w.host_organisation if seen else None
        w.visible_host_organisation = organisation  # type: ignore[attr-defined]
        name = w.host_country.name if w.host_country_id and w.host_country else ""
        w.visible_host_name = name or (organisation.name if organisation else "")  # type: ignore[attr-defined]
    return workshops


def list_workshops(user: Any) -> list[Workshop]:
    return name_hosts(
        list(workshops_visible_to(user).select_related("pathfinder").order_by("date_start", "pk"))
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
