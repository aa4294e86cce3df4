"""The report of bench/community.py: the figures held to issue 13's goals
and rendered between the community markers of bench/README.md."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from typing import Any

from report import GrownReport, fmt, run_header, verdict, write_block  # bench/report.py

from community_bench.config import (
    DIGEST_POSTS,
    GOAL_CPU_RATIO,
    GOAL_MEMORY_RATIO,
    GOAL_REPLY_QUERIES,
    PERSONAS,
    README,
    REPLIES_POSTED,
    SEEING_SHARE,
    log,
)
from community_bench.replies import Replies

# -- the report -------------------------------------------------------------------


@dataclass
class Report(GrownReport):
    paths: dict[str, str] = field(default_factory=dict)
    replies: dict[str, Replies] = field(default_factory=dict)
    digests: list[dict[str, Any]] = field(default_factory=list)


def judge(r: Report) -> None:
    worst: tuple[float, str] = (0.0, "")
    errors = []
    for (persona, name), g in r.pages.get("grown", {}).items():
        d = r.pages["demo"][(persona, name)]
        q = r.ratios.get((persona, name))
        if q is None or d.error or g.error:
            errors.append(f"{name} as {persona}")
            continue
        worst = max(worst, (q, f"{name} as {persona}"))
    if r.pages:
        r.goals.append(
            (
                f"uncached CPU per page, grown ≤ {GOAL_CPU_RATIO:.0f}× demo, every page and "
                f"persona (highest: {worst[1]}, {worst[0]:.1f}×)",
                worst[0] <= GOAL_CPU_RATIO and not errors,
            )
        )
    if errors:
        r.goals.append((f"every page answers 200 (not: {', '.join(errors)})", False))
    if r.replies:
        most = max(max(rep.queries) for rep in r.replies.values())
        posted = all(s == 302 for rep in r.replies.values() for s in rep.statuses)
        r.goals.append(
            (
                f"posting a reply (the thread's form) under {GOAL_REPLY_QUERIES} queries, "
                f"demo and grown (most: {most})",
                most < GOAL_REPLY_QUERIES and posted,
            )
        )
    done = [dg for dg in r.digests if "timed" in dg and "traced" in dg]
    for dg in r.digests:
        if "error" in dg:
            r.goals.append((f"the digest run for {dg['subscribers']:,} subscribers", False))
    for dg in done:
        sent = dg["timed"]["messages"]
        r.goals.append(
            (
                f"{dg['subscribers']:,} subscribers: one digest each for the "
                f"{dg['who may see the space']:,} who may see the space ({sent:,} sent)",
                sent == dg["who may see the space"],
            )
        )
    if len(done) >= 2:
        small, large = done[0], done[-1]
        for phase in ("fan-out", "digest"):
            a = small["traced"][phase]["traced_peak_mb"]
            b = large["traced"][phase]["traced_peak_mb"]
            q = b / a if a else float("inf")
            r.goals.append(
                (
                    f"{phase}: memory bounded, traced peak at {large['subscribers']:,} "
                    f"subscribers ≤ {GOAL_MEMORY_RATIO}× the peak at {small['subscribers']:,} "
                    f"({b:.1f} MB / {a:.1f} MB = {q:.2f}×)",
                    q <= GOAL_MEMORY_RATIO,
                )
            )


def render(r: Report) -> str:
    if not r.sizes:  # --no-pages: no databases grown
        r.sizes = {"demo": {}, "grown": {}}
    lines = run_header(r, "bench-community", "####")
    lines += ["", "| goal (issue 13) | result |", "|---|---|"]
    lines += [f"| {text} | {verdict(ok)} |" for text, ok in r.goals]
    if r.pages:
        lines += [
            "",
            "CPU ms per request (median), this process's"
            + (" and its PostgreSQL backend's" if r.engine == "postgres" else "")
            + ", page cache cleared before each request (*uncached*); *cached*: a repeat "
            "view. The demo and the grown database are asked in turn, request by request; "
            "*grown/demo* is the median of each round's ratio. A deep page is asked by the "
            "grown database's number, which the demo database answers with its last "
            f"page. Hello: {r.hello_ms:.2f} ms.",
            "",
            f"| page | as | demo ms | grown ms | grown/demo (goal ≤ {GOAL_CPU_RATIO:.0f}) | "
            "cached ms (grown) | KB grown | queries demo | queries grown |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for persona in PERSONAS:
            for name, path in r.paths.items():
                d, g = r.pages["demo"][(persona, name)], r.pages["grown"][(persona, name)]
                label = f"{name} `{path}`"
                if d.error or g.error:
                    lines.append(
                        f"| {label} | {persona} | {d.error or '–'} | {g.error or '–'} | "
                        "**FAIL** ||||| "
                    )
                    continue
                q = r.ratios.get((persona, name), 0.0)
                lines.append(
                    f"| {label} | {persona} | {fmt(d.uncached_ms)} | "
                    f"{fmt(g.uncached_ms)} | {q:.1f}× {verdict(q <= GOAL_CPU_RATIO)} | "
                    f"{fmt(g.cached_ms)} | {g.weight / 1000:.1f} | {d.queries} | "
                    f"{g.queries} |"
                )
    if r.replies:
        lines += [
            "",
            f"Posting a reply in the long thread through its form (`community:reply`, "
            f"then `services.reply`), as the demo partner, {REPLIES_POSTED} times in each "
            "database: the queries of each request (the redirect answered, the "
            "announcement queued on the database queue), and its CPU.",
            "",
            "| database | queries (goal < 20) | before the service | the service: its "
            "transaction + after its commit | after | CPU ms (median) | answers |",
            "|---|---:|---:|---:|---:|---:|---|",
        ]
        for label, rep in r.replies.items():
            answers = ", ".join(sorted({str(s) for s in rep.statuses}))
            lines.append(
                f"| {label} | {min(rep.queries)}–{max(rep.queries)} "
                f"{verdict(max(rep.queries) < GOAL_REPLY_QUERIES)} | {rep.parts[0]} | "
                f"{rep.own} + {rep.parts[1] - rep.own} | {rep.parts[2]} | "
                f"{fmt(statistics.median(rep.cpu_ms))} | {answers} |"
            )
    if r.digests:
        lines += [
            "",
            f"Digests: a copy of the demo with a space of N subscribers at the digest level "
            f"({SEEING_SHARE:.0%} in a partner organisation, so that they may see it) and "
            f"{DIGEST_POSTS} posts of the last day; in a fresh process, the posts announced "
            "(`tasks.fan_out_task`) then the schedule's job (`tasks.send_due_mail`), every "
            "message rendered and discarded. *CPU*: the process's"
            + (" and its PostgreSQL backend's" if r.engine == "postgres" else "")
            + ". *Peak*: the process's maximum resident memory (`ru_maxrss`), before: after "
            "Django's setup; *traced*: the peak of Python's allocations in each step, "
            "tracemalloc on (a second run, not timed).",
            "",
            "| subscribers | step | seconds | CPU s | per second | queries each | "
            "traced peak MB | MB before / peak |",
            "|---:|---|---:|---:|---:|---:|---:|---:|",
        ]
        for dg in r.digests:
            if "timed" not in dg:
                lines.append(f"| {dg['subscribers']:,} | {dg.get('error', '')} |||||||")
                continue
            t, m = dg["timed"], dg.get("traced", {})
            rss = f"{t['rss_before_mb']:,.0f} / {t['rss_peak_mb']:,.0f}"
            for phase, unit, n in (
                ("fan-out", "notifications", t["notifications"]),
                ("digest", "digests", t["messages"]),
            ):
                s = t[phase]
                traced = m.get(phase, {}).get("traced_peak_mb")
                lines.append(
                    f"| {dg['subscribers']:,} | {phase} ({n:,} {unit}) | {s['seconds']:,.1f} | "
                    f"{s['cpu_seconds']:,.1f} | {n / s['seconds'] if s['seconds'] else 0:,.0f} | "
                    f"{s['queries'] / n if n else 0:,.1f} | "
                    f"{'–' if traced is None else f'{traced:,.1f}'} | {rss} |"
                )
    return "\n".join(lines) + "\n"


def write_readme(block: str, engine: str) -> None:
    """Replace this engine's block between its markers in bench/README.md."""
    start, end = f"<!-- community-{engine}:start -->", f"<!-- community-{engine}:end -->"
    write_block(README, block, start, end, log)
