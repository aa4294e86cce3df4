"""
Work noted while a transaction writes, done once when it commits.

The page cache's table counters (core/invalidation.py) and the search
index (search/following.py) both note what each write touched and act on
all of it after the commit, in one go: every write registers the same
callback, the first to run does everything noted, the others find nothing
left. A write that is rolled back must not act: Django drops the callbacks
registered inside it, but what it noted stays on the connection. So the
noted work is kept only while one of its callbacks is still waiting to run;
found with none, it belongs to a transaction that rolled back, and the
next write starts afresh. (A savepoint rolled back inside a transaction
that goes on to commit leaves its notes to that commit: one needless
re-render or re-index, never a missed one.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from django.db import connection, transaction

T = TypeVar("T")


class AfterCommit(Generic[T]):
    """Notes of type `T` (made by `empty`) kept on the connection under
    `name`, handed to `run` once the transaction that noted them commits."""

    def __init__(self, name: str, empty: Callable[[], T], run: Callable[[T], None]) -> None:
        self.attribute = f"_a87_after_commit_{name}"
        self.empty = empty
        self.run = run
        # One callable, so that the connection's list of callbacks can be
        # searched for it (a bound method is a new object on every access).
        self.callback: Callable[[], None] = self._flush

    def _waiting(self) -> bool:
        # Most recent first: a write's own callback is nearly always last.
        return any(entry[1] is self.callback for entry in reversed(connection.run_on_commit))

    def notes(self) -> T:
        """The notes of the current transaction, to add to; call `noted()`
        after adding."""
        current: T | None = getattr(connection, self.attribute, None)
        if current is None or (current and not self._waiting()):
            current = self.empty()
            setattr(connection, self.attribute, current)
        return current

    def noted(self) -> None:
        """Act on the notes once the current transaction commits (at once
        outside a transaction)."""
        transaction.on_commit(self.callback)

    def _flush(self) -> None:
        current: T | None = getattr(connection, self.attribute, None)
        if not current:
            return
        setattr(connection, self.attribute, self.empty())
        self.run(current)
