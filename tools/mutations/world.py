"""Whether a mutant changed the world the cells read.

Most sites that run while the matrix builds its world (the services the
builder writes through) run in cells too. Rerunning the whole matrix for
each of them (about 11,000 cells, minutes) is what made a full run take
most of a day; yet a mutant that builds the same world can change only
what the cells' own requests run, and the unmutated run recorded which
cells run the mutant's lines. So a run for such a mutant builds the world
with the mutant, compares it with the unmutated world, and runs only those
cells when the two are the same; when they differ the whole matrix runs.

The world is compared by a fingerprint: a digest of each column of each
table (rows in the order of all their columns), of each entry of the
local-memory caches, and of the uploaded files of each name. The unmutated run builds
the world once in each of its two workers; whatever differs between those
two (times written as now, random tokens and salts) is noise and is left
out of the comparison. A difference in what is left, or an entry neither
unmutated world had, means the mutant changed the world.

What is not compared: state kept in the processes' memory other than the
caches (a memoised value computed during the build). The matrix's sites
are visibility checks, none of them memoised.

This module is copied into the matrix's copy (`MODULE`) and imported by the
recording plugin (tools.mutations.reach), so it imports only Django and
the standard library.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

MODULE = "mutation_world"  # its name in the copy
FIXTURE = "world"  # the matrix's fixture that builds the world (its conftest)
CONTEXT = "world"  # the coverage context of the lines run while it builds
# Set for the unmutated run: a folder where each process writes its world's
# fingerprint (one JSON file per process).
RECORD = "MUTATION_WORLD_RECORD"
# Set for a mutant's run: the expectation (`expectation`) to compare with;
# a world unlike it writes CHANGED beside that file and fails the run.
EXPECT = "MUTATION_WORLD_EXPECT"
CHANGED = "world-changed.txt"


def _digest(value: Any) -> str:
    return hashlib.sha256(repr(value).encode()).hexdigest()[:20]


def fingerprint() -> dict[str, str]:
    """The digest of each part of the world the cells read: {part: digest}."""
    from django.conf import settings
    from django.core.cache import caches
    from django.db import connection, transaction

    found: dict[str, str] = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            try:
                # A savepoint: on PostgreSQL a failed read would end the
                # world's transaction.
                with transaction.atomic():
                    description = connection.introspection.get_table_description(cursor, table)
                    columns = [c.name for c in description]
                    order = ", ".join(str(n) for n in range(1, len(columns) + 1))
                    name = connection.ops.quote_name(table)  # the database's own names
                    cursor.execute(f"SELECT * FROM {name} ORDER BY {order}")  # noqa: S608
                    rows = cursor.fetchall()
            except Exception as error:  # a table read fails alike each time
                found[f"table:{table}"] = f"unreadable: {type(error).__name__}"
                continue
            found[f"rows:{table}"] = str(len(rows))
            for n, column in enumerate(columns):
                found[f"column:{table}.{column}"] = _digest([row[n] for row in rows])
    for alias in settings.CACHES:
        store = getattr(caches[alias], "_cache", None)  # LocMemCache's entries
        for key, value in list((store or {}).items()):
            found[f"cache:{alias}:{key}"] = _digest(value)
    media = Path(settings.MEDIA_ROOT)
    files: dict[str, list[str]] = {}
    # By name: uploads are stored under folders of random names.
    for path in media.rglob("*") if media.is_dir() else ():
        if path.is_file():
            files.setdefault(path.name, []).append(_digest(path.read_bytes()))
    for name, digests in files.items():
        found[f"file:{name}"] = _digest(sorted(digests))
    return found


def expectation(prints: Iterable[Mapping[str, str]]) -> dict[str, Any]:
    """The parts every unmutated world had alike (`stable`) and the rest
    (`noise`), from two or more fingerprints of it."""
    prints = list(prints)
    if len(prints) < 2:
        raise ValueError("the noise of a world is read from two builds of it at least")
    names = set().union(*prints)
    stable = {
        name: prints[0][name]
        for name in names
        if all(name in p for p in prints) and len({p[name] for p in prints}) == 1
    }
    return {"stable": stable, "noise": sorted(names - set(stable))}


def differences(expected: Mapping[str, Any], found: Mapping[str, str]) -> list[str]:
    """The parts in which `found` is unlike the unmutated world."""
    stable: Mapping[str, str] = expected["stable"]
    noise = set(expected["noise"])
    changed = [name for name, digest in stable.items() if found.get(name) != digest]
    changed += [name for name in found if name not in stable and name not in noise]
    return sorted(changed)


def after_build() -> None:
    """Called by the plugin once the world is built: record its fingerprint
    (the unmutated run), or compare it with the unmutated one (a mutant's)."""
    if folder := os.environ.get(RECORD):
        path = Path(folder)
        path.mkdir(parents=True, exist_ok=True)
        (path / f"{os.getpid()}.json").write_text(json.dumps(fingerprint()), encoding="utf-8")
    if expected_file := os.environ.get(EXPECT):
        expected_path = Path(expected_file)
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        changed = differences(expected, fingerprint())
        if changed:
            (expected_path.parent / CHANGED).write_text("\n".join(changed), encoding="utf-8")
            raise RuntimeError(f"the mutant changed the world: {', '.join(changed[:5])}")
