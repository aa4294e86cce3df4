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
(`reach`), and the world each of its two workers built (`world`); each
mutant then runs only the cells that reached its lines. When its lines ran
while the world was built, the mutant's world is compared with the
unmutated one first, and the whole matrix runs only when it differs; lines
run elsewhere outside a cell (at import, in a cell's own setup) run the
whole matrix; lines never recorded run nothing (no cell reaches them). The
runs keep their test databases in the copy (`--reuse-db`): a mutant changes
code, never the schema. With `--json F` each outcome is kept in F as it
comes, and `--resume` reuses those whose file and matrix have not changed
(`make mutations`: docs/visibility-matrix.json).

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
`world` fingerprints the world and compares it, `report` writes
docs/visibility-matrix.md and
`__main__` is the command.
"""
