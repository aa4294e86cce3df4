"""Which cells of the matrix reach a site: read from one unmutated run.

A mutant changes one expression; a cell whose requests never run that
expression's lines behaves the same with it and without it. The baseline run
records, with coverage.py, the lines of the package that each cell's test
call runs (one coverage context per cell, named by its pytest node id); a
mutant then runs only the cells that reached its lines. Lines run while the
world is built (a context of their own) run those cells too, with the world
compared first (tools.mutations.world): a mutant that builds another world
runs the whole matrix. Lines run anywhere else (a cell's own setup, a
teardown, at import or by Django's start-up) run the whole matrix. Lines
that no process of the run ran at all (recording starts before Django does)
are reached by no cell: their mutants survive without a run, reported as
such, each a place the matrix does not look.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import coverage

from tools.mutations import world
from tools.mutations.base import MATRIX, Mutant

# The plugin (base.PLUGIN) the copy's runs load with `-p`: written into the
# copy's root, beside the run settings, and active only when
# MUTATION_COVERAGE names the data file (the baseline run).
CELL = "cell:"  # the prefix of a context that is one cell's test call
IMPORT = ""  # the context of imports and Django's start-up
ENV = "MUTATION_COVERAGE"
# Read by the matrix (`ways.base.World.get`): in the recording run every cell
# asks for its own answers instead of reading one an earlier cell was given,
# so that the lines a shared list runs are recorded for each cell reading it.
EACH_CELL_ASKS = "MATRIX_EACH_CELL_ASKS"

PLUGIN_TEXT = textwrap.dedent(
    f'''\
    """Written by tools.mutations: one coverage context per matrix cell."""

    import os

    import coverage
    import pytest

    import {world.MODULE} as _world

    _COVERAGE = None
    # Started when the plugin is imported (`-p`, before pytest-django starts
    # Django), so that every line run at import or by Django's start-up is
    # recorded too, in the empty context: a line recorded nowhere never ran.
    if os.environ.get("{ENV}"):
        _ROOT = os.path.dirname(os.path.abspath(__file__))
        _COVERAGE = coverage.Coverage(
            data_file=os.environ["{ENV}"],
            data_suffix=True,
            source=[os.path.join(_ROOT, "alliance87")],
            omit=["*/tests/*", "*/migrations/*"],
        )
        _COVERAGE.start()


    def pytest_unconfigure(config):
        if _COVERAGE is not None:
            _COVERAGE.stop()
            _COVERAGE.save()


    def _switch(name):
        if _COVERAGE is not None:
            _COVERAGE.switch_context(name)


    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_setup(item):
        _switch("setup")
        return (yield)


    @pytest.hookimpl(wrapper=True)
    def pytest_fixture_setup(fixturedef, request):
        # The world: built in the first cell's setup, once per process. Its
        # lines get a context of their own; once it is built it is recorded
        # or compared (tools.mutations.world).
        if fixturedef.argname != _world.FIXTURE:
            return (yield)
        _switch(_world.CONTEXT)
        try:
            built = yield
        finally:
            _switch("setup")
        _world.after_build()
        return built


    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_call(item):
        _switch("{CELL}" + item.nodeid)
        try:
            return (yield)
        finally:
            _switch("teardown")
    '''
)


@dataclass(frozen=True)
class Selection:
    """What a mutant's run runs: `cells` (node ids; None for the whole
    matrix, [] for none), and whether the world is built with the mutant
    and compared first (`world`: its lines ran while the world was built)."""

    cells: list[str] | None
    world: bool = False


class Reach:
    """The contexts that ran each line: {relative path: {line: contexts}}."""

    def __init__(self, lines: Mapping[str, Mapping[int, Iterable[str]]]) -> None:
        self.lines = {path: {n: set(c) for n, c in by.items()} for path, by in lines.items()}
        every = {c for by in self.lines.values() for cs in by.values() for c in cs}
        cells = sorted(c.removeprefix(CELL) for c in every if c.startswith(CELL))
        # A cell to run when only the world's build reached a mutant: the
        # world is built in the first cell's setup.
        self.any_cell = cells[0] if cells else None

    @classmethod
    def read(cls, data_dir: Path, copy: Path) -> Reach:
        """Combine the baseline's coverage files in `data_dir` (one per process)."""
        combined = coverage.Coverage(data_file=str(data_dir / "cells"))
        combined.combine([str(data_dir)], keep=True)
        data = combined.get_data()
        root = copy.resolve()
        found: dict[str, dict[int, list[str]]] = {}
        for name in data.measured_files():
            path = Path(name).resolve()
            if not path.is_relative_to(root):
                continue
            by_line = data.contexts_by_lineno(name)
            found[path.relative_to(root).as_posix()] = {n: list(c) for n, c in by_line.items()}
        return cls(found)

    def select(self, mutant: Mutant) -> Selection:
        """What to run for `mutant`: the cells that ran its lines; the
        whole matrix when its lines ran outside a cell's call and outside
        the world's build (a cell's own setup, a teardown, at import); none
        when no process of the unmutated run ran them (no cell can tell the
        mutant from the original)."""
        by_line = self.lines.get(mutant.path, {})
        contexts: set[str] = set()
        for line in range(mutant.line, mutant.end_line + 1):
            contexts |= by_line.get(line, set())
        built = world.CONTEXT in contexts
        contexts.discard(world.CONTEXT)
        if mutant.in_lambda:
            # The line ran at import where the lambda was made; the check
            # runs only when it is called.
            contexts.discard(IMPORT)
        if any(not c.startswith(CELL) for c in contexts):
            return Selection(None)
        return Selection(sorted(c.removeprefix(CELL) for c in contexts), world=built)

    def cells(self, mutant: Mutant) -> list[str] | None:
        return self.select(mutant).cells


def write_targets(path: Path, cells: list[str] | None) -> list[str]:
    """The pytest arguments that select `cells` (an @file of node ids), or the
    whole matrix."""
    if cells is None:
        return [MATRIX]
    path.write_text("\n".join(cells) + "\n", encoding="utf-8")
    return [f"@{path}"]
