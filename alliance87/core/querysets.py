"""
The base queryset and manager of every Hub model.

Saves, deletes and many-to-many changes move the content version through
signals (core/invalidation.py). Bulk writes send no signal, so the base
queryset moves it itself, after commit: no `update`, `bulk_create` or
`bulk_update` can leave a cached page showing what is no longer true.

Every manager of a model in `alliance87.*` is built on `HubQuerySet`
(`objects = HubManager()`, or `SomeQuerySet.as_manager()` where
`SomeQuerySet` derives from it); core/tests/test_every_model_invalidates.py
checks every model of every area.
"""

from __future__ import annotations

from typing import Any

from django.db import models

from alliance87.core.invalidation import content_changed


class HubQuerySet(models.QuerySet):
    """A queryset whose bulk writes, which send no signal, still move the
    content version after commit."""

    def update(self, **kwargs: Any) -> int:
        count = super().update(**kwargs)
        if count:
            content_changed()
        return count

    def bulk_create(self, objs: Any, *args: Any, **kwargs: Any) -> Any:
        created = super().bulk_create(objs, *args, **kwargs)
        if created:
            content_changed()
        return created

    def bulk_update(self, objs: Any, fields: Any, *args: Any, **kwargs: Any) -> int:
        count = super().bulk_update(objs, fields, *args, **kwargs)
        if count:
            content_changed()
        return count


class HubManager(models.Manager.from_queryset(HubQuerySet)):  # type: ignore[misc]
    """The manager of a Hub model that needs no queryset of its own."""
