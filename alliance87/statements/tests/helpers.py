from __future__ import annotations

from alliance87.statements.models import Statement


def make_statement(**values) -> Statement:
    values.setdefault("slug", "bangkok-statement")
    values.setdefault("title", "The Bangkok Statement")
    values.setdefault("title_en", values["title"])
    return Statement.objects.create(**values)
