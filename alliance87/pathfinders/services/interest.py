"""
Expressions of interest: how a UN member or observer state comes onto the
path, once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from alliance87.core.dates import ReportedDate
from alliance87.core.services import service
from alliance87.countries.models import Country
from alliance87.partners.models import Organisation
from alliance87.pathfinders.models import Pathfinder, Stage
from alliance87.pathfinders.services.base import LANGUAGE_CODES
from alliance87.pathfinders.services.path import (
    check_can_become_pathfinder,
    create_pathfinder,
    record_stage,
    update_pathfinder,
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


@service
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
