"""A signed-in partner endorses a statement on behalf of their
organisation, once; no one else can, except the Secretariat recording it."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from alliance87.statements.models import Endorsement
from alliance87.statements.services import endorse_statement
from alliance87.testing.factories import make_statement

URL = "/en/statements/bangkok-statement/endorse/"


def test_a_partner_endorses_for_their_organisation(client, personas):
    statement = make_statement()
    client.force_login(personas.partner)
    page = client.get(URL)
    assert page.status_code == 200
    assert "International Trade Union Confederation" in page.content.decode()
    response = client.post(URL, {"confirm": "on"})
    assert response.status_code == 302
    endorsement = Endorsement.objects.get(statement=statement)
    assert endorsement.organisation == personas.partner_org
    assert endorsement.source == Endorsement.Source.ONLINE
    assert endorsement.recorded_by == personas.partner


def test_a_second_endorsement_by_the_same_organisation_is_refused(client, personas):
    make_statement()
    client.force_login(personas.partner)
    client.post(URL, {"confirm": "on"})
    response = client.post(URL, {"confirm": "on"})
    assert response.status_code == 200
    assert "has already endorsed The Bangkok Statement" in response.content.decode()
    assert Endorsement.objects.count() == 1


def test_the_confirmation_box_is_required(client, personas):
    make_statement()
    client.force_login(personas.partner)
    response = client.post(URL, {})
    assert "Tick the box to confirm" in response.content.decode()
    assert Endorsement.objects.count() == 0


def test_an_outsider_cannot_endorse(client, personas):
    make_statement()
    client.force_login(personas.outsider)
    assert client.get(URL).status_code == 404
    assert client.post(URL, {"confirm": "on"}).status_code == 404
    assert Endorsement.objects.count() == 0


def test_anonymous_is_sent_to_sign_in_and_cannot_endorse(client, db):
    make_statement()
    response = client.get(URL)
    assert response.status_code == 302
    assert "next=" in response["Location"]
    assert client.post(URL, {"confirm": "on"}).status_code in (302, 403)
    assert Endorsement.objects.count() == 0


def test_a_closed_statement_takes_no_endorsement(client, personas):
    make_statement(open_for_endorsement=False)
    client.force_login(personas.partner)
    assert client.get(URL).status_code == 404


def test_the_secretariat_records_an_endorsement_for_any_organisation(client, personas):
    statement = make_statement()
    client.force_login(personas.secretariat)
    response = client.post(URL, {"organisation": personas.other_org.pk, "confirm": "on"})
    assert response.status_code == 302
    endorsement = Endorsement.objects.get(statement=statement)
    assert endorsement.organisation == personas.other_org
    assert endorsement.source == Endorsement.Source.SECRETARIAT


def test_the_service_refuses_a_duplicate_and_the_database_backs_it(personas):
    statement = make_statement()
    endorse_statement(statement, organisation=personas.partner_org, acting_user=None)
    with pytest.raises(ValidationError, match="already endorsed"):
        endorse_statement(statement, organisation=personas.partner_org, acting_user=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        Endorsement.objects.create(statement=statement, organisation=personas.partner_org)


def test_after_endorsing_the_page_says_so_instead_of_offering_to_endorse(client, personas):
    make_statement()
    client.force_login(personas.partner)
    page = "/en/statements/bangkok-statement/"
    assert "Endorse on behalf of your organisation" in client.get(page).content.decode()
    client.post(URL, {"confirm": "on"})
    html = client.get(page).content.decode()
    assert "Endorse on behalf of your organisation" not in html
    assert "International Trade Union Confederation endorses this statement." in html
