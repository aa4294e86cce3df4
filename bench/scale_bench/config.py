"""What bench/scale.py grows and holds it to: issue 16's sizes, the goals,
where the databases are kept and the results written, and its log."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent.parent  # bench/
ROOT = BENCH_DIR.parent


@dataclass
class Where:
    """Where the databases are kept and the results written (--out and
    --readme: a snapshot of the tree made with `git archive` runs the bench
    while others edit the checkout)."""

    out: Path = BENCH_DIR / "out" / "scale"
    readme: Path = BENCH_DIR / "README.md"


WHERE = Where()
START_MARKER = "<!-- scale-results:start -->"
END_MARKER = "<!-- scale-results:end -->"


# The sizes of issue 16 at --factor 1.
FULL_ORGANISATIONS = 50_000
FULL_ACCOUNTS = 10_000
FULL_MEETINGS = 20_000
PATHFINDERS = 40  # at every factor: the countries are there
FULL_ACTIONS_PER_PATHFINDER = 200
# Record rows of one grown meeting: 23 x 20,000 = 460,000 at factor 1.
PARTICIPANTS = 10
AGENDA_ITEMS = 5
EXCHANGES = 3
DECISIONS = 2
ACTION_ITEMS = 3
MEETINGS_PER_SERIES = 20
ENDORSING_SHARE = 0.05  # of the new organisations, endorse the statement
MEMBER_SHARE = 0.02  # join the Action Group on Migration
NEPAL_SHARE = 0.05  # based in Nepal (the measured country page)
BATCH = 2000

# The goals (issue 16, DESIGN.md "Budgets").
GOAL_CPU_RATIO = 2.0
GOAL_WEIGHT_BYTES = 60_000
GOAL_HIT_RATE = 0.85
GOAL_SIGNED_IN_SHARE = 0.15


def log(message: str) -> None:
    print(f"[scale] {message}", file=sys.stderr, flush=True)
