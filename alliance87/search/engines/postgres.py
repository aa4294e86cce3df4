"""PostgreSQL full-text search: a tsvector column on the document table
(migration 0002) with a GIN index, built from the folded words with each
language's configuration (english, french, spanish; names with each and
with simple, as typed); titles and names weigh A, bodies B."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection

from alliance87.search.analysis import words
from alliance87.search.engines.base import TABLE, Engine, Hit, Where
from alliance87.search.models import SearchDocument

CONFIGS = {"en": "english", "fr": "french", "es": "spanish"}

CREATE = [
    f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS vector tsvector",
    f"CREATE INDEX IF NOT EXISTS search_doc_vector ON {TABLE} USING gin (vector)",
]
DROP = [
    "DROP INDEX IF EXISTS search_doc_vector",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS vector",
]

_VECTOR = " || ".join(
    [f"setweight(to_tsvector('{c}', %s), 'A')" for c in CONFIGS.values()]
    + ["setweight(to_tsvector('simple', %s), 'A')"]
    + [f"setweight(to_tsvector('{c}', %s), 'A')" for c in CONFIGS.values()]
    + [f"setweight(to_tsvector('{c}', %s), 'B')" for c in CONFIGS.values()]
)


def plain(text: str) -> str:
    """Return the folded words of `text`, space-separated: PostgreSQL's
    parser would read "<b>word</b>" as markup and drop the word; the
    SQLite engine splits words the same way."""
    return " ".join(words(text))


def vector_params(doc: SearchDocument) -> list[str]:
    return (
        [plain(getattr(doc, f"title_{code}")) for code in CONFIGS]
        + [plain(doc.names)] * (1 + len(CONFIGS))
        + [plain(getattr(doc, f"body_{code}")) for code in CONFIGS]
    )


def tsquery(terms: Sequence[str]) -> tuple[str, list[str]]:
    """Return the tsquery for `terms` (every term, stemmed in any of the
    three languages or kept as typed) and its parameters. plainto_tsquery
    reads no operator: nothing typed is read as syntax."""
    one = (
        "("
        + " || ".join(
            [f"plainto_tsquery('{c}', %s)" for c in CONFIGS.values()]
            + ["plainto_tsquery('simple', %s)"]
        )
        + ")"
    )
    sql = " && ".join([one] * len(terms))
    params = [term for term in terms for _ in range(len(CONFIGS) + 1)]
    return sql, params


class PostgresEngine(Engine):
    name = "postgresql"

    def after_write(self, docs: Sequence[SearchDocument]) -> None:
        if not docs:
            return
        with connection.cursor() as cursor:
            cursor.executemany(
                f"UPDATE {TABLE} SET vector = {_VECTOR} WHERE id = %s",  # noqa: S608 - no input
                [[*vector_params(doc), doc.pk] for doc in docs],
            )

    def after_rebuild(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {TABLE}")

    def search(self, terms: Sequence[str], where: Where, cap: int) -> list[Hit]:
        if not terms:
            return []
        # The newest `cap` visible matches first (the GIN index finds them,
        # no rank is computed), then ranked: a broad word costs the same
        # at a million documents as at ten thousand.
        q_sql, q_params = tsquery(terms)
        sql = (
            f"WITH q AS (SELECT {q_sql} AS q), "  # noqa: S608 - no input
            f"found AS (SELECT d.id FROM {TABLE} d, q "
            f"WHERE d.vector @@ q.q AND {where.sql} ORDER BY d.id DESC LIMIT %s) "
            f"SELECT d.id, d.kind, d.year, ts_rank(d.vector, q.q) "
            f"FROM found JOIN {TABLE} d ON d.id = found.id, q"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*q_params, *where.params, cap])
            rows = cursor.fetchall()
        hits = [Hit(id=r[0], kind=r[1], year=r[2], rank=float(r[3])) for r in rows]
        hits.sort(key=lambda h: (-h.rank, -h.id))
        return hits

    def bare(self, terms: Sequence[str], limit: int) -> list[int]:
        if not terms:
            return []
        q_sql, q_params = tsquery(terms)
        sql = (
            f"SELECT id FROM {TABLE}, (SELECT {q_sql} AS q) q "  # noqa: S608 - no input
            "WHERE vector @@ q.q ORDER BY ts_rank(vector, q.q) DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*q_params, limit])
            return [r[0] for r in cursor.fetchall()]

    def size_bytes(self) -> int:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_total_relation_size(%s) + pg_total_relation_size(%s)",
                [TABLE, "search_searchfacet"],
            )
            row = cursor.fetchone()
        return int(row[0] or 0)
