"""Where visibility is decided, and the mutant that removes each check."""

from __future__ import annotations

import ast
import hashlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from tools.mutations.explained import EXPLAINED

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "alliance87"
RULES_MODULE = "alliance87/core/visibility.py"
# The matrix: a package of test modules, run as one by pytest.
MATRIX = "alliance87/accounts/tests/visibility_matrix"
# What a kept outcome of an interrupted run depends on besides the mutated
# file: the matrix and the test support it builds its world with.
MATRIX_INPUTS = (MATRIX, "alliance87/testing")
REPORT = "docs/visibility-matrix.md"
PYTEST_ARGS = ("-x", "-q", "-p", "no:randomly")
# The whole matrix runs on both cores; a few cells in one process (two
# workers would each start Django and build the world for them).
WORKERS_WHOLE = ("-n", "2")
WORKERS_FEW = ("-n", "0")
FEW_CELLS = 300
# Written into the copy (tools.mutations.workspace, .reach): the project's
# settings with the test databases in files that every run reuses, and the
# plugin that records which cells reach which lines.
RUN_SETTINGS = "mutation_run_settings"
PLUGIN = "mutation_reach_plugin"
RUN_ARGS = ("--ds", RUN_SETTINGS, "--reuse-db", "-p", PLUGIN)
DEFAULT_TIMEOUT = 300.0
COMMAND = ".venv/bin/python -m tools.mutations"

# A filter that every row passes: what is left of a `visible_q(...)` call
# when the check is removed. Spelled in full so that it needs no import in
# the mutated module.
ALL_ROWS = '__import__("django.db.models").db.models.Q(pk__isnull=False)'

# Calls whose every occurrence is a visibility check, and what is left of
# the call when the check is removed.
CHECK_CALLS = ("visible_to", "visible_q", "can_see", "visible_ids", "AUDIENCE_PROVIDERS.register")


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
    # How many cells ran: those that reached the site in the unmutated run
    # (tools.mutations.reach); None: the whole matrix.
    cells: int | None = None

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
        if self.survived and self.cells == 0:
            return "survived (no cell reaches it)"
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


def matrix_hash(root: Path) -> str:
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
