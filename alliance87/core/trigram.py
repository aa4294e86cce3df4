"""
Trigram indexes on PostgreSQL, for `LIKE '%text%'` searches.

A column filtered with `__contains` (the folded `search_names` that the
Sources page finds documents by: core/files/documents.py) is read with
`LIKE '%…%'`, which no B-tree index answers: the database reads every row
the rest of the query leaves. On PostgreSQL a GIN index over the column's
trigrams (the `pg_trgm` extension, shipped with PostgreSQL and trusted
since version 13: a database owner may create it) answers it for text of
three characters or more. SQLite has no such index: there the migration
does nothing, and the search reads the rows as before.

Raw SQL in `RunPython`, as the search engine's own index
(search/migrations/0002_engine_index.py): the index is not in the models'
state, so `makemigrations` on SQLite sees no change, and
django.contrib.postgres (and its driver import) stays out of the Hub.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations


def trigram_index(table: str, column: str, name: str) -> migrations.RunPython:
    """Return the migration operation that creates, on PostgreSQL only, the
    `pg_trgm` extension (if missing) and a GIN trigram index `name` on
    `table.column`; reversed, it drops the index (the extension stays: other
    indexes may use it)."""

    def create(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        quote = schema_editor.quote_name
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {quote(name)} ON {quote(table)} "
            f"USING gin ({quote(column)} gin_trgm_ops)"
        )

    def drop(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")

    return migrations.RunPython(create, drop)
