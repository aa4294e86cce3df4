"""bench/scale.py's generator: the sizes at a factor, the keys of the kept
databases (the migrations, the demo data and the generator's source),
and the growth, step by step."""

from __future__ import annotations

import hashlib
import inspect
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from unittest import mock

from scale_bench.config import (
    ACTION_ITEMS,
    AGENDA_ITEMS,
    DECISIONS,
    EXCHANGES,
    FULL_ACCOUNTS,
    FULL_ACTIONS_PER_PATHFINDER,
    FULL_MEETINGS,
    FULL_ORGANISATIONS,
    PARTICIPANTS,
    ROOT,
    log,
)
from scale_bench.directory import (
    grow_accounts,
    grow_endorsements_and_members,
    grow_organisations,
    grow_pathfinders,
)
from scale_bench.meetings import grow_meetings
from scale_bench.rows import _name

# -- sizes and the cache key -----------------------------------------------


@dataclass(frozen=True)
class Sizes:
    organisations: int
    accounts: int
    meetings: int
    actions_per_pathfinder: int

    @classmethod
    def at(cls, factor: float) -> Sizes:
        return cls(
            organisations=round(FULL_ORGANISATIONS * factor),
            accounts=round(FULL_ACCOUNTS * factor),
            meetings=round(FULL_MEETINGS * factor),
            actions_per_pathfinder=max(4, round(FULL_ACTIONS_PER_PATHFINDER * factor)),
        )

    @property
    def record_rows(self) -> int:
        per = PARTICIPANTS + AGENDA_ITEMS + EXCHANGES + DECISIONS + ACTION_ITEMS
        return self.meetings * per


def demo_hash() -> str:
    """Hash what the demo database is made of: the migrations and the demo
    data of every area."""
    h = hashlib.sha256()
    app = ROOT / "alliance87"
    patterns = ("*/migrations/*.py", "*/demo*.py", "*/demo/**/*", "*/fixtures/**/*")
    files = sorted(p for pattern in patterns for p in app.glob(pattern))
    for path in files:
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(str(path.relative_to(ROOT)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


def grown_key(factor: float, seed: int, demo: str) -> str:
    h = hashlib.sha256(f"{factor!r} {seed} {demo}".encode())
    for fn in GENERATOR:
        h.update(inspect.getsource(fn).encode())
    return h.hexdigest()[:16]


def timed_step(
    took: dict[str, float],
    name: str,
    fn: Callable[[], Any],
    say: Callable[[str], None] | None = None,
) -> Any:
    """Run one step of a generation in one transaction, in English; note
    the seconds it took in `took` and say them (bench/scale.py's log unless
    `say` is given: bench/data_scale.py's)."""
    from django.db import transaction
    from django.utils import translation

    started = time.monotonic()
    with translation.override("en"), transaction.atomic():
        value = fn()
    took[name] = time.monotonic() - started
    (say or log)(f"  {name}: {took[name]:.0f} s")
    return value


def grow(factor: float, seed: int) -> dict[str, float]:
    """Grow the database the default connection points at; return the
    seconds each step took."""

    from alliance87.core.planner import refresh_statistics
    from alliance87.search import following
    from alliance87.search.index import rebuild

    sizes = Sizes.at(factor)
    rng = random.Random(seed)
    took: dict[str, float] = {}

    def step(name: str, fn: Callable[[], Any]) -> Any:
        return timed_step(took, name, fn)

    # The search index follows each write (search/following.py) by
    # rewriting the documents of the rows written and of those that depend
    # on them: an event's document again for each batch of its records.
    # Here it would take most of an hour, so it is left out while growing,
    # and the index rebuilt once at the end, as `alliance87 reindex` does.
    with mock.patch.object(following, "note", lambda *args, **kwargs: None):
        orgs = step("organisations", lambda: grow_organisations(rng, sizes.organisations))
        people = step("accounts", lambda: grow_accounts(rng, sizes.accounts, orgs))
        step("meetings and records", lambda: grow_meetings(rng, sizes.meetings, orgs, people))
        step("pathfinders (services)", lambda: grow_pathfinders(rng, sizes.actions_per_pathfinder))
        step("endorsements, members", lambda: grow_endorsements_and_members(rng, orgs))
    step("search index", rebuild)
    step("ANALYZE", refresh_statistics)
    return took


GENERATOR: list[Callable[..., Any]] = [
    Sizes.at,
    _name,
    grow_organisations,
    grow_accounts,
    grow_meetings,
    grow_pathfinders,
    grow_endorsements_and_members,
    grow,
]
