"""What the tool's modules share: where the tree, the application and the
matrix are, how the matrix is run, a mutant and its outcome, and applying a
mutant to its module's source."""

from __future__ import annotations

import ast
import hashlib
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
DEFAULT_TIMEOUT = 600.0
# The unmutated run records what each cell reaches (coverage.py, one
# context per cell, each cell asking for itself): several times slower.
BASELINE_TIMEOUT = 3600.0
COMMAND = ".venv/bin/python -m tools.mutations --json docs/visibility-matrix.json --resume"

# A filter that every row passes: what is left of a `visible_q(...)` call
# when the check is removed. Spelled in full so that it needs no import in
# the mutated module.
ALL_ROWS = '__import__("django.db.models").db.models.Q(pk__isnull=False)'

# Calls whose every occurrence is a visibility check, and what is left of
# the call when the check is removed.
CHECK_CALLS = ("visible_to", "visible_q", "can_see", "visible_ids", "AUDIENCE_PROVIDERS.register")


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
    # Inside a lambda: its line also runs where the lambda is made (at
    # import, for a module's), without running the check (reach.Reach).
    in_lambda: bool = False

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
    # For a site run while the world was built (tools.mutations.world):
    # "same" when the mutant built the unmutated world, else "changed: ...".
    world: str = ""

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
        if self.survived and self.cells == 0 and self.world == "same":
            return "survived (same world; no cell reaches it)"
        if self.survived and self.cells == 0:
            return "survived (no cell reaches it)"
        if self.survived and self.mutant.key in EXPLAINED:
            return "survived (redundant)"
        if self.crashed:
            return "killed (by an error)"
        return self.status


def hash_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def matrix_hash(root: Path) -> str:
    """Hash the matrix and its test support (every .py file under them)."""
    digest = hashlib.sha256()
    for top in MATRIX_INPUTS:
        for path in sorted((root / top).rglob("*.py")):
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def replace(mutant: Mutant, **changes: Any) -> Mutant:
    return Mutant(**{**asdict(mutant), **changes})


def mutate(source: str, mutant: Mutant) -> str:
    """Return `source` with `mutant` applied; it must still parse."""
    data = source.encode()
    mutated = (data[: mutant.start] + mutant.replacement.encode() + data[mutant.end :]).decode()
    if ast.dump(ast.parse(mutated)) == ast.dump(ast.parse(source)):
        raise ValueError(f"{mutant.where}: the mutation changes nothing")
    return mutated
