"""The path refuses impossible sequences, with a sentence a person understands."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from alliance87.core.dates import DatePrecision, ReportedDate
from alliance87.pathfinders import services
from alliance87.pathfinders.models import Roadmap, Stage
from alliance87.testing.factories import make_pathfinder

pytestmark = pytest.mark.django_db


def day(y: int, m: int, d: int) -> ReportedDate:
    return ReportedDate(dt.date(y, m, d))


def test_roadmap_cannot_be_adopted_before_any_workshop_is_held() -> None:
    pathfinder = make_pathfinder("CHL", held=None)
    with pytest.raises(ValidationError, match="before a workshop has been held"):
        services.record_stage(
            pathfinder, stage=Stage.ROADMAP_ADOPTED, date=day(2019, 3, 28), acting_user=None
        )
    assert not pathfinder.milestones.exists()


def test_status_cannot_be_granted_before_a_roadmap() -> None:
    pathfinder = make_pathfinder("CHL")
    with pytest.raises(ValidationError, match="before a roadmap has been adopted"):
        services.record_stage(pathfinder, stage=Stage.STATUS_GRANTED, date=None, acting_user=None)


def test_monitoring_needs_implementation() -> None:
    pathfinder = make_pathfinder("CHL")
    services.record_stage(
        pathfinder, stage=Stage.ROADMAP_ADOPTED, date=day(2019, 3, 28), acting_user=None
    )
    with pytest.raises(ValidationError, match="before implementation"):
        services.record_stage(pathfinder, stage=Stage.MONITORING, date=None, acting_user=None)


def test_dates_cannot_go_backwards() -> None:
    pathfinder = make_pathfinder("CHL", held=dt.date(2019, 3, 28))
    with pytest.raises(ValidationError, match="cannot go backwards"):
        services.record_stage(
            pathfinder, stage=Stage.ROADMAP_ADOPTED, date=day(2019, 3, 1), acting_user=None
        )


def test_a_month_may_contain_the_earlier_day() -> None:
    # A roadmap adopted "March 2019" is not before a workshop of 28 March.
    pathfinder = make_pathfinder("CHL", held=dt.date(2019, 3, 28))
    month = ReportedDate(dt.date(2019, 3, 1), None, DatePrecision.MONTH)
    services.record_stage(pathfinder, stage=Stage.ROADMAP_ADOPTED, date=month, acting_user=None)
    pathfinder.refresh_from_db()
    assert pathfinder.stage == Stage.ROADMAP_ADOPTED


def test_a_workshop_cannot_be_held_in_the_future() -> None:
    pathfinder = make_pathfinder("CHL", held=None)
    future = ReportedDate(dt.date.today() + dt.timedelta(days=30))
    with pytest.raises(ValidationError, match="still to come"):
        services.record_stage(pathfinder, stage=Stage.WORKSHOP_HELD, date=future, acting_user=None)
    services.record_stage(pathfinder, stage=Stage.WORKSHOP_PLANNED, date=future, acting_user=None)


def test_stage_is_the_furthest_recorded_and_follows_removals() -> None:
    pathfinder = make_pathfinder("CHL")
    services.record_stage(
        pathfinder, stage=Stage.ROADMAP_ADOPTED, date=day(2019, 3, 28), acting_user=None
    )
    services.record_stage(pathfinder, stage=Stage.IMPLEMENTATION, date=None, acting_user=None)
    pathfinder.refresh_from_db()
    assert pathfinder.stage == Stage.IMPLEMENTATION
    with pytest.raises(ValidationError, match="before a roadmap"):
        services.remove_stage(pathfinder, stage=Stage.ROADMAP_ADOPTED, acting_user=None)
    services.remove_stage(pathfinder, stage=Stage.IMPLEMENTATION, acting_user=None)
    pathfinder.refresh_from_db()
    assert pathfinder.stage == Stage.ROADMAP_ADOPTED


def test_adopting_a_roadmap_records_the_stage_and_obeys_the_rules() -> None:
    pathfinder = make_pathfinder("CHL", held=None)
    roadmap = Roadmap(pathfinder=pathfinder, title="Roadmap", period_start=2019, period_end=2021)
    with pytest.raises(ValidationError, match="before a workshop"):
        services.adopt_roadmap(roadmap, date=day(2019, 3, 28), acting_user=None)
    services.record_stage(
        pathfinder, stage=Stage.WORKSHOP_HELD, date=day(2019, 3, 28), acting_user=None
    )
    services.adopt_roadmap(roadmap, date=day(2019, 3, 28), acting_user=None)
    assert pathfinder.milestones.filter(stage=Stage.ROADMAP_ADOPTED).exists()
    pathfinder.refresh_from_db()
    assert pathfinder.stage == Stage.ROADMAP_ADOPTED


def test_action_status_and_percentage_must_agree() -> None:
    assert services.action_problems("done", 40)
    assert services.action_problems("in_progress", 100)
    assert services.action_problems("planned", 20)
    assert services.action_problems("in_progress", 140)
    assert not services.action_problems("in_progress", 40)
    assert not services.action_problems("done", None)


def test_saving_a_stale_copy_keeps_the_stage_recorded_meanwhile() -> None:
    pathfinder = make_pathfinder("CHL")
    stale = type(pathfinder).objects.get(pk=pathfinder.pk)
    services.record_stage(
        pathfinder, stage=Stage.ROADMAP_ADOPTED, date=day(2019, 3, 28), acting_user=None
    )
    stale.summary = "Edited in another tab"
    services.update_pathfinder(stale, acting_user=None)
    fresh = type(pathfinder).objects.get(pk=pathfinder.pk)
    assert (fresh.stage, fresh.summary) == (Stage.ROADMAP_ADOPTED, "Edited in another tab")


def test_only_a_un_member_or_observer_state_becomes_a_pathfinder() -> None:
    from alliance87.countries.models import Country

    territory = Country.objects.exclude(
        status__in=[Country.Status.MEMBER, Country.Status.OBSERVER]
    ).first()
    assert territory is not None, "the country list holds non-member territories"
    with pytest.raises(ValidationError, match="not a UN member or observer state"):
        services.create_pathfinder(country=territory, acting_user=None)


def test_the_admins_form_offers_only_un_member_and_observer_states() -> None:
    from django.forms import modelform_factory

    from alliance87.countries.models import Country
    from alliance87.pathfinders.models import Pathfinder

    form_class = modelform_factory(Pathfinder, fields=["country"])
    territory = Country.objects.filter(status=Country.Status.OTHER).first()
    member = Country.objects.filter(status=Country.Status.MEMBER, pathfinder=None).first()
    assert territory is not None and member is not None
    assert not form_class({"country": territory.pk}).is_valid()
    assert form_class({"country": member.pk}).is_valid()
