"""/groups/engagement/: participation by stakeholder type, as SVG charts
with the same numbers in tables, and as open data (CSV, XLSX, JSON:
api.opendata)."""

from __future__ import annotations

import csv
import io
import json

from openpyxl import load_workbook

from alliance87.core import hooks
from alliance87.groups import analytics
from alliance87.groups.services import add_member
from alliance87.partners.models import StakeholderType
from alliance87.testing.factories import make_organisation
from alliance87.testing.personas import sign_in


def _members(world):
    add_member(world.migration, organisation=world.iom, acting_user=None)
    add_member(world.migration, organisation=world.unicef, acting_user=None)
    add_member(world.migration, organisation=world.australia, acting_user=None)
    ngo = make_organisation("cmd", "=HYPERLINK(1)", stakeholder_type=StakeholderType.CIVIL_SOCIETY)
    add_member(world.migration, organisation=ngo, acting_user=None)


def test_counts_are_by_stakeholder_type_per_group_and_for_action_groups_together(world, personas):
    _members(world)
    data = analytics.engagement(personas.secretariat)
    migration = next(b for b in data.groups if b.group == world.migration)
    counts = {value: count for value, _label, count in migration.rows}
    assert counts[StakeholderType.UN_INTERNATIONAL] == 2
    assert counts[StakeholderType.GOVERNMENT] == 1
    assert counts[StakeholderType.CIVIL_SOCIETY] == 1
    assert counts[StakeholderType.WORKERS] == 0
    assert migration.total == 4
    overall = {v: c for v, _l, c in data.action_groups.rows}
    assert overall[StakeholderType.UN_INTERNATIONAL] == 2


def test_the_page_has_a_named_svg_chart_and_the_same_numbers_in_a_table(client, world, personas):
    _members(world)
    sign_in(client, personas.secretariat)
    html = client.get("/en/groups/engagement/").content.decode()
    assert 'role="img"' in html and 'aria-labelledby="chart-migration-title' in html
    assert '<title id="chart-migration-title">' in html
    assert " style=" not in html
    assert "<caption>Participation in Action Group on Migration</caption>" in html


COLUMNS = [
    "scope",
    "group",
    "period",
    "name",
    "stakeholder_type",
    "stakeholder_type_name",
    "organisations",
]


def test_the_figures_download_as_csv_xlsx_and_json(client, world, personas):
    _members(world)
    sign_in(client, personas.secretariat)
    response = client.get("/en/groups/engagement.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="alliance87-engagement-' in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == COLUMNS
    government = ["group", "migration", "", "Action Group on Migration", "government"]
    assert [*government, "Government", "1"] in rows
    as_json = json.loads(client.get("/en/groups/engagement.json").content)
    assert dict(zip(COLUMNS, [*government, "Government", 1], strict=True)) in as_json
    sheet = load_workbook(io.BytesIO(client.get("/en/groups/engagement.xlsx").content)).active
    assert next(list(r) for r in sheet.iter_rows(values_only=True)) == COLUMNS
    # Names in the language of the address; the columns and keys stay.
    french = list(
        csv.reader(io.StringIO(client.get("/fr/groups/engagement.csv").content.decode()))
    )
    assert french[0] == COLUMNS and [r[:5] for r in french] == [r[:5] for r in rows]
    # The page links the three.
    page = client.get("/en/groups/engagement/").content.decode()
    for fmt in ("csv", "xlsx", "json"):
        assert f'href="/en/groups/engagement.{fmt}"' in page


def test_a_group_name_a_spreadsheet_would_run_is_escaped(client, world, personas):
    add_member(world.migration, organisation=world.iom, acting_user=None)
    group = world.migration
    type(group).objects.filter(pk=group.pk).update(name="=HYPERLINK(1)")
    sign_in(client, personas.secretariat)
    rows = list(csv.reader(io.StringIO(client.get("/en/groups/engagement.csv").content.decode())))
    assert {r[3] for r in rows if r[1] == "migration"} == {"'=HYPERLINK(1)"}
    sheet = load_workbook(io.BytesIO(client.get("/en/groups/engagement.xlsx").content)).active
    assert "'=HYPERLINK(1)" in {r[3] for r in sheet.iter_rows(values_only=True)}


def test_events_participation_appears_once_a_provider_is_registered(client, world, personas):
    def provider(user):
        return [
            hooks.EventParticipation("2019", StakeholderType.GOVERNMENT, 3),
            hooks.EventParticipation("2019", StakeholderType.CIVIL_SOCIETY, 9),
        ]

    with hooks.EVENT_PARTICIPATION.registered(provider):
        data = analytics.engagement(personas.secretariat)
        assert [b.key for b in data.events] == ["events-2019"]
        counts = {v: c for v, _l, c in data.events[0].rows}
        assert counts[StakeholderType.CIVIL_SOCIETY] == 9
        assert (
            "Participation in events, 2019"
            in client.get("/en/groups/engagement/").content.decode()
        )


def _many(world, kind, n, prefix):
    for i in range(n):
        org = make_organisation(f"{prefix}-{i}", f"{prefix} {i}", stakeholder_type=kind)
        add_member(world.migration, organisation=org, acting_user=None)


def test_the_public_sees_no_count_under_eleven_nor_one_it_could_work_out(client, world):
    _many(world, StakeholderType.CIVIL_SOCIETY, 12, "cso")
    _many(world, StakeholderType.GOVERNMENT, 14, "gov")
    _many(world, StakeholderType.WORKERS, 3, "union")
    data = analytics.engagement(None)
    migration = next(b for b in data.groups if b.group == world.migration)
    counts = {value: count for value, _label, count in migration.rows}
    # 3 is hidden; with the total shown, 12 (the smallest other) goes too.
    assert counts[StakeholderType.WORKERS] is None
    assert counts[StakeholderType.CIVIL_SOCIETY] is None
    assert counts[StakeholderType.GOVERNMENT] == 14
    assert counts[StakeholderType.EMPLOYERS] == 0  # no one: nothing to protect
    assert migration.total == 29
    # The action groups together add up the same organisations: their
    # counts by type would give the hidden ones away, and are hidden too.
    overall = {v: c for v, _l, c in data.action_groups.rows}
    assert overall[StakeholderType.WORKERS] is None
    html = client.get("/en/groups/engagement/").content.decode()
    assert "Counts from 1 to 10 are not shown" in html
    assert ">3<" not in html and "Trade unions: 3" not in html
    rows = list(csv.reader(io.StringIO(client.get("/en/groups/engagement.csv").content.decode())))
    workers = [r for r in rows if r[1] == "migration" and r[4] == StakeholderType.WORKERS]
    assert workers and workers[0][6] == ""
    as_json = json.loads(client.get("/en/groups/engagement.json").content)
    hidden = [
        r for r in as_json if r["group"] == "migration" and r["stakeholder_type"] == "workers"
    ]
    assert hidden and hidden[0]["organisations"] is None
    assert "3" not in {str(r["organisations"]) for r in as_json if r["group"] == "migration"}


def test_a_group_with_fewer_than_eleven_members_shows_no_count_to_the_public(world):
    _members(world)  # four organisations
    data = analytics.engagement(None)
    migration = next(b for b in data.groups if b.group == world.migration)
    assert migration.total is None
    assert all(count in (None, 0) for _v, _l, count in migration.rows)
    assert migration.has_hidden


def test_the_secretariat_sees_every_count(world, personas):
    _many(world, StakeholderType.WORKERS, 3, "union")
    data = analytics.engagement(personas.secretariat)
    migration = next(b for b in data.groups if b.group == world.migration)
    assert {v: c for v, _l, c in migration.rows}[StakeholderType.WORKERS] == 3
    assert not data.rule
