"""A list page's filters read from the query string: a value understood is
kept, one that is not is dropped with a message naming the filter, an
empty one is no filter."""

from __future__ import annotations

from alliance87.core.forms import QueryFilters


def read(data: dict[str, str]) -> QueryFilters:
    return QueryFilters(data, ("kind", "year"), max_length=5, label_of=lambda name: f"<{name}>")


def test_values_are_stripped_and_cut() -> None:
    assert read({"kind": "  abcdefgh ", "other": "x"}).raw == {"kind": "abcde", "year": ""}


def test_a_value_understood_is_kept_and_one_not_is_named_as_ignored() -> None:
    filters = read({"kind": "news", "year": "19x"})
    filters.keep("kind", True, "NEWS")
    filters.keep("year", False, None)
    assert filters.values == {"kind": "NEWS"}
    assert filters.problems == ["The <year> “19x” was not understood and is ignored."]


def test_an_empty_filter_is_neither_kept_nor_named() -> None:
    filters = read({"kind": "   "})
    filters.keep("kind", False, None)
    filters.keep("year", True, 2027)
    assert filters.values == {} and filters.problems == []
