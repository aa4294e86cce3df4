"""
A pathfinder and its path: putting a country on the path, recording and
removing the stages it reaches, and the rules the path keeps.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance87.core.dates import ReportedDate
from alliance87.core.services import service
from alliance87.core.text import Translations, set_translations
from alliance87.countries.models import Country
from alliance87.pathfinders.models import Milestone, Pathfinder, Stage, stage_rank
from alliance87.pathfinders.services.base import fill_languages, set_reported_date

# Each stage and the stage that must have been reached before it.
REQUIRED_BEFORE: dict[str, str] = {
    Stage.ROADMAP_ADOPTED: Stage.WORKSHOP_HELD,
    Stage.STATUS_GRANTED: Stage.ROADMAP_ADOPTED,
    Stage.IMPLEMENTATION: Stage.ROADMAP_ADOPTED,
    Stage.MONITORING: Stage.IMPLEMENTATION,
}


def _missing_stage_message(stage: str) -> str:
    messages: dict[str, str] = {
        Stage.ROADMAP_ADOPTED: _(
            "A roadmap cannot be adopted before a workshop has been held. "
            "Record the workshop as held first."
        ),
        Stage.STATUS_GRANTED: _(
            "Pathfinder status cannot be granted before a roadmap has been adopted. "
            "Record the roadmap's adoption first."
        ),
        Stage.IMPLEMENTATION: _(
            "Implementation cannot start before a roadmap has been adopted. "
            "Record the roadmap's adoption first."
        ),
        Stage.MONITORING: _(
            "Monitoring cannot start before implementation has started. "
            "Record the start of implementation first."
        ),
    }
    return messages[stage]


def check_path(path: dict[str, ReportedDate | None], *, today: dt.date | None = None) -> None:
    """Raise ValidationError unless the stages in `path` can follow each other.

    `path` maps each stage reached to its reported date (None if unknown).
    """
    today = today or timezone.localdate()
    for stage in path:
        required = REQUIRED_BEFORE.get(stage)
        if required and required not in path:
            raise ValidationError(_missing_stage_message(stage))
    for stage, date in path.items():
        if date is None:
            continue
        date.validate()
        if stage != Stage.WORKSHOP_PLANNED and date.start > today:
            raise ValidationError(
                _("“%(stage)s” cannot be dated %(date)s: that date is still to come.")
                % {"stage": Stage(stage).label, "date": date}
            )
    dated = sorted(
        ((stage_rank(s), s, d) for s, d in path.items() if d is not None), key=lambda t: t[0]
    )
    for i, (_rank, earlier, earlier_date) in enumerate(dated):
        for _rank2, later, later_date in dated[i + 1 :]:
            if earlier_date.start > later_date.last_day:
                raise ValidationError(
                    _(
                        "“%(later)s” (%(later_date)s) cannot come before “%(earlier)s” "
                        "(%(earlier_date)s): dates along the path cannot go backwards."
                    )
                    % {
                        "later": Stage(later).label,
                        "later_date": later_date,
                        "earlier": Stage(earlier).label,
                        "earlier_date": earlier_date,
                    }
                )


def path_of(pathfinder: Pathfinder) -> dict[str, ReportedDate | None]:
    return {m.stage: m.reported_date for m in pathfinder.milestones.all()}


def _furthest(path: dict[str, Any]) -> str:
    if not path:
        return Stage.EXPRESSION_OF_INTEREST
    return max(path, key=stage_rank)


def lock_pathfinder(pathfinder: Pathfinder) -> Pathfinder:
    # One writer at a time per pathfinder: two focal points recording stages
    # at once must not each pass the path check against a stale path.
    return Pathfinder.objects.select_for_update().get(pk=pathfinder.pk)


@service
def create_pathfinder(*, country: Any, acting_user: Any, **values: Any) -> Pathfinder:
    """Put `country` on the path at the expression-of-interest stage."""
    if Pathfinder.objects.filter(country=country).exists():
        raise ValidationError(
            _("%(country)s is already a pathfinder country.") % {"country": country}
        )
    check_can_become_pathfinder(country)
    pathfinder = Pathfinder(country=country, **values)
    fill_languages(pathfinder, ("summary", "ministries"))
    pathfinder.full_clean()
    pathfinder.save()
    return pathfinder


@service
def update_pathfinder(
    pathfinder: Pathfinder, *, acting_user: Any, participants: Iterable[Any] | None = None
) -> Pathfinder:
    """Save the pathfinder's description and lead; set the organisations
    taking part when given."""
    fill_languages(pathfinder, ("summary", "ministries"))
    pathfinder.full_clean(exclude=["stage"])
    # The stage belongs to record_stage: a copy read before a stage was
    # recorded must not put the old stage back.
    pathfinder.save(
        update_fields=[
            f.name
            for f in Pathfinder._meta.concrete_fields
            if not f.primary_key and f.name != "stage"
        ]
    )
    if participants is not None:
        pathfinder.participants.set(list(participants))
    return pathfinder


@service
def record_stage(
    pathfinder: Pathfinder,
    *,
    stage: str,
    date: ReportedDate | None,
    evidence: str | Translations = "",
    evidence_url: str = "",
    acting_user: Any,
) -> Milestone:
    """Record (or correct) the date and evidence of one stage of the path."""
    pathfinder = lock_pathfinder(pathfinder)
    if stage not in Stage.values:
        raise ValidationError(_("Choose a stage of the path."))
    path = path_of(pathfinder)
    path[stage] = date
    check_path(path)
    milestone = Milestone.objects.filter(pathfinder=pathfinder, stage=stage).first()
    if milestone is None:
        milestone = Milestone(pathfinder=pathfinder, stage=stage)
    set_reported_date(milestone, date)
    if isinstance(evidence, Mapping):
        set_translations(milestone, "evidence", evidence)
    else:
        milestone.evidence = evidence
    milestone.evidence_url = evidence_url
    milestone.recorded_by = acting_user if getattr(acting_user, "pk", None) else None
    fill_languages(milestone, ("evidence",))
    milestone.full_clean()
    milestone.save()
    _refresh_stage(pathfinder, path)
    return milestone


@service
def remove_stage(pathfinder: Pathfinder, *, stage: str, acting_user: Any) -> None:
    """Remove a stage recorded by mistake, unless a later stage depends on it."""
    pathfinder = lock_pathfinder(pathfinder)
    path = path_of(pathfinder)
    path.pop(stage, None)
    check_path(path)
    Milestone.objects.filter(pathfinder=pathfinder, stage=stage).delete()
    _refresh_stage(pathfinder, path)


def _refresh_stage(pathfinder: Pathfinder, path: dict[str, Any]) -> None:
    furthest = _furthest(path)
    if pathfinder.stage != furthest:
        pathfinder.stage = furthest
        pathfinder.save(update_fields=["stage", "updated"])


def check_can_become_pathfinder(country: Country) -> None:
    """Raise ValidationError unless `country` is a UN member or observer state."""
    if country.status not in (Country.Status.MEMBER, Country.Status.OBSERVER):
        raise ValidationError(
            _(
                "%(country)s is not a UN member or observer state, so it cannot become "
                "a pathfinder country."
            )
            % {"country": country},
            code="not_a_un_state",
        )
