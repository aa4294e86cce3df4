"""Test data for the pathfinder tests, built through the services."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from alliance87.core.dates import ReportedDate
from alliance87.countries.models import Country
from alliance87.pathfinders import services
from alliance87.pathfinders.models import Action, Pathfinder, PriorityArea, Roadmap, Stage


def make_pathfinder(iso3: str, *, held: dt.date | None = dt.date(2019, 3, 28)) -> Pathfinder:
    country = Country.objects.get(iso3=iso3)
    pathfinder = Pathfinder.objects.filter(country=country).first() or services.create_pathfinder(
        country=country, acting_user=None
    )
    if held:
        services.record_stage(
            pathfinder, stage=Stage.WORKSHOP_HELD, date=ReportedDate(held), acting_user=None
        )
    return pathfinder


def make_roadmap(
    pathfinder: Pathfinder,
    *,
    status: str = Roadmap.Status.ADOPTED,
    actions: int = 2,
    title: str = "Roadmap",
) -> Roadmap:
    roadmap = Roadmap(pathfinder=pathfinder, title=title, period_start=2019, period_end=2021)
    if status == Roadmap.Status.ADOPTED:
        services.adopt_roadmap(roadmap, date=ReportedDate(dt.date(2019, 3, 28)), acting_user=None)
    else:
        services.save_roadmap(roadmap, acting_user=None)
    priority = services.save_priority_area(
        PriorityArea(roadmap=roadmap, number=1, title="Prevention"), acting_user=None
    )
    for n in range(1, actions + 1):
        services.save_action(
            Action(
                priority=priority,
                number=n,
                title=f"Action {n}",
                currency="USD",
                budget_needed=Decimal(1000 * n),
                budget_secured=Decimal(400 * n),
            ),
            acting_user=None,
        )
    return roadmap


def actions_of(roadmap: Roadmap) -> list[Action]:
    return list(Action.objects.filter(priority__roadmap=roadmap).order_by("number"))


def snapshot(roadmap: Roadmap) -> list[tuple[Any, ...]]:
    """Return what a bulk upload may change, to compare before and after."""
    return [(a.pk, a.status, a.percent_done, a.updates.count()) for a in actions_of(roadmap)]
