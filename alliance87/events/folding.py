"""
Short lists read inside their parent's query, folded into JSON.

The event page shows a dozen short lists (countries, themes, organisers,
objectives, documents, each agenda item's presenters...). Read one query
each, as `prefetch_related` does, the lists alone would cost more queries
than a page may take. A correlated subquery that folds a list into one
JSON array costs no query of its own: the parent row brings its lists.

The rows are filtered like any other read: a subquery starts from
`Model.objects.visible_to(user)` when the model has a visibility. Only text
and numbers go through JSON (SQLite would turn booleans into 0 and 1 and
dates into text), and the rows come back as unsaved model instances, so
that translated fields fall back to English and `get_absolute_url` works
as on any instance.

Kept for lists of a few rows that the page shows whole; a list that can be
long, or whose rows carry dates, is read with its own query.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.db import models
from django.db.models import Aggregate, F, JSONField, Subquery
from django.db.models.functions import JSONObject

M = TypeVar("M", bound=models.Model)


class JSONList(Aggregate):
    """Fold rows into one JSON array (SQLite and PostgreSQL)."""

    function = "JSON_GROUP_ARRAY"
    output_field = JSONField()

    def as_postgresql(self, compiler: Any, connection: Any, **extra_context: Any) -> Any:
        # jsonb, which Django's PostgreSQL backend hands over as text for
        # JSONField to parse; a plain json value would arrive parsed.
        return super().as_sql(compiler, connection, function="JSONB_AGG", **extra_context)


def folded(queryset: models.QuerySet[Any], group_by: str, fields: Iterable[str]) -> Subquery:
    """Return a subquery folding `queryset`'s rows into a JSON array of
    objects holding `fields`.

    `queryset` is filtered on an `OuterRef` through `group_by` (the foreign
    key to the parent), so the subquery has one row, or none for an empty
    list. A field may follow a relation ("organisation__name_en"); its key
    is then the last part ("name_en").
    """
    values = {name.rsplit("__", 1)[-1]: F(name) for name in fields}
    rows = (
        queryset.order_by().values(group_by).annotate(rows=JSONList(JSONObject(**values)))
    ).values("rows")
    return Subquery(rows, output_field=JSONField())


def unfolded(
    model: type[M], rows: list[dict[str, Any]] | None, sort_key: Callable[[M], Any]
) -> list[M]:
    """Return the folded `rows` as unsaved instances of `model`, sorted."""
    instances = [model(**row) for row in rows or []]
    return sorted(instances, key=sort_key)


def translated(*fields: str, through: str = "") -> list[str]:
    """Return the columns of translated fields, one per language each."""
    from django.conf import settings

    prefix = f"{through}__" if through else ""
    return [f"{prefix}{field}_{code}" for field in fields for code, _name in settings.LANGUAGES]
