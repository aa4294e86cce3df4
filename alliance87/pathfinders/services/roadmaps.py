"""
Roadmaps and what they hold: priority areas, actions and their progress,
and findings.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from alliance87.core.dates import ReportedDate
from alliance87.core.models import Theme
from alliance87.core.services import service
from alliance87.partners.models import Organisation
from alliance87.pathfinders.models import (
    Action,
    Finding,
    Lesson,
    PriorityArea,
    ProgressUpdate,
    Roadmap,
    Stage,
)
from alliance87.pathfinders.services.base import fill_languages, set_reported_date
from alliance87.pathfinders.services.path import check_path, lock_pathfinder, path_of, record_stage


@service
def save_roadmap(roadmap: Roadmap, *, acting_user: Any) -> Roadmap:
    """Validate and save a roadmap (a draft, or one already adopted)."""
    if roadmap.period_start and roadmap.period_end and roadmap.period_end < roadmap.period_start:
        raise ValidationError(_("The roadmap's last year cannot be before its first year."))
    roadmap.clean_reported_date()
    if roadmap.status == Roadmap.Status.ADOPTED:
        pathfinder = lock_pathfinder(roadmap.pathfinder)
        path = path_of(pathfinder)
        if Stage.ROADMAP_ADOPTED in path:
            check_path(path)
        else:
            # The first roadmap adopted is the path's stage "Roadmap
            # adopted", on the roadmap's date, whichever form saved it.
            record_stage(
                pathfinder,
                stage=Stage.ROADMAP_ADOPTED,
                date=roadmap.reported_date,
                evidence_url=roadmap.document_url,
                acting_user=acting_user,
            )
    fill_languages(roadmap, ("title", "note"))
    roadmap.full_clean()
    roadmap.save()
    return roadmap


@service
def adopt_roadmap(
    roadmap: Roadmap, *, date: ReportedDate, evidence: str = "", acting_user: Any
) -> Roadmap:
    """Mark the roadmap adopted on `date` and record the stage on the path."""
    set_reported_date(roadmap, date)
    roadmap.status = Roadmap.Status.ADOPTED
    pathfinder = roadmap.pathfinder
    if not pathfinder.milestones.filter(stage=Stage.ROADMAP_ADOPTED).exists():
        record_stage(
            pathfinder,
            stage=Stage.ROADMAP_ADOPTED,
            date=date,
            evidence=evidence,
            evidence_url=roadmap.document_url,
            acting_user=acting_user,
        )
    return save_roadmap(roadmap, acting_user=acting_user)


@service
def save_priority_area(priority: PriorityArea, *, acting_user: Any) -> PriorityArea:
    fill_languages(priority, ("title", "description"))
    priority.full_clean()
    priority.save()
    return priority


def action_problems(status: str, percent: int | None) -> list[str]:
    """Return why a status and a percentage cannot stand together."""
    problems = []
    if percent is not None and not 0 <= percent <= 100:
        problems.append(_("The percentage done must be between 0 and 100."))
    elif status == Action.Status.DONE and percent not in (None, 100):
        problems.append(
            _(
                "An action marked done is complete: set its percentage to 100, "
                "or change its status."
            )
        )
    elif percent == 100 and status != Action.Status.DONE:
        problems.append(_("An action at 100 per cent must be marked done."))
    elif status == Action.Status.PLANNED and percent:
        problems.append(
            _("An action still planned cannot be partly done; mark it in progress instead.")
        )
    return problems


@service
def save_action(
    action: Action, *, acting_user: Any, partners: Iterable[Organisation] | None = None
) -> Action:
    """Validate and save an action of a roadmap; set its partners when given."""
    problems = action_problems(action.status, action.percent_done)
    if problems:
        raise ValidationError(problems)
    if action.start and action.end and action.end < action.start:
        raise ValidationError(_("An action cannot end before it starts."))
    has_budget = action.budget_needed is not None or action.budget_secured is not None
    action.currency = (action.currency or "").strip().upper()
    if has_budget and not re.fullmatch(r"[A-Z]{3}", action.currency):
        raise ValidationError(_("Give the budget's currency as a three-letter code, e.g. USD."))
    fill_languages(action, ("title", "indicator"))
    action.full_clean(exclude=["partners"])
    action.save()
    if partners is not None:
        action.partners.set(list(partners))
    return action


@service
def record_progress(
    action: Action,
    *,
    date: dt.date,
    text: str,
    evidence_url: str = "",
    status: str | None = None,
    percent_done: int | None = None,
    acting_user: Any,
) -> ProgressUpdate:
    """Add a dated progress update to an action; optionally move its status."""
    if date > timezone.localdate():
        raise ValidationError(_("A progress update cannot be dated in the future."))
    if not text.strip():
        raise ValidationError(_("Say what progress was made."))
    if status is not None or percent_done is not None:
        action.status = status or action.status
        action.percent_done = percent_done if percent_done is not None else action.percent_done
        save_action(action, acting_user=acting_user)
    update = ProgressUpdate(
        action=action,
        date=date,
        text=text.strip(),
        evidence_url=evidence_url,
        language=translation.get_language() or "en",
        author=acting_user if getattr(acting_user, "pk", None) else None,
    )
    update.full_clean()
    update.save()
    return update


@service
def save_finding(
    finding: Finding, *, acting_user: Any, themes: Iterable[Theme] | None = None
) -> Finding:
    """Validate and save an achievement or challenge; set its themes when given."""
    finding.clean_reported_date()
    fill_languages(finding, ("heading", "text"))
    finding.full_clean(exclude=["themes"])
    finding.save()
    if themes is not None:
        finding.themes.set(list(themes))
    return finding


@service
def save_lesson(lesson: Lesson, *, acting_user: Any) -> Lesson:
    """Validate and save a lesson learned from the pathfinder strategy."""
    fill_languages(lesson, ("text", "source"))
    lesson.full_clean()
    lesson.save()
    return lesson
