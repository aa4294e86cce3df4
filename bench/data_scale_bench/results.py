"""The report of bench/data_scale.py: the figures held to issue 14's goals
and rendered between the data-scale markers of bench/README.md."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from report import GrownReport, fmt, run_header, verdict, write_block  # bench/report.py

from data_scale_bench.config import GOAL_CPU_RATIO, GOAL_MEMORY_RATIO, PAGES, README, log

# -- the report -------------------------------------------------------------------


@dataclass
class Report(GrownReport):
    imports: list[dict[str, Any]] = field(default_factory=list)
    imports_measured: str = ""  # when kept from an earlier run (--no-import)


def judge(r: Report) -> None:
    for page in PAGES:
        d, g = (
            r.pages["demo"][("anonymous", page.name)],
            r.pages["grown"][("anonymous", page.name)],
        )
        q = r.ratios.get(("anonymous", page.name))
        ok = q is not None and not d.error and not g.error and q <= GOAL_CPU_RATIO
        shown = f"{q:.1f}×" if q is not None else (d.error or g.error)
        r.goals.append(
            (f"{page.name}: uncached CPU grown ≤ {GOAL_CPU_RATIO:.0f}× demo ({shown})", ok)
        )
    saved = [i for i in r.imports if i.get("status") == "saved"]
    r.goals.append(
        (
            f"every import saved whole ({len(saved)} of {len(r.imports)})",
            len(saved) == len(r.imports) and bool(saved),
        )
    )
    if len(saved) >= 2:
        small, large = saved[0], saved[-1]
        q = large["rss_peak_mb"] / small["rss_peak_mb"]
        r.goals.append(
            (
                f"import memory bounded: peak at {large['rows']:,} rows ≤ "
                f"{GOAL_MEMORY_RATIO}× the peak at {small['rows']:,} "
                f"({large['rss_peak_mb']:,.0f} MB / {small['rss_peak_mb']:,.0f} MB = {q:.2f}×)",
                q <= GOAL_MEMORY_RATIO,
            )
        )


def render(r: Report) -> str:
    lines = run_header(r, "bench-data", "####")
    lines += ["", "| goal (issue 14) | result |", "|---|---|"]
    lines += [f"| {text} | {verdict(ok)} |" for text, ok in r.goals]
    lines += [
        "",
        "CPU ms per anonymous request (median), this process's"
        + (" and its PostgreSQL backend's" if r.engine == "postgres" else "")
        + ", page cache cleared before each request; *cached*: a repeat view. "
        f"Hello: {r.hello_ms:.2f} ms.",
        "",
        f"| page | demo ms | grown ms | grown/demo (goal ≤ {GOAL_CPU_RATIO:.0f}) | "
        "cached ms (grown) | KB grown | queries demo | queries grown |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for page in PAGES:
        d = r.pages["demo"][("anonymous", page.name)]
        g = r.pages["grown"][("anonymous", page.name)]
        label = f"{page.name} `{page.path}`"
        if d.error or g.error:
            lines.append(f"| {label} | {d.error or '–'} | {g.error or '–'} | **FAIL** |||||")
            continue
        q = r.ratios.get(("anonymous", page.name), 0.0)
        lines.append(
            f"| {label} | {fmt(d.uncached_ms)} | {fmt(g.uncached_ms)} | "
            f"{q:.1f}× {verdict(q <= GOAL_CPU_RATIO)} | {fmt(g.cached_ms)} | "
            f"{g.weight / 1000:.1f} | {d.queries} | {g.queries} |"
        )
    lines += [
        "",
        "Import of generated tidy CSV files (one new edition each, every country, "
        "illustrative) through `data.services.import_path` (check, then write, all or "
        "nothing), each in a fresh process on a copy of the demo. Peak: the process's "
        "maximum resident memory (`ru_maxrss`); *before*: after Django's setup."
        + (
            f" Measured by an earlier run, {r.imports_measured} (`--no-import` this time)."
            if r.imports_measured
            else ""
        ),
        "",
        "| rows | status | seconds | rows/s | CPU s (process + backend) | MB before | MB peak |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    for i in r.imports:
        if "seconds" not in i:
            lines.append(f"| {i['rows']:,} | {i['status']} ||||||")
            continue
        lines.append(
            f"| {i['rows']:,} | {i['status']} | {i['seconds']:,.0f} | "
            f"{i['rows_per_second']:,.0f} | {i['cpu_seconds']:,.0f} | "
            f"{i['rss_before_mb']:,.0f} | {i['rss_peak_mb']:,.0f} |"
        )
    return "\n".join(lines) + "\n"


def write_readme(block: str, engine: str) -> None:
    """Replace this engine's block between its markers in bench/README.md."""
    start, end = f"<!-- data-scale-{engine}:start -->", f"<!-- data-scale-{engine}:end -->"
    write_block(README, block, start, end, log)
