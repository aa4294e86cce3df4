"""The hook itself: a named, ordered list of contributions of one type."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Hashable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


class Hook(Generic[T]):
    """A named list of contributions of one type."""

    def __init__(
        self,
        name: str,
        *,
        key: Callable[[T], Hashable] | None = None,
        order: Callable[[T], int] | None = None,
    ) -> None:
        self.name = name
        self._key = key
        self._order = order
        self._items: dict[Hashable, T] = {}
        # The module that registered each item, for `registrants()`.
        self._by: dict[Hashable, str] = {}

    def __repr__(self) -> str:
        return f"<Hook {self.name}: {len(self._items)} registered>"

    def key_of(self, item: T) -> Hashable:
        return item if self._key is None else self._key(item)

    def register(self, item: T) -> T:
        """Add `item`, or replace the item registered under the same key."""
        key = self.key_of(item)
        self._items[key] = item
        self._by[key] = sys._getframe(1).f_globals.get("__name__", "")
        return item

    def registrants(self) -> list[str]:
        """Return the areas (`alliance87.<area>`, core too) whose code
        registered the items held now, sorted: what the hooks' table says."""
        areas = {
            module.split(".")[1]
            for key, module in self._by.items()
            if key in self._items and module.startswith("alliance87.")
        }
        return sorted(areas)

    def items(self) -> list[T]:
        """Return the registered items, in order (stable: as registered)."""
        found = list(self._items.values())
        if self._order is not None:
            found.sort(key=self._order)
        return found

    def get(self, key: Hashable) -> T | None:
        """Return the item registered under `key`, or None."""
        return self._items.get(key)

    @contextlib.contextmanager
    def _restored(self) -> Iterator[None]:
        """Put the registrations back as they were when the block ends."""
        saved, saved_by = dict(self._items), dict(self._by)
        try:
            yield
        finally:
            self._items, self._by = saved, saved_by

    @contextlib.contextmanager
    def registered(self, *items: T) -> Iterator[None]:
        """Register `items` for the duration of the block (for tests)."""
        with self._restored():
            for item in items:
                self.register(item)
            yield

    @contextlib.contextmanager
    def only(self, *items: T) -> Iterator[None]:
        """Make `items` the only registrations for the block (for tests)."""
        with self._restored():
            self._items, self._by = {}, {}
            for item in items:
                self.register(item)
            yield
