"""Tests of tools/mutations (`python -m tools.mutations`).

    .venv/bin/pytest -q -p no:randomly tools/tests

The last two tests run the matrix (a few cells of it) in a copy of the
tree: about a minute.
"""

from __future__ import annotations

import ast
import io
import json
import tokenize
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tools.mutations import __main__ as command
from tools.mutations import base, explained, reach, sites, workspace, world

ROOT = base.ROOT


def _find(source: str, path: str = "alliance87/example.py") -> list[base.Mutant]:
    finder = sites._Finder(path, source)
    finder.visit(ast.parse(source))
    return finder.mutants


def _tokens_visible_to_calls(source: str) -> int:
    """Count `.visible_to(` by tokens, independently of the ast walk."""
    tokens = [
        t
        for t in tokenize.generate_tokens(io.StringIO(source).readline)
        if t.type not in (tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT)
    ]
    return sum(
        1
        for a, b, c in zip(tokens, tokens[1:], tokens[2:], strict=False)
        if a.string == "." and b.string == "visible_to" and c.string == "("
    )


def test_every_visible_to_call_is_a_site() -> None:
    mutants = sites.discover(ROOT)
    by_file: dict[str, int] = {}
    for m in mutants:
        if m.operator == "visible_to":
            by_file[m.path] = by_file.get(m.path, 0) + 1
    expected = {}
    for path in sites.module_paths(ROOT):
        n = _tokens_visible_to_calls(path.read_text(encoding="utf-8"))
        if n:
            expected[path.relative_to(ROOT).as_posix()] = n
    assert by_file == expected
    assert sum(expected.values()) > 50


def test_tests_and_migrations_are_left_out() -> None:
    paths = {p.relative_to(ROOT).as_posix() for p in sites.module_paths(ROOT)}
    assert "alliance87/core/visibility.py" in paths
    assert not any("/tests/" in p or "/migrations/" in p for p in paths)
    assert not any(p.startswith("alliance87/testing/") for p in paths)


def test_every_mutant_applies_and_parses() -> None:
    mutants = sites.discover(ROOT)
    assert len({m.key for m in mutants}) == len(mutants)
    for m in mutants:
        source = (ROOT / m.path).read_text(encoding="utf-8")
        mutated = base.mutate(source, m)
        ast.parse(mutated)
        # The replaced text is the check, as written.
        data = source.encode()
        assert " ".join(data[m.start : m.end].decode().split()) == m.code


def test_the_rules_are_mutated_where_they_are_defined() -> None:
    mutants = [m for m in sites.discover(ROOT) if m.path == base.RULES_MODULE]
    functions = {m.function for m in mutants}
    assert {"visible_q", "audience_for", "VisibleQuerySet.visible_to"} <= functions
    # The filter that visible_q returns can be dropped.
    assert any(m.function == "visible_q" and m.replacement == "None" for m in mutants)
    # The audience providers' registrations are sites, in their apps.
    providers = {m.path for m in sites.discover(ROOT) if m.operator == "provider"}
    assert {"alliance87/partners/apps.py", "alliance87/groups/apps.py"} <= providers


def test_every_explained_survivor_is_a_site() -> None:
    """A reason kept for a mutant that no longer exists is stale."""
    keys = {m.key for m in sites.discover(ROOT)}
    assert set(explained.EXPLAINED) <= keys, set(explained.EXPLAINED) - keys


SAMPLE = """
from alliance87.core.visibility import can_see, visible_ids, visible_q


def view(request, objs, audience):
    rows = Thing.objects.visible_to(request.user).filter(x=1)
    if can_see(request.user, obj):
        pass
    shown = visible_ids(request.user, objs)
    q = visible_q(audience, prefix="event__")
    return rows, shown, q


class Things(Base):
    def visible_to(self, user: "User | None") -> "Things":
        qs = super().visible_to(user)
        if audience_for(user).is_secretariat:
            return qs
        return qs.filter(status="published", kind="x")
"""


def test_mutations_remove_the_check() -> None:
    mutants = _find(SAMPLE)
    got = {(m.code, base.mutate(SAMPLE, m).count(m.replacement) > 0) for m in mutants}
    assert all(applied for _, applied in got)
    by_code = {m.code: m.replacement for m in mutants}
    assert by_code["Thing.objects.visible_to(request.user)"] == "Thing.objects.all()"
    assert by_code["can_see(request.user, obj)"] == "True"
    assert by_code["visible_ids(request.user, objs)"] == "list(objs)"
    assert by_code['visible_q(audience, prefix="event__")'] == base.ALL_ROWS
    assert by_code["super().visible_to(user)"] == "self"
    # Inside a `visible_to` definition: conditions and filter arguments,
    # never the annotations.
    inside = [m for m in mutants if m.function == "Things.visible_to"]
    assert {m.replacement for m in inside if m.operator == "condition"} == {"True", "False"}
    assert {m.replacement for m in inside if m.operator == "filter"} == {
        'qs.filter(kind="x")',
        'qs.filter(status="published")',
    }
    assert not any("None" in m.code for m in inside)
    # Outside the rule, plain filters and conditions are not sites.
    assert not any(m.function == "view" and m.operator in ("filter", "condition") for m in mutants)


def test_every_explanation_names_a_current_site() -> None:
    """An explanation keyed on a check that was rewritten or moved would
    leave its survivor unexplained: rekey it with the check."""
    assert command.stale_explanations(sites.discover(ROOT)) == []


def test_visible_q_call_becomes_a_filter_every_row_passes() -> None:
    import django.db.models

    q = eval(base.ALL_ROWS)
    assert isinstance(q, django.db.models.Q)
    assert q.children == [("pk__isnull", False)]


def test_the_copy_leaves_out_the_virtualenv_and_data(tmp_path: Path) -> None:
    copy = workspace.copy_tree(ROOT, tmp_path / "tree")
    assert (copy / base.MATRIX / "test_cells.py").is_file()
    assert (copy / "pyproject.toml").is_file()
    assert not (copy / ".venv").exists()
    assert not list((copy / "var").iterdir())
    assert not list(copy.rglob("__pycache__"))


@pytest.fixture(scope="module")
def space() -> Iterator[workspace.Workspace]:
    with workspace.Workspace(ROOT) as made:
        yield made


def test_the_copy_imports_its_own_code(space: workspace.Workspace) -> None:
    where = workspace.imported_from(space.copy)
    assert where.is_relative_to(space.copy.resolve())
    assert not where.is_relative_to((ROOT / base.PACKAGE).resolve())


@pytest.mark.mutations
def test_a_broken_copy_fails_and_is_restored(space: workspace.Workspace) -> None:
    """The statements list without its check: the matrix must fail in the
    copy (the working tree, unmutated, passes), and the copy's file must be
    the original again afterwards."""
    mutant = next(
        m
        for m in sites.discover(ROOT)
        if m.path == "alliance87/statements/selectors.py" and m.operator == "visible_to"
    )
    target = space.copy / mutant.path
    before = target.read_bytes()
    cells = ["-k", "statement and list and (anonymous or partner)"]

    unmutated = space.run(None, extra=cells)
    assert unmutated.status == "survived", unmutated.message

    broken = space.run(mutant, extra=cells)
    assert broken.status == "killed", broken.message
    assert broken.first_failure.startswith("test_matrix[statement-"), broken.first_failure
    # Caught by what the page showed, not by an error.
    assert broken.message.startswith("AssertionError: "), broken.message
    assert "must not see MK-statement-" in broken.message
    assert not broken.crashed
    assert target.read_bytes() == before
    assert (ROOT / mutant.path).read_bytes() == before

    # The unmutated run recorded which cells reached the check: the
    # statements list's cells among those selected, and no other kind's.
    reached = space.reach().cells(mutant)
    assert reached is not None
    assert reached
    assert all("test_matrix[statement-" in c and "-list]" in c for c in reached), reached
    # Every cell that reads the list, not only the first to ask for it (the
    # cells share the answers to one address: World.responses).
    for level in ("public", "partners", "members", "secretariat"):
        for persona in ("anonymous", "partner"):
            assert any(f"statement-{level}-{persona}-list]" in c for c in reached), reached
    # Run with those cells only, the mutant is killed all the same.
    narrowed = space.run(mutant, reach=space.reach())
    assert narrowed.status == "killed", narrowed.message
    assert narrowed.cells == len(reached)
    assert narrowed.first_failure.startswith("test_matrix[statement-")
    assert target.read_bytes() == before


@pytest.mark.mutations
def test_a_mutant_that_builds_another_world_runs_the_whole_matrix(
    space: workspace.Workspace,
) -> None:
    """The unmutated run's two workers each built the world: what differed
    between them (times, tokens) is noise. A change to the world's
    organisations (every one made of civil society by default) is not:
    the run sees it and runs the whole matrix; an unchanged world runs
    only the cells."""
    cells = ["-k", "statement and list and (anonymous or partner)"]
    assert space.run(None, extra=cells).status == "survived"
    expected = json.loads(space.world_file.read_text(encoding="utf-8"))
    assert expected["stable"]
    assert all(n.startswith("column:") for n in expected["noise"]), expected["noise"]
    assert "column:auth_user.date_joined" in expected["noise"]

    path = "alliance87/testing/factories.py"
    source = (ROOT / path).read_text(encoding="utf-8")
    code = "StakeholderType.CIVIL_SOCIETY"
    start = source.encode().index(code.encode())
    line = source[: source.index(code)].count("\n") + 1
    changed = base.Mutant(
        path,
        line,
        line,
        start,
        start + len(code),
        "make_organisation",
        "condition",
        code,
        "StakeholderType.GOVERNMENT",
        "another stakeholder type",
    )
    chosen = space.reach().select(changed)
    assert chosen.world, "the world's organisations are made here"
    outcome = space.run(changed, extra=cells, reach=space.reach())
    assert outcome.world.startswith("changed: "), outcome
    assert "column:partners_organisation.stakeholder_type" in outcome.world
    assert outcome.cells is None  # the whole matrix (of the cells -k chose)
    assert outcome.status == "survived"
    assert (space.copy / path).read_text(encoding="utf-8") == source

    same = base.replace(changed, replacement="StakeholderType.CIVIL_SOCIETY if True else None")
    outcome = space.run(same, extra=cells, reach=space.reach())
    assert outcome.world == "same", outcome
    assert outcome.cells is not None


def _mutant(path: str, line: int, end_line: int) -> base.Mutant:
    return base.Mutant(path, line, end_line, 0, 0, "f", "visible_to", "x", "y", "d")


def test_a_site_reached_only_in_cells_runs_those_cells() -> None:
    cell = reach.CELL + "alliance87/m/test_cells.py::test_matrix[a]"
    other = reach.CELL + "alliance87/m/test_cells.py::test_matrix[b]"
    found = reach.Reach({"alliance87/x.py": {10: [cell], 11: [other, cell], 30: [other]}})
    assert found.cells(_mutant("alliance87/x.py", 10, 11)) == [
        "alliance87/m/test_cells.py::test_matrix[a]",
        "alliance87/m/test_cells.py::test_matrix[b]",
    ]
    assert found.cells(_mutant("alliance87/x.py", 10, 10)) == [
        "alliance87/m/test_cells.py::test_matrix[a]"
    ]


@pytest.mark.parametrize("context", ["setup", "teardown", ""])
def test_a_site_reached_outside_a_cells_call_runs_the_whole_matrix(context: str) -> None:
    """Run in a cell's own setup, in a teardown or at import: a mutant
    there may change every cell."""
    cell = reach.CELL + "alliance87/m/test_cells.py::test_matrix[a]"
    found = reach.Reach({"alliance87/x.py": {10: [cell, context]}})
    assert found.cells(_mutant("alliance87/x.py", 10, 10)) is None
    assert found.select(_mutant("alliance87/x.py", 10, 10)) == reach.Selection(None)


def test_a_site_reached_while_the_world_is_built_runs_its_cells_after_the_world() -> None:
    """The world's build has a context of its own: the cells that reached
    the site run, once the world built with the mutant is found the same."""
    cell = reach.CELL + "alliance87/m/test_cells.py::test_matrix[a]"
    first = reach.CELL + "alliance87/m/test_cells.py::test_matrix[0]"
    found = reach.Reach(
        {"alliance87/x.py": {10: [cell, world.CONTEXT], 20: [world.CONTEXT], 30: [first]}}
    )
    assert found.select(_mutant("alliance87/x.py", 10, 10)) == reach.Selection(
        ["alliance87/m/test_cells.py::test_matrix[a]"], world=True
    )
    # Only the build ran it: no cell's own requests do; one cell builds the world.
    assert found.select(_mutant("alliance87/x.py", 20, 20)) == reach.Selection([], world=True)
    assert found.any_cell == "alliance87/m/test_cells.py::test_matrix[0]"


def test_a_check_in_a_lambda_is_not_run_where_the_lambda_is_made() -> None:
    """A module's lambda is made at import, on the line of the check it
    holds; that import is not the check running."""
    cell = reach.CELL + "alliance87/m/test_cells.py::test_matrix[a]"
    found = reach.Reach({"alliance87/x.py": {10: [cell, reach.IMPORT]}})
    in_lambda = base.replace(_mutant("alliance87/x.py", 10, 10), in_lambda=True)
    assert found.cells(in_lambda) == ["alliance87/m/test_cells.py::test_matrix[a]"]
    assert found.cells(_mutant("alliance87/x.py", 10, 10)) is None


def test_a_check_in_a_lambda_is_marked_so() -> None:
    source = (
        "P = dict(visible=lambda user: Thing.objects.visible_to(user))\n"
        "def f(user):\n    return Thing.objects.visible_to(user)\n"
    )
    found = _find(source)
    assert [(m.line, m.in_lambda) for m in found] == [(1, True), (3, False)]


def test_the_world_noise_is_what_two_unmutated_builds_disagree_on() -> None:
    one = {"column:t.name": "a", "column:t.created": "1", "cache:default:k": "c"}
    two = {"column:t.name": "a", "column:t.created": "2", "cache:default:j": "c"}
    expected = world.expectation([one, two])
    assert expected == {
        "stable": {"column:t.name": "a"},
        "noise": ["cache:default:j", "cache:default:k", "column:t.created"],
    }
    assert world.differences(expected, {**one, "column:t.created": "3"}) == []
    assert world.differences(expected, {**one, "column:t.name": "b"}) == ["column:t.name"]
    assert world.differences(expected, {"column:t.created": "1"}) == ["column:t.name"]
    assert world.differences(expected, {**one, "rows:u": "1"}) == ["rows:u"]
    with pytest.raises(ValueError, match="two builds"):
        world.expectation([one])


@pytest.mark.django_db
def test_the_world_fingerprint_sees_a_changed_value_row_cache_entry_and_file(
    settings: Any, tmp_path: Path
) -> None:
    from django.core.cache import cache

    from alliance87.testing.factories import make_organisation

    settings.MEDIA_ROOT = tmp_path
    # The local-memory cache the matrix's runs use (no REDIS_URL there).
    locmem = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "world"}
    settings.CACHES = {**settings.CACHES, "default": locmem}
    cache.clear()
    organisation = make_organisation("acme", "Acme")
    before = world.fingerprint()
    assert world.fingerprint() == before
    expected = {"stable": before, "noise": []}

    organisation.name = "Acme Two"
    organisation.save()
    assert "column:partners_organisation.name" in world.differences(expected, world.fingerprint())
    organisation.name = "Acme"
    organisation.save()
    # The page cache's versions move on each save: compare what is left.
    again = world.fingerprint()
    expected = {"stable": again, "noise": []}
    make_organisation("other", "Other")
    assert "rows:partners_organisation" in world.differences(expected, world.fingerprint())

    expected = {"stable": world.fingerprint(), "noise": []}
    cache.set("matrix-test-entry", "x")
    assert world.differences(expected, world.fingerprint()) == [
        "cache:default::1:matrix-test-entry"
    ]
    (tmp_path / "random-folder").mkdir()
    (tmp_path / "random-folder" / "upload.txt").write_text("one")
    expected = {"stable": world.fingerprint(), "noise": []}
    (tmp_path / "upload.txt").unlink(missing_ok=True)
    (tmp_path / "random-folder" / "upload.txt").write_text("two")
    assert world.differences(expected, world.fingerprint()) == ["file:upload.txt"]


def test_a_site_no_process_ran_is_reached_by_no_cell() -> None:
    """Recording starts before Django does: a line recorded nowhere never ran,
    so no cell can tell its mutant from the original."""
    cell = reach.CELL + "alliance87/m/test_cells.py::test_matrix[a]"
    found = reach.Reach({"alliance87/x.py": {10: [cell]}})
    assert found.cells(_mutant("alliance87/x.py", 12, 14)) == []
    assert found.cells(_mutant("alliance87/other.py", 10, 10)) == []


def test_a_mutant_no_cell_reaches_survives_without_a_run(tmp_path: Path) -> None:
    space = workspace.Workspace.__new__(workspace.Workspace)
    space.base, space.copy = tmp_path, tmp_path / "tree"
    mutant = _mutant("alliance87/x.py", 12, 12)
    outcome = space.run(mutant, reach=reach.Reach({}))
    assert (outcome.status, outcome.cells, outcome.seconds) == ("survived", 0, 0.0)
    assert outcome.result == "survived (no cell reaches it)"
    assert not (tmp_path / "tree").exists()


def test_the_whole_matrix_or_an_argument_file_of_cells(tmp_path: Path) -> None:
    assert reach.write_targets(tmp_path / "cells.txt", None) == [base.MATRIX]
    cells = ["a.py::test_matrix[x]", "a.py::test_matrix[y]"]
    assert reach.write_targets(tmp_path / "cells.txt", cells) == [f"@{tmp_path / 'cells.txt'}"]
    assert (tmp_path / "cells.txt").read_text().split() == cells


def test_the_matrix_reads_the_switch_the_recording_run_sets() -> None:
    from alliance87.accounts.tests.visibility_matrix.ways import base

    assert base.EACH_CELL_ASKS == reach.EACH_CELL_ASKS
