"""SQLite FTS5: an external-content FTS5 table over the document table's
folded, stemmed words (`fts_title`, `fts_body`), kept in step by triggers
(migration 0002)."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connection

from alliance87.search.analysis import stems, variants
from alliance87.search.engines.base import TABLE, Engine, Hit, Where
from alliance87.search.models import LANGUAGES, SearchDocument

FTS = "search_fts"

# Written with the names as placeholders, filled in below (no input).
_CREATE = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5(fts_title, fts_body,"
    " content='{table}', content_rowid='id', tokenize='unicode61 remove_diacritics 0',"
    " detail=column)",
    """CREATE TRIGGER IF NOT EXISTS search_fts_insert AFTER INSERT ON {table} BEGIN
      INSERT INTO {fts}(rowid, fts_title, fts_body) VALUES (new.id, new.fts_title, new.fts_body);
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_fts_delete AFTER DELETE ON {table} BEGIN
      INSERT INTO {fts}({fts}, rowid, fts_title, fts_body)
      VALUES ('delete', old.id, old.fts_title, old.fts_body);
    END""",
    """CREATE TRIGGER IF NOT EXISTS search_fts_update AFTER UPDATE ON {table} BEGIN
      INSERT INTO {fts}({fts}, rowid, fts_title, fts_body)
      VALUES ('delete', old.id, old.fts_title, old.fts_body);
      INSERT INTO {fts}(rowid, fts_title, fts_body) VALUES (new.id, new.fts_title, new.fts_body);
    END""",
]
CREATE = [sql.replace("{fts}", FTS).replace("{table}", TABLE) for sql in _CREATE]

DROP = [
    "DROP TRIGGER IF EXISTS search_fts_insert",
    "DROP TRIGGER IF EXISTS search_fts_delete",
    "DROP TRIGGER IF EXISTS search_fts_update",
    f"DROP TABLE IF EXISTS {FTS}",
]


def match_expression(terms: Sequence[str]) -> str:
    """Return the FTS5 query for `terms`: every term, in any of its forms.
    Each form is quoted, so nothing a person types is read as FTS5 syntax
    (the terms hold only letters and digits anyway)."""
    return " AND ".join(
        "(" + " OR ".join(f'"{form}"' for form in variants(term)) + ")" for term in terms
    )


class SqliteEngine(Engine):
    name = "sqlite"

    def prepare(self, doc: SearchDocument) -> None:
        doc.fts_title = " ".join(
            [stems(getattr(doc, f"title_{code}"), code) for code in LANGUAGES]
            # Names as typed and stemmed in each language ("Roadmaps").
            + [stems(doc.names, None)]
            + [stems(doc.names, code) for code in LANGUAGES]
        )
        doc.fts_body = " ".join(stems(getattr(doc, f"body_{code}"), code) for code in LANGUAGES)

    def after_rebuild(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS}({FTS}) VALUES ('optimize')")  # noqa: S608

    def search(self, terms: Sequence[str], where: Where, cap: int) -> list[Hit]:
        if not terms:
            return []
        # The newest `cap` matches, walked in rowid order (FTS5 stops there:
        # the work does not grow with the corpus), then ranked by bm25
        # (titles weigh ten times the body).
        sql = (
            f"SELECT d.id, d.kind, d.year, bm25({FTS}, 10.0, 1.0) "  # noqa: S608 - no input
            f"FROM {FTS} JOIN {TABLE} d ON d.id = {FTS}.rowid "
            f"WHERE {FTS} MATCH %s AND {where.sql} "
            f"ORDER BY {FTS}.rowid DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [match_expression(terms), *where.params, cap])
            rows = cursor.fetchall()
        hits = [Hit(id=r[0], kind=r[1], year=r[2], rank=-float(r[3])) for r in rows]
        hits.sort(key=lambda h: (-h.rank, -h.id))
        return hits

    def bare(self, terms: Sequence[str], limit: int) -> list[int]:
        if not terms:
            return []
        sql = f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s ORDER BY rank LIMIT %s"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql, [match_expression(terms), limit])
            return [r[0] for r in cursor.fetchall()]

    def size_bytes(self) -> int:
        """The pages of the search tables and their indexes (dbstat), or
        of the whole file where SQLite was built without dbstat."""
        with connection.cursor() as cursor:
            try:
                cursor.execute("SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'search%%'")
            except Exception:
                cursor.execute(
                    "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size"
                )
            row = cursor.fetchone()
        return int(row[0] or 0)
