"""What the grown-data benches share in their reports (bench/scale.py,
bench/community.py, bench/data_scale.py): one page's measure, the fields
of a run's report, the header of its table, its figures, and its block in
bench/README.md."""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent


@dataclass
class Measure:
    status: int = 0
    uncached_ms: float = 0.0
    cached_ms: float = 0.0
    cached_state: str = ""
    queries: int = 0
    html_gzip: int = 0
    weight: int = 0  # HTML and its same-origin assets, gzipped
    error: str = ""
    sql: list[tuple[float, str]] = field(default_factory=list)  # seconds, SQL


Measures = dict[str, dict[tuple[str, str], Measure]]  # label: (persona, page): ...


@dataclass
class GrownReport:
    """A run at demo size and grown: each bench's `Report` adds its own."""

    engine: str
    factor: float
    seed: int
    runs: int
    started: dt.datetime
    sizes: dict[str, dict[str, int]] = field(default_factory=dict)
    generation: dict[str, float] = field(default_factory=dict)
    generated_now: bool = False
    database_size: str = ""
    hello_ms: float = 0.0
    pages: Measures = field(default_factory=dict)
    # (persona, page): the median of each round's grown/demo ratio
    ratios: dict[tuple[str, str], float] = field(default_factory=dict)
    goals: list[tuple[str, bool]] = field(default_factory=list)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "**FAIL**"


def checkout_revision() -> str:
    """The checkout's revision, said dirty when it is."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=BENCH_DIR.parent,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=BENCH_DIR.parent,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return head + (" with uncommitted changes" if dirty else "")


def git_revision() -> str:
    revision = BENCH_DIR.parent / "REVISION"  # a snapshot of the tree made by `git archive`
    if revision.exists():
        return revision.read_text().strip() + " (snapshot)"
    return checkout_revision()


def share(x: float) -> str:
    """Return `x` as a percentage, with a second decimal below 1%."""
    return f"{x:.1%}" if x >= 0.01 else f"{x:.2%}"


def fmt(ms: float) -> str:
    return f"{ms:,.1f}" if ms < 100 else f"{ms:,.0f}"


def run_header(r: Any, target: str, heading: str) -> list[str]:
    """The lines that open a grown run's report (bench/scale.py's and
    bench/data_scale.py's): engine, revision, machine, command, the sizes
    demo and grown, and how long the generation took."""
    engine = "SQLite" if r.engine == "sqlite" else "PostgreSQL (cache: Redis)"
    cmd = f"make {target}" + (" DATABASE=postgres" if r.engine == "postgres" else "")
    lines = [
        f"{heading} {engine}, factor {r.factor}",
        "",
        f"Run of {r.started:%Y-%m-%d %H:%M} UTC on revision {git_revision()}: "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, "
        f"`{cmd} FACTOR={r.factor}` (seed {r.seed}, {r.runs} runs per figure; "
        f"load average {os.getloadavg()[0]:.1f} at the end).",
        "",
        "| rows | demo | grown |",
        "|---|---:|---:|",
    ]
    for what in r.sizes["demo"]:
        lines.append(f"| {what} | {r.sizes['demo'][what]:,} | {r.sizes['grown'][what]:,} |")
    took = r.generation
    if took:
        steps = ", ".join(f"{k} {v:,.0f} s" for k, v in took.items() if k != "total")
        lines += [
            "",
            f"Generation: {took.get('total', 0):,.0f} s ({steps}); grown database "
            f"{r.database_size}"
            + ("" if r.generated_now else " (reused from an earlier run: same key)")
            + ".",
        ]
    return lines


def write_block(
    readme: Path, block: str, start: str, end: str, log: Callable[[str], None]
) -> None:
    """Replace the block between `start` and `end` in `readme` (read
    afresh: others edit other sections); say so when a marker is missing."""
    text = readme.read_text()
    if start not in text or end not in text:
        log(f"no {start} marker in {readme}: results not written there")
        return
    head, rest = text.split(start, 1)
    readme.write_text(f"{head}{start}\n{block}{end}{rest.split(end, 1)[1]}")
