"""
The query planner's statistics, refreshed after bulk writes.

Both engines choose their plans from statistics about each table. After a
bulk load (the demo, an import, a reindex) they describe the tables as they
were before it, and PostgreSQL with stale statistics picks plans that cost
a hundred times more (the tracker: 44.8 s of SQL before ANALYZE, 0.54 s
after, at 50,000 organisations). So every bulk load ends by refreshing
them: at once from a command, and in the background (after commit) from a
page, so that no visitor waits for it.

SQLite's ANALYZE reads each index whole unless `analysis_limit` bounds it;
with the limit it samples, as PostgreSQL's does, and takes milliseconds.
"""

from __future__ import annotations

from django.db import connection

from alliance87.core.tasks import enqueue_on_commit, task

# Rows SQLite samples per index (its documentation suggests 100 to 1000).
SQLITE_ANALYSIS_LIMIT = 1000


def refresh_statistics() -> None:
    """Refresh the planner's statistics for every table, now."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"PRAGMA analysis_limit={SQLITE_ANALYSIS_LIMIT}")
            cursor.execute("ANALYZE")
        elif connection.vendor == "postgresql":
            # The Hub's own tables only: a bare ANALYZE also takes the
            # shared catalogs (pg_database, pg_authid), whose locks, held
            # to the end of the transaction, stall every other database's
            # ANALYZE and CREATE DATABASE on the server until then.
            tables = sorted(
                connection.introspection.django_table_names(
                    only_existing=True, include_views=False
                )
            )
            if tables:
                names = ", ".join(connection.ops.quote_name(name) for name in tables)
                cursor.execute(f"ANALYZE {names}")


@task()
def refresh_statistics_task() -> None:
    refresh_statistics()


def refresh_statistics_after_commit() -> None:
    """Queue a refresh of the statistics once the current transaction
    commits (from a page: the visitor does not wait for it)."""
    enqueue_on_commit(refresh_statistics_task)
