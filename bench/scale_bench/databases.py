"""The grown-data benches' databases: SQLite files under WHERE.out or
databases of the local PostgreSQL, the demo and the grown one made or
reused, and Django set up on them. Other benches point PG_* and
REDIS_URL at theirs (bench/community.py, bench/data_scale.py)."""

from __future__ import annotations

import contextlib
import io
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scale_bench.config import WHERE, log
from scale_bench.generator import Sizes, grow

PG_BASE = "postgres://postgres@127.0.0.1:5432/"
PG_DEMO = "alliance87_scale_demo"
PG_GROWN = "alliance87_scale"
PG_WORK = "alliance87_scale_work"
# The PostgreSQL tier runs with the Redis cache; a database of its own,
# since the bench clears it.
REDIS_URL = os.environ.get("SCALE_REDIS_URL", "redis://127.0.0.1:6379/12")


# -- databases ---------------------------------------------------------------


@dataclass(frozen=True)
class Engine:
    """SQLite files under WHERE.out (bench/out/scale/), or databases of the local PostgreSQL."""

    name: str  # sqlite, postgres

    def demo(self, key: str) -> str:
        return str(WHERE.out / f"demo-{key}.sqlite3") if self.name == "sqlite" else PG_DEMO

    def grown(self, key: str) -> str:
        return str(WHERE.out / f"grown-{key}.sqlite3") if self.name == "sqlite" else PG_GROWN

    def work(self, label: str = "") -> str:
        """A throw-away copy (`label`: of which database)."""
        suffix = f"-{label}" if label else ""
        if self.name == "sqlite":
            return str(WHERE.out / f"work{suffix}.sqlite3")
        return PG_WORK + suffix.replace("-", "_")

    def url(self, name: str) -> str:
        return f"sqlite:///{name}" if self.name == "sqlite" else PG_BASE + name

    def exists(self, name: str, key: str) -> bool:
        """Whether `name` holds what `key` names (PostgreSQL: the database's
        comment; SQLite: the file, whose name holds the key)."""
        if self.name == "sqlite":
            return Path(name).exists()
        with _pg() as pg:
            row = pg.execute(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
                (name,),
            ).fetchone()
        return row is not None and row[0] == key

    def copy(self, source: str, target: str) -> None:
        """Copy database `source` to `target`, replacing it."""
        from django.db import connections

        connections.close_all()
        self.drop(target)
        if self.name == "sqlite":
            with (
                contextlib.closing(sqlite3.connect(source)) as src,
                contextlib.closing(sqlite3.connect(target)) as dst,
            ):
                src.backup(dst)
        else:
            with _pg() as pg:
                pg.execute(f'CREATE DATABASE "{target}" TEMPLATE "{source}"')

    def create_empty(self, name: str) -> None:
        self.drop(name)
        if self.name == "postgres":
            with _pg() as pg:
                pg.execute(f'CREATE DATABASE "{name}"')

    def mark(self, name: str, key: str) -> None:
        if self.name == "postgres":
            with _pg() as pg:
                pg.execute(f"COMMENT ON DATABASE \"{name}\" IS '{key}'")

    def drop(self, name: str) -> None:
        if self.name == "sqlite":
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{name}{suffix}").unlink(missing_ok=True)
        else:
            with _pg() as pg:
                pg.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def rename(self, source: str, target: str) -> None:
        if self.name == "sqlite":
            os.replace(source, target)
        else:
            self.drop(target)
            with _pg() as pg:
                pg.execute(f'ALTER DATABASE "{source}" RENAME TO "{target}"')

    def size(self, name: str) -> str:
        if self.name == "sqlite":
            return f"{Path(name).stat().st_size / 1e6:,.0f} MB"
        with _pg() as pg:
            row = pg.execute("SELECT pg_database_size(%s)", (name,)).fetchone()
        return f"{(row[0] if row else 0) / 1e6:,.0f} MB"


@contextlib.contextmanager
def _pg() -> Iterator[Any]:
    import psycopg

    with psycopg.connect(PG_BASE + "postgres", autocommit=True) as conn:
        yield conn


def vacuum(name: str) -> None:
    """VACUUM (ANALYZE) PostgreSQL database `name`, as autovacuum would
    soon after a bulk load: it marks the pages written as visible to every
    transaction, which lets counts read an index alone (an index-only
    scan) instead of visiting each row. This machine's server runs with
    `autovacuum = off`; the Hub's runs with it on (README, PostgreSQL).
    Quick on a database vacuumed before: the copies inherit the marks."""
    import psycopg

    started = time.monotonic()
    with psycopg.connect(PG_BASE + name, autocommit=True) as conn:
        # The Hub's tables only, not the shared catalogs (core/planner.py).
        tables = conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
        ).fetchall()
        names = ", ".join(f'"{table}"' for (table,) in tables)
        conn.execute(f"VACUUM (ANALYZE) {names}")
    log(f"VACUUM (ANALYZE) {name}: {time.monotonic() - started:.0f} s")


@contextlib.contextmanager
def use_database(name: str) -> Iterator[None]:
    """Point the default connection at database `name` for a while."""
    from django.db import connections

    conn = connections["default"]
    conn.close()
    previous = conn.settings_dict["NAME"]
    conn.settings_dict["NAME"] = name
    try:
        yield
    finally:
        conn.close()
        conn.settings_dict["NAME"] = previous


def setup_django(engine: Engine) -> None:
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "alliance87.settings",
            "DATABASE_URL": engine.url(engine.work()),
            "DEBUG": "false",
            "HTTPS": "false",
            "SECRET_KEY": "scale-bench-" + "x" * 50,
            "ALLOWED_HOSTS": "testserver",
            "LOG_LEVEL": "ERROR",
            "PAGE_CACHE_SECONDS": "3600",
            "BENCH_HELLO": "true",
            "STATIC_ROOT": str(WHERE.out / "static"),
        }
    )
    if engine.name == "postgres":
        os.environ["REDIS_URL"] = REDIS_URL
    else:
        os.environ.pop("REDIS_URL", None)
    if engine.name == "postgres":
        engine.create_empty(engine.work())  # Django connects to it at setup
    import django

    django.setup()
    from django.test.utils import setup_test_environment

    setup_test_environment()  # lets the test client's host in


def ensure_demo(engine: Engine, key: str) -> str:
    """Return the demo database of `key`, made if missing."""
    from django.core.management import call_command

    from alliance87.core.planner import refresh_statistics

    name = engine.demo(key)
    if engine.exists(name, key):
        return name
    log(f"migrate and loaddemo into {name}")
    if engine.name == "sqlite":  # an older demo: it serves no key any more
        for old in WHERE.out.glob("demo-*.sqlite3"):
            engine.drop(str(old))
    tmp = name + ".tmp" if engine.name == "sqlite" else name + "_tmp"
    engine.create_empty(tmp)
    with use_database(tmp):
        call_command("migrate", "--no-input", verbosity=0)
        call_command("loaddemo", verbosity=0, stdout=io.StringIO())
        refresh_statistics()
    engine.rename(tmp, name)
    engine.mark(name, key)
    if not (WHERE.out / "static" / "staticfiles.json").exists():
        call_command("collectstatic", "--no-input", verbosity=0)
    return name


def kept(engine: Engine, kind: str) -> tuple[str, str] | None:
    """Return the kept `kind` ("demo" or "grown") database of any key, and
    its key: the newest SQLite file, or the PostgreSQL database."""
    if engine.name == "sqlite":
        files = sorted(WHERE.out.glob(f"{kind}-*.sqlite3"), key=lambda p: p.stat().st_mtime)
        if not files:
            return None
        return str(files[-1]), files[-1].stem.removeprefix(f"{kind}-")
    name = PG_DEMO if kind == "demo" else PG_GROWN
    with _pg() as pg:
        row = pg.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            (name,),
        ).fetchone()
    return (name, row[0] or "") if row else None


def reuse(engine: Engine, kind: str, key: str) -> None:
    """--reuse: bring the kept `kind` database of another key (made before
    a migration, say) to the current migrations and give it `key`, instead
    of growing it again. Only what migrations change is brought up to
    date: a change of the generator or the demo data needs a new one."""
    import json

    from django.core.management import call_command

    from alliance87.core.planner import refresh_statistics

    found = kept(engine, kind)
    target = engine.demo(key) if kind == "demo" else engine.grown(key)
    if found is None or found[1] == key:
        return
    source, old = found
    log(f"--reuse: migrate the kept {kind} database {source} ({old} -> {key})")
    with use_database(source):
        call_command("migrate", "--no-input", verbosity=0)
        refresh_statistics()
    if engine.name == "sqlite":
        engine.rename(source, target)
    engine.mark(target, key)
    generation = WHERE.out / f"generation-{engine.name}-{old}.json"
    if kind == "grown" and generation.exists():
        took = json.loads(generation.read_text())
        (WHERE.out / f"generation-{engine.name}-{key}.json").write_text(json.dumps(took))


def grown_copy(
    engine: Engine,
    demo: str,
    key: str,
    *,
    label: str,
    grow: Callable[[], dict[str, float]],
    drop_older: bool = False,
    say: Callable[[str], None] = log,
) -> str:
    """Return the grown database of `key`, made if missing as a copy of
    `demo` that `grow` grows (run with the copy as the default database,
    it returns the seconds each step took). The copy is grown under a
    temporary name and renamed when done, so an interrupted run leaves no
    half-grown database behind; the seconds are kept beside it
    (`generation_seconds`). `drop_older`: remove the other grown SQLite
    databases first (they serve no key any more); `say`: the bench's log."""
    import json

    name = engine.grown(key)
    if engine.exists(name, key):
        return name
    tmp = name + ".tmp" if engine.name == "sqlite" else name + "_tmp"
    engine.copy(demo, tmp)
    say(f"grow {name} {label}")
    started = time.monotonic()
    with use_database(tmp):
        took = grow()
    took["total"] = time.monotonic() - started
    if drop_older and engine.name == "sqlite":
        for old in WHERE.out.glob("grown-*.sqlite3"):
            engine.drop(str(old))
    engine.rename(tmp, name)
    engine.mark(name, key)
    (WHERE.out / f"generation-{engine.name}-{key}.json").write_text(json.dumps(took))
    return name


def ensure_grown(engine: Engine, demo: str, key: str, factor: float, seed: int) -> str:
    """Return the grown database of `key`, grown from `demo` if missing;
    the seconds its generation took are kept beside it."""
    label = f"(factor {factor}, seed {seed}): {Sizes.at(factor)}"
    return grown_copy(engine, demo, key, label=label, grow=lambda: grow(factor, seed))


def generation_seconds(engine: Engine, key: str) -> dict[str, float]:
    import json

    path = WHERE.out / f"generation-{engine.name}-{key}.json"
    return json.loads(path.read_text()) if path.exists() else {}


def counts() -> dict[str, int]:
    """Return the rows of what the generator grows, in the current database."""
    from django.contrib.auth import get_user_model

    from alliance87.events.models import (
        ActionItem,
        AgendaItem,
        Decision,
        Event,
        Exchange,
        Participant,
    )
    from alliance87.partners.models import Organisation
    from alliance87.pathfinders.models import Action, Pathfinder
    from alliance87.search.models import SearchDocument

    records = sum(
        m.objects.count() for m in (Participant, AgendaItem, Exchange, Decision, ActionItem)
    )
    return {
        "organisations": Organisation.objects.count(),
        "accounts": get_user_model().objects.count(),
        "events": Event.objects.count(),
        "record rows": records,
        "pathfinders": Pathfinder.objects.count(),
        "roadmap actions": Action.objects.count(),
        "search documents": SearchDocument.objects.count(),
    }
