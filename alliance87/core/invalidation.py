"""
The content versions: counters that move after every committed write to
the Hub's content, so that cached pages showing it are rendered afresh.

One counter per table (`TableVersion`): a write moves the counter of each
table it wrote, once its transaction commits, and the page cache
(core/pagecache.py) keeps each page with the counters of the tables it
read, so a write makes cold only the pages that read what it changed. A
write that cannot say what it changed (raw SQL) moves the `ANY` counter,
which every page depends on. The sum of the counters tells "anything
changed" in one read (`content_version`): each counter only moves up, so
the sum moves with every committed write, and a transaction's counters move
in one statement (a second, to a global counter, cost every write one more
query).

Saves, deletes and many-to-many changes move them through signals (see
`connect_invalidation`); bulk writes, which send no signal, move them through
`HubQuerySet` (core/querysets.py), once their transaction commits (a write
rolled back moves nothing: core/aftercommit.py). The page cache only reads
them.

The model lives here, beside the functions that move it, rather than in
core/models.py: core/models.py imports the querysets, which import this
module, and the counter must not depend on them (its own writes must not
move it again).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.db import IntegrityError, connection, models, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _

from alliance87.core.aftercommit import AfterCommit


class TableVersion(models.Model):
    """The counter of one table of the Hub's content: it moves once a
    transaction that wrote the table commits. Plain manager: its own
    writes must not move it again."""

    table = models.CharField(max_length=100, unique=True)
    counter = models.PositiveBigIntegerField(default=0)

    class Meta:
        app_label = "core"
        verbose_name = _("table version")

    def __str__(self) -> str:
        return f"{self.table} {self.counter}"


# The counter every cached page depends on: moved by a write that cannot say
# which tables it changed.
ANY = "*"


def _own_tables() -> set[str]:
    return {TableVersion._meta.db_table}


def tables_of(model: type[models.Model]) -> list[str]:
    """The tables a write to `model` may change: its own, its parents' (a
    child model writes both), and its many-to-many tables."""
    meta = model._meta
    tables = [meta.db_table]
    tables += [parent._meta.db_table for parent in meta.get_parent_list()]
    for m2m in meta.local_many_to_many:
        through = m2m.remote_field.through
        if through is not None:
            tables.append(through._meta.db_table)
    return tables


@functools.cache
def hub_tables() -> frozenset[str]:
    """Every table of a Hub model (`alliance87.*`) and of its many-to-many
    relations: the tables whose reads a cached page depends on."""
    tables: set[str] = set()
    for model in apps.get_models():
        if model.__module__.startswith("alliance87."):
            tables.update(tables_of(model))
    return frozenset(tables - _own_tables())


_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def tables_in(sql: str) -> set[str]:
    """The Hub tables an SQL statement names, quoted or not (a table name
    that is also some column's name only adds a needless dependency)."""
    return set(_WORD.findall(sql)) & hub_tables()


def table_versions(tables: Iterable[str] | None = None) -> dict[str, int]:
    """The counters of `tables` (of every table written so far if None),
    with `ANY`'s; a table never written counts 0. One raw query: it runs on
    every cache hit, where building an ORM query would cost as much as the
    rest of the hit."""
    db_table = connection.ops.quote_name(TableVersion._meta.db_table)
    sql = f"SELECT {connection.ops.quote_name('table')}, counter FROM {db_table}"  # noqa: S608
    wanted = None if tables is None else sorted({*tables, ANY})
    params: list[str] = []
    if wanted is not None:
        column = connection.ops.quote_name("table")
        sql += f" WHERE {column} IN ({', '.join(['%s'] * len(wanted))})"
        params = wanted
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        found = {table: int(counter) for table, counter in cursor.fetchall()}
    if wanted is not None:
        return {table: found.get(table, 0) for table in wanted}
    found.setdefault(ANY, 0)
    return found


def _bump_tables(tables: Iterable[str]) -> None:
    tables = sorted(set(tables))
    if not tables:
        return
    moved = TableVersion.objects.filter(table__in=tables).update(counter=F("counter") + 1)
    if moved < len(tables):
        known = set(TableVersion.objects.filter(table__in=tables).values_list("table", flat=True))
        for table in sorted(set(tables) - known):
            try:
                with transaction.atomic():
                    TableVersion.objects.create(table=table, counter=1)
            except IntegrityError:  # another process created it meanwhile
                TableVersion.objects.filter(table=table).update(counter=F("counter") + 1)


def _flush(tables: set[str]) -> None:
    """Move the counters of every table written by the transaction that
    committed, in one statement once each table has its row. (A table
    noted by a savepoint that was rolled back moves too: a needless
    re-render, never a stale page.)"""
    _bump_tables(tables)


_written: AfterCommit[set[str]] = AfterCommit("tables_written", set, _flush)


def tables_changed(tables: Iterable[str]) -> None:
    """Move the counters of `tables` once the current transaction commits."""
    _written.notes().update(tables)
    _written.noted()


def content_version() -> int:
    """Return the content version, the sum of the table counters: it moves
    with every committed write, since each counter only moves up. One raw
    query (on every cache hit, where building the ORM query cost as much as
    the rest of the hit)."""
    table = connection.ops.quote_name(TableVersion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT SUM(counter) FROM {table}")  # noqa: S608 - no input
        row = cursor.fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def bump_content_version() -> None:
    """Move the content version now, so every cached page is rendered
    afresh (after a write that bypassed the ORM and its signals)."""
    _bump_tables([ANY])


def content_changed(model: type[models.Model] | None = None) -> None:
    """Move the versions of `model`'s tables (of every page if None) once
    the current transaction commits.

    Saves, deletes and many-to-many changes do this by themselves (see
    connect_invalidation), and so do the bulk writes of `HubQuerySet`; call
    it after a write that sends no signal and bypasses the queryset (raw
    SQL), with the model it wrote if it wrote one model's table only.
    """
    tables_changed(tables_of(model) if model is not None else [ANY])


def _on_write(sender: type[models.Model], **kwargs: Any) -> None:
    if sender is TableVersion:
        return
    tables_changed([sender._meta.db_table])


def _on_save(sender: type[models.Model], **kwargs: Any) -> None:
    if sender is TableVersion:
        return
    # A child model's save writes its parents' rows too.
    tables_changed(
        [sender._meta.db_table, *(p._meta.db_table for p in sender._meta.get_parent_list())]
    )


def connect_invalidation() -> None:
    """Move the content version after any write to a Hub model.

    A receiver rather than calls in each service: the admin, data
    migrations and the demo loader write too, and a page that outlives the
    data it shows is a bug no reviewer would spot.
    """
    for model in apps.get_models():
        if not model.__module__.startswith("alliance87."):
            continue
        uid = f"a87-pagecache-{model._meta.label_lower}"
        post_save.connect(_on_save, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(_on_save, sender=model, dispatch_uid=uid + "-delete")
        for m2m in model._meta.local_many_to_many:
            m2m_changed.connect(
                _on_write, sender=m2m.remote_field.through, dispatch_uid=uid + "-" + m2m.name
            )
