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

The unmutated run records, with coverage.py, which cells reach which lines
(`reach`); each mutant then runs only the cells that reached its lines, and
the whole matrix when its lines ran outside a cell (building the world, at
import) or were never recorded. The runs keep their test databases in the
copy (`--reuse-db`): a mutant changes code, never the schema.

    .venv/bin/python -m tools.mutations            # all sites
    .venv/bin/python -m tools.mutations --list     # sites only
    .venv/bin/python -m tools.mutations --only events/selectors/detail.py:42

Exit status: 0 when every mutant is killed, or survives for a reason
recorded in `explained.EXPLAINED`; 1 when a mutant survives unexplained (or any
survives, with --strict); 2 when the unmutated copy fails its matrix.

The modules: `sites` finds the checks and makes the mutants, `base` holds
what the others share (the paths, how the matrix runs, a mutant and its
outcome, applying a mutant), `explained`
keeps the reasons of the survivors that are redundant, `workspace` copies the
tree and runs the matrix in it, `reach` reads which cells reach a site,
`report` writes docs/visibility-matrix.md and
`__main__` is the command.
"""
