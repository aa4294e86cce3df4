"""Rows written in bulk by the grown-data benches' generators: generated
names, and `bulk_create` in batches through the models' HubQuerySet
managers."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from typing import Any

from scale_bench.config import BATCH

# -- the generator ---------------------------------------------------------

WORDS = (  # noqa: SIM905 (a list of words, easier read as words)
    "united council action network forum institute alliance centre union "
    "federation foundation initiative coalition association trust league "
    "partnership society service agency board commission mission office "
    "workers employers rights labour freedom justice dignity future hope "
    "children women migrants fishers farmers miners builders carers"
).split()
PLACES = (  # noqa: SIM905 (a list of words, easier read as words)
    "northern southern eastern western central coastal highland island "
    "river valley lake desert forest delta plateau"
).split()


def _name(rng: random.Random, i: int) -> str:
    words = rng.sample(WORDS, 3)
    return f"{rng.choice(PLACES).title()} {words[0].title()} {words[1]} {words[2]} {i}"


def _batched(items: Sequence[Any], n: int = BATCH) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), n):
        yield items[start : start + n]


def _create(model: Any, objs: Sequence[Any]) -> list[Any]:
    """Bulk-create through the model's HubQuerySet manager, in batches."""
    made: list[Any] = []
    for chunk in _batched(objs):
        made.extend(model._default_manager.bulk_create(chunk))
    return made
