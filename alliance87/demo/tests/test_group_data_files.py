"""The groups' demo data (groups, chair terms, memberships, GCG seats,
workplan areas, activities, next steps) moved from Python
(`groups/demo_data.py`) to data files unchanged, and each record's sources
are written as citations the group pages show."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from alliance87.core.models import Basis
from alliance87.demo.tests.fingerprint import fingerprint
from alliance87.groups.models import (
    Activity,
    ChairTerm,
    Group,
    Membership,
    NextStep,
    Seat,
    SeatTerm,
    WorkplanArea,
)

pytestmark = pytest.mark.django_db

MODELS = (Group, ChairTerm, Seat, SeatTerm, Membership, WorkplanArea, Activity, NextStep)

# Taken from the demo as the Python module `groups/demo_data.py` loaded it
# (with the demo accounts' rows, accounts/demo.py), just before the move
# (main at b9fd463), by fingerprint(*MODELS).
BEFORE = {
    "counts": {
        "groups.Group": 9,
        "groups.ChairTerm": 7,
        "groups.Seat": 2,
        "groups.SeatTerm": 1,
        "groups.Membership": 10,
        "groups.WorkplanArea": 4,
        "groups.Activity": 12,
        "groups.NextStep": 11,
    },
    "digest": "6e7edf68b78e759e76e9a54bbf84a3ddcdaad9d710b2d718b0e1f3176f5dc5e5",
}


# The same after one correction made since, against the report: Ambassador
# Shaw's chair-term note in three languages (docs/demo-data.md). Nothing
# else differs: the counts are BEFORE's.
AFTER_CORRECTIONS = {
    "counts": BEFORE["counts"],
    "digest": "c3b9c781ffa643cb05196efb99ad20db64f2e25d7e298585a59669911ef75b57",
}


# The demo accounts' chair term and membership (accounts/demo.py) start on
# the day the demo is loaded; the digest above was taken on this day.
DIGEST_DAY = dt.date(2026, 12, 6)


def test_the_loaded_groups_are_what_the_python_data_loaded_but_for_the_corrections(demo):
    for model in (ChairTerm, Membership):
        model.objects.filter(starts_on__gt=dt.date(2026, 1, 1)).update(starts_on=DIGEST_DAY)
    assert fingerprint(*MODELS) == AFTER_CORRECTIONS


def test_every_group_row_the_data_loads_carries_a_citation(demo):
    demo_org = "demo-organisation"
    for model in MODELS:
        rows: Any = model.objects.all()
        if model in (ChairTerm, Membership):
            # The demo accounts' own rows (accounts/demo.py) are not the data's.
            rows = rows.exclude(organisation__slug__startswith=demo_org)
        for obj in rows:
            assert obj.citations.exists(), f"{model.__name__} {obj.pk} has no citation"


def test_a_chair_not_yet_confirmed_is_so_as_of_the_report(demo):
    france = ChairTerm.objects.get(organisation__slug="government-of-france")
    assert not france.confirmed
    confirmed = france.citations.get(field="confirmed")
    assert confirmed.basis == Basis.REPORTED
    assert (confirmed.as_of.year, confirmed.as_of.month, confirmed.as_of_precision) == (
        2019,
        4,
        "month",
    )


def test_a_membership_the_report_does_not_state_is_said_to_be_inferred(demo):
    walk_free = Membership.objects.get(
        group__slug="migration", organisation__slug="walk-free-foundation"
    )
    tie = walk_free.citations.get(field="organisation")
    assert tie.basis == Basis.INFERRED
    assert "does not say it is a member" in tie.note


def test_the_gcg_page_shows_the_chair_not_yet_confirmed_as_of_april_2019(client, demo):
    page = client.get("/en/groups/global-coordinating-group/").content.decode()
    assert "candidature welcomed, not yet confirmed" in page
    assert "as of April 2019" in page
    assert "Source: Report of the 4th Global Coordinating Group meeting" in page


def test_the_migration_page_says_which_memberships_are_inferred(client, demo):
    page = client.get("/fr/groups/migration/").content.decode()
    assert "does not say it is a member" in page  # the note, written once
    assert "Déduit de :" in page
