"""The command: `python -m tools.mutations --help`."""

from __future__ import annotations

import argparse
import json
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from tools.mutations import __doc__ as OVERVIEW
from tools.mutations.base import (
    BASELINE_TIMEOUT,
    COMMAND,
    DEFAULT_TIMEOUT,
    PACKAGE,
    REPORT,
    ROOT,
    Mutant,
    Outcome,
    matrix_hash,
)
from tools.mutations.explained import EXPLAINED
from tools.mutations.report import render_report
from tools.mutations.sites import discover
from tools.mutations.workspace import Workspace, describe_matrix, imported_from

# The command --------------------------------------------------------------------


@dataclass
class Options:
    source: Path = ROOT
    only: list[str] = field(default_factory=list)
    timeout: float = DEFAULT_TIMEOUT
    report: Path | None = None
    json: Path | None = None
    strict: bool = False
    keep: bool = False
    list_only: bool = False
    render: Path | None = None
    resume: bool = False


def parse_args(argv: Sequence[str] | None = None) -> Options:
    parser = argparse.ArgumentParser(description=OVERVIEW.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=ROOT, help="the tree to copy")
    parser.add_argument("--only", action="append", default=[], help="run matching sites only")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, help="per run, s")
    parser.add_argument("--report", type=Path, help=f"default: {REPORT} on a full run")
    parser.add_argument("--json", type=Path, help="also write the outcomes as JSON")
    parser.add_argument("--strict", action="store_true", help="fail on explained survivors")
    parser.add_argument("--keep", action="store_true", help="keep the copy")
    parser.add_argument("--list", dest="list_only", action="store_true", help="list sites")
    parser.add_argument("--render", type=Path, help="write the report of a run kept with --json")
    parser.add_argument(
        "--resume", action="store_true", help="with --json: reuse what an interrupted run kept"
    )
    ns = parser.parse_args(argv)
    options = Options(**vars(ns))
    if options.report is None and not options.only and not options.list_only:
        options.report = options.source / REPORT
    return options


def stale_explanations(mutants: Sequence[Mutant]) -> list[str]:
    """Return the keys of `EXPLAINED` that name no current site: a check
    rewritten or moved to another function needs its explanation rekeyed."""
    current = {m.key for m in mutants}
    return [key for key in EXPLAINED if key not in current]


def matches(mutant: Mutant, patterns: Sequence[str]) -> bool:
    if not patterns:
        return True
    haystack = " ".join(
        (mutant.where, f"{mutant.path}:{mutant.function}", mutant.code, mutant.key)
    )
    return any(p in haystack for p in patterns)


def save_run(path: Path, run: dict[str, Any]) -> None:
    """Keep a run (outcomes, matrix, time) as JSON, to render it again."""
    data = {
        **run,
        "baseline": asdict(run["baseline"]),
        "outcomes": [asdict(o) for o in run["outcomes"]],
    }
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")


def load_run(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))

    def outcome(raw: dict[str, Any]) -> Outcome:
        return Outcome(**{**raw, "mutant": Mutant(**raw["mutant"])})

    return {
        **data,
        "baseline": outcome(data["baseline"]),
        "outcomes": [outcome(o) for o in data["outcomes"]],
    }


def reusable(options: Options) -> dict[str, Outcome]:
    """The outcomes kept by an interrupted run (--resume), by mutant key: only
    those whose file and matrix have not changed since."""
    if not (options.resume and options.json and options.json.exists()):
        return {}
    kept = load_run(options.json)
    if kept.get("matrix_hash") != matrix_hash(options.source):
        return {}
    # A run that errored or ran out of time (a loaded machine) is run again.
    return {o.mutant.key: o for o in kept["outcomes"] if o.status not in ("error", "timeout")}


def describe_tree(source: Path) -> str:
    """The commit the tree is at, and whether it has changes not committed."""
    try:
        commit = subprocess.run(  # noqa: S603 - git, fixed arguments
            ["git", "-C", str(source), "rev-parse", "--short=12", "HEAD"],  # noqa: S607
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        changes = subprocess.run(  # noqa: S603
            ["git", "-C", str(source), "status", "--porcelain", "--untracked-files=no"],  # noqa: S607
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "not a git checkout"
    return f"{commit} with changes not committed" if changes else commit


def mutate_all(options: Options, mutants: list[Mutant]) -> dict[str, Any] | None:
    """Run the matrix once unmutated, then once per mutant, in a copy.

    With --json the run is kept after each mutant, so that --resume can go on
    after an interruption."""
    started = time.monotonic()
    kept = reusable(options)
    with Workspace(options.source, keep=options.keep) as space:
        where = imported_from(space.copy)
        if not where.is_relative_to(space.copy.resolve()):
            print(f"the copy imports {PACKAGE} from {where}, not from itself", file=sys.stderr)
            return None
        matrix = describe_matrix(space.copy)
        baseline = space.run(None, max(options.timeout, BASELINE_TIMEOUT))
        print(f"baseline: {baseline.status} in {baseline.seconds:.0f} s", flush=True)
        if baseline.status != "survived":
            print(f"the unmutated matrix fails: {baseline.first_failure}", file=sys.stderr)
            print(baseline.message, file=sys.stderr)
            return None
        reach = space.reach()
        run: dict[str, Any] = {
            "matrix": matrix,
            "matrix_hash": matrix_hash(space.copy),
            "baseline": baseline,
            "outcomes": [],
            "seconds": 0.0,
            "complete": False,
            "kept": 0,
            "tree": describe_tree(options.source),
        }
        earlier = 0.0
        for n, mutant in enumerate(mutants, 1):
            old = kept.get(mutant.key)
            if old is not None and old.mutant.file_hash == mutant.file_hash:
                outcome, note = Outcome(**{**asdict(old), "mutant": mutant}), " (kept)"
                earlier += outcome.seconds
                run["kept"] += 1
            else:
                outcome, note = space.run(mutant, options.timeout, reach=reach), ""
            run["outcomes"].append(outcome)
            run["seconds"] = earlier + time.monotonic() - started
            if options.json:
                save_run(options.json, run)
            print(
                f"[{n}/{len(mutants)}] {mutant.where} {mutant.description[:50]}: "
                f"{outcome.result} {outcome.first_failure} ({outcome.seconds:.0f} s, "
                f"{'all' if outcome.cells is None else outcome.cells} cells){note}",
                flush=True,
            )
    run["complete"] = True
    if options.json:
        save_run(options.json, run)
    return run


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_args(argv)
    # Stopped (make, CI): leave neither runs nor the copy behind.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if options.render:
        run = load_run(options.render)
    else:
        every = discover(options.source)
        for key in stale_explanations(every):
            print(f"warning: EXPLAINED names no current site: {key}", file=sys.stderr)
        mutants = [m for m in every if matches(m, options.only)]
        if options.list_only:
            for m in mutants:
                print(f"{m.where:48} {m.operator:11} {m.code[:60]:60} {m.description}")
            print(f"{len(mutants)} sites")
            return 0
        found = mutate_all(options, mutants)
        if found is None:
            return 2
        run = found
        if options.json:
            save_run(options.json, run)
    outcomes: list[Outcome] = run["outcomes"]
    seconds: float = run["seconds"]
    if options.report:
        options.report.write_text(
            render_report(
                run["matrix"],
                run["baseline"],
                outcomes,
                seconds=seconds,
                command=COMMAND,
                total=None if run.get("complete") else len(discover(options.source)),
                kept=run.get("kept", 0),
                tree=run.get("tree", ""),
            ),
            encoding="utf-8",
        )
    errors = [o for o in outcomes if o.status == "error"]
    survivors = [o for o in outcomes if o.survived]
    unexplained = [o for o in survivors if o.mutant.key not in EXPLAINED]
    counts = Counter(o.result for o in outcomes)
    print(
        f"{len(outcomes)} sites in {seconds / 60:.1f} min: "
        + ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
    )
    for o in survivors:
        note = EXPLAINED.get(o.mutant.key, "NOT EXPLAINED")
        print(f"survivor {o.mutant.where} {o.mutant.code[:60]} ({o.mutant.description}): {note}")
        print(f"    key: {o.mutant.key}")
    for o in errors:
        print(f"error {o.mutant.where}: {o.message[-500:]}", file=sys.stderr)
    if errors:
        return 2
    if unexplained or (options.strict and survivors):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
