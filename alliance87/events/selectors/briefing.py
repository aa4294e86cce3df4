"""
The briefing pack: what a participant reads before a meeting.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from alliance87.events.models import AgendaItem, Decision, Event, Objective
from alliance87.events.selectors import base
from alliance87.events.selectors.detail import follow_up_items, previous_event
from alliance87.pathfinders.models import Pathfinder


def pathfinder_status(user: Any) -> list[dict[str, Any]]:
    """Return the pathfinder countries `user` may see and their stage."""
    return [
        {"name": str(p), "status": p.get_stage_display(), "url": p.get_absolute_url()}
        for p in Pathfinder.objects.visible_to(user).select_related("country")[:60]
    ]


def briefing_pack(user: Any, event: Event) -> dict[str, Any]:
    """Gather what a participant reads before the meeting."""
    now = base.today()
    previous = previous_event(user, event)
    previous_decisions = (
        list(Decision.objects.visible_to(user).filter(event=previous)) if previous else []
    )
    agenda = list(AgendaItem.objects.visible_to(user).filter(event=event))
    open_items = list(follow_up_items(user, event))
    base.label_action_items(open_items, base.PartyNames(open_items), now)
    return {
        "event": event,
        "objectives": list(Objective.objects.visible_to(user).filter(event=event)),
        "agenda": agenda,
        "previous": previous,
        "previous_decisions": previous_decisions,
        "open_items": open_items,
        "pathfinders": pathfinder_status(user),
        # The groups area adds its status here once it exists.
        "groups": None,
        "generated": timezone.now(),
    }
