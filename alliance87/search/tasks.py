"""The search index's background work: the rows written that only deferred
providers read (hooks.SearchProvider's `deferred`: the community's
threads), indexed after the write commits (search/following.py)."""

from __future__ import annotations

from collections import defaultdict

from alliance87.core import hooks
from alliance87.core.tasks import task


def followed_models() -> dict[type, list[hooks.SearchProvider]]:
    """Each model whose writes change the index, with the providers that
    read it."""
    followed: dict[type, list[hooks.SearchProvider]] = defaultdict(list)
    for provider in hooks.SEARCH_PROVIDERS.items():
        for model in (provider.model, *provider.depends):
            followed[model].append(provider)
    return followed


def deferred_models() -> set[type]:
    """The models read by deferred providers only (hooks.SearchProvider):
    their writes are indexed by a background task."""
    return {
        model
        for model, providers in followed_models().items()
        if all(provider.deferred for provider in providers)
    }


def as_labels(batch: dict[type, set[int] | None]) -> dict[str, list[int] | None]:
    """A batch of noted rows as a task's arguments (JSON)."""
    return {
        model._meta.label_lower: None if pks is None else sorted(pks)  # type: ignore[attr-defined]
        for model, pks in batch.items()
    }


def from_labels(labels: dict[str, list[int] | None]) -> dict[type, set[int] | None]:
    """The batch back from `as_labels`; a model no provider reads any more
    is left out."""
    by_label = {model._meta.label_lower: model for model in followed_models()}  # type: ignore[attr-defined]
    return {
        by_label[label]: None if pks is None else set(pks)
        for label, pks in labels.items()
        if label in by_label
    }


@task()
def index_rows_task(labels: dict[str, list[int] | None]) -> int:
    """Reindex what one transaction wrote (rows by model label, None: all
    of the model); safe to run twice (a document is rewritten, not added)."""
    from alliance87.search.index import index_noted

    batch = from_labels(labels)
    index_noted(batch)
    return sum(len(pks) if pks is not None else 0 for pks in batch.values())
