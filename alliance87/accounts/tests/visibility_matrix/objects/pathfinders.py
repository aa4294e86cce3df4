"""The matrix pathfinders, roadmaps, workshops, findings and lessons."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from alliance87.accounts.tests.visibility_matrix.objects.base import Scene, country
from alliance87.accounts.tests.visibility_matrix.ways import (
    HOST_COUNTRY,
    PATHFINDER_COUNTRIES,
    Item,
)
from alliance87.core.dates import ReportedDate
from alliance87.data.models import GovernmentReply
from alliance87.pathfinders import services as pathfinders
from alliance87.pathfinders.models import (
    Action,
    Finding,
    Lesson,
    Pathfinder,
    PriorityArea,
    Roadmap,
    Workshop,
)


def build(scene: Scene, n: int, item: Item) -> Any:
    """Build the object of `item` if this module builds its kind
    (objects.make_object); return None otherwise."""
    m, level = item.marker, item.level
    obj: Any
    if item.kind == "pathfinder":
        obj = Pathfinder.objects.get(country=country(PATHFINDER_COUNTRIES[level]))
        obj.summary = m
        obj.visibility = level
        obj = pathfinders.update_pathfinder(obj, acting_user=scene.secretariat)
    elif item.kind == "roadmap":
        roadmap = Roadmap(
            pathfinder=scene.host_pathfinder,
            title=m,
            period_start=2019,
            period_end=2021,
            visibility=level,
        )
        if item.status == "adopted":
            pathfinders.adopt_roadmap(
                roadmap, date=ReportedDate(dt.date(2019, 3, 28)), acting_user=scene.secretariat
            )
        else:
            pathfinders.save_roadmap(roadmap, acting_user=scene.secretariat)
        priority = pathfinders.save_priority_area(
            PriorityArea(roadmap=roadmap, number=1, title="Prevention"),
            acting_user=scene.secretariat,
        )
        action = pathfinders.save_action(
            Action(
                priority=priority,
                number=1,
                title=m,
                currency="USD",
                budget_needed=Decimal(1000),
                budget_secured=Decimal(400),
            ),
            acting_user=scene.secretariat,
        )
        pathfinders.record_progress(
            action, date=dt.date(2020, 1, 1), text=m, acting_user=scene.secretariat
        )
        obj = roadmap
    elif item.kind == "workshop":
        workshop = Workshop(
            pathfinder=scene.host_pathfinder,
            host_country=country(HOST_COUNTRY),
            region=country(HOST_COUNTRY).region,
            title=m,
            visibility=level,
        )
        date = ReportedDate(dt.date(2019, 6, 1 + n % 28))
        workshop.date_start, workshop.date_end = date.start, date.end
        workshop.date_precision = date.precision
        obj = pathfinders.save_workshop(workshop, acting_user=scene.secretariat)
    elif item.kind == "regionalworkshop":
        workshop = Workshop(
            host_organisation=scene.regional_body,
            region=country(HOST_COUNTRY).region,
            title=m,
            visibility=level,
        )
        date = ReportedDate(dt.date(2019, 7, 1 + n % 28))
        workshop.date_start, workshop.date_end = date.start, date.end
        workshop.date_precision = date.precision
        obj = pathfinders.save_workshop(workshop, acting_user=scene.secretariat)
    elif item.kind == "finding":
        obj = pathfinders.save_finding(
            Finding(
                pathfinder=scene.host_pathfinder,
                kind=Finding.Kind.ACHIEVEMENT,
                text=m,
                visibility=level,
            ),
            acting_user=scene.secretariat,
        )
    elif item.kind == "govreply":
        # Submitted by the host country's focal point; published or not.
        obj = GovernmentReply.objects.create(
            country=country(HOST_COUNTRY),
            text=m,
            status=item.status,
            submitted_by=scene.host_focal,
        )
    elif item.kind == "lesson":
        obj = Lesson.objects.create(text=m, text_en=m, visibility=level)
    else:
        return None
    return obj
