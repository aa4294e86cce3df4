"""The engine's own index: an FTS5 table and its triggers on SQLite, a
tsvector column and its GIN index on PostgreSQL."""

from typing import Any

from django.db import migrations


def create(apps: Any, schema_editor: Any) -> None:
    for statement in _engine(schema_editor).CREATE:
        schema_editor.execute(statement)


def drop(apps: Any, schema_editor: Any) -> None:
    for statement in _engine(schema_editor).DROP:
        schema_editor.execute(statement)


def _engine(schema_editor: Any) -> Any:
    if schema_editor.connection.vendor == "postgresql":
        from alliance87.search.engines import postgres

        return postgres
    from alliance87.search.engines import sqlite

    return sqlite


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
