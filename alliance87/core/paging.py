"""
Pages of a long list whose order starts with a key (issue 16).

A paginator slices the whole list in its order: the database sorts every
row to show one page, and counts them all again. When the list's order
starts with a key that takes few values (the tracker's body, an
organisation's stakeholder type), `GroupedPaginator` counts the rows per
value of the key in one grouped query (which the page shows anyway, or
which serves as the total), and a page reads and sorts only the rows of
the values its rows fall in.
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.utils.functional import cached_property


class GroupedPaginator(Paginator):
    """Pages of rows whose order starts with `key` (a field path), read
    without sorting the whole list: the rows are counted per value of
    `key` (one grouped query, in the list's order of `key`), and a page
    reads and sorts only the rows of the values its rows fall in. The
    pages hold the same rows, in the same order, as slicing `ordered`
    would.

    `filtered` is the list without its order (or anything that is not a
    filter): the counts are read from it. `ordered` is what a page reads,
    narrowed to the values of `key` it needs. `key_order` is the
    expression `ordered` sorts `key` by when it is not `key` itself (the
    stakeholder types' own order, say). `groups`, when given, are the
    counts per value already known (kept counts, say), in that order: the
    grouped query is not run.
    """

    def __init__(
        self,
        filtered: QuerySet[Any],
        ordered: QuerySet[Any],
        key: str,
        per_page: int,
        key_order: Any = None,
        groups: list[tuple[Any, int]] | None = None,
    ):
        super().__init__(ordered, per_page)
        self.ordered = ordered
        self.key = key
        if groups is not None:
            self.groups: list[tuple[Any, int]] = [(v, n) for v, n in groups if n]
            return
        # In the database's order of `key` (and its place for NULL), the
        # order `ordered` reads them in.
        grouped = filtered.order_by().values_list(key).annotate(n=Count("pk"))
        grouped = grouped.order_by(key) if key_order is None else grouped.order_by(key_order, key)
        self.groups = list(grouped.values_list(key, "n"))

    @cached_property
    def count(self) -> int:
        return sum(n for _, n in self.groups)

    def page(self, number: Any) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        values: list[Any] = []
        first = 0  # the position of the first row of the first value read
        seen = 0
        for value, n in self.groups:
            if seen + n > bottom and seen < top:
                if not values:
                    first = seen
                values.append(value)
            seen += n
        if not values:
            return Page([], number, self)
        q = Q(**{f"{self.key}__in": [v for v in values if v is not None]})
        if None in values:
            q |= Q(**{f"{self.key}__isnull": True})
        rows = self.ordered.filter(q)[bottom - first : top - first]
        return Page(rows, number, self)
