"""
Writes to the pathfinder countries.

Invariants kept here:

- The path never holds an impossible sequence: a roadmap is adopted only
  after a workshop was held; pathfinder status is granted and
  implementation starts only after a roadmap was adopted; monitoring only
  after implementation started. Dates along the path never go backwards,
  and a stage other than "workshop planned" is never dated in the future.
- `Pathfinder.stage` is always the furthest stage recorded.
- An action's status and percentage agree: "done" is 100%, 100% is "done",
  "planned" is 0% or unreported. A budget has a currency.
- A bulk upload of actions changes nothing unless every row is valid.
- Translated text written in one language is copied into the default
  language when that is still empty, so no reader sees a blank.
- An expression of interest puts a UN member or observer state on the
  path once: recording it again, or for a country already further along,
  adds nothing to the path.

Every function is atomic and takes the acting user. Cached public pages are
refreshed after commit by core.pagecache.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from alliance87.core.dates import DatePrecision, ReportedDate
from alliance87.countries.models import Country
from alliance87.partners.models import Organisation
from alliance87.pathfinders.csvio import REQUIRED_COLUMNS, unescape_cell
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

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
MAX_UPLOAD_ROWS = 5000

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


def _path_of(pathfinder: Pathfinder) -> dict[str, ReportedDate | None]:
    return {m.stage: m.reported_date for m in pathfinder.milestones.all()}


def _furthest(path: dict[str, Any]) -> str:
    if not path:
        return Stage.EXPRESSION_OF_INTEREST
    return max(path, key=stage_rank)


def set_reported_date(obj: Any, date: ReportedDate | None) -> None:
    """Copy `date` into the four columns of a `ReportedDateFields` row."""
    if date is None:
        obj.date_start = obj.date_end = None
        obj.date_precision = DatePrecision.DAY
        obj.date_tentative = False
        return
    date.validate()
    obj.date_start = date.start
    obj.date_end = date.end if date.precision == DatePrecision.RANGE else None
    obj.date_precision = date.precision
    obj.date_tentative = date.tentative


def fill_languages(obj: Any, fields: tuple[str, ...]) -> None:
    """Copy text written in one language into the default one when empty."""
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    for name in fields:
        if getattr(obj, f"{name}_{default}", ""):
            continue
        for code in LANGUAGE_CODES:
            value = getattr(obj, f"{name}_{code}", "")
            if value:
                setattr(obj, f"{name}_{default}", value)
                break


def _lock(pathfinder: Pathfinder) -> Pathfinder:
    # One writer at a time per pathfinder: two focal points recording stages
    # at once must not each pass the path check against a stale path.
    return Pathfinder.objects.select_for_update().get(pk=pathfinder.pk)


# --- The pathfinder and its path -----------------------------------------


@transaction.atomic
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


@transaction.atomic
def update_pathfinder(pathfinder: Pathfinder, *, acting_user: Any) -> Pathfinder:
    """Save the pathfinder's description, lead and participants."""
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
    return pathfinder


@transaction.atomic
def record_stage(
    pathfinder: Pathfinder,
    *,
    stage: str,
    date: ReportedDate | None,
    evidence: str = "",
    evidence_url: str = "",
    acting_user: Any,
) -> Milestone:
    """Record (or correct) the date and evidence of one stage of the path."""
    pathfinder = _lock(pathfinder)
    if stage not in Stage.values:
        raise ValidationError(_("Choose a stage of the path."))
    path = _path_of(pathfinder)
    path[stage] = date
    check_path(path)
    milestone = Milestone.objects.filter(pathfinder=pathfinder, stage=stage).first()
    if milestone is None:
        milestone = Milestone(pathfinder=pathfinder, stage=stage)
    set_reported_date(milestone, date)
    milestone.evidence = evidence
    milestone.evidence_url = evidence_url
    milestone.recorded_by = acting_user if getattr(acting_user, "pk", None) else None
    fill_languages(milestone, ("evidence",))
    milestone.full_clean()
    milestone.save()
    _refresh_stage(pathfinder, path)
    return milestone


@transaction.atomic
def remove_stage(pathfinder: Pathfinder, *, stage: str, acting_user: Any) -> None:
    """Remove a stage recorded by mistake, unless a later stage depends on it."""
    pathfinder = _lock(pathfinder)
    path = _path_of(pathfinder)
    path.pop(stage, None)
    check_path(path)
    Milestone.objects.filter(pathfinder=pathfinder, stage=stage).delete()
    _refresh_stage(pathfinder, path)


def _refresh_stage(pathfinder: Pathfinder, path: dict[str, Any]) -> None:
    furthest = _furthest(path)
    if pathfinder.stage != furthest:
        pathfinder.stage = furthest
        pathfinder.save(update_fields=["stage", "updated"])


@transaction.atomic
def assign_focal_point(
    pathfinder: Pathfinder,
    *,
    user: Any = None,
    person: Any = None,
    role: str = "",
    start: dt.date | None = None,
    end: dt.date | None = None,
    acting_user: Any,
) -> FocalPoint:
    """Make a user or a person a focal point of `pathfinder` from `start`."""
    if user is None and person is None:
        raise ValidationError(_("A focal point is a user account or a person of the directory."))
    focal_point = FocalPoint(
        pathfinder=pathfinder,
        user=user,
        person=person,
        role=role,
        start=start or timezone.localdate(),
        end=end,
    )
    if focal_point.end and focal_point.end < focal_point.start:
        raise ValidationError(_("A focal point's role cannot end before it starts."))
    focal_point.full_clean()
    focal_point.save()
    return focal_point


@transaction.atomic
def end_focal_point(focal_point: FocalPoint, *, acting_user: Any) -> FocalPoint:
    """End a focal point's role today; the row stays as its history."""
    today = timezone.localdate()
    focal_point.end = max(today, focal_point.start)
    focal_point.full_clean()
    focal_point.save(update_fields=["end"])
    return focal_point


# --- Workshops -----------------------------------------------------------


@transaction.atomic
def save_workshop(workshop: Workshop, *, acting_user: Any) -> Workshop:
    """Validate and save a workshop; a country's workshop is held in that country."""
    if bool(workshop.host_country_id) == bool(workshop.host_organisation_id):
        raise ValidationError(
            _(
                "A workshop has one host: either a country or an organisation "
                "such as a regional body."
            )
        )
    if workshop.pathfinder_id and workshop.host_country_id:
        pathfinder = Pathfinder.objects.get(pk=workshop.pathfinder_id)
        if pathfinder.country_id != workshop.host_country_id:
            raise ValidationError(
                _("A pathfinder's workshop is hosted by that pathfinder's country.")
            )
    workshop.clean_reported_date()
    if (
        workshop.status == Workshop.Status.HELD
        and workshop.date_start
        and workshop.date_start > timezone.localdate()
    ):
        raise ValidationError(_("A workshop cannot have been held on a date still to come."))
    fill_languages(workshop, ("title", "notes"))
    workshop.full_clean()
    workshop.save()
    return workshop


# --- Roadmaps ------------------------------------------------------------


@transaction.atomic
def save_roadmap(roadmap: Roadmap, *, acting_user: Any) -> Roadmap:
    """Validate and save a roadmap (a draft, or one already adopted)."""
    if roadmap.period_start and roadmap.period_end and roadmap.period_end < roadmap.period_start:
        raise ValidationError(_("The roadmap's last year cannot be before its first year."))
    roadmap.clean_reported_date()
    if roadmap.status == Roadmap.Status.ADOPTED:
        pathfinder = _lock(roadmap.pathfinder)
        path = _path_of(pathfinder)
        if Stage.ROADMAP_ADOPTED not in path:
            path[Stage.ROADMAP_ADOPTED] = roadmap.reported_date
        check_path(path)
    fill_languages(roadmap, ("title", "note"))
    roadmap.full_clean()
    roadmap.save()
    return roadmap


@transaction.atomic
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


@transaction.atomic
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


@transaction.atomic
def save_action(action: Action, *, acting_user: Any) -> Action:
    """Validate and save an action of a roadmap."""
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
    action.full_clean()
    action.save()
    return action


@transaction.atomic
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


@transaction.atomic
def save_finding(finding: Finding, *, acting_user: Any) -> Finding:
    finding.clean_reported_date()
    fill_languages(finding, ("heading", "text"))
    finding.full_clean()
    finding.save()
    return finding


# --- Bulk updates --------------------------------------------------------


@dataclass
class ImportResult:
    actions_changed: int = 0
    updates_added: int = 0


class ImportRefused(ValidationError):
    """The file was refused; `messages` says why, row by row."""


def _status_lookup() -> dict[str, str]:
    """Map each status code and label, in every language, to its code."""
    lookup: dict[str, str] = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            for value, label in Action.Status.choices:
                lookup[str(label).casefold()] = value
    for value in Action.Status.values:
        lookup[value] = value
    return lookup


def _read_rows(data: bytes) -> tuple[list[str], list[dict[str, str]]]:
    if not data.strip():
        raise ImportRefused(_("The file is empty. Upload the CSV file you downloaded."))
    if len(data) > MAX_UPLOAD_BYTES:
        raise ImportRefused(_("The file is larger than 2 MB; a roadmap's actions never are."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportRefused(
            _(
                "The file is not a CSV file in UTF-8. In your spreadsheet, choose "
                "“Save as”, then “CSV UTF-8”, and upload that file."
            )
        ) from None
    if "\x00" in text:
        raise ImportRefused(_("This is not a CSV file. Upload the CSV file you downloaded."))
    first_line = text.split("\n", 1)[0]
    # Spreadsheets set to French or Spanish save with semicolons.
    delimiter = max((",", ";", "\t"), key=first_line.count)
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
        header = [h.strip() for h in (reader.fieldnames or [])]
        reader.fieldnames = header
        rows = list(reader)
    except csv.Error as e:
        raise ImportRefused(
            _("The file could not be read as CSV (%(error)s).") % {"error": e}
        ) from None
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise ImportRefused(
            _(
                "The file has no column “%(columns)s”. Download the file again and keep "
                "its first row as it is."
            )
            % {"columns": "”, “".join(missing)}
        )
    if len(rows) > MAX_UPLOAD_ROWS:
        raise ImportRefused(_("The file has more rows than a roadmap has actions."))
    return header, rows


@transaction.atomic
def import_actions_csv(roadmap: Roadmap, *, data: bytes, acting_user: Any) -> ImportResult:
    """Apply a CSV of the roadmap's actions: status, percentage and a new
    progress note per row. Change nothing unless every row is valid."""
    _header, rows = _read_rows(data)
    actions = {
        a.pk: a for a in Action.objects.select_for_update().filter(priority__roadmap=roadmap)
    }
    statuses = _status_lookup()
    errors: list[str] = []
    planned: list[tuple[Action, str, int | None, str]] = []
    seen: dict[int, int] = {}
    for number, row in enumerate(rows, start=2):  # row 1 is the header
        cells = {k: unescape_cell((v or "").strip()) for k, v in row.items() if k}
        if not any(cells.values()):
            continue
        row_errors: list[str] = []
        raw_id = cells.get("action_id", "")
        action = None
        if not raw_id.isdigit():
            row_errors.append(_("the action_id “%(value)s” is not a number") % {"value": raw_id})
        else:
            action = actions.get(int(raw_id))
            if action is None:
                row_errors.append(_("there is no action %(id)s in this roadmap") % {"id": raw_id})
            elif int(raw_id) in seen:
                row_errors.append(
                    _("action %(id)s already appears in row %(row)s")
                    % {"id": raw_id, "row": seen[int(raw_id)]}
                )
            else:
                seen[int(raw_id)] = number
        raw_status = cells.get("status", "")
        status = statuses.get(raw_status.casefold())
        if status is None:
            row_errors.append(
                _("the status “%(value)s” is not one of: %(choices)s")
                % {"value": raw_status, "choices": ", ".join(Action.Status.values)}
            )
        raw_percent = cells.get("percent_done", "").rstrip("%").strip()
        percent: int | None = None
        if raw_percent:
            try:
                percent = int(float(raw_percent.replace(",", ".")))
            except ValueError:
                row_errors.append(
                    _("the percentage “%(value)s” is not a number") % {"value": raw_percent}
                )
        if status is not None and not row_errors:
            row_errors.extend(
                p[0].lower() + p[1:].rstrip(".") for p in action_problems(status, percent)
            )
        if row_errors:
            errors.append(
                _("Row %(row)s: %(problems)s.")
                % {"row": number, "problems": "; ".join(row_errors)}
            )
            continue
        assert action is not None and status is not None
        planned.append((action, status, percent, cells.get("new_progress_note", "")))
    if errors:
        raise ImportRefused(errors)
    result = ImportResult()
    today = timezone.localdate()
    for action, status, percent, note in planned:
        if (action.status, action.percent_done) != (status, percent):
            action.status, action.percent_done = status, percent
            save_action(action, acting_user=acting_user)
            result.actions_changed += 1
        if note:
            record_progress(action, date=today, text=note, acting_user=acting_user)
            result.updates_added += 1
    return result


# --- Expressions of interest ----------------------------------------------


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


@dataclass(frozen=True)
class InterestOutcome:
    """What recording a country's expression of interest does, or did.

    `pathfinder` is None only in a plan for a country not yet on the path.
    """

    country: Country
    pathfinder: Pathfinder | None
    creates_pathfinder: bool
    records_stage: bool
    # The furthest stage of the path once the interest is recorded.
    stage: str
    # What becomes of the applying organisation: it becomes the lead, or,
    # when another organisation already leads, it joins the participants.
    sets_lead: bool
    adds_participant: bool
    lead: Organisation | None


def plan_expression_of_interest(
    country: Country, *, organisation: Organisation | None
) -> InterestOutcome:
    """Return what `record_expression_of_interest` would do; write nothing.

    `organisation` is None when it does not exist yet (it will be created).
    The country is left alone when its path already holds the expression of
    interest or any later stage: every stage follows the expression of
    interest, and dating it today after a later stage would break the path.
    """
    pathfinder = (
        Pathfinder.objects.select_related("country", "lead_organisation")
        .filter(country=country)
        .first()
    )
    if pathfinder is None:
        return InterestOutcome(
            country=country,
            pathfinder=None,
            creates_pathfinder=True,
            records_stage=True,
            stage=Stage.EXPRESSION_OF_INTEREST,
            sets_lead=True,
            adds_participant=False,
            lead=organisation,
        )
    has_path = pathfinder.milestones.exists()
    lead = pathfinder.lead_organisation
    sets_lead = lead is None
    adds_participant = (
        lead is not None
        and (organisation is None or lead.pk != organisation.pk)
        and not (
            organisation is not None
            and pathfinder.participants.filter(pk=organisation.pk).exists()
        )
    )
    return InterestOutcome(
        country=country,
        pathfinder=pathfinder,
        creates_pathfinder=False,
        records_stage=not has_path,
        stage=pathfinder.stage if has_path else Stage.EXPRESSION_OF_INTEREST,
        sets_lead=sets_lead,
        adds_participant=adds_participant,
        lead=organisation if sets_lead else lead,
    )


@transaction.atomic
def record_expression_of_interest(
    country: Country, *, date: dt.date, organisation: Organisation, acting_user: Any
) -> InterestOutcome:
    """Put `country` on the path at the expression of interest dated `date`,
    with `organisation` (the applying government body) as its lead.

    A country already on the path keeps its path, and its lead if it has
    one (the organisation then joins the participants): recording the same
    interest twice, or two governments' applications, adds nothing twice.
    """
    check_can_become_pathfinder(country)
    # One writer at a time per country: two applications accepted at once
    # must not both see "no pathfinder yet". The pathfinder's row is locked
    # too, since setting the lead saves the whole row, stage included, and a
    # focal point recording a stage meanwhile must not be undone.
    Country.objects.select_for_update().filter(pk=country.pk).first()
    Pathfinder.objects.select_for_update().filter(country=country).first()
    plan = plan_expression_of_interest(country, organisation=organisation)
    pathfinder = plan.pathfinder
    if pathfinder is None:
        pathfinder = create_pathfinder(
            country=country, lead_organisation=organisation, acting_user=acting_user
        )
    elif plan.sets_lead:
        pathfinder.lead_organisation = organisation
        update_pathfinder(pathfinder, acting_user=acting_user)
    if plan.adds_participant:
        pathfinder.participants.add(organisation)
    if plan.records_stage:
        milestone = record_stage(
            pathfinder,
            stage=Stage.EXPRESSION_OF_INTEREST,
            date=ReportedDate(date),
            acting_user=acting_user,
        )
        # The evidence is ours, not a person's: write it in every language.
        for code in LANGUAGE_CODES:
            with translation.override(code):
                setattr(
                    milestone,
                    f"evidence_{code}",
                    _("Expression of interest from %(organisation)s, received by the Secretariat.")
                    % {"organisation": organisation.name},
                )
        milestone.save(update_fields=[*(f"evidence_{code}" for code in LANGUAGE_CODES), "updated"])
    pathfinder.refresh_from_db()
    return InterestOutcome(
        country=country,
        pathfinder=pathfinder,
        creates_pathfinder=plan.creates_pathfinder,
        records_stage=plan.records_stage,
        stage=pathfinder.stage,
        sets_lead=plan.sets_lead,
        adds_participant=plan.adds_participant,
        lead=pathfinder.lead_organisation,
    )
