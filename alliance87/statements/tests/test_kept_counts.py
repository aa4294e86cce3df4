"""The counts of a statement's endorsers are kept with every write (issue
16): after each kind of write, through the services, the admin's saves or
the bulk writes of HubQuerySet, the kept counts are what counting the
endorsements afresh gives; and the pages read them only as the visitor may
see them."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, ProtectedError, Q

from alliance87.partners.models import Organisation, StakeholderType
from alliance87.partners.services import save_organisation
from alliance87.statements.models import Endorsement, EndorserCount, Statement
from alliance87.statements.services import endorse_statement
from alliance87.testing.factories import make_organisation, make_statement

Counts = dict[tuple[int, str, str], tuple[int, int]]


def fresh() -> Counts:
    """Count every endorsement now, by statement, type and visibility."""
    rows = (
        Endorsement.objects.order_by()
        .values_list("statement_id", "organisation__stakeholder_type", "organisation__visibility")
        .annotate(n=Count("pk"), samples=Count("pk", filter=Q(source="sample")))
    )
    return {(s, t, v): (n, k) for s, t, v, n, k in rows}


def kept() -> Counts:
    return {
        (c.statement_id, c.stakeholder_type, c.visibility): (c.endorsers, c.samples)
        for c in EndorserCount.objects.all()
    }


@pytest.fixture
def endorsed(db):
    """Two statements; five organisations of two types and three
    visibilities, four of them endorsing the first, one the second."""
    first = make_statement()
    second = make_statement(slug="second", title="Second")
    orgs = [
        make_organisation(
            f"org-{n}",
            f"Org {n}",
            stakeholder_type=StakeholderType.ACADEMIA if n % 2 else StakeholderType.WORKERS,
            visibility=("public", "partners", "secretariat")[n % 3],
        )
        for n in range(5)
    ]
    for org in orgs[:4]:
        endorse_statement(first, organisation=org, acting_user=None)
    endorse_statement(
        second, organisation=orgs[4], acting_user=None, source=Endorsement.Source.SAMPLE
    )
    return first, second, orgs


def test_the_service_keeps_the_counts(endorsed):
    first, _, _ = endorsed
    assert kept() == fresh()
    assert sum(n for (s, _, _), (n, _) in kept().items() if s == first.pk) == 4


def test_a_deleted_endorsement_leaves_the_count(endorsed):
    first, _, orgs = endorsed
    Endorsement.objects.get(statement=first, organisation=orgs[0]).delete()
    assert kept() == fresh()
    Endorsement.objects.filter(statement=first).delete()  # a queryset's delete
    assert kept() == fresh()
    assert not EndorserCount.objects.filter(statement=first).exists()


def test_bulk_created_endorsements_are_counted(endorsed):
    _, second, orgs = endorsed
    Endorsement.objects.bulk_create(
        [Endorsement(statement=second, organisation=org) for org in orgs[:4]]
    )
    assert kept() == fresh()


def test_updated_endorsements_are_recounted_where_they_were_and_are(endorsed):
    first, second, orgs = endorsed
    Endorsement.objects.filter(statement=first, organisation=orgs[1]).update(source="sample")
    assert kept() == fresh()
    # Moved by an update: counted again under both statements.
    Endorsement.objects.filter(statement=first, organisation=orgs[2]).update(statement=second)
    assert kept() == fresh()
    # Moved by a save (the admin's form can).
    moved = Endorsement.objects.get(statement=first, organisation=orgs[3])
    moved.statement = second
    moved.save()
    assert kept() == fresh()
    # bulk_update.
    rows = list(Endorsement.objects.filter(statement=second))
    for row in rows:
        row.source = "secretariat"
        row.statement = first
    Endorsement.objects.bulk_update(rows, ["source", "statement"])
    assert kept() == fresh()


def test_an_organisations_visibility_or_type_moves_its_endorsements_counts(endorsed):
    _, _, orgs = endorsed
    org = orgs[0]
    org.visibility = "partners"
    save_organisation(org, acting_user=None)
    assert kept() == fresh()
    org.stakeholder_type = StakeholderType.CIVIL_SOCIETY
    save_organisation(org, acting_user=None)
    assert kept() == fresh()
    Organisation.objects.filter(pk__in=[o.pk for o in orgs]).update(visibility="public")
    assert kept() == fresh()
    for o in orgs:
        o.stakeholder_type = StakeholderType.GOVERNMENT
    Organisation.objects.bulk_update(orgs, ["stakeholder_type"])
    assert kept() == fresh()
    Organisation.objects.filter(pk=orgs[1].pk).update_rows([orgs[1].pk], visibility="members")
    assert kept() == fresh()


def test_deleting_an_organisation_or_a_statement_leaves_no_stale_count(endorsed):
    first, second, orgs = endorsed
    with pytest.raises(ProtectedError), transaction.atomic():
        orgs[0].delete()  # its endorsement protects it
    assert kept() == fresh()
    Endorsement.objects.filter(organisation=orgs[0]).delete()
    orgs[0].delete()
    assert kept() == fresh()
    second.delete()
    first.delete()
    assert not Statement.objects.exists()
    assert kept() == fresh() == {}


def test_a_write_rolled_back_leaves_the_counts_as_they_were(endorsed):
    first, _, _ = endorsed
    before = kept()
    with pytest.raises(RuntimeError), transaction.atomic():
        Endorsement.objects.filter(statement=first).delete()
        assert kept() != before
        raise RuntimeError
    assert kept() == before == fresh()


def test_the_pages_read_the_kept_counts_as_the_visitor_may_see_them(client, personas, endorsed):
    first, _, _ = endorsed
    # orgs 0..3 endorse the first: public, partners, secretariat, public.
    page = "/en/statements/bangkok-statement/"
    assert "2 endorsements recorded on the Hub" in client.get("/en/statements/").content.decode()
    assert "<dd>2</dd>" in client.get(page).content.decode()
    client.force_login(personas.partner)
    assert "<dd>3</dd>" in client.get(page).content.decode()
    client.force_login(personas.secretariat)
    assert "<dd>4</dd>" in client.get(page).content.decode()
    # What the page shows is the kept count, not a count of the rows: a
    # count changed behind the endorsements' back shows.
    EndorserCount.objects.filter(
        statement=first, visibility="public", stakeholder_type=StakeholderType.WORKERS
    ).update(endorsers=50)
    cache.clear()
    client.logout()
    assert "<dd>51</dd>" in client.get(page).content.decode()


@pytest.mark.django_db(transaction=True)
def test_two_endorsements_at_once_are_both_counted():
    """The second recount waits for the first transaction and sees its
    endorsement (its statement's row is locked; no deadlock with the
    insert's lock on the same row). PostgreSQL: SQLite has one writer."""
    import threading
    import time

    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("SQLite writes one transaction at a time")
    statement = make_statement()
    orgs = [make_organisation(f"at-once-{n}", f"At once {n}") for n in range(2)]
    errors: list[str] = []

    def endorse(n: int, hold: float) -> None:
        try:
            with transaction.atomic():
                endorse_statement(statement, organisation=orgs[n], acting_user=None)
                time.sleep(hold)  # the other one endorses meanwhile
        except Exception as error:  # reported below, in the test's thread
            errors.append(repr(error))
        finally:
            connection.close()

    first = threading.Thread(target=endorse, args=(0, 1.0))
    second = threading.Thread(target=endorse, args=(1, 0.0))
    first.start()
    time.sleep(0.3)
    second.start()
    first.join()
    second.join()
    assert errors == []
    assert kept() == fresh()
    assert sum(n for n, _ in kept().values()) == 2
