"""
The index follows every committed write.

Saves, deletes and many-to-many changes of each provider's model (and of
the models it `depends` on) send signals (a row it depends on, before it is
deleted, names the rows that lead to it); bulk writes through HubQuerySet
send `bulk_written`. Each write notes the rows it touched on the
connection, and the first callback to run once the transaction commits
reindexes them all (core/aftercommit.py), or queues a task that does
(rows that only deferred providers read: hooks.SearchProvider), so that a
write that is rolled back indexes nothing, and a failure to index
never turns a committed write into an error (it is logged; `alliance87
reindex` repairs the index).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from alliance87.core import hooks
from alliance87.core.aftercommit import AfterCommit
from alliance87.core.querysets import bulk_written

log = logging.getLogger(__name__)

_ALL = None


def _flush(batch: defaultdict[type, set[int] | None]) -> None:
    from alliance87.core.tasks import enqueue_or_keep
    from alliance87.search.index import index_noted
    from alliance87.search.tasks import as_labels, deferred_models, index_rows_task

    deferred = {model: pks for model, pks in batch.items() if model in deferred_models()}
    now = {model: pks for model, pks in batch.items() if model not in deferred}
    if deferred:
        enqueue_or_keep(index_rows_task, as_labels(deferred))
    if not now:
        return
    try:
        index_noted(now)
    except Exception:
        log.exception("search: could not index %s", sorted(m.__name__ for m in now))


_touched: AfterCommit[defaultdict[type, set[int] | None]] = AfterCommit(
    "search", lambda: defaultdict(set), _flush
)


def note(model: type, pks: Any) -> None:
    """Reindex rows `pks` of `model` (None: all) once the write commits."""
    pending = _touched.notes()
    if pks is None or pending.get(model, set()) is _ALL:
        pending[model] = _ALL
    else:
        pending[model].update(pks)  # type: ignore[union-attr]
    _touched.noted()


def _on_save(sender: type, instance: Any, **kwargs: Any) -> None:
    note(sender, [instance.pk])


def _on_m2m(
    sender: type, instance: Any, reverse: bool, model: type, pk_set: Any, **kw: Any
) -> None:
    if kw.get("action", "").startswith("pre_"):
        return
    if reverse:
        note(model, pk_set)
    else:
        note(type(instance), [instance.pk])


def _on_bulk(sender: type, pks: Any, **kwargs: Any) -> None:
    note(sender, pks)


def _before_delete(provider: hooks.SearchProvider, lookup: str) -> Any:
    """Note the rows of `provider` that lead to a row about to be deleted:
    once it is gone, the lookup finds them no more (a resource's file
    removed: the resource loses the file's text)."""

    def noted(sender: type, instance: Any, **kwargs: Any) -> None:
        manager = provider.model._default_manager  # type: ignore[attr-defined]
        pks = list(manager.filter(**{lookup: instance.pk}).values_list("pk", flat=True))
        if pks:
            note(provider.model, pks)

    return noted


def follow_writes() -> None:
    """Connect the signals of every model the providers read."""
    models: set[Any] = set()
    for provider in hooks.SEARCH_PROVIDERS.items():
        models.add(provider.model)
        models.update(provider.depends)
        for model, lookup in provider.depends.items():
            pre_delete.connect(
                _before_delete(provider, lookup),
                sender=model,
                weak=False,
                dispatch_uid=f"a87-search-{provider.kind}-{model.__module__}.{model.__qualname__}-pre-delete",
            )
    for model in models:
        uid = f"a87-search-{model._meta.label_lower}"
        post_save.connect(_on_save, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(_on_save, sender=model, dispatch_uid=uid + "-delete")
        bulk_written.connect(_on_bulk, sender=model, dispatch_uid=uid + "-bulk")
        for m2m in model._meta.local_many_to_many:
            m2m_changed.connect(
                _on_m2m, sender=m2m.remote_field.through, dispatch_uid=f"{uid}-{m2m.name}"
            )
