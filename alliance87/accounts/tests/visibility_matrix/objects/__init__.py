"""One matrix object per row (content type × level × status), built through
the services, and the scene they are built in: the host meeting, group,
statement and pathfinder whose pages show them.

The objects are built by area, one module each: data, directory, events,
pathfinders, library, comms, community, secretariat, safeguarding; the
scene is scene.py's.
"""

from __future__ import annotations

from typing import Any

from alliance87.accounts.tests.visibility_matrix.objects import (
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
from alliance87.accounts.tests.visibility_matrix.objects.base import Scene, country, make_event
from alliance87.accounts.tests.visibility_matrix.ways import Item

__all__ = ["Scene", "country", "make_event", "make_object"]

BUILDERS = (
    data.build,
    directory.build,
    events.build,
    pathfinders.build,
    library.build,
    comms.build,
    community.build,
    secretariat.build,
    safeguarding.build,
)


def make_object(scene: Scene, n: int, item: Item) -> Any:
    """Build the object of `item`, the `n`th row, with its marker as its
    name or text, and what links it to the pages that show it."""
    for build in BUILDERS:
        obj = build(scene, n, item)
        if obj is not None:
            return obj
    raise AssertionError(item.kind)  # pragma: no cover - a kind without a builder
