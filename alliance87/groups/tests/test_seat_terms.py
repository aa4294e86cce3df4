"""A GCG seat has one holder at a time."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from alliance87.groups.models import SeatTerm
from alliance87.groups.services import start_seat_term
from alliance87.testing.factories import make_organisation

D = dt.date


def test_a_second_holder_of_a_seat_for_overlapping_dates_is_refused(world):
    ngo = make_organisation("ngo-a", "NGO A")
    other = make_organisation("ngo-b", "NGO B")
    start_seat_term(world.seat, organisation=ngo, starts_on=D(2019, 1, 1), acting_user=None)
    with pytest.raises(ValidationError) as caught:
        start_seat_term(
            world.seat,
            organisation=other,
            starts_on=D(2019, 6, 1),
            ends_on=D(2020, 6, 1),
            acting_user=None,
        )
    message = " ".join(caught.value.messages)
    assert "NGO A already holds the seat" in message
    assert "Civil society, third seat" in message
    assert SeatTerm.objects.filter(organisation=other).count() == 0


def test_consecutive_terms_on_one_seat_are_accepted(world):
    ngo = make_organisation("ngo-a", "NGO A")
    other = make_organisation("ngo-b", "NGO B")
    start_seat_term(
        world.seat,
        organisation=ngo,
        starts_on=D(2018, 1, 1),
        ends_on=D(2019, 1, 1),
        acting_user=None,
    )
    start_seat_term(world.seat, organisation=other, starts_on=D(2019, 1, 1), acting_user=None)
    assert world.seat.terms.count() == 2


def test_a_term_inside_an_earlier_closed_term_is_refused(world):
    ngo = make_organisation("ngo-a", "NGO A")
    other = make_organisation("ngo-b", "NGO B")
    start_seat_term(
        world.seat,
        organisation=ngo,
        starts_on=D(2018, 1, 1),
        ends_on=D(2019, 1, 1),
        acting_user=None,
    )
    with pytest.raises(ValidationError):
        start_seat_term(
            world.seat,
            organisation=other,
            starts_on=D(2018, 3, 1),
            ends_on=D(2018, 4, 1),
            acting_user=None,
        )


def test_filling_a_seat_closes_its_call_for_nominations(world):
    ngo = make_organisation("ngo-a", "NGO A")
    start_seat_term(world.seat, organisation=ngo, starts_on=D(2019, 1, 1), acting_user=None)
    world.seat.refresh_from_db()
    assert world.seat.open_for_nominations is False
