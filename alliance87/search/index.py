"""
Writing the index: each provider's rows become documents, written in
bulk; a row a provider leaves out (or that is gone) loses its document.

`index_noted` follows writes (following.py: what one transaction wrote,
each document once); `rebuild` is `alliance87 reindex`. Both read the rows
afresh, so indexing a row twice, or a row since deleted, is harmless.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Any

from django.db import transaction
from django.utils import translation

from alliance87.core import hooks
from alliance87.search.engines import engine
from alliance87.search.models import LANGUAGES, SearchDocument, SearchFacet, SearchFacetLabel

log = logging.getLogger(__name__)

CHUNK = 500


def _manager(provider: hooks.SearchProvider) -> Any:
    return provider.model._default_manager  # type: ignore[attr-defined]


def providers() -> list[hooks.SearchProvider]:
    return hooks.SEARCH_PROVIDERS.items()


@functools.cache
def _kind_words(kind: str, label: str) -> str:
    words = []
    for code in LANGUAGES:
        with translation.override(code):
            words.append(str(hooks.SEARCH_PROVIDERS.get(kind).label))  # type: ignore[union-attr]
    return " ".join(dict.fromkeys(words))


def kind_words(provider: hooks.SearchProvider) -> str:
    """The kind's name in every language ("Roadmaps Feuilles de route
    Hojas de ruta"): "Nepal roadmap" finds Nepal's roadmap actions."""
    return _kind_words(provider.kind, str(provider.label))


def document_of(provider: hooks.SearchProvider, obj: Any) -> tuple[SearchDocument, Any] | None:
    """Return the unsaved document of `obj` and its entry, or None."""
    entry = provider.entry(obj)
    if entry is None:
        return None
    written = [code for code in LANGUAGES if entry.titles.get(code) or entry.bodies.get(code)]
    doc = SearchDocument(
        kind=provider.kind,
        object_id=obj.pk,
        language=written[0] if written else "en",
        names=f"{entry.names} {kind_words(provider)}".strip(),
        level=entry.access.level,
        group_id=entry.access.group_id,
        pathfinder_id=entry.access.pathfinder_id,
        user_id=entry.access.user_id,
        year=entry.year,
    )
    for code in LANGUAGES:
        setattr(doc, f"title_{code}", entry.titles.get(code, "") or "")
        setattr(doc, f"body_{code}", entry.bodies.get(code, "") or "")
    return doc, entry


@transaction.atomic
def index_objects(provider: hooks.SearchProvider, objs: Iterable[Any], ids: Sequence[int]) -> None:
    """Write the documents of `objs` (rows of `provider.model`); the rows
    of `ids` that are not among them, or that the provider leaves out, lose
    theirs."""
    eng = engine()
    made: dict[int, tuple[SearchDocument, Any]] = {}
    for obj in objs:
        found = document_of(provider, obj)
        if found is not None:
            eng.prepare(found[0])
            made[obj.pk] = found
    wanted = set(ids) | set(made)
    existing = {
        d.object_id: d
        for d in SearchDocument.objects.filter(kind=provider.kind, object_id__in=sorted(wanted))
    }
    gone = [existing[pk].pk for pk in wanted - set(made) if pk in existing]
    if gone:
        SearchDocument.objects.filter(pk__in=gone).delete()
    fresh, changed = [], []
    for pk, (doc, _entry) in made.items():
        old = existing.get(pk)
        if old is None:
            fresh.append(doc)
        else:
            doc.pk = old.pk
            changed.append(doc)
    fields = [f.name for f in SearchDocument._meta.concrete_fields if not f.primary_key]
    if changed:
        SearchDocument.objects.bulk_update(changed, fields, batch_size=CHUNK)
        SearchFacet.objects.filter(document__in=[d.pk for d in changed]).delete()
    if fresh:
        SearchDocument.objects.bulk_create(fresh, batch_size=CHUNK)
    eng.after_write([*changed, *fresh])
    write_facets(list(made.values()))


def write_facets(made: Sequence[tuple[SearchDocument, Any]]) -> None:
    rows, labels = [], {}
    for doc, entry in made:
        for facet in entry.facets:
            rows.append(SearchFacet(document_id=doc.pk, facet=facet.facet, value=facet.value))
            labels[(facet.facet, facet.value)] = facet.labels
    SearchFacet.objects.bulk_create(rows, batch_size=CHUNK)
    if not labels:
        return
    known = {
        (label.facet, label.value): label
        for label in SearchFacetLabel.objects.filter(
            facet__in={f for f, _v in labels}, value__in={v for _f, v in labels}
        )
    }
    fresh, changed = [], []
    for (facet, value), texts in labels.items():
        label = known.get((facet, value)) or SearchFacetLabel(facet=facet, value=value)
        before = [label.label_en, label.label_fr, label.label_es]
        for code in LANGUAGES:
            setattr(label, f"label_{code}", (texts.get(code) or "")[:200])
        if label.pk is None:
            fresh.append(label)
        elif before != [label.label_en, label.label_fr, label.label_es]:
            changed.append(label)
    SearchFacetLabel.objects.bulk_create(fresh)
    if changed:
        SearchFacetLabel.objects.bulk_update(changed, ["label_en", "label_fr", "label_es"])


def index_noted(batch: Mapping[type, Collection[int] | None]) -> None:
    """Reindex what the writes of one transaction changed (rows of each
    model, None: every row of it): for each provider, the rows written and
    the rows that lead to rows written, each once (a reply saves its post
    and updates its thread: the thread is read and indexed once, not once
    for each). A provider that fails is logged; the others go on."""
    for provider in providers():
        try:
            _index_noted(provider, batch)
        except Exception:
            log.exception("search: could not index %s", provider.kind)


def _index_noted(provider: hooks.SearchProvider, batch: Mapping[type, Any]) -> None:
    if provider.model in batch and batch[provider.model] is None:
        _index_all(provider)
        return
    ids: set[int] = set(batch.get(provider.model) or ())
    for model, lookup in provider.depends.items():
        if model not in batch:
            continue
        if batch[model] is None:
            _index_all(provider)
            return
        manager = provider.model._default_manager  # type: ignore[attr-defined]
        ids.update(
            manager.filter(**{f"{lookup}__in": sorted(batch[model])}).values_list("pk", flat=True)
        )
    if ids:
        wanted = sorted(ids)
        index_objects(provider, provider.rows().filter(pk__in=wanted), wanted)


def index_pks(model: type, pks: Sequence[int] | None) -> None:
    """Reindex what a write to rows `pks` of `model` changed (None: every
    row of it): its own documents, and those of the providers that depend
    on it."""
    for provider in providers():
        if provider.model is model:
            rows = provider.rows()
            if pks is None:
                _index_all(provider)
            else:
                ids = list(pks)
                index_objects(provider, rows.filter(pk__in=ids), ids)
        lookup = provider.depends.get(model)
        if lookup is not None:
            rows = provider.rows()
            if pks is not None:
                rows = rows.filter(**{f"{lookup}__in": list(pks)})
            objs = list(rows)
            index_objects(provider, objs, [o.pk for o in objs])


def _index_all(
    provider: hooks.SearchProvider, progress: Callable[[int], None] | None = None
) -> int:
    ids = list(_manager(provider).values_list("pk", flat=True).order_by("pk"))
    stale = SearchDocument.objects.filter(kind=provider.kind).exclude(object_id__in=ids)
    stale.delete()
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        index_objects(provider, provider.rows().filter(pk__in=chunk), chunk)
        if progress is not None:
            progress(len(chunk))
    return len(ids)


def index_missing_kinds() -> None:
    """Index every provider whose rows have no document at all."""
    indexed = set(SearchDocument.objects.values_list("kind", flat=True).distinct())
    for provider in providers():
        if provider.kind not in indexed and _manager(provider).exists():
            _index_all(provider)


def count_rows() -> int:
    return sum(_manager(p).count() for p in providers())


def rebuild(progress: Callable[[int], None] | None = None) -> int:
    """Index every row of every provider afresh; remove documents of kinds
    no longer provided. Return the number of rows read."""
    kinds = [p.kind for p in providers()]
    SearchDocument.objects.exclude(kind__in=kinds).delete()
    total = sum(_index_all(p, progress) for p in providers())
    engine().after_rebuild()
    return total
