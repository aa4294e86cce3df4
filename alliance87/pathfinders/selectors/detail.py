"""
One pathfinder: its page, the country profile's pathfinder section, and
the roadmaps and actions its editing pages work on.
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404

from alliance87.core import permissions, provenance
from alliance87.core.text import parse_id
from alliance87.core.visibility import audience_for
from alliance87.countries.models import Country
from alliance87.partners.models import Organisation
from alliance87.partners.selectors import visible_organisation_flag
from alliance87.pathfinders.models import (
    Action,
    Finding,
    FocalPoint,
    Milestone,
    Pathfinder,
    PriorityArea,
    ProgressUpdate,
    Roadmap,
    Stage,
    Workshop,
    stage_rank,
)
from alliance87.pathfinders.selectors.overview import STAGE_CLASS

# The actions of a roadmap shown on the country profile: a roadmap of 200
# actions is summarised there (its first actions, in order, then each
# priority area's count with a link), the printable roadmap lists them
# all (issue 16).
ACTIONS_ON_PROFILE = 10


def actions_visible_to(user: Any) -> Any:
    """Return the actions `user` may see, with what each shows of its
    organisations as `user` may see them: `visible_responsible` (through
    `responsible_seen`, asked on the action's own join to it) and
    `visible_partners`; and its `visible_updates`, latest first. Pages,
    exports and the API name an action's organisations only through them."""
    updates = ProgressUpdate.objects.visible_to(user).order_by("-date", "-created")
    return (
        Action.objects.visible_to(user)
        .select_related("responsible")
        .annotate(responsible_seen=visible_organisation_flag(user, "responsible"))
        .prefetch_related(
            Prefetch(
                "partners",
                queryset=Organisation.objects.visible_to(user),
                to_attr="visible_partners",
            ),
            Prefetch("updates", queryset=updates, to_attr="visible_updates"),
        )
    )


def _priorities_prefetch(user: Any, actions_shown: int | None = None) -> Prefetch:
    """The priority areas `user` may see with their actions, all of them
    or the first `actions_shown` of each (then each area's
    `action_count` says how many `user` may see in all)."""
    actions = actions_visible_to(user)
    priorities = PriorityArea.objects.visible_to(user)
    if actions_shown is not None:
        actions = actions.order_by("number", "pk")[:actions_shown]
        counted = (
            Action.objects.visible_to(user)
            .filter(priority=OuterRef("pk"))
            .order_by()
            .values("priority")
            .annotate(n=Count("pk"))
            .values("n")
        )
        priorities = priorities.annotate(
            action_count=Coalesce(Subquery(counted, output_field=IntegerField()), 0)
        )
    priorities = priorities.prefetch_related(
        Prefetch("actions", queryset=actions, to_attr="visible_actions")
    )
    return Prefetch("priorities", queryset=priorities, to_attr="visible_priorities")


def _roadmaps_prefetch(user: Any, actions_shown: int | None = None) -> Prefetch:
    return Prefetch(
        "roadmaps",
        queryset=Roadmap.objects.visible_to(user).prefetch_related(
            _priorities_prefetch(user, actions_shown)
        ),
        to_attr="visible_roadmaps",
    )


def get_pathfinder_for_user(
    user: Any, iso3: str, *, full: bool = False, actions_shown: int | None = None
) -> Pathfinder:
    """Return the pathfinder of `iso3`, or 404 alike when missing or hidden,
    with its `visible_lead` (its lead organisation when `user` may see it,
    else None); `full`, with its content (`actions_shown`: the first few
    actions of each priority area, not all of them) and the participating
    organisations `user` may see (`visible_participants`)."""
    if len(iso3) != 3 or iso3 != iso3.lower():
        raise Http404("No such pathfinder.")
    qs = (
        Pathfinder.objects.visible_to(user)
        .select_related("country", "lead_organisation")
        .annotate(lead_seen=visible_organisation_flag(user, "lead_organisation"))
    )
    if full:
        qs = qs.prefetch_related(
            Prefetch("milestones", queryset=Milestone.objects.order_by("date_start", "pk")),
            Prefetch(
                "participants",
                queryset=Organisation.objects.visible_to(user),
                to_attr="visible_participants",
            ),
            _roadmaps_prefetch(user, actions_shown),
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
        pathfinder = qs.get(country__iso3=iso3.upper())
    except Pathfinder.DoesNotExist:
        raise Http404("No such pathfinder.") from None
    seen = pathfinder.lead_organisation_id is not None and pathfinder.lead_seen
    pathfinder.visible_lead = pathfinder.lead_organisation if seen else None
    return pathfinder


def get_roadmap_for_user(user: Any, pathfinder: Pathfinder, pk: int) -> Roadmap:
    try:
        return (
            Roadmap.objects.visible_to(user)
            .prefetch_related(_priorities_prefetch(user))
            .get(pathfinder=pathfinder, pk=pk)
        )
    except Roadmap.DoesNotExist:
        raise Http404("No such roadmap.") from None


# Actions on one page of the printable roadmap.
PRINT_PAGE_SIZE = 20


def roadmap_page(
    user: Any, pathfinder: Pathfinder, pk: int, page_number: Any = 1, *, action: Any = None
) -> Page:
    """Return one page of the actions of roadmap `pk` of `pathfinder` that
    `user` may see, in the roadmap's order (priority area, then number),
    for the printable roadmap; `page.roadmap` is the roadmap, its
    `visible_priorities` every priority area `user` may see, each with
    `visible_actions` (those on the page), `action_count` (all of them)
    and `shown` (whether the page shows it: it holds some of its actions,
    or the area has none and the page is the first). 404 alike when the
    roadmap is missing or hidden. Given `action` (an id) and no
    `page_number`, the page is the one that holds that action (a link to
    an action, e.g. a card in the community, lands on its row)."""
    try:
        roadmap = Roadmap.objects.visible_to(user).get(pathfinder=pathfinder, pk=pk)
    except Roadmap.DoesNotExist:
        raise Http404("No such roadmap.") from None
    priorities = list(
        PriorityArea.objects.visible_to(user).filter(roadmap=roadmap).order_by("number", "pk")
    )
    counts = dict(
        Action.objects.visible_to(user)
        .filter(priority__roadmap=roadmap)
        .order_by()
        .values_list("priority")
        .annotate(n=Count("pk"))
    )
    actions = (
        actions_visible_to(user)
        .filter(priority__in=[p.pk for p in priorities])
        .order_by("priority__number", "priority", "number", "pk")
    )
    wanted = parse_id(action) if action is not None else None
    if page_number is None and wanted is not None:
        # The ids in the page's order: a roadmap holds hundreds at most.
        order = list(actions.values_list("pk", flat=True))
        page_number = order.index(wanted) // PRINT_PAGE_SIZE + 1 if wanted in order else 1
    page = Paginator(actions, PRINT_PAGE_SIZE).get_page(page_number)
    page.object_list = list(page.object_list)
    for priority in priorities:
        priority.action_count = counts.get(priority.pk, 0)
        priority.visible_actions = [a for a in page.object_list if a.priority_id == priority.pk]
        priority.shown = bool(priority.visible_actions) or (
            priority.action_count == 0 and page.number == 1
        )
    roadmap.visible_priorities = priorities
    page.roadmap = roadmap  # type: ignore[attr-defined]
    return page


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


def _first_actions(priorities: list[PriorityArea], limit: int) -> None:
    """Keep the first `limit` actions of a roadmap, in its order, in its
    priority areas' `visible_actions` (each area read with its first
    `limit` at most)."""
    for priority in priorities:
        kept = priority.visible_actions[:limit]  # type: ignore[attr-defined]
        priority.visible_actions = kept  # type: ignore[attr-defined]
        limit -= len(kept)


def country_section(user: Any, country: Country) -> dict[str, Any] | None:
    """Return the country profile's pathfinder section, or None."""
    try:
        pathfinder = get_pathfinder_for_user(
            user, country.iso3.lower(), full=True, actions_shown=ACTIONS_ON_PROFILE
        )
    except Http404:
        return None
    findings = findings_by_kind(pathfinder.visible_findings)  # type: ignore[attr-defined]
    # Where the pathfinder and each of its stages, findings, roadmaps (with
    # their priority areas and actions) and workshops comes from, in one query.
    roadmaps = pathfinder.visible_roadmaps  # type: ignore[attr-defined]
    for roadmap in roadmaps:
        _first_actions(roadmap.visible_priorities, ACTIONS_ON_PROFILE)
    provenance.attach_sources(
        user,
        [
            pathfinder,
            *pathfinder.milestones.all(),
            *pathfinder.visible_findings,  # type: ignore[attr-defined]
            *roadmaps,
            *(p for r in roadmaps for p in r.visible_priorities),
            *(a for r in roadmaps for p in r.visible_priorities for a in p.visible_actions),
            *pathfinder.visible_workshops,  # type: ignore[attr-defined]
        ],
    )
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
