"""The private copy of the tree, and the matrix's runs in it."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from tools.mutations import world
from tools.mutations.base import (
    DEFAULT_TIMEOUT,
    FEW_CELLS,
    MATRIX,
    PACKAGE,
    PLUGIN,
    PYTEST_ARGS,
    RUN_ARGS,
    RUN_SETTINGS,
    WORKERS_FEW,
    WORKERS_WHOLE,
    Mutant,
    Outcome,
    mutate,
)
from tools.mutations.reach import (
    EACH_CELL_ASKS,
    ENV,
    PLUGIN_TEXT,
    Reach,
    Selection,
    write_targets,
)

# The copy and the runs -------------------------------------------------------


TOP_LEVEL_SKIP = {".venv", "venv", "var", ".git", "node_modules", "tools"}
ANYWHERE_SKIP = {"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}


def copy_tree(source: Path, target: Path) -> Path:
    """Copy the working tree at `source` (with its uncommitted changes) to
    `target`, without the virtualenv, the data, caches and bytecode."""

    def ignore(directory: str, names: list[str]) -> set[str]:
        skip = {n for n in names if n in ANYWHERE_SKIP or n.endswith(".egg-info")}
        if Path(directory).resolve() == source.resolve():
            skip |= TOP_LEVEL_SKIP & set(names)
        return skip

    shutil.copytree(source, target, ignore=ignore, symlinks=True)
    (target / "var").mkdir(exist_ok=True)
    (target / f"{RUN_SETTINGS}.py").write_text(_RUN_SETTINGS_TEXT, encoding="utf-8")
    (target / f"{PLUGIN}.py").write_text(PLUGIN_TEXT, encoding="utf-8")
    (target / f"{world.MODULE}.py").write_text(
        Path(world.__file__).read_text(encoding="utf-8"), encoding="utf-8"
    )
    return target


# The runs' settings: the project's, with the test databases in files that
# every run after the first reuses (--reuse-db). A mutant changes code, never
# the schema, so migrating 138 migrations again for each of 400 runs (13 s of
# each run's 19 s before its first cell) would test nothing; the world the
# cells read is still built in each run, inside a transaction rolled back.
_RUN_SETTINGS_TEXT = textwrap.dedent(
    """\
    from pathlib import Path

    from alliance87.settings import *  # noqa: F403
    from alliance87.settings import DATABASES

    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(__file__).resolve().parent / "var" / "matrix-test.sqlite3")
    }
    """
)


def copy_env(copy: Path, extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of a run: the copy's code first on the path, no
    bytecode written (a mutant must never be served from a stale .pyc)."""
    env = {**os.environ, **(extra or {})}
    env["PYTHONPATH"] = os.pathsep.join([str(copy), *filter(None, [env.get("PYTHONPATH")])])
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("PYTEST_ADDOPTS", None)
    env.pop("PYTEST_XDIST_WORKER", None)
    # The embedded tier: a run beside the PostgreSQL suite (make test) must
    # not create test databases of the same names as the suite's own.
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    return env


def _run(
    args: Sequence[str], copy: Path, timeout: float, env: Mapping[str, str] | None = None
) -> tuple[int | None, str, float]:
    """Run `args` in `copy`; return (exit code or None on timeout, output, seconds)."""
    started = time.monotonic()
    with subprocess.Popen(  # noqa: S603 - our own interpreter, fixed arguments
        list(args),
        cwd=copy,
        env=copy_env(copy, env),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    ) as process:
        try:
            output, _ = process.communicate(timeout=timeout)
            code: int | None = process.returncode
        except subprocess.TimeoutExpired:
            # The run and its xdist workers: the session we started, only.
            os.killpg(process.pid, signal.SIGKILL)
            output, _ = process.communicate()
            code = None
        except BaseException:  # interrupted: leave no run behind
            os.killpg(process.pid, signal.SIGKILL)
            raise
    return code, output, time.monotonic() - started


def imported_from(copy: Path) -> Path:
    """Return where the copy's interpreter imports the package from."""
    code, output, _ = _run(
        [sys.executable, "-c", f"import {PACKAGE}; print({PACKAGE}.__file__)"], copy, 60
    )
    if code != 0:
        raise RuntimeError(f"cannot import {PACKAGE} in the copy:\n{output}")
    return Path(output.strip().splitlines()[-1]).resolve()


FAILED = re.compile(r"^(?:FAILED|ERROR) \S+?::(\S+?(?:\[[^\]]*\])?)(?: - .*)?$", re.M)


def _failures(report: Path) -> dict[str, str]:
    """Read the failed tests of a JUnit report: {test: first line of its message}."""
    if not report.exists():
        return {}
    found: dict[str, str] = {}
    # Our own pytest's report, in our own temporary folder.
    root = ElementTree.parse(report).getroot()  # noqa: S314
    for case in root.iter("testcase"):
        for problem in (*case.iter("failure"), *case.iter("error")):
            message = (problem.get("message") or problem.text or "").strip()
            found.setdefault(case.get("name", ""), message.splitlines()[0] if message else "")
    return found


def run_matrix(
    copy: Path,
    timeout: float = DEFAULT_TIMEOUT,
    extra: Sequence[str] = (),
    targets: Sequence[str] = (MATRIX,),
    env: Mapping[str, str] | None = None,
    cells: int | None = None,
) -> tuple[str, str, str, float]:
    """Run the matrix in `copy`: (status, first failing test, its message, seconds).

    `extra` adds pytest arguments (the tool's own tests select cells with -k);
    `targets` are the whole matrix or an @file of the `cells` cells to run.
    """
    workers = WORKERS_FEW if cells is not None and cells <= FEW_CELLS else WORKERS_WHOLE
    report = copy.parent / "junit.xml"
    report.unlink(missing_ok=True)
    args = [
        sys.executable,
        "-m",
        "pytest",
        *targets,
        *PYTEST_ARGS,
        *workers,
        *RUN_ARGS,
        f"--junitxml={report}",
        *extra,
    ]
    code, output, seconds = _run(args, copy, timeout, env)
    if code is None:
        return "timeout", "", f"no answer within {timeout:.0f} s", seconds
    if code == 0:
        passed = re.search(r"(\d+) passed", output)
        return "survived", "", passed.group(0) if passed else "", seconds
    failures = _failures(report)
    first = FAILED.search(output)
    test = first.group(1) if first else next(iter(failures), "")
    if code in (1, 2) and test:
        return "killed", test, failures.get(test, "")[:300], seconds
    if code == 2:  # a collection error: the mutated code does not import
        lines = [ln for ln in output.splitlines() if "Error" in ln]
        return "killed", "(collection)", (lines[-1] if lines else output[-200:]).strip(), seconds
    return "error", "", output[-2000:], seconds


class Workspace:
    """One private copy of the tree; mutants are applied and undone in it."""

    def __init__(self, source: Path, keep: bool = False) -> None:
        self.source = source
        self.keep = keep
        self.base = Path(tempfile.mkdtemp(prefix="a87-mutations-"))
        self.copy = copy_tree(source, self.base / "tree")

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        if not self.keep:
            shutil.rmtree(self.base, ignore_errors=True)

    @property
    def coverage_dir(self) -> Path:
        return self.base / "reach"

    @property
    def worlds_dir(self) -> Path:
        """The unmutated run's fingerprints of its world, one per process."""
        return self.base / "worlds"

    @property
    def world_file(self) -> Path:
        """What a mutant's world is compared with (world.expectation)."""
        return self.base / "world.json"

    def run(
        self,
        mutant: Mutant | None,
        timeout: float = DEFAULT_TIMEOUT,
        extra: Sequence[str] = (),
        reach: Reach | None = None,
    ) -> Outcome:
        """Run the matrix with `mutant` applied (None: unmutated, recording
        which cells reach which lines and the world it builds), then undo
        it. With `reach`, only the cells that reached the mutant's lines
        run, after the world is compared when its build reached them."""
        if mutant is None:
            self.coverage_dir.mkdir(exist_ok=True)
            env = {
                ENV: str(self.coverage_dir / "cells"),
                EACH_CELL_ASKS: "1",
                world.RECORD: str(self.worlds_dir),
            }
            status, test, message, seconds = run_matrix(self.copy, timeout, extra, env=env)
            self._expect_world()
            return Outcome(_BASELINE, status, test, message, seconds)
        chosen = reach.select(mutant) if reach is not None else Selection(None)
        if chosen.cells == [] and not chosen.world:
            return Outcome(mutant, "survived", "", UNREACHED, 0.0, 0)
        if chosen.world and not self.world_file.exists():
            chosen = Selection(None)  # no expectation: the whole matrix
        target = self.copy / mutant.path
        original = target.read_bytes()
        try:
            target.write_text(mutate(original.decode(), mutant), encoding="utf-8")
            if chosen.world:
                return self._run_world(mutant, chosen, timeout, extra, reach)
            return self._run_cells(mutant, chosen.cells, timeout, extra)
        finally:
            target.write_bytes(original)

    def _run_cells(
        self,
        mutant: Mutant,
        cells: list[str] | None,
        timeout: float,
        extra: Sequence[str],
        env: Mapping[str, str] | None = None,
    ) -> Outcome:
        targets = write_targets(self.base / "cells.txt", cells)
        ran = None if cells is None else len(cells)
        status, test, message, seconds = run_matrix(
            self.copy, timeout, extra, targets, env=env, cells=ran
        )
        return Outcome(mutant, status, test, message, seconds, ran)

    def _run_world(
        self,
        mutant: Mutant,
        chosen: Selection,
        timeout: float,
        extra: Sequence[str],
        reach: Reach | None,
    ) -> Outcome:
        """Build the world with the mutant and run the cells that reached
        it; when the world is not the unmutated one, the whole matrix."""
        changed = self.base / world.CHANGED
        changed.unlink(missing_ok=True)
        cells = chosen.cells or []
        probe = cells or ([reach.any_cell] if reach and reach.any_cell else [])
        env = {world.EXPECT: str(self.world_file)}
        outcome = self._run_cells(mutant, probe or None, timeout, extra, env)
        if changed.exists():
            parts = changed.read_text(encoding="utf-8").split()
            whole = self._run_cells(mutant, None, timeout, extra)
            whole.seconds += outcome.seconds
            whole.world = f"changed: {', '.join(parts[:3])}"
            return whole
        outcome.world = "same"
        if not cells and outcome.survived:
            outcome.cells, outcome.message = 0, WORLD_SAME
        return outcome

    def _expect_world(self) -> None:
        """Read the unmutated run's worlds into what mutants' are compared
        with; with fewer than two, no comparison (the whole matrix runs)."""
        prints = [
            json.loads(p.read_text(encoding="utf-8")) for p in self.worlds_dir.glob("*.json")
        ]
        self.world_file.unlink(missing_ok=True)
        if len(prints) >= 2:
            self.world_file.write_text(json.dumps(world.expectation(prints)), encoding="utf-8")

    def reach(self) -> Reach:
        """What the baseline run recorded (call after `run(None)`)."""
        return Reach.read(self.coverage_dir, self.copy)


WORLD_SAME = "built the same world, and no cell's requests ran these lines"
UNREACHED = "no process of the unmutated run ran these lines"
_BASELINE = Mutant(MATRIX, 0, 0, 0, 0, "", "baseline", "", "", "none")


# What the matrix covers -------------------------------------------------------

_DESCRIBE = textwrap.dedent(
    """
    import importlib, json, os, pkgutil, sys
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alliance87.settings")
    import django
    django.setup()
    package = sys.argv[1].strip("/").replace("/", ".")
    found = {}
    tests = set()
    for info in pkgutil.iter_modules(importlib.import_module(package).__path__):
        module = importlib.import_module(f"{package}.{info.name}")
        found.update(vars(module))
        if info.name.startswith("test_"):
            tests.update(n for n in vars(module) if n.startswith("test_"))
    kinds = [
        {
            "name": k.name,
            "levels": list(k.levels),
            "statuses": [s for s in k.statuses if s],
            "ways": [w.name for w in k.ways],
        }
        for k in found["KINDS"].values()
    ]
    print(json.dumps({
        "personas": list(found["PERSONAS"]),
        "levels": list(found["LEVELS"]),
        "kinds": kinds,
        "cells": len(found["CELLS"]),
        "items": len(list(found["items"]())),
        "figures": [f.name for f in found.get("FIGURES", ())],
        "tests": sorted(tests),
    }))
    """
)


def describe_matrix(copy: Path) -> dict[str, Any]:
    code, output, _ = _run([sys.executable, "-c", _DESCRIBE, MATRIX], copy, 120)
    if code != 0:
        raise RuntimeError(f"cannot read the matrix:\n{output}")
    return json.loads(output.strip().splitlines()[-1])
