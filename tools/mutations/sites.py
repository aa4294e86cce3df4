"""Where visibility is decided, and the mutant that removes each check."""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from tools.mutations.base import (
    ALL_ROWS,
    CHECK_CALLS,
    PACKAGE,
    RULES_MODULE,
    Mutant,
    hash_file,
    replace,
)


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
        self.lambda_depth = 0  # > 0 inside a lambda
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
                in_lambda=self.lambda_depth > 0,
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

    def visit_Lambda(self, node: ast.Lambda) -> None:
        self.lambda_depth += 1
        self.generic_visit(node)
        self.lambda_depth -= 1

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
    hashes = {m.path: hash_file(root / m.path) for m in mutants}
    for m in mutants:
        base = f"{m.path}::{m.function}::{m.operator}::{m.code}::{m.replacement}"
        seen[base] += 1
        keyed.append(replace(m, key=f"{base}::{seen[base]}", file_hash=hashes[m.path]))
    return keyed
