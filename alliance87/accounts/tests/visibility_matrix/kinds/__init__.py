"""The content types, the ways out of each, what each persona should see,
and the cells: every item × persona × way.

The kinds are written by area, one module each: data, directory, events,
pathfinders, library, comms, community, secretariat, safeguarding; this
module puts them in the matrix's order.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from alliance87.accounts.tests.visibility_matrix.kinds import (
    comms,
    community,
    data,
    directory,
    events,
    library,
    pathfinders,
    safeguarding,
    secretariat,
)
from alliance87.accounts.tests.visibility_matrix.ways import PERSONAS, Item, Kind, Way

__all__ = ["CELLS", "KINDS", "expected", "items"]

KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        *data.KEY_FIGURES,
        *directory.ORGANISATIONS,
        *events.EVENTS,
        *directory.GROUPS,
        *pathfinders.PATHFINDERS,
        *directory.STATEMENTS,
        *library.RESOURCES,
        *comms.NEWS,
        *comms.CAMPAIGNS,
        *community.COMMUNITY,
        *comms.SURVEYS,
        *library.TERMS,
        *secretariat.INTAKE,
        *data.EDITIONS,
        *secretariat.TOOLS,
        *directory.FILTERS,
        safeguarding.REPORT,
        safeguarding.PSEUDONYM,
    )
}


def items() -> Iterator[Item]:
    for kind in KINDS.values():
        for level in kind.levels:
            for status in kind.statuses:
                yield Item(kind.name, level, status)


def expected(persona: str, item: Item, way: Way) -> bool:
    """Return whether `persona` should see `item` through `way`."""
    kind = KINDS[item.kind]
    if way.expect is not None:
        return way.expect(persona, item) in ("published", "held")
    if way.public_only or persona == "inactive":
        persona = "anonymous"
    if way.seen_by is not None:
        return persona in way.seen_by
    if persona == "secretariat":
        return True
    if way.openers is not None and persona not in way.openers:
        return False
    if persona == "focal" and kind.pathfinder_owned:
        return True
    if persona in kind.readers:
        return True
    if item.status in kind.draft_statuses:
        return False
    if item.level == "public":
        return True
    if item.level == "partners":
        return persona == "partner"
    if item.level == "members":
        return kind.has_group and kind.member_belongs and persona == "member"
    return False


CELLS = [
    pytest.param(item, persona, way, id=f"{item.key}-{persona}-{way.name}")
    for item in items()
    for persona in PERSONAS
    for way in KINDS[item.kind].ways
]
