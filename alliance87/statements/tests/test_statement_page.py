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


def test_the_lists_count_leaves_out_endorsers_the_visitor_may_not_see(client, personas):
    statement = make_statement()
    endorse_statement(statement, organisation=personas.partner_org, acting_user=None)
    hidden = make_organisation("hidden", "Hidden org", visibility="partners")
    endorse_statement(statement, organisation=hidden, acting_user=None)
    html = client.get("/en/statements/").content.decode()
    assert "1 endorsement recorded on the Hub" in html
    client.force_login(personas.partner)
    assert "2 endorsements recorded on the Hub" in client.get("/en/statements/").content.decode()


def test_thousands_of_endorsers_are_read_a_page_at_a_time_with_whole_counts(
    client, personas, django_assert_max_num_queries
):
    from alliance87.statements.selectors import ENDORSERS_PAGE_SIZE

    statement = make_statement()
    many = ENDORSERS_PAGE_SIZE * 2 + 10
    for n in range(many):
        kind = StakeholderType.CIVIL_SOCIETY if n % 2 else StakeholderType.ACADEMIA
        org = make_organisation(f"org-{n:03d}", f"Org {n:03d}", stakeholder_type=kind)
        endorse_statement(statement, organisation=org, acting_user=None)
    hidden = make_organisation("hidden", "Hidden org", visibility="partners")
    endorse_statement(statement, organisation=hidden, acting_user=None)

    with django_assert_max_num_queries(20):
        first = client.get("/en/statements/bangkok-statement/").content.decode()
    assert first.count('<li><a href="/en/partners/org-') == ENDORSERS_PAGE_SIZE
    # The counts are the whole list's, as the visitor may see it.
    assert first.count(f'data-label="Organisations">{many // 2}</td>') == 2
    assert "Page 1 of 3" in first
    last = client.get("/en/statements/bangkok-statement/?page=3").content.decode()
    assert last.count('<li><a href="/en/partners/org-') == 10
    assert "Hidden org" not in first + last
    # Civil society comes before academia (the types' order), each by name:
    # the odd-numbered first.
    assert "Org 001" in first and "Org 199" in first
    assert "Org 201" not in first and "Org 000" not in first
    client.force_login(personas.partner)
    seen = client.get("/en/statements/bangkok-statement/").content.decode()
    assert "Hidden org" in seen
    assert seen.count(f'data-label="Organisations">{many // 2 + 1}</td>') == 1


def test_each_page_of_endorsers_holds_the_next_rows_of_the_whole_list(db):
    """A page reads only the stakeholder types it shows: the pages, one
    after the other, are the whole list in the types' own order (not the
    alphabet's: workers before civil society before academia), each type
    by name, whatever page boundary falls inside a type."""
    from unittest import mock

    from django.contrib.auth.models import AnonymousUser

    from alliance87.partners.models import stakeholder_type_order
    from alliance87.statements import selectors

    statement = make_statement()
    kinds = [StakeholderType.ACADEMIA, StakeholderType.CIVIL_SOCIETY, StakeholderType.WORKERS]
    for n in range(11):
        org = make_organisation(f"org-{n:02d}", f"Org {n:02d}", stakeholder_type=kinds[n % 3])
        endorse_statement(statement, organisation=org, acting_user=None)
    whole = list(
        Endorsement.objects.filter(statement=statement)
        .order_by(
            stakeholder_type_order("organisation__stakeholder_type"), "organisation__sort_name"
        )
        .values_list("organisation__slug", flat=True)
    )
    assert whole[0] == "org-02" and whole[-1] == "org-09"  # workers first, academia last
    with mock.patch.object(selectors, "ENDORSERS_PAGE_SIZE", 4):
        pages = [selectors.endorsers(AnonymousUser(), statement, n) for n in (1, 2, 3)]
    assert [e.organisation.slug for p in pages for e in p.page.object_list] == whole
    assert [p.total for p in pages] == [11, 11, 11]
    assert pages[0].page.paginator.num_pages == 3
