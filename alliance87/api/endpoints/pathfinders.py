"""Pathfinder countries: their path, roadmaps, actions and progress."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, Literal

from django.core.validators import URLValidator
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status

from alliance87.api.callers import caller
from alliance87.api.http import CURSOR_PATTERN, DEFAULT_LIMIT, MAX_LIMIT, cursor_page
from alliance87.api.schemas import ReportedDateOut, absolute, reported_date
from alliance87.core import permissions
from alliance87.pathfinders.models import Action, Pathfinder, ProgressUpdate, Stage
from alliance87.pathfinders.selectors import get_action_for_user, get_pathfinder_for_user
from alliance87.pathfinders.services import record_progress, save_action

router = Router(tags=["pathfinders"])

StageName = Literal[tuple(Stage.values)]  # type: ignore[valid-type]


class PathfinderOut(Schema):
    id: str  # the country's ISO 3166 alpha-3 code, lower case
    country: str
    stage: str
    url: str


class PathfinderList(Schema):
    items: list[PathfinderOut]
    next_cursor: str | None


class ProgressOut(Schema):
    id: int
    date: dt.date
    text: str
    evidence_url: str
    language: str


class ActionOut(Schema):
    id: int
    number: str  # "priority.action", as printed in the roadmap
    title: str
    responsible: str | None  # an organisation's slug
    partners: list[str]
    start: dt.date | None
    end: dt.date | None
    currency: str
    budget_needed: Decimal | None
    budget_secured: Decimal | None
    budget_illustrative: bool
    indicator: str
    status: str
    percent_done: int | None
    progress: list[ProgressOut]


class PriorityOut(Schema):
    id: int
    number: int
    title: str
    description: str
    actions: list[ActionOut]


class RoadmapOut(Schema):
    id: int
    title: str
    status: str
    period_start: int | None
    period_end: int | None
    adopted: ReportedDateOut
    document_url: str
    priorities: list[PriorityOut]


class PathfinderDetail(PathfinderOut):
    roadmaps: list[RoadmapOut]


def pathfinder_out(request: HttpRequest, p: Pathfinder) -> dict[str, Any]:
    return {
        "id": p.country.iso3.lower(),
        "country": p.country.name,
        "stage": p.stage,
        "url": absolute(request, p.country.get_absolute_url()),
    }


def action_out(priority_number: int, a: Action) -> ActionOut:
    return ActionOut(
        id=a.pk,
        number=f"{priority_number}.{a.number}",
        title=a.title,
        responsible=a.visible_responsible.slug if a.visible_responsible else None,
        partners=[o.slug for o in a.visible_partners],  # type: ignore[attr-defined]
        start=a.start,
        end=a.end,
        currency=a.currency,
        budget_needed=a.budget_needed,
        budget_secured=a.budget_secured,
        budget_illustrative=a.budget_illustrative,
        indicator=a.indicator,
        status=a.status,
        percent_done=a.percent_done,
        progress=[progress_out(u) for u in a.visible_updates],  # type: ignore[attr-defined]
    )


def progress_out(u: ProgressUpdate) -> ProgressOut:
    return ProgressOut(
        id=u.pk, date=u.date, text=u.text, evidence_url=u.evidence_url, language=u.language
    )


@router.get("/pathfinders", response=PathfinderList, summary="List pathfinder countries")
def list_pathfinders(
    request: HttpRequest,
    stage: StageName | None = None,  # type: ignore[valid-type]
    cursor: str | None = Query(None, pattern=CURSOR_PATTERN),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
) -> PathfinderList:
    """The pathfinder countries, as on /pathfinders/, by stage."""
    qs = Pathfinder.objects.visible_to(caller(request)).select_related("country")
    if stage:
        qs = qs.filter(stage=stage)
    rows, after = cursor_page(qs, cursor, limit)
    return PathfinderList(
        items=[PathfinderOut(**pathfinder_out(request, p)) for p in rows], next_cursor=after
    )


@router.get(
    "/pathfinders/{iso3}",
    response=PathfinderDetail,
    summary="One pathfinder, with its roadmaps, actions and progress",
)
def get_pathfinder(request: HttpRequest, iso3: str) -> PathfinderDetail:
    """The pathfinder as the country page shows it: every roadmap, its
    priority areas, their actions and each action's progress updates."""
    p = get_pathfinder_for_user(caller(request), iso3, full=True)
    return PathfinderDetail(
        **pathfinder_out(request, p),
        roadmaps=[
            RoadmapOut(
                id=r.pk,
                title=r.title,
                status=r.status,
                period_start=r.period_start,
                period_end=r.period_end,
                adopted=reported_date(r),
                document_url=r.document_url,
                priorities=[
                    PriorityOut(
                        id=pa.pk,
                        number=pa.number,
                        title=pa.title,
                        description=pa.description,
                        actions=[action_out(pa.number, a) for a in pa.visible_actions],
                    )
                    for pa in r.visible_priorities
                ],
            )
            for r in p.visible_roadmaps  # type: ignore[attr-defined]
        ],
    )


# Writes: what a focal point does on the pathfinder's editing pages ---------

ActionStatusName = Literal[tuple(Action.Status.values)]  # type: ignore[valid-type]


class ProgressIn(Schema):
    date: dt.date
    text: str = Field(min_length=1, max_length=5000)
    evidence_url: str = Field("", max_length=500)
    status: ActionStatusName | None = None  # type: ignore[valid-type]
    percent_done: int | None = Field(None, ge=0, le=100)


class ActionIn(Schema):
    status: ActionStatusName | None = None  # type: ignore[valid-type]
    percent_done: int | None = Field(None, ge=0, le=100)


class ActionStateOut(Schema):
    id: int
    status: str
    percent_done: int | None


def _editable_action(request: HttpRequest, iso3: str, action_id: int) -> Action:
    """Return the action if the caller may edit it (404 alike otherwise),
    as the editing pages do."""
    user = caller(request)
    pathfinder = get_pathfinder_for_user(user, iso3)
    action = get_action_for_user(user, pathfinder, action_id)
    permissions.require(user, "edit", action)
    return action


@router.post(
    "/pathfinders/{iso3}/actions/{action_id}/progress",
    response={201: ProgressOut},
    summary="Post a progress update on a roadmap action",
)
def post_progress(request: HttpRequest, iso3: str, action_id: int, body: ProgressIn) -> Status:
    """For the country's focal point (and the Secretariat), with a token
    that may write; the action's status and percentage may move with it.
    Send an Idempotency-Key so that a retry posts once."""
    action = _editable_action(request, iso3, action_id)
    if body.evidence_url:
        URLValidator(schemes=["http", "https"])(body.evidence_url)
    update = record_progress(
        action,
        date=body.date,
        text=body.text,
        evidence_url=body.evidence_url,
        status=body.status,
        percent_done=body.percent_done,
        acting_user=caller(request),
    )
    return Status(201, progress_out(update))


@router.patch(
    "/pathfinders/{iso3}/actions/{action_id}",
    response=ActionStateOut,
    summary="Update a roadmap action's status",
)
def update_action(
    request: HttpRequest, iso3: str, action_id: int, body: ActionIn
) -> ActionStateOut:
    action = _editable_action(request, iso3, action_id)
    if body.status is not None:
        action.status = body.status
    if body.percent_done is not None:
        action.percent_done = body.percent_done
    save_action(action, acting_user=caller(request))
    return ActionStateOut(id=action.pk, status=action.status, percent_done=action.percent_done)
