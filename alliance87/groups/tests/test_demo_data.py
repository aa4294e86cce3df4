"""The groups of the seed, loaded by the demo, and only what it says."""

from __future__ import annotations

from alliance87.demo.services import load_demo
from alliance87.groups.models import ChairRole, Group, GroupStatus, Membership
from alliance87.groups.selectors import group_page
from alliance87.partners.models import StakeholderType


def test_the_demo_loads_the_seeds_groups_idempotently(demo):
    assert not load_demo().changed
    migration = Group.objects.get(slug="migration")
    first = migration.workplan_areas.order_by("order").first()
    assert first is not None and first.title.startswith("A research agenda")
    assert migration.workplan_areas.count() == 4
    assert migration.next_steps.count() == 4
    co_chairs = migration.chair_terms.filter(role=ChairRole.CO_CHAIR)
    # The report's co-chairs, and the demo organisation of the chair persona
    # (a demo account, never shown as IOM's or UNICEF's co-chair).
    assert {t.organisation.slug for t in co_chairs} == {"iom", "unicef", "demo-organisation"}
    assert co_chairs.get(organisation__slug="iom").person is None
    conflict = Group.objects.get(slug="conflict-and-humanitarian-settings")
    assert conflict.status == GroupStatus.SEEKING_CHAIR
    ceag = Group.objects.get(slug="communications-and-engagement")
    assert ceag.subgroups.filter(slug="ceag-steering-committee").exists()


def test_the_gcg_chair_handed_over_from_australia_to_france(demo):
    gcg = Group.objects.get(slug="global-coordinating-group")
    page = group_page(None, gcg)
    assert [t.organisation.slug for t in page.current_chairs] == ["government-of-france"]
    assert [t.organisation.slug for t in page.past_chairs] == ["government-of-australia"]
    assert page.vacant_seats >= 1
    assert any(s.seat.open_for_nominations and s.current is None for s in page.seats)


def test_no_government_is_recorded_in_an_action_group(demo):
    # The seed's chair saw that governments took little part in the action
    # groups; the demo invents no membership the seed does not report.
    assert not Membership.objects.filter(
        group__kind="action_group", organisation__stakeholder_type=StakeholderType.GOVERNMENT
    ).exists()


def test_the_french_migration_page_reads_in_french(client, demo):
    html = client.get("/fr/groups/migration/").content.decode()
    assert (
        "Groupe d'action sur les migrations" in html
        or "Groupe d&#x27;action sur les migrations" in html
    )
    assert "Un programme de recherche" in html
