"""The figures a page shows count only what the persona may see."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from alliance87.accounts.tests.visibility_matrix.kinds import expected, items
from alliance87.accounts.tests.visibility_matrix.ways import (
    HOST_GROUP,
    PERSONAS,
    Way,
    World,
    fixed,
)
from alliance87.core import smallcells


def _number(pattern: str) -> Callable[[str], int]:
    def read(body: str) -> int:
        found = re.search(pattern, body)
        return int(found.group(1)) if found else 0

    return read


def _host_group_activities(body: str) -> int:
    card = body.split(f'<h3><a href="/en/groups/{HOST_GROUP}/">', 1)[1].split("</li>", 1)[0]
    return _number(r"of (\d+) activit")(card)


def _event_participation(body: str) -> int:
    # One row per (period, stakeholder type): the matrix events are held in
    # 2018, and the academy is the only academia that takes part.
    for row in csv.DictReader(io.StringIO(body)):
        if (row["scope"], row["period"], row["stakeholder_type"]) == (
            "events",
            "2018",
            "academia",
        ):
            return int(row["organisations"])
    return 0


def _host_group_members(body: str) -> int:
    # One row per (group, stakeholder type): every matrix organisation is a
    # member of the host group, of civil society, as are the member
    # persona's and the matrix people's organisations (both public).
    for row in csv.DictReader(io.StringIO(body)):
        if (row["group"], row["stakeholder_type"]) == (HOST_GROUP, "civil_society"):
            return int(row["organisations"])
    return 0


def _host_statement_endorsements(body: str) -> int:
    # Every matrix organisation endorses the host statement.
    card = body.split(">Host statement</a>", 1)[1].split("</li>", 1)[0]
    return _number(r"(\d+) endorsements? recorded")(card)


@dataclass(frozen=True)
class Figure:
    name: str
    kind: str  # the matrix objects it counts
    url: str
    read: Callable[[str], int]


FIGURES = (
    Figure("home-partners", "organisation", "/en/", _number(r"(\d+) partner organisation")),
    Figure("group-activities", "activity", "/en/groups/", _host_group_activities),
    Figure(
        "roadmap-actions",
        "roadmap",
        "/en/pathfinders/",
        _number(r"Roadmap actions by status \((\d+) action"),
    ),
    Figure("event-participation", "event", "/en/groups/engagement.csv", _event_participation),
    Figure("group-members", "organisation", "/en/groups/engagement.csv", _host_group_members),
    Figure(
        "statement-endorsements", "organisation", "/en/statements/", _host_statement_endorsements
    ),
)


@pytest.mark.django_db
@pytest.mark.usefixtures("no_page_cache")
@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f.name)
@pytest.mark.parametrize("persona", [p for p in PERSONAS if p != "anonymous"])
def test_counts_agree(
    world: World, persona: str, figure: Figure, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A count counts what the persona may see: beyond what anonymous
    visitors count, exactly the matrix objects the persona sees and they
    do not (other rows in the count are public). Read as counted, before
    the small-number rule hides the small ones (core/smallcells.py, whose
    tests and groups/tests/test_engagement.py hold the rule itself)."""
    monkeypatch.setattr(smallcells, "applies_to", lambda user: False)
    rows = [item for item in items() if item.kind == figure.kind]
    way = Way(figure.name, fixed(figure.url))

    def count(who: str) -> int:
        user = world.user(who, rows[0])
        # Read afresh, and kept from the other cells: the world keeps each
        # answer, and the cells' copy of this address is read under the rule.
        key = (getattr(user, "pk", None), figure.url)
        kept = world.responses.pop(key, None)
        status, body = world.get(user, figure.url)
        world.responses.pop(key, None)
        if kept is not None:
            world.responses[key] = kept
        assert status == 200
        return figure.read(body)

    extra = sum(expected(persona, i, way) - expected("anonymous", i, way) for i in rows)
    assert count(persona) - count("anonymous") == extra
