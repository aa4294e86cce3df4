"""The public page of a statement: endorsers by stakeholder type, and the
published count kept apart from the endorsements recorded."""

from __future__ import annotations

from alliance87.partners.models import StakeholderType
from alliance87.statements.models import Endorsement
from alliance87.statements.services import endorse_statement
from alliance87.testing.factories import make_organisation, make_statement


def test_the_page_counts_endorsers_by_type_and_labels_the_sample(client, personas):
    statement = make_statement(
        published_endorsements=70,
        published_endorsements_note="more than 70 stakeholders",
        published_endorsements_note_en="more than 70 stakeholders",
    )
    endorse_statement(statement, organisation=personas.partner_org, acting_user=None)
    ngo = make_organisation("ngo", "Some NGO", stakeholder_type=StakeholderType.CIVIL_SOCIETY)
    endorse_statement(
        statement, organisation=ngo, acting_user=None, source=Endorsement.Source.SAMPLE
    )
    response = client.get("/en/statements/bangkok-statement/")
    html = response.content.decode()
    assert b"csrfmiddlewaretoken" not in response.content
    assert "more than 70 stakeholders" in html
    assert "labelled sample" in html
    assert "demonstration sample" in html
    assert "Workers&#x27; organisation" in html or "Workers' organisation" in html
    assert "Civil society" in html
    assert "Some NGO" in html


def test_the_list_shows_published_and_recorded_counts(client, personas):
    statement = make_statement(published_endorsements=70)
    endorse_statement(statement, organisation=personas.partner_org, acting_user=None)
    html = client.get("/en/statements/").content.decode()
    assert "1 endorsement recorded on the Hub" in html
