"""Acceptance creates or updates what it implies, and keeps what already
exists: a partner stays one partner, a member one membership, a seat holder
one term; the history says what was kept."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from alliance87.applications import services
from alliance87.applications.models import Application
from alliance87.groups.models import Membership, SeatTerm
from alliance87.groups.services import add_member, start_seat_term
from alliance87.partners.models import Organisation


def submit(**values: Any) -> Application:
    data: dict[str, Any] = {
        "kind": Application.Kind.PARTNER,
        "organisation_name": "Freedom Network",
        "stakeholder_type": "civil_society",
        "contact_name": "Ana Example",
        "email": "ana@example.org",
        "acting_user": None,  # an applicant who is not signed in
    }
    data.update(values)
    return services.submit_application(**data)


def accepted_note(application: Application) -> str:
    return application.events.get(status=Application.Status.ACCEPTED).note


def test_a_partner_already_listed_stays_as_it_is(personas):
    application = submit(organisation_name="ITUC")
    services.accept_application(application, acting_user=personas.secretariat)
    application.refresh_from_db()
    assert application.organisation == personas.partner_org
    assert Organisation.objects.filter(is_partner=True).count() == 1
    assert "It was already a partner of Alliance 8.7." in accepted_note(application)


def test_a_new_partner_is_listed_and_the_history_says_so(personas):
    application = submit()
    services.accept_application(
        application, acting_user=personas.secretariat, note="Welcome aboard."
    )
    note = accepted_note(application)
    assert note.startswith("Welcome aboard.\n\n")
    assert "The Hub created the directory entry “Freedom Network”." in note
    assert "It was listed as a partner of Alliance 8.7." in note
    application.refresh_from_db()
    # The applicant reads the Secretariat's note, not the Hub's record.
    assert application.decision_reason == "Welcome aboard."


def test_a_member_already_in_the_group_gets_no_second_membership(personas, world):
    add_member(world.migration, organisation=world.iom, acting_user=None)
    application = submit(
        kind=Application.Kind.GROUP,
        group=world.migration,
        organisation_name="International Organization for Migration",
        stakeholder_type="un_international",
    )
    services.accept_application(application, acting_user=personas.secretariat)
    application.refresh_from_db()
    assert application.status == Application.Status.ACCEPTED
    assert Membership.objects.filter(group=world.migration, organisation=world.iom).count() == 1
    assert "already a member of Action Group on Migration" in accepted_note(application)


def test_a_new_member_joins_from_today(personas, world):
    application = submit(kind=Application.Kind.GROUP, group=world.migration)
    services.accept_application(application, acting_user=personas.secretariat)
    membership = Membership.objects.get(group=world.migration)
    assert membership.organisation == Organisation.objects.get(name="Freedom Network")
    assert membership.is_current()
    assert "It became a member of Action Group on Migration." in accepted_note(application)


def test_the_holder_of_the_seat_gets_no_second_term(personas, world):
    start_seat_term(world.seat, organisation=personas.other_org, acting_user=None)
    application = submit(
        kind=Application.Kind.GCG_SEAT, seat=world.seat, organisation_name="Applicant NGO"
    )
    services.accept_application(application, acting_user=personas.secretariat)
    assert SeatTerm.objects.filter(seat=world.seat).count() == 1
    assert "already held the seat “Civil society, third seat”" in accepted_note(application)


def test_a_seat_application_without_a_seat_needs_one_chosen(personas, world):
    application = submit(kind=Application.Kind.GCG_SEAT)
    with pytest.raises(ValidationError) as refused:
        services.accept_application(application, acting_user=personas.secretariat)
    assert "Choose the seat" in refused.value.message_dict["seat"][0]
    services.accept_application(application, acting_user=personas.secretariat, seat=world.seat)
    application.refresh_from_db()
    assert application.seat == world.seat
    assert SeatTerm.objects.get(seat=world.seat).organisation == application.organisation


def test_an_international_partner_applying_from_another_office_is_not_duplicated(personas):
    from alliance87.countries.models import Country

    application = submit(organisation_name="ITUC", country=Country.objects.get(iso3="BEL"))
    services.accept_application(application, acting_user=personas.secretariat)
    application.refresh_from_db()
    assert application.organisation == personas.partner_org
    assert Organisation.objects.filter(acronym="ITUC").count() == 1
