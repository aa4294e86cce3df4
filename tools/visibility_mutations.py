"""Prove that every visibility check is needed: remove each one, one at a time.

The tool parses `alliance87/` (tests, test support and migrations left out)
and finds every place where visibility is decided:

- call sites: each `.visible_to(...)`, `visible_q(...)`, `can_see(...)`,
  `visible_ids(...)` and `AUDIENCE_PROVIDERS.register(...)` call;
- definitions: inside every function of `core/visibility.py` and every
  `visible_to` method (the events' and pathfinders' querysets build on the
  core rule), each condition, each boolean operand, each returned decision,
  each level, each filter argument and each combination of filters.

For each site it makes one mutant that removes the check (`qs.visible_to(u)`
becomes `qs`, `can_see(u, o)` becomes `True`, a condition becomes always or
never true, a filter argument goes...), writes it into a private copy of the
working tree, runs the visibility matrix against that copy and records
whether the matrix notices (killed, with the first failing cell) or not
(survived). The copy is made once; the mutated file is restored after each
run. The working tree itself is never written to, except for the report.

    .venv/bin/python tools/visibility_mutations.py            # all sites
    .venv/bin/python tools/visibility_mutations.py --list     # sites only
    .venv/bin/python tools/visibility_mutations.py --only events/selectors/detail.py:42

Exit status: 0 when every mutant is killed, or survives for a reason
recorded in `EXPLAINED` below; 1 when a mutant survives unexplained (or any
survives, with --strict); 2 when the unmutated copy fails its matrix.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
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
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "alliance87"
RULES_MODULE = "alliance87/core/visibility.py"
# The matrix: a package of test modules, run as one by pytest.
MATRIX = "alliance87/accounts/tests/visibility_matrix"
# What a kept outcome of an interrupted run depends on besides the mutated
# file: the matrix and the test support it builds its world with.
MATRIX_INPUTS = (MATRIX, "alliance87/testing")
REPORT = "docs/visibility-matrix.md"
PYTEST_ARGS = ("-x", "-q", "-n", "2", "-p", "no:randomly")
DEFAULT_TIMEOUT = 300.0
COMMAND = ".venv/bin/python tools/visibility_mutations.py"

# A filter that every row passes: what is left of a `visible_q(...)` call
# when the check is removed. Spelled in full so that it needs no import in
# the mutated module.
ALL_ROWS = '__import__("django.db.models").db.models.Q(pk__isnull=False)'

# Calls whose every occurrence is a visibility check, and what is left of
# the call when the check is removed.
CHECK_CALLS = ("visible_to", "visible_q", "can_see", "visible_ids", "AUDIENCE_PROVIDERS.register")

# Surviving mutants whose check is redundant (another check already
# applies), or not a visibility check at all, with the reason. Keyed by
# `Mutant.key` (file, function, kind of check, its code, the replacement),
# which does not change when lines move; a key that names no current site is
# reported at each run (`stale_explanations`) and fails the tool's tests.
_V = "alliance87/core/visibility.py"
_P = "alliance87/pathfinders/selectors/detail.py"
_PX = "alliance87/pathfinders/selectors/exports.py"
_E = "alliance87/events/selectors/record.py"


def _unfiltered(path: str, function: str, model: str) -> str:
    """The key of the mutant that drops `<model>.objects.visible_to(user)`."""
    call = f"{model}.objects.visible_to(user)"
    return f"{path}::{function}::visible_to::{call}::{model}.objects.all()::1"


_SAME_AS_ROADMAP = (
    "Redundant: these rows are read only under a roadmap that `Roadmap.visible_to` has "
    "already let through, and a priority area, action or progress update has no "
    "visibility of its own: its rule is its roadmap's (pathfinder seen, roadmap seen "
    "and adopted, or the user is the country's focal point), the same test again."
)
_SECRETARIAT_RECORDS = (
    "Redundant: only the Secretariat may record an event (`recordable_event` requires "
    "the `record` right, which no rule grants anyone else), and the Secretariat sees "
    "every row; anyone else gets the refusal's 404 before this is read."
)
_AFTER_ROADMAP = " (`export_actions` reads the roadmap with `get_roadmap_for_user` first.)"
EXPLAINED: dict[str, str] = {
    f"{_V}::is_secretariat::operand::user is not None::True::1": (
        "Redundant on every way out: `audience_for` answers for None itself before it "
        "asks `is_secretariat`, and the other callers pass a request's user (the "
        "middleware tests for None first). It guards direct calls only."
    ),
    f"{_V}::is_secretariat::operand::user.is_authenticated::True::1": (
        "Redundant: an anonymous user is neither active nor staff, so the operands "
        "after it already answer no."
    ),
    f"{_V}::is_secretariat::operand::user.is_active::True::1": (
        "Redundant for visibility: `audience_for` turns an inactive user away before "
        "it asks `is_secretariat`, and no request carries an inactive user (the "
        "authentication backend refuses them: the `inactive` persona, former staff, "
        "checks that). It still matters to the back office's permission backend "
        "(`SecretariatPermissions`), which is not a way out of this matrix."
    ),
    f"{_V}::audience_for::operand::not user.is_authenticated::False::1": (
        "Redundant: an anonymous user is not active either, so `not user.is_active` "
        "turns it away all the same."
    ),
    f"{_V}::audience_for::operand::not user.is_active::False::1": (
        "Redundant on every way out: no request carries an inactive user (the "
        "authentication backends drop them from every session: the `inactive` "
        "persona, former staff of the member's organisation, in every matrix group, "
        "checks that), so only a direct call with an inactive user object reaches it; "
        "the Hub makes none (no task or digest reads on a user's behalf yet)."
    ),
    f"{_V}::audience_for::condition::cached is not None::False::1": (
        "Not a check: the audience cached on the user object. Without it the audience "
        "is computed again, the same."
    ),
    f'{_V}::audience_for::operand::facts["is_secretariat"]::False::1': (
        "Redundant: it marks the Secretariat a partner too, but every rule asks "
        "`is_secretariat` first (`visible_q`, `can_see`, the events' and pathfinders' "
        "`visible_to`), so `is_partner` is never read for the Secretariat."
    ),
    f"{_V}::visible_q::operand::audience.group_ids::True::1": (
        "Redundant: with no group, the members clause filters on `<group>__in=[]`, "
        "which matches no row; the test only spares the database that clause."
    ),
    _unfiltered(_P, "_priorities_prefetch", "ProgressUpdate"): _SAME_AS_ROADMAP,
    _unfiltered(_P, "_priorities_prefetch", "Action"): _SAME_AS_ROADMAP,
    _unfiltered(_P, "_priorities_prefetch", "PriorityArea"): _SAME_AS_ROADMAP,
    _unfiltered(_PX, "actions_csv", "ProgressUpdate"): _SAME_AS_ROADMAP + _AFTER_ROADMAP,
    _unfiltered(_PX, "actions_csv", "Action"): _SAME_AS_ROADMAP + _AFTER_ROADMAP,
    **{
        _unfiltered(_E, "record_page", model): _SECRETARIAT_RECORDS
        for model in ("AgendaItem", "Exchange", "Decision", "ActionItem", "Document")
    },
    _unfiltered(_E, "get_record_row_for_user", "model"): _SECRETARIAT_RECORDS,
    _unfiltered(_P, "get_action_for_user", "Action"): (
        "Redundant: its two callers (`edit_action`, `add_progress`) first require the "
        "right to edit the pathfinder, so only its current focal points and the "
        "Secretariat get here, and both see every action of that pathfinder; anyone "
        "else gets the same 404 either way."
    ),
    _unfiltered("alliance87/api/endpoints/events.py", "close_action_item", "ActionItem"): (
        "Redundant: the item was read through `get_action_item_for_user(user, item_id)` "
        "(its visibility checked, a hidden item answers 404) and the `close` right "
        "required before the write; this reads the same row again to answer with it."
    ),
}


# Sites and mutants -----------------------------------------------------------


@dataclass(frozen=True)
class Mutant:
    path: str  # relative to the tree's root
    line: int
    end_line: int
    start: int  # byte offsets of the replaced text in the file
    end: int
    function: str  # the enclosing function's qualified name
    operator: str  # which kind of check
    code: str  # the check, as written
    replacement: str  # the text that replaces it
    description: str  # the mutation, for people
    key: str = ""
    file_hash: str = ""  # of the file it mutates: a kept outcome is reused only for it

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass
class Outcome:
    mutant: Mutant
    status: str  # killed | survived | timeout | error
    first_failure: str = ""
    message: str = ""
    seconds: float = 0.0

    @property
    def survived(self) -> bool:
        return self.status == "survived"

    @property
    def crashed(self) -> bool:
        """Killed by an error rather than by what a page showed: a weaker proof."""
        return self.status == "killed" and (
            "got 500" in self.message or not self.message.startswith("AssertionError")
        )

    @property
    def result(self) -> str:
        if self.survived and self.mutant.key in EXPLAINED:
            return "survived (redundant)"
        if self.crashed:
            return "killed (by an error)"
        return self.status


def _line_starts(data: bytes) -> list[int]:
    starts = [0]
    for i, byte in enumerate(data):
        if byte == 0x0A:
            starts.append(i + 1)
    return starts


class _Finder(ast.NodeVisitor):
    """Collect the mutants of one module."""

    def __init__(self, path: str, source: str) -> None:
        self.path = path
        self.source = source
        self.data = source.encode()
        self.starts = _line_starts(self.data)
        self.stack: list[str] = []
        self.rule_depth = 0  # > 0 inside a function that defines the rule
        self.mutants: list[Mutant] = []

    # Helpers ------------------------------------------------------------

    def offset(self, line: int, col: int) -> int:
        return self.starts[line - 1] + col

    def text(self, node: ast.AST) -> str:
        segment = ast.get_source_segment(self.source, node)
        assert segment is not None
        return segment

    def flat(self, node: ast.AST) -> str:
        """The node's code on one line, for people."""
        return " ".join(self.text(node).split())

    def add(self, node: ast.AST, operator: str, replacement: str, description: str) -> None:
        lineno = node.lineno  # type: ignore[attr-defined]
        end_lineno = node.end_lineno  # type: ignore[attr-defined]
        start = self.offset(lineno, node.col_offset)  # type: ignore[attr-defined]
        end = self.offset(end_lineno, node.end_col_offset)  # type: ignore[attr-defined]
        self.mutants.append(
            Mutant(
                path=self.path,
                line=lineno,
                end_line=end_lineno,
                start=start,
                end=end,
                function=".".join(self.stack) or "<module>",
                operator=operator,
                code=" ".join(self.text(node).split()),
                replacement=replacement,
                description=description,
            )
        )

    def is_rule_function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
        return self.path == RULES_MODULE or node.name == "visible_to"

    # Scopes -------------------------------------------------------------

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.stack.append(node.name)
        self.generic_visit(node)
        self.stack.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        rule = self.is_rule_function(node)
        self.stack.append(node.name)
        self.rule_depth += rule
        if rule:
            self.function_returns(node)
        # The body only: annotations (`User | None`) decide nothing.
        for statement in node.body:
            self.visit(statement)
        self.rule_depth -= rule
        self.stack.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    # Call sites ---------------------------------------------------------

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = (
            func.attr
            if isinstance(func, ast.Attribute)
            else func.id
            if isinstance(func, ast.Name)
            else ""
        )
        if name == "visible_to" and isinstance(func, ast.Attribute):
            # `.all()`: a manager (`Model.objects`) is no queryset where one is
            # needed (`__in=`, `Prefetch`), and the mutant must not crash.
            receiver = f"{self.text(func.value)}.all()"
            if isinstance(func.value, ast.Call) and self.text(func.value.func) == "super":
                receiver = "self"  # what `super().visible_to(user)` starts from
            self.add(node, "visible_to", receiver, f"→ `{' '.join(receiver.split())}`")
        elif name == "visible_q":
            self.add(node, "visible_q", ALL_ROWS, "→ a filter every row passes")
        elif name == "can_see":
            self.add(node, "can_see", "True", "→ `True`")
        elif name == "visible_ids" and len(node.args) >= 2:
            objs = self.text(node.args[1])
            self.add(node, "visible_ids", f"list({objs})", f"→ `list({objs})`")
        elif (
            name == "register"
            and isinstance(func, ast.Attribute)
            and self.text(func.value).endswith("AUDIENCE_PROVIDERS")
        ):
            self.add(node, "provider", "None", "provider not registered")
        elif self.rule_depth and name == "filter" and isinstance(func, ast.Attribute):
            self.filter_arguments(node, func)
        elif self.rule_depth and name == "Q":
            self.q_conditions(node)
        self.generic_visit(node)

    # Definitions --------------------------------------------------------

    def function_returns(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        """Returned decisions: a yes/no is turned round; a filter becomes
        None, "no filter"."""
        annotation = ast.unparse(node.returns) if node.returns else ""
        returns = [
            n
            for n in ast.walk(node)
            if isinstance(n, ast.Return) and n.value is not None and self.owner(node, n)
        ]
        for ret in returns:
            value = ret.value
            assert value is not None
            if annotation == "bool":
                if isinstance(value, ast.Constant) and isinstance(value.value, bool):
                    flipped = str(not value.value)
                else:
                    flipped = f"not ({self.text(value)})"
                shown = " ".join(flipped.split())
                self.add(value, "return", flipped, f"answer turned round: `{shown}`")
            elif annotation.endswith("| None") and not (
                isinstance(value, ast.Constant) and value.value is None
            ):
                self.add(value, "return", "None", "→ `None` (no filter)")

    @staticmethod
    def owner(function: ast.AST, node: ast.AST) -> bool:
        """Return True if `node` belongs to `function`, not to a nested one."""
        for child in ast.iter_child_nodes(function):
            if child is node:
                return True
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                continue
            if _Finder.owner(child, node):
                return True
        return False

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:
            self.visit(node.value)

    def visit_If(self, node: ast.If) -> None:
        if self.rule_depth:
            self.conditions(node.test)
        self.generic_visit(node)

    def visit_IfExp(self, node: ast.IfExp) -> None:
        if self.rule_depth:
            self.conditions(node.test)
        self.generic_visit(node)

    def conditions(self, test: ast.expr) -> None:
        self.add(test, "condition", "True", "→ `True` (always)")
        self.add(test, "condition", "False", "→ `False` (never)")

    def visit_BoolOp(self, node: ast.BoolOp) -> None:
        if self.rule_depth:
            neutral = "True" if isinstance(node.op, ast.And) else "False"
            for value in node.values:
                self.add(value, "operand", neutral, f"operand removed (→ `{neutral}`)")
        self.generic_visit(node)

    def visit_BinOp(self, node: ast.BinOp) -> None:
        if self.rule_depth and isinstance(node.op, ast.BitAnd | ast.BitOr):
            sign = "&" if isinstance(node.op, ast.BitAnd) else "|"
            for kept, dropped in ((node.left, node.right), (node.right, node.left)):
                self.add(
                    node,
                    "combine",
                    f"({self.text(kept)})",
                    f"`{sign} {self.flat(dropped)}` removed",
                )
        self.generic_visit(node)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        if self.rule_depth and isinstance(node.op, ast.BitAnd | ast.BitOr):
            self.add(node, "combine", "pass", "statement removed")
        self.generic_visit(node)

    def visit_List(self, node: ast.List) -> None:
        if self.rule_depth and isinstance(node.ctx, ast.Load):
            for element in node.elts:
                kept = ", ".join(self.text(e) for e in node.elts if e is not element)
                self.add(node, "level", f"[{kept}]", f"`{self.flat(element)}` removed")
        self.generic_visit(node)

    def filter_arguments(self, node: ast.Call, func: ast.Attribute) -> None:
        """`.filter(a, b=c)` in a rule: each argument removed in turn."""
        parts: list[ast.AST] = [*node.args, *node.keywords]
        receiver = self.text(func.value)
        for part in parts:
            kept = [self.text(p) for p in parts if p is not part]
            replacement = f"{receiver}.filter({', '.join(kept)})" if kept else receiver
            self.add(node, "filter", replacement, f"filter `{self.flat(part)}` removed")

    def q_conditions(self, node: ast.Call) -> None:
        """`Q(a=b)` or `Q(**{"a": b, ...})` in a rule: each condition removed."""
        if node.args:
            return
        if len(node.keywords) == 1 and node.keywords[0].arg is None:
            mapping = node.keywords[0].value
            if not isinstance(mapping, ast.Dict) or None in mapping.keys:
                return
            pairs = [
                (self.text(k), self.text(v))
                for k, v in zip(mapping.keys, mapping.values, strict=True)
                if k is not None
            ]
            for key, value in pairs:
                kept = ", ".join(f"{k}: {v}" for k, v in pairs if (k, v) != (key, value))
                self.add(node, "condition", f"Q(**{{{kept}}})", f"condition `{key}` removed")
        else:
            texts = [self.text(k) for k in node.keywords]
            for text in texts:
                kept = ", ".join(t for t in texts if t != text)
                self.add(
                    node,
                    "condition",
                    f"Q({kept})",
                    f"condition `{' '.join(text.split())}` removed",
                )


def module_paths(root: Path) -> Iterator[Path]:
    """Yield the application's modules: no tests, test support or migrations."""
    for path in sorted((root / PACKAGE).rglob("*.py")):
        rel = path.relative_to(root)
        if {"tests", "testing", "migrations", "__pycache__"} & set(rel.parts[:-1]):
            continue
        if path.name in {"test.py", "tests.py", "conftest.py"} or path.name.startswith("test_"):
            continue
        yield path


def discover(root: Path) -> list[Mutant]:
    """Return every mutant of the tree at `root`, in file and line order."""
    mutants: list[Mutant] = []
    for path in module_paths(root):
        source = path.read_text(encoding="utf-8")
        if not any(name in source for name in CHECK_CALLS) and (
            path.relative_to(root).as_posix() != RULES_MODULE
        ):
            continue
        finder = _Finder(path.relative_to(root).as_posix(), source)
        finder.visit(ast.parse(source, filename=str(path)))
        mutants.extend(finder.mutants)
    mutants.sort(key=lambda m: (m.path, m.start, m.end, m.operator, m.replacement))
    seen: Counter[str] = Counter()
    keyed = []
    hashes = {m.path: _hash(root / m.path) for m in mutants}
    for m in mutants:
        base = f"{m.path}::{m.function}::{m.operator}::{m.code}::{m.replacement}"
        seen[base] += 1
        keyed.append(_replace(m, key=f"{base}::{seen[base]}", file_hash=hashes[m.path]))
    return keyed


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _matrix_hash(root: Path) -> str:
    """Hash the matrix and its test support (every .py file under them)."""
    digest = hashlib.sha256()
    for top in MATRIX_INPUTS:
        for path in sorted((root / top).rglob("*.py")):
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _replace(mutant: Mutant, **changes: Any) -> Mutant:
    return Mutant(**{**asdict(mutant), **changes})


def mutate(source: str, mutant: Mutant) -> str:
    """Return `source` with `mutant` applied; it must still parse."""
    data = source.encode()
    mutated = (data[: mutant.start] + mutant.replacement.encode() + data[mutant.end :]).decode()
    if ast.dump(ast.parse(mutated)) == ast.dump(ast.parse(source)):
        raise ValueError(f"{mutant.where}: the mutation changes nothing")
    return mutated


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
    return target


def copy_env(copy: Path) -> dict[str, str]:
    """The environment of a run: the copy's code first on the path, no
    bytecode written (a mutant must never be served from a stale .pyc)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(copy), *filter(None, [env.get("PYTHONPATH")])])
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("PYTEST_ADDOPTS", None)
    env.pop("PYTEST_XDIST_WORKER", None)
    # The embedded tier: a run beside the PostgreSQL suite (make test) must
    # not create test databases of the same names as the suite's own.
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    return env


def _run(args: Sequence[str], copy: Path, timeout: float) -> tuple[int | None, str, float]:
    """Run `args` in `copy`; return (exit code or None on timeout, output, seconds)."""
    started = time.monotonic()
    with subprocess.Popen(  # noqa: S603 - our own interpreter, fixed arguments
        list(args),
        cwd=copy,
        env=copy_env(copy),
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
    copy: Path, timeout: float = DEFAULT_TIMEOUT, extra: Sequence[str] = ()
) -> tuple[str, str, str, float]:
    """Run the matrix in `copy`: (status, first failing test, its message, seconds).

    `extra` adds pytest arguments (the tool's own tests select cells with -k).
    """
    report = copy.parent / "junit.xml"
    report.unlink(missing_ok=True)
    args = [sys.executable, "-m", "pytest", MATRIX, *PYTEST_ARGS, f"--junitxml={report}", *extra]
    code, output, seconds = _run(args, copy, timeout)
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

    def run(
        self, mutant: Mutant | None, timeout: float = DEFAULT_TIMEOUT, extra: Sequence[str] = ()
    ) -> Outcome:
        """Run the matrix with `mutant` applied (None: unmutated), then undo it."""
        if mutant is None:
            status, test, message, seconds = run_matrix(self.copy, timeout, extra)
            return Outcome(_BASELINE, status, test, message, seconds)
        target = self.copy / mutant.path
        original = target.read_bytes()
        try:
            target.write_text(mutate(original.decode(), mutant), encoding="utf-8")
            status, test, message, seconds = run_matrix(self.copy, timeout, extra)
        finally:
            target.write_bytes(original)
        return Outcome(mutant, status, test, message, seconds)


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


# The report -------------------------------------------------------------------


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _code(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"`{_cell(text)}`" if text else ""


def render_report(
    matrix: dict[str, Any],
    baseline: Outcome,
    outcomes: list[Outcome],
    *,
    seconds: float,
    command: str,
    total: int | None = None,
) -> str:
    """Return the report; `total` is the number of sites of the tree when
    the run stopped before the last of them (None: a complete run)."""
    counts = Counter(o.result for o in outcomes)
    operators = Counter(o.mutant.operator for o in outcomes)
    survivors = [o for o in outcomes if o.survived]
    kinds = matrix["kinds"]
    lines = [
        "# Visibility: the matrix and its mutants",
        "",
        "Generated by `tools/visibility_mutations.py`; do not edit by hand.",
        "",
        "Issue 6 asks that visibility be enforced through the one `visible_to(user)` rule",
        "everywhere, that a matrix test walk every persona × content type × visibility ×",
        "way out, and that removing any single check make it fail. This page shows what",
        f"the matrix (`{MATRIX}`) covers and what became of each",
        "check when it was removed.",
        "",
        "## What the matrix covers",
        "",
        f"- **Personas** ({len(matrix['personas'])}): "
        + ", ".join(f"`{p}`" for p in matrix["personas"])
        + ".",
        f"- **Visibility levels** ({len(matrix['levels'])}): "
        + ", ".join(f"`{p}`" for p in matrix["levels"])
        + "; events and roadmaps also come as drafts.",
        f"- **Content types** ({len(kinds)}), with {matrix['items']} objects,"
        f" one per type × level × status.",
        f"- **Ways out** ({sum(len(k['ways']) for k in kinds)} per type, "
        f"{len({w for k in kinds for w in k['ways']})} distinct names): own pages "
        "(a hidden object answers 404), lists, filtered lists, other objects' pages, "
        "the calendar feed and .ics files, CSV exports, print views, briefing packs, "
        "the application form, and the editing pages and forms of a group's chair, a "
        "pathfinder's focal point and an action item's owner. The Hub has no search "
        "page nor API: its searches are the lists' filters (`?q=`), which narrow the "
        "lists' own querysets.",
        f"- **Figures** ({len(matrix.get('figures', []))}): "
        + ", ".join(f"`{f}`" for f in matrix.get("figures", []))
        + ": a count shown must count only what the persona may see.",
        f"- **Cells**: {matrix['cells']} (persona × object × way); with the one-object "
        "rule checks and the figures, "
        f"{baseline.message or 'every test'} on the unmutated tree "
        f"({', '.join(f'`{t}`' for t in matrix.get('tests', []))}).",
        "",
        "| Content type | Levels | Statuses | Ways out |",
        "|---|---|---|---|",
    ]
    for kind in kinds:
        lines.append(
            f"| {kind['name']} | {', '.join(kind['levels'])} | "
            f"{', '.join(kind['statuses']) or '—'} | {', '.join(kind['ways'])} |"
        )
    lines += [
        "",
        "## How to rerun",
        "",
        "```sh",
        command,
        "```",
        "",
        "`make mutations` runs the same. The tool copies the working tree (without",
        "`.venv`, `var` and caches) to a temporary folder once, checks that the copy's",
        "code is the one imported and that its matrix passes unmutated, then for each",
        "site writes one mutant into the copy, runs",
        "",
        "```sh",
        f"PYTHONPATH=<copy> python -m pytest {MATRIX} {' '.join(PYTEST_ARGS)}",
        "```",
        "",
        "from the copy, with a time limit, and restores the file. `--list` shows the",
        "sites without running them; `--only TEXT` runs the sites whose file:line,",
        "function or code contains TEXT.",
        "",
        "## Result",
        "",
        f"{len(outcomes)} sites in {seconds / 60:.0f} minutes: "
        + ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
        + ".",
        "",
    ]
    if total is not None:
        lines += [
            f"**The run stopped before its end**: {len(outcomes)} of the tree's {total} "
            f"sites were run, {total - len(outcomes)} were not reached (`--json F --resume` "
            "goes on from where it stopped).",
            "",
        ]
    lines += [
        "Sites by kind of check: "
        + ", ".join(f"{n} {OPERATORS[o]}" for o, n in sorted(operators.items()))
        + ".",
        "",
    ]
    if survivors:
        lines += ["### Survivors", ""]
        for o in survivors:
            reason = EXPLAINED.get(o.mutant.key, "**not explained**")
            lines.append(
                f"- `{o.mutant.where}` {_code(o.mutant.code, 60)} ({o.mutant.description}): "
                f"{reason}"
            )
        lines.append("")
    lines += [
        "### Every site",
        "",
        "| Site | Check | Mutation | Result | First failing cell |",
        "|---|---|---|---|---|",
    ]
    for o in outcomes:
        m = o.mutant
        lines.append(
            f"| `{m.where}` | {_code(m.code)} | {_cell(m.description)} | {o.result} | "
            f"{_code(o.first_failure, 70)} |"
        )
    lines.append("")
    return "\n".join(lines)


OPERATORS = {
    "visible_to": "`.visible_to()` calls",
    "visible_q": "`visible_q()` calls",
    "can_see": "`can_see()` calls",
    "visible_ids": "`visible_ids()` calls",
    "provider": "audience provider registrations",
    "return": "returned decisions",
    "condition": "conditions",
    "operand": "operands of conditions",
    "combine": "combinations of filters",
    "level": "levels",
    "filter": "filter arguments",
}


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
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
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
    if kept.get("matrix_hash") != _matrix_hash(options.source):
        return {}
    return {o.mutant.key: o for o in kept["outcomes"] if o.status != "error"}


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
        baseline = space.run(None, options.timeout * 2)
        print(f"baseline: {baseline.status} in {baseline.seconds:.0f} s", flush=True)
        if baseline.status != "survived":
            print(f"the unmutated matrix fails: {baseline.first_failure}", file=sys.stderr)
            print(baseline.message, file=sys.stderr)
            return None
        run: dict[str, Any] = {
            "matrix": matrix,
            "matrix_hash": _matrix_hash(space.copy),
            "baseline": baseline,
            "outcomes": [],
            "seconds": 0.0,
            "complete": False,
        }
        earlier = 0.0
        for n, mutant in enumerate(mutants, 1):
            old = kept.get(mutant.key)
            if old is not None and old.mutant.file_hash == mutant.file_hash:
                outcome, note = Outcome(**{**asdict(old), "mutant": mutant}), " (kept)"
                earlier += outcome.seconds
            else:
                outcome, note = space.run(mutant, options.timeout), ""
            run["outcomes"].append(outcome)
            run["seconds"] = earlier + time.monotonic() - started
            if options.json:
                save_run(options.json, run)
            print(
                f"[{n}/{len(mutants)}] {mutant.where} {mutant.description[:50]}: "
                f"{outcome.result} {outcome.first_failure} ({outcome.seconds:.0f} s){note}",
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
