"""
The base queryset and manager of every Hub model.

Saves, deletes and many-to-many changes move the content version through
signals (core/invalidation.py). Bulk writes send no signal, so the base
queryset moves it itself, after commit: no `update`, `bulk_create` or
`bulk_update` can leave a cached page showing what is no longer true.

They also send `bulk_written` (sender: the model; `pks`: the rows'
ids, or None when the queryset's `update` cannot tell them cheaply;
`fields`: the names of the fields an update or `bulk_update` wrote, None
for `bulk_create`), so that what follows each row (the search index, the
kept counts of statements/counts.py) follows bulk writes too.

Every manager of a model in `alliance87.*` is built on `HubQuerySet`
(`objects = HubManager()`, or `SomeQuerySet.as_manager()` where
`SomeQuerySet` derives from it); core/tests/test_every_model_invalidates.py
checks every model of every area.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import models
from django.dispatch import Signal

from alliance87.core.invalidation import content_changed

# Sent after a bulk write of a Hub model, inside its transaction:
# sender=model, pks=list of ids or None (an `update` of unknown rows),
# fields=names of the fields written (None: new rows, every field).
bulk_written = Signal()


class HubQuerySet(models.QuerySet):
    """A queryset whose bulk writes, which send no signal, still move the
    content version after commit."""

    def update(self, **kwargs: Any) -> int:
        # The ids first, while the filter still selects the rows the update
        # may change (it may change what selects them).
        listened = bulk_written.has_listeners(self.model)
        pks = list(self.values_list("pk", flat=True)) if listened else None
        count = super().update(**kwargs)
        if count:
            content_changed(self.model)
            if listened:
                bulk_written.send(sender=self.model, pks=pks, fields=list(kwargs))
        return count

    def update_rows(self, pks: Sequence[int], **kwargs: Any) -> int:
        """Update rows `pks` (ids already in hand), telling the listeners
        those ids without reading them first as `update` does (the update
        cannot change what an id selects)."""
        wanted = sorted(set(pks))
        count = models.QuerySet.update(self.filter(pk__in=wanted), **kwargs)
        if count:
            content_changed(self.model)
            if bulk_written.has_listeners(self.model):
                bulk_written.send(sender=self.model, pks=wanted, fields=list(kwargs))
        return count

    def bulk_create(self, objs: Any, *args: Any, **kwargs: Any) -> Any:
        created = super().bulk_create(objs, *args, **kwargs)
        if created:
            content_changed(self.model)
            pks = [o.pk for o in created if o.pk is not None]
            # Without returned ids (SQLite before 3.35, ignore_conflicts),
            # None: the listener reindexes the model.
            bulk_written.send(
                sender=self.model, pks=pks if len(pks) == len(created) else None, fields=None
            )
        return created

    def bulk_update(self, objs: Any, fields: Any, *args: Any, **kwargs: Any) -> int:
        count = super().bulk_update(objs, fields, *args, **kwargs)
        if count:
            content_changed(self.model)
            bulk_written.send(sender=self.model, pks=[o.pk for o in objs], fields=list(fields))
        return count


class HubManager(models.Manager.from_queryset(HubQuerySet)):  # type: ignore[misc]
    """The manager of a Hub model that needs no queryset of its own."""
