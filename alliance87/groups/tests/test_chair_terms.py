"""A chair role has one holder at a time; a handover ends one term and
starts the next."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from alliance87.groups.models import ChairRole, ChairTerm
from alliance87.groups.services import end_term, hand_over_chair, start_chair_term

D = dt.date


def test_a_second_chair_for_overlapping_dates_is_refused_with_a_clear_message(world):
    start_chair_term(
        world.gcg,
        role=ChairRole.CHAIR,
        organisation=world.australia,
        starts_on=D(2017, 11, 1),
        ends_on=D(2019, 4, 1),
        acting_user=None,
    )
    with pytest.raises(ValidationError) as caught:
        start_chair_term(
            world.gcg,
            role=ChairRole.CHAIR,
            organisation=world.france,
            starts_on=D(2019, 1, 1),
            acting_user=None,
        )
    message = " ".join(caught.value.messages)
    assert "Government of Australia already holds this role" in message
    assert "one holder at a time" in message
    assert ChairTerm.objects.filter(organisation=world.france).count() == 0


def test_a_term_starting_the_day_the_last_one_ends_is_accepted(world):
    start_chair_term(
        world.gcg,
        role=ChairRole.CHAIR,
        organisation=world.australia,
        starts_on=D(2017, 11, 1),
        ends_on=D(2019, 4, 1),
        acting_user=None,
    )
    start_chair_term(
        world.gcg,
        role=ChairRole.CHAIR,
        organisation=world.france,
        starts_on=D(2019, 4, 1),
        acting_user=None,
    )
    assert ChairTerm.objects.filter(group=world.gcg, role=ChairRole.CHAIR).count() == 2


def test_a_term_with_no_dates_overlaps_every_other_term(world):
    start_chair_term(
        world.gcg, role=ChairRole.CHAIR, organisation=world.australia, acting_user=None
    )
    with pytest.raises(ValidationError):
        start_chair_term(
            world.gcg,
            role=ChairRole.CHAIR,
            organisation=world.france,
            starts_on=D(2030, 1, 1),
            acting_user=None,
        )


def test_chair_and_vice_chair_are_separate_roles(world):
    start_chair_term(
        world.gcg, role=ChairRole.CHAIR, organisation=world.australia, acting_user=None
    )
    start_chair_term(
        world.gcg, role=ChairRole.VICE_CHAIR, organisation=world.france, acting_user=None
    )
    assert ChairTerm.objects.filter(group=world.gcg).count() == 2


def test_two_organisations_may_co_chair_but_not_one_twice(world):
    start_chair_term(
        world.migration, role=ChairRole.CO_CHAIR, organisation=world.iom, acting_user=None
    )
    start_chair_term(
        world.migration, role=ChairRole.CO_CHAIR, organisation=world.unicef, acting_user=None
    )
    with pytest.raises(ValidationError):
        start_chair_term(
            world.migration, role=ChairRole.CO_CHAIR, organisation=world.iom, acting_user=None
        )


def test_hand_over_ends_the_running_term_and_starts_the_next(world):
    start_chair_term(
        world.gcg,
        role=ChairRole.CHAIR,
        organisation=world.australia,
        starts_on=D(2017, 11, 1),
        acting_user=None,
    )
    new = hand_over_chair(
        world.gcg,
        role=ChairRole.CHAIR,
        to_organisation=world.france,
        on=D(2019, 4, 1),
        acting_user=None,
    )
    old = ChairTerm.objects.get(organisation=world.australia)
    assert old.ends_on == D(2019, 4, 1)
    assert new.starts_on == D(2019, 4, 1)
    assert new.is_current(D(2019, 5, 1)) and not old.is_current(D(2019, 5, 1))


def test_a_term_cannot_end_before_it_starts(world):
    term = start_chair_term(
        world.gcg,
        role=ChairRole.CHAIR,
        organisation=world.australia,
        starts_on=D(2019, 1, 1),
        acting_user=None,
    )
    with pytest.raises(ValidationError) as caught:
        end_term(term, ends_on=D(2018, 1, 1), acting_user=None)
    assert "must end after it starts" in " ".join(caught.value.messages)


def test_the_database_refuses_two_open_ended_chairs_even_past_the_service(world):
    ChairTerm.objects.create(group=world.gcg, role=ChairRole.CHAIR, organisation=world.australia)
    with pytest.raises(IntegrityError), transaction.atomic():
        ChairTerm.objects.create(group=world.gcg, role=ChairRole.CHAIR, organisation=world.france)
