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
from tools.mutations.reach import EACH_CELL_ASKS, ENV, PLUGIN_TEXT, Reach, write_targets

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

    def run(
        self,
        mutant: Mutant | None,
        timeout: float = DEFAULT_TIMEOUT,
        extra: Sequence[str] = (),
        reach: Reach | None = None,
    ) -> Outcome:
        """Run the matrix with `mutant` applied (None: unmutated, recording
        which cells reach which lines), then undo it. With `reach`, only the
        cells that reached the mutant's lines run."""
        if mutant is None:
            self.coverage_dir.mkdir(exist_ok=True)
            env = {ENV: str(self.coverage_dir / "cells"), EACH_CELL_ASKS: "1"}
            status, test, message, seconds = run_matrix(self.copy, timeout, extra, env=env)
            return Outcome(_BASELINE, status, test, message, seconds)
        cells = reach.cells(mutant) if reach is not None else None
        if cells == []:
            return Outcome(mutant, "survived", "", UNREACHED, 0.0, 0)
        targets = write_targets(self.base / "cells.txt", cells)
        target = self.copy / mutant.path
        original = target.read_bytes()
        try:
            target.write_text(mutate(original.decode(), mutant), encoding="utf-8")
            status, test, message, seconds = run_matrix(
                self.copy, timeout, extra, targets, cells=None if cells is None else len(cells)
            )
        finally:
            target.write_bytes(original)
        ran = None if cells is None else len(cells)
        return Outcome(mutant, status, test, message, seconds, ran)

    def reach(self) -> Reach:
        """What the baseline run recorded (call after `run(None)`)."""
        return Reach.read(self.coverage_dir, self.copy)


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
