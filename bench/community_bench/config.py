"""What bench/community.py grows and holds it to: issue 13's sizes against
the demo size, the goals, the pages measured, its databases (bench/scale.py's
helpers pointed at them), and its log."""

from __future__ import annotations

import math
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from scale_bench import databases, measure
from scale_bench.config import WHERE
from scale_bench.measure import Page

BENCH_DIR = Path(__file__).resolve().parent.parent  # bench/
ROOT = BENCH_DIR.parent


README = BENCH_DIR / "README.md"
OUT = BENCH_DIR / "out" / "community"

# Issue 13's sizes at --factor 1, and the demo size they are held against.
FULL_THREADS = 100_000
FULL_REPLIES = 2_000
FLOOR_THREADS = 100
FLOOR_REPLIES = 20
FULL_SUBSCRIBERS = (1_000, 10_000)
DIGEST_POSTS = 3  # a thread and two replies, in the last day
SEEING_SHARE = 0.95  # of the subscribers, in a partner organisation
HIDDEN_SHARE = 0.01  # of the threads and replies, hidden by a moderator
AUTHORS = 50
SPACE = "bench-space"
DIGEST_SPACE = "bench-digest-space"
# The pages' sizes (community.selectors).
THREADS_PER_PAGE = 25
POSTS_PER_PAGE = 30

GOAL_CPU_RATIO = 2.0
GOAL_REPLY_QUERIES = 20  # under
GOAL_MEMORY_RATIO = 1.5
REPLIES_POSTED = 5

PG_DEMO = "alliance87_communitybench_demo"
PG_FLOOR = "alliance87_communitybench_floor"
PG_GROWN = "alliance87_communitybench"
PG_WORK = "alliance87_communitybench_work"
REDIS_URL = os.environ.get("COMMUNITY_BENCH_REDIS_URL", "redis://127.0.0.1:6379/8")
PERSONAS = ("partner", "secretariat")


def log(message: str) -> None:
    print(f"[community] {message}", file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Sizes:
    threads: int
    replies: int

    @classmethod
    def at(cls, factor: float) -> Sizes:
        return cls(
            threads=max(FLOOR_THREADS, round(FULL_THREADS * factor)),
            replies=max(FLOOR_REPLIES, round(FULL_REPLIES * factor)),
        )

    @classmethod
    def floor(cls) -> Sizes:
        return cls(threads=FLOOR_THREADS, replies=FLOOR_REPLIES)

    @property
    def space_pages(self) -> int:
        return math.ceil(self.threads / THREADS_PER_PAGE)

    @property
    def thread_pages(self) -> int:
        return math.ceil((self.replies + 1) / POSTS_PER_PAGE)


def subscriber_sizes(factor: float) -> list[int]:
    small, large = FULL_SUBSCRIBERS
    return [max(100, round(small * factor)), max(1000, round(large * factor))]


def pages(grown: Sizes, thread_pk: int) -> list[Page]:
    """The measured pages. A deep page is asked by the grown database's
    number: Django's paginator shows the last page for a number beyond it,
    so the demo database shows its last page. The middle page is the
    deepest: a space's listing reads a page of its second half from the
    other end (community.selectors.FromNearerEnd)."""
    thread = f"/en/community/{SPACE}/{thread_pk}/"
    space = f"/en/community/{SPACE}/"
    return [
        Page("space, first page", space),
        Page("space, middle page", f"{space}?page={grown.space_pages // 2}"),
        Page("space, last page", f"{space}?page={grown.space_pages}"),
        Page("long thread, first page", thread),
        Page("long thread, last page", f"{thread}?page={grown.thread_pages}"),
    ]


def configure(out: Path) -> None:
    """Point bench/scale.py's helpers at this bench's databases."""
    WHERE.out = out
    databases.PG_DEMO, databases.PG_GROWN, databases.PG_WORK = PG_DEMO, PG_GROWN, PG_WORK
    databases.REDIS_URL = REDIS_URL
    measure.PERSONAS = PERSONAS  # type: ignore[assignment]
    # Background work on the database queue (not RQ), on every engine.
    os.environ["TASKS_BACKEND"] = "database"
