"""The documents' and library files' `search_names`, which the Sources page
filters with `LIKE '%…%'`, have a trigram index on PostgreSQL (pg_trgm,
GIN) that the search's own query can use; on SQLite the migrations add
nothing (core/trigram.py, docs/provenance.md)."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection

from alliance87.core import hooks
from alliance87.core.text import fold

pytestmark = pytest.mark.django_db

INDEXES = {
    "events_document": "events_doc_search_names_trgm",
    "library_resourcefile": "library_file_search_names_trgm",
}


def indexes_of(table: str) -> set[str]:
    with connection.cursor() as cursor:
        return set(connection.introspection.get_constraints(cursor, table))


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")
def test_the_migrations_add_no_index_on_sqlite() -> None:
    for table, name in INDEXES.items():
        assert name not in indexes_of(table)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_each_search_names_column_has_a_trigram_index_on_postgresql() -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE indexname = ANY(%s)",
            [list(INDEXES.values())],
        )
        found = {table: (name, definition) for table, name, definition in cursor.fetchall()}
    assert set(found) == set(INDEXES)
    for table, (name, definition) in found.items():
        assert name == INDEXES[table]
        assert "USING gin (search_names gin_trgm_ops)" in definition


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_the_document_search_can_read_its_matches_from_the_index(personas: Any) -> None:
    """The query of core.files.match_documents, for each citable owner:
    the planner may use the index. Sequential scans and whole-index walks
    are priced out, so that the answer does not depend on the test
    tables' few rows; at a few thousand rows the planner chooses the index
    on its own (docs/provenance.md)."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
    owners = [owner for owner in hooks.FILE_OWNERS.items() if owner.search]
    assert {owner.label for owner in owners} == {"events.document", "library.resourcefile"}
    for owner in owners:
        rows = (
            owner.visible(personas.secretariat)
            .exclude(**{owner.field: ""})
            .filter(**{f"{owner.search}__contains": fold("Global Estimates")})
            .order_by(owner.title, "pk")
        )
        plan = rows[:8].explain()
        assert INDEXES[owner.label.replace(".", "_")] in plan, plan
