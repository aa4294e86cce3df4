"""
The search engines behind one interface: SQLite FTS5 on the embedded
default, PostgreSQL full-text search on the scale tier. `engine()` picks
the one that fits the database in use.
"""

from __future__ import annotations

from django.db import connection

from alliance87.search.engines.base import Engine, Hit, Where

__all__ = ["Engine", "Hit", "Where", "engine"]


def engine() -> Engine:
    if connection.vendor == "postgresql":
        from alliance87.search.engines.postgres import PostgresEngine

        return PostgresEngine()
    from alliance87.search.engines.sqlite import SqliteEngine

    return SqliteEngine()
