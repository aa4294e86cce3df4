"""
The open data of two tables of figures that are not a list page's rows:
the engagement figures (/groups/engagement/) and a roadmap's actions (its
country's page), each read through its area's own selector, as the person
asking may see them, at the addresses their CSV always had.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from alliance87.api.opendata.base import Column, OpenList
from alliance87.groups.analytics import engagement, engagement_rows
from alliance87.pathfinders.csvio import ACTION_COLUMNS
from alliance87.pathfinders.selectors import (
    action_rows,
    get_pathfinder_for_user,
    get_roadmap_for_user,
)


def key(name: str, kind: str, description: str) -> Column:
    """A column read from rows given as dicts, under its own name."""
    return Column(name, kind, description, lambda request, row: row[name])


def _engagement(request: HttpRequest) -> list[dict[str, Any]]:
    return engagement_rows(engagement(request.user))


ENGAGEMENT = OpenList(
    "engagement",
    "Engagement by stakeholder type",
    (
        key("scope", "string", "group (a group's current members) or events (a year's events)"),
        key("group", "string", "The group's id (slug), for a group's row"),
        key("period", "string", "The events' year, for an events row"),
        key("name", "string", "The group's name (in the language of the address) or the year"),
        key("stakeholder_type", "string", "The organisations' kind of stakeholder"),
        key("stakeholder_type_name", "string", "The same, in the language of the address"),
        key(
            "organisations",
            "integer",
            "The organisations counted; empty when the small-number rule hides it",
        ),
    ),
    _engagement,
    path="groups/engagement",
    filename=lambda request: f"alliance87-engagement-{timezone.localdate().isoformat()}",
)


def _roadmap_actions(request: HttpRequest, *, iso3: str, pk: int) -> list[dict[str, Any]]:
    pathfinder = get_pathfinder_for_user(request.user, iso3)
    return action_rows(request.user, get_roadmap_for_user(request.user, pathfinder, pk))


ACTION_DESCRIPTIONS = {
    "action_id": ("integer", "The action's stable id"),
    "priority_area": ("string", "Its priority area: number and title"),
    "number": ("string", "Its number in the roadmap (priority area.action)"),
    "action": ("string", "The action, in the language of the address"),
    "responsible": ("string", "The organisation responsible, if the reader may see it"),
    "partners": ("string", "Its partner organisations the reader may see, separated by '; '"),
    "start": ("string", "When it starts (ISO 8601)"),
    "end": ("string", "When it ends (ISO 8601)"),
    "currency": ("string", "The currency of its budget (ISO 4217)"),
    "budget_needed": ("number", "The budget it needs"),
    "budget_secured": ("number", "The budget secured"),
    "budget_illustrative": ("string", "Not empty when the budget is illustrative"),
    "indicator": ("string", "How its progress is measured"),
    "status": ("string", "Its status (planned, in progress, done...)"),
    "percent_done": ("integer", "How much of it is done, in per cent"),
    "last_update_date": ("string", "The date of its latest progress update (ISO 8601)"),
    "last_update": ("string", "Its latest progress update"),
    "new_progress_note": ("string", "Empty: a progress note to upload with the file"),
}

ROADMAP_ACTIONS = OpenList(
    "roadmap-actions",
    "A roadmap's actions",
    tuple(key(name, *ACTION_DESCRIPTIONS[name]) for name in ACTION_COLUMNS),
    _roadmap_actions,
    path="pathfinders/<str:iso3>/roadmaps/<int:pk>/actions",
    filename=lambda request, *, iso3, pk: f"{iso3}-roadmap-{pk}-actions",
    # Made to be edited in a spreadsheet and uploaded again: the mark makes
    # spreadsheets read it as UTF-8.
    bom=True,
)
