"""What the search index holds of a statement: its title, who issued it,
where, and its summary."""

from __future__ import annotations

from alliance87.core import hooks
from alliance87.core.text import texts_by_language
from alliance87.statements.models import Statement


def entry(statement: Statement) -> hooks.SearchEntry:
    return hooks.SearchEntry(
        titles=texts_by_language(statement, "title"),
        bodies=texts_by_language(statement, "issued_by", "place", "summary"),
        access=hooks.SearchAccess(statement.visibility),
        year=statement.date_start.year if statement.date_start else None,
    )


PROVIDER = hooks.SearchProvider(
    kind="statement",
    label=Statement._meta.verbose_name_plural,  # type: ignore[arg-type]
    model=Statement,
    rows=lambda: Statement.objects.all(),
    entry=entry,
    visible=lambda user: Statement.objects.visible_to(user),
    url=lambda statement: statement.get_absolute_url(),
    order=60,
)
