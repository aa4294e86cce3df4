"""An expression of interest puts a UN member or observer state on the path
once, with the applying government body as its lead; recording it again,
or for a country already further along, adds nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError

from alliance87.core.invalidation import content_version
from alliance87.countries.models import Country
from alliance87.partners.models import StakeholderType
from alliance87.pathfinders import services
from alliance87.pathfinders.models import Milestone, Pathfinder, Stage
from alliance87.testing.factories import make_organisation, make_pathfinder

pytestmark = pytest.mark.django_db

APPLIED = dt.date(2024, 5, 6)


def ministry(slug: str = "ghana-labour", name: str = "Ministry of Employment of Ghana"):
    return make_organisation(slug, name, stakeholder_type=StakeholderType.GOVERNMENT)


def test_a_new_country_is_put_on_the_path_with_the_interest_dated_and_its_lead() -> None:
    ghana = Country.objects.get(iso3="GHA")
    lead = ministry()
    outcome = services.record_expression_of_interest(
        ghana, date=APPLIED, organisation=lead, acting_user=None
    )
    pathfinder = Pathfinder.objects.get(country=ghana)
    assert outcome.creates_pathfinder and outcome.records_stage and outcome.sets_lead
    assert outcome.pathfinder == pathfinder
    assert pathfinder.stage == Stage.EXPRESSION_OF_INTEREST
    assert pathfinder.lead_organisation == lead
    milestone = Milestone.objects.get(pathfinder=pathfinder)
    assert milestone.stage == Stage.EXPRESSION_OF_INTEREST
    assert milestone.date_start == APPLIED
    # The evidence is the Hub's own sentence, written in every language.
    for code in ("en", "fr", "es"):
        written = {f"evidence_{code}__contains": "Ministry of Employment of Ghana"}
        assert Milestone.objects.filter(pk=milestone.pk, **written).exists()


def test_recording_it_twice_adds_nothing() -> None:
    ghana = Country.objects.get(iso3="GHA")
    lead = ministry()
    services.record_expression_of_interest(
        ghana, date=APPLIED, organisation=lead, acting_user=None
    )
    again = services.record_expression_of_interest(
        ghana, date=dt.date(2024, 6, 1), organisation=lead, acting_user=None
    )
    assert not (again.creates_pathfinder or again.records_stage or again.sets_lead)
    assert not again.adds_participant
    assert Pathfinder.objects.filter(country=ghana).count() == 1
    assert Milestone.objects.get(pathfinder__country=ghana).date_start == APPLIED


def test_a_country_further_along_keeps_its_path_and_its_lead() -> None:
    pathfinder = make_pathfinder("NPL", held=dt.date(2019, 3, 28))
    first_lead = ministry("nepal-labour", "Ministry of Labour of Nepal")
    pathfinder.refresh_from_db()
    pathfinder.lead_organisation = first_lead
    services.update_pathfinder(pathfinder, acting_user=None)
    applicant = ministry("nepal-women", "Ministry of Women of Nepal")
    outcome = services.record_expression_of_interest(
        pathfinder.country, date=APPLIED, organisation=applicant, acting_user=None
    )
    pathfinder.refresh_from_db()
    assert not outcome.creates_pathfinder and not outcome.records_stage
    assert outcome.stage == Stage.WORKSHOP_HELD == pathfinder.stage
    assert list(pathfinder.milestones.values_list("stage", flat=True)) == [Stage.WORKSHOP_HELD]
    assert pathfinder.lead_organisation == first_lead
    assert outcome.adds_participant and list(pathfinder.participants.all()) == [applicant]


def test_a_pathfinder_with_no_stage_yet_gets_the_interest_and_the_lead() -> None:
    pathfinder = make_pathfinder("CHL", held=None)
    lead = ministry("chile-labour", "Ministerio del Trabajo de Chile")
    outcome = services.record_expression_of_interest(
        pathfinder.country, date=APPLIED, organisation=lead, acting_user=None
    )
    pathfinder.refresh_from_db()
    assert outcome.records_stage and outcome.sets_lead and not outcome.creates_pathfinder
    assert pathfinder.milestones.get().stage == Stage.EXPRESSION_OF_INTEREST
    assert pathfinder.lead_organisation == lead


def test_plan_says_what_recording_would_do_and_writes_nothing() -> None:
    ghana = Country.objects.get(iso3="GHA")
    plan = services.plan_expression_of_interest(ghana, organisation=None)
    assert plan.creates_pathfinder and plan.records_stage and plan.sets_lead
    assert not Pathfinder.objects.filter(country=ghana).exists()


def test_only_a_un_member_or_observer_state_can_become_a_pathfinder() -> None:
    cook_islands = Country.objects.get(iso3="COK")
    with pytest.raises(ValidationError, match="not a UN member or observer state"):
        services.record_expression_of_interest(
            cook_islands, date=APPLIED, organisation=ministry(), acting_user=None
        )
    assert not Pathfinder.objects.filter(country=cook_islands).exists()
    services.check_can_become_pathfinder(Country.objects.get(iso3="PSE"))  # an observer


def test_the_path_rules_still_apply() -> None:
    ghana = Country.objects.get(iso3="GHA")
    with pytest.raises(ValidationError, match="still to come"):
        services.record_expression_of_interest(
            ghana,
            date=dt.date.today() + dt.timedelta(days=3),
            organisation=ministry(),
            acting_user=None,
        )
    assert not Pathfinder.objects.filter(country=ghana).exists()


def test_the_change_is_audited_and_refreshes_cached_pages(
    personas, django_capture_on_commit_callbacks
) -> None:
    ghana = Country.objects.get(iso3="GHA")
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        outcome = services.record_expression_of_interest(
            ghana, date=APPLIED, organisation=ministry(), acting_user=personas.secretariat
        )
    assert content_version() > before
    assert outcome.pathfinder is not None
    assert LogEntry.objects.get_for_object(outcome.pathfinder).exists()
    milestone = outcome.pathfinder.milestones.get()
    assert milestone.recorded_by == personas.secretariat
    assert LogEntry.objects.get_for_object(milestone).exists()
