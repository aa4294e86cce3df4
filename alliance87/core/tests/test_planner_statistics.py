"""After a bulk load the planner's statistics describe the tables as they
now are, on either engine: the demo loader, the reindex and the imports
refresh them."""

from __future__ import annotations

import pytest
from django.db import connection

from alliance87.core.models import Theme
from alliance87.core.planner import refresh_statistics

pytestmark = pytest.mark.django_db


def _has_statistics(table: str) -> bool:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
            if cursor.fetchone() is None:
                return False
            cursor.execute("SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = %s", [table])
        else:
            cursor.execute("SELECT COUNT(*) FROM pg_stats WHERE tablename = %s", [table])
        return bool(cursor.fetchone()[0])


def _forget_statistics(table: str) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
            if cursor.fetchone() is not None:
                cursor.execute("DELETE FROM sqlite_stat1 WHERE tbl = %s", [table])
        else:
            # Statistics of a table are dropped with its rows' statistics
            # target reset; deleting them needs a superuser, which the
            # test database's owner is.
            cursor.execute("DELETE FROM pg_statistic WHERE starelid = %s::regclass", [table])


def test_refreshing_writes_statistics_for_the_tables_just_loaded() -> None:
    table = Theme._meta.db_table
    for i in range(50):
        Theme.objects.create(slug=f"theme-{i}", name=f"Theme {i}", kind="sector")
    _forget_statistics(table)
    assert not _has_statistics(table)
    refresh_statistics()
    assert _has_statistics(table)


def test_the_demo_loader_leaves_fresh_statistics(demo: None) -> None:
    assert _has_statistics("events_event")
    assert _has_statistics("partners_organisation")
