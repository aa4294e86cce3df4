"""
The CSV exports of a roadmap's actions and of a pathfinder's progress.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from alliance87.pathfinders.csvio import ACTION_COLUMNS, PROGRESS_COLUMNS, write_csv
from alliance87.pathfinders.models import Pathfinder, ProgressUpdate, Roadmap
from alliance87.pathfinders.selectors.detail import actions_visible_to


def action_rows(user: Any, roadmap: Roadmap) -> list[dict[str, Any]]:
    """Return the roadmap's actions as `user` may see them, one row each,
    in the CSV's columns (csvio.ACTION_COLUMNS): what the open data's
    downloads of a roadmap's actions hold (api.opendata)."""
    actions = (
        actions_visible_to(user)
        .filter(priority__roadmap=roadmap)
        .select_related("priority")
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
                "responsible": str(a.visible_responsible or ""),
                "partners": "; ".join(str(o) for o in a.visible_partners),
                "start": a.start.isoformat() if a.start else "",
                "end": a.end.isoformat() if a.end else "",
                "currency": a.currency,
                # Decimals as text: exact, in every format.
                "budget_needed": str(a.budget_needed) if a.budget_needed is not None else "",
                "budget_secured": str(a.budget_secured) if a.budget_secured is not None else "",
                "budget_illustrative": _("yes") if a.budget_illustrative else "",
                "indicator": a.indicator,
                "status": a.status,
                "percent_done": a.percent_done if a.percent_done is not None else "",
                "last_update_date": latest.date.isoformat() if latest else "",
                "last_update": latest.text if latest else "",
                "new_progress_note": "",
            }
        )
    return rows


def actions_csv(user: Any, roadmap: Roadmap) -> str:
    """Return the roadmap's actions as CSV, as `user` may see them."""
    return write_csv(ACTION_COLUMNS, action_rows(user, roadmap))


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
