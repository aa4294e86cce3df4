"""The small-number rule: no count from 1 to 10 shown, and none that the
shown counts and their totals give away by subtraction."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from alliance87.core.smallcells import K, Line, applies_to, suppress
from alliance87.testing.personas import Personas


def row(**cells: int) -> tuple[dict[str, int], list[Line[str]]]:
    values = {**cells, "total": sum(cells.values())}
    return values, [Line(tuple(cells), "total")]


def test_a_small_count_is_hidden_with_the_next_smallest_so_the_total_gives_nothing_away():
    values, lines = row(a=3, b=12, c=40, d=0)
    assert suppress(values, lines) == {"a", "b"}


def test_two_small_counts_adding_up_to_less_than_eleven_take_a_third_with_them():
    values, lines = row(a=3, b=4, c=20, d=30)
    assert suppress(values, lines) == {"a", "b", "c"}


def test_a_zero_is_shown_and_counts_of_eleven_or_more_alone_are_shown():
    values, lines = row(a=0, b=11, c=25)
    assert suppress(values, lines) == set()


def test_a_row_of_small_counts_hides_its_total_too():
    values, lines = row(a=2, b=3)
    assert suppress(values, lines) == {"a", "b", "total"}


def test_people_in_no_column_are_hidden_and_protected_like_a_cell():
    # 4 respondents gave no type: the total less the columns would say 4.
    values = {"a": 20, "b": 30, "unstated": 4, "total": 54}
    hidden = suppress(values, [Line(("a", "b", "unstated"), "total")], also_hidden=["unstated"])
    assert hidden == {"unstated", "a"}


def test_a_hidden_cell_is_protected_along_its_column_too():
    # Two groups, one type each: the column total (the groups together)
    # would give group x's 5 away once group y's 30 is shown.
    values = {
        ("x", "gov"): 5, ("x", "ngo"): 40, ("x", "*"): 45,
        ("y", "gov"): 30, ("y", "ngo"): 50, ("y", "*"): 80,
        ("all", "gov"): 35, ("all", "ngo"): 90, ("all", "*"): 125,
    }  # fmt: skip
    lines = [
        Line((("x", "gov"), ("x", "ngo")), ("x", "*")),
        Line((("y", "gov"), ("y", "ngo")), ("y", "*")),
        Line((("all", "gov"), ("all", "ngo")), ("all", "*")),
        Line((("x", "gov"), ("y", "gov")), ("all", "gov")),
        Line((("x", "ngo"), ("y", "ngo")), ("all", "ngo")),
        Line((("x", "*"), ("y", "*")), ("all", "*")),
    ]
    hidden = suppress(values, lines)
    assert ("x", "gov") in hidden
    assert ("y", "gov") in hidden or ("all", "gov") in hidden
    _check(values, lines, hidden)


def _check(values, lines, hidden) -> None:
    for cell, n in values.items():
        assert cell in hidden or not 0 < n < K, f"{cell}={n} shown"
    for line in lines:
        parts = [c for c in line.parts if c in hidden]
        count = len(parts) + (line.total in hidden)
        assert count != 1, f"{line} hides one cell only"
        if parts and line.total not in hidden:
            assert sum(values[c] for c in parts) >= K, f"{line} hides a small sum"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(st.integers(min_value=0, max_value=40), min_size=3, max_size=3),
        min_size=1,
        max_size=5,
    )
)
def test_no_table_shows_or_gives_away_a_small_count(table: list[list[int]]) -> None:
    values: dict[tuple[int, int], int] = {}
    lines: list[Line[tuple[int, int]]] = []
    columns = range(3)
    for r, counts in enumerate(table):
        for c in columns:
            values[(r, c)] = counts[c]
        values[(r, -1)] = sum(counts)
        lines.append(Line(tuple((r, c) for c in columns), (r, -1)))
    total_row = -1
    for c in [*columns, -1]:
        values[(total_row, c)] = sum(values[(r, c)] for r in range(len(table)))
        lines.append(Line(tuple((r, c) for r in range(len(table))), (total_row, c)))
    lines.append(Line(tuple((total_row, c) for c in columns), (total_row, -1)))
    _check(values, lines, suppress(values, lines))


def test_the_secretariat_alone_sees_every_count(personas: Personas) -> None:
    assert not applies_to(personas.secretariat)
    assert applies_to(personas.partner)
    assert applies_to(personas.anonymous)
