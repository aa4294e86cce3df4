"""What bench/data_scale.py grows and holds it to: issue 14's sizes, the
goals, the pages measured, its databases (bench/scale.py's helpers pointed
at them), and its log."""

from __future__ import annotations

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
OUT = BENCH_DIR / "out" / "data_scale"

# The sizes of issue 14 at --factor 1.
FULL_INDICATORS = 200
GEOGRAPHIES = 200
YEARS = 30
FIRST_YEAR = 1996
BREAKDOWNS = (  # sex, age, sector
    ("total", "all", "all"),
    ("female", "all", "all"),
    ("male", "all", "all"),
    ("total", "5-17", "all"),
    ("total", "all", "agriculture"),
)
EDITIONS = 3
IMPORT_ROWS = (100_000, 1_000_000)
IMPORT_YEARS = 50  # 1975-2024
SOURCE_URL = "https://example.org/alliance87/bench/generated"

GOAL_CPU_RATIO = 3.0
GOAL_MEMORY_RATIO = 1.25

PAGES = [
    Page("country profile (Nepal)", "/en/countries/npl/"),
    Page("/data/ map", "/en/data/"),
]
PG_DEMO = "alliance87_h8_scale_demo"
PG_GROWN = "alliance87_h8_scale"
PG_WORK = "alliance87_h8_scale_work"
REDIS_URL = os.environ.get("DATA_SCALE_REDIS_URL", "redis://127.0.0.1:6379/8")


def configure(out: Path) -> None:
    """Point bench/scale.py's helpers at this bench's databases and pages."""
    WHERE.out = out
    databases.PG_DEMO, databases.PG_GROWN, databases.PG_WORK = PG_DEMO, PG_GROWN, PG_WORK
    databases.REDIS_URL = REDIS_URL
    measure.PAGES = PAGES
    measure.PERSONAS = ("anonymous",)  # type: ignore[assignment]


def log(message: str) -> None:
    print(f"[data-scale] {message}", file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Sizes:
    indicators: int
    geographies: int = GEOGRAPHIES
    years: int = YEARS
    breakdowns: int = len(BREAKDOWNS)
    editions: int = EDITIONS

    @classmethod
    def at(cls, factor: float) -> Sizes:
        return cls(indicators=max(2, round(FULL_INDICATORS * factor)))

    @property
    def observations(self) -> int:
        return self.indicators * self.geographies * self.years * self.breakdowns * self.editions

    def import_rows(self, factor: float) -> list[int]:
        return [max(1000, round(n * factor)) for n in IMPORT_ROWS]
