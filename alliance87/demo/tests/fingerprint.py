"""A digest of what the demo loaded into some models, to show that moving
the demo from Python to data files changed nothing (docs/demo-data.md).

Each row is read with all its stored fields in every language, except its
own id and the times it was saved; a row another one points to (a foreign
key or a many-to-many relation) is named by its place among that model's
rows in the order they were written (their ids' order), which the loader
keeps, so the digest does not depend on the database's id sequences.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection
from typing import Any

from django.db import models


def _rank(model: type[models.Model]) -> dict[Any, int]:
    pks = model._default_manager.order_by("pk").values_list("pk", flat=True)
    return {pk: i for i, pk in enumerate(pks)}


def fingerprint(*kinds: type[models.Model], leave_out: Collection[str] = ()) -> dict[str, Any]:
    """Return the number of rows of each model in `kinds` and one digest of
    what they hold; fields named in `leave_out` ("events.Document.search_names":
    columns added after the digest compared with was taken, derived from the
    others) are not read."""
    ranks: dict[type[models.Model], dict[Any, int]] = {}

    def rank(model: Any, pk: Any) -> int | None:
        if pk is None:
            return None
        if model not in ranks:
            ranks[model] = _rank(model)
        return ranks[model][pk]

    rows: list[Any] = []
    counts: dict[str, int] = {}
    for model in kinds:
        label = model._meta.label
        for obj in model._default_manager.order_by("pk"):
            row: list[Any] = [label]
            for f in model._meta.concrete_fields:
                saved_at = getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
                if f.primary_key or saved_at or f"{label}.{f.name}" in leave_out:
                    continue
                if f.is_relation:
                    row.append([f.name, rank(f.related_model, getattr(obj, f.attname))])
                else:
                    row.append([f.name, f.value_to_string(obj)])
            for m2m in model._meta.many_to_many:
                pks = getattr(obj, m2m.name).values_list("pk", flat=True)
                row.append([m2m.name, sorted(rank(m2m.related_model, pk) for pk in pks)])
            rows.append(row)
            counts[label] = counts.get(label, 0) + 1
    text = json.dumps(rows, ensure_ascii=False, sort_keys=True, default=str)
    return {"counts": counts, "digest": hashlib.sha256(text.encode()).hexdigest()}
