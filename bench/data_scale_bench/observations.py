"""bench/data_scale.py's generator: the catalogue (indicators, geographies,
editions) and the observations, loaded with COPY or executemany with the
indexes built after, and the kept grown database (keyed like
bench/scale.py's)."""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import time
from collections.abc import Callable, Iterator
from typing import Any

from scale_bench import generator
from scale_bench.databases import Engine, grown_copy
from scale_bench.generator import timed_step

from data_scale_bench.config import BREAKDOWNS, FIRST_YEAR, SOURCE_URL, YEARS, Sizes, log

# -- the generator ---------------------------------------------------------


def bench_indicators(count: int) -> list[int]:
    """Return the ids of `count` indicators: the catalogue's, in its order,
    then generated ones (made if missing)."""
    from alliance87.data.models import Indicator, Unit

    held = list(Indicator.objects.order_by("order", "code").values_list("code", "pk"))
    ids = [pk for _, pk in held[:count]]
    codes = {code for code, _ in held}
    new = []
    for i in range(count - len(ids)):
        code = f"bench_indicator_{i:03d}"
        if code in codes:
            continue
        name = f"Generated indicator {i:03d} (illustrative)"
        new.append(
            Indicator(
                code=code,
                name=name,
                name_en=name,
                name_fr=f"Indicateur généré {i:03d} (illustratif)",
                name_es=f"Indicador generado {i:03d} (ilustrativo)",
                unit=Unit.PERSONS,
                order=500 + i,
            )
        )
    Indicator.objects.bulk_create(new)
    wanted = [f"bench_indicator_{i:03d}" for i in range(count - len(ids))]
    ids += list(
        Indicator.objects.filter(code__in=wanted).order_by("code").values_list("pk", flat=True)
    )
    return ids


def bench_geographies(count: int) -> list[int]:
    """Return the ids of `count` geographies: the world, regions and
    groupings, then countries (Nepal first), made as the importer makes a
    country's."""
    from alliance87.countries.models import Country
    from alliance87.data.models import Geography

    places = list(
        Geography.objects.filter(country__isnull=True)
        .order_by("order", "code")
        .values_list("pk", flat=True)
    )
    held = dict(Geography.objects.filter(country__isnull=False).values_list("country_id", "pk"))
    countries = sorted(Country.objects.all(), key=lambda c: (c.iso3 != "NPL", c.iso3))
    wanted = countries[: count - len(places)]
    Geography.objects.bulk_create(
        [
            Geography(
                code=c.iso3.lower(),
                level=Geography.Level.COUNTRY,
                country=c,
                name=c.name_en,  # type: ignore[attr-defined]
                name_en=c.name_en,  # type: ignore[attr-defined]
                name_fr=c.name_fr,  # type: ignore[attr-defined]
                name_es=c.name_es,  # type: ignore[attr-defined]
                order=1000,
            )
            for c in wanted
            if c.pk not in held
        ]
    )
    held = dict(Geography.objects.filter(country__isnull=False).values_list("country_id", "pk"))
    return places + [held[c.pk] for c in wanted]


def bench_editions(count: int) -> list[int]:
    from alliance87.data.models import Edition

    made = []
    for k in range(count):
        edition, _ = Edition.objects.get_or_create(
            title=f"Generated edition {k + 1} (illustrative, bench)",
            defaults={
                "publisher": "Alliance 8.7 Hub bench (generated)",
                "date_start": dt.date(2030 + k, 1, 1),
                "date_precision": "month",
                "source_url": SOURCE_URL,
            },
        )
        made.append(edition.pk)
    return made


def observation_rows(
    rng: random.Random, editions: list[int], indicators: list[int], geographies: list[int]
) -> Iterator[tuple[Any, ...]]:
    """Yield every generated observation as a row of COLUMNS, in key order."""
    for e in editions:
        for i in indicators:
            for g in geographies:
                for year in range(FIRST_YEAR, FIRST_YEAR + YEARS):
                    for sex, age, sector in BREAKDOWNS:
                        yield (e, i, g, year, sex, age, sector, rng.randrange(1000, 50_000_000))


COLUMNS = (
    "edition_id",
    "indicator_id",
    "geography_id",
    "period",
    "sex",
    "age",
    "sector",
    "value",
    "status",
    "source_url",
    "footnote",
    "illustrative",
)
TABLE = "data_observation"


@contextlib.contextmanager
def indexes_off() -> Iterator[None]:
    """Drop the observations' indexes (but the primary key) while loading,
    and build them again after: one sort each instead of 18 million
    insertions into each."""
    from django.db import connection

    with connection.cursor() as c:
        if connection.vendor == "postgresql":
            c.execute(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid = %s::regclass AND contype = 'u'",
                [TABLE],
            )
            constraints = c.fetchall()
            for name, _ in constraints:
                c.execute(f'ALTER TABLE {TABLE} DROP CONSTRAINT "{name}"')
            c.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s "
                "AND indexname <> %s",
                [TABLE, f"{TABLE}_pkey"],
            )
            indexes = c.fetchall()
        else:
            constraints = []
            c.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s "
                "AND sql IS NOT NULL",
                [TABLE],
            )
            indexes = c.fetchall()
        for name, _ in indexes:
            c.execute(f'DROP INDEX "{name}"')
    try:
        yield
    finally:
        with connection.cursor() as c:
            if connection.vendor == "postgresql":
                c.execute("SET maintenance_work_mem = '512MB'")
            for name, definition in constraints:
                c.execute(f'ALTER TABLE {TABLE} ADD CONSTRAINT "{name}" {definition}')
            for _, definition in indexes:
                c.execute(definition)


def load_observations(rows: Iterator[tuple[Any, ...]], total: int) -> None:
    """Write `rows` with COPY (PostgreSQL) or executemany (SQLite)."""
    from django.db import connection

    started = time.monotonic()
    done = 0

    def progress() -> None:
        if done % 1_000_000 < 50_000:
            rate = done / max(time.monotonic() - started, 1e-9)
            log(f"    {done:,} / {total:,} observations ({rate:,.0f}/s)")

    tail = (SOURCE_URL, "", True)
    if connection.vendor == "postgresql":
        with connection.cursor() as c:
            # Every key is one the generator made: no trigger checks them.
            c.execute("SET session_replication_role = replica")
            sql = f"COPY {TABLE} ({', '.join(COLUMNS)}) FROM STDIN"
            end = f"\testimate\t{SOURCE_URL}\t\tt\n"
            with c.cursor.copy(sql) as copy:
                chunk: list[str] = []
                for e, i, g, year, sex, age, sector, value in rows:
                    chunk.append(f"{e}\t{i}\t{g}\t{year}\t{sex}\t{age}\t{sector}\t{value}{end}")
                    if len(chunk) >= 50_000:
                        copy.write("".join(chunk))
                        done += len(chunk)
                        chunk.clear()
                        progress()
                copy.write("".join(chunk))
                done += len(chunk)
            c.execute("SET session_replication_role = DEFAULT")
    else:
        raw = connection.connection
        sql = (
            f"INSERT INTO {TABLE} ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
        )
        batch: list[tuple[Any, ...]] = []
        for row in rows:
            batch.append((*row, "estimate", *tail))
            if len(batch) >= 50_000:
                raw.executemany(sql, batch)
                done += len(batch)
                batch.clear()
                progress()
        raw.executemany(sql, batch)
        done += len(batch)
    log(f"    {done:,} observations in {time.monotonic() - started:,.0f} s")


def grow(factor: float, seed: int) -> dict[str, float]:
    """Grow the database the default connection points at; return the
    seconds each step took."""

    from alliance87.core.planner import refresh_statistics

    sizes = Sizes.at(factor)
    rng = random.Random(seed)
    took: dict[str, float] = {}

    def step(name: str, fn: Callable[[], Any]) -> Any:
        return timed_step(took, name, fn, say=log)

    def catalogue() -> tuple[list[int], list[int], list[int]]:
        return (
            bench_editions(sizes.editions),
            bench_indicators(sizes.indicators),
            bench_geographies(sizes.geographies),
        )

    editions, indicators, geographies = step("catalogue", catalogue)

    def observations() -> None:
        with indexes_off():
            load_observations(
                observation_rows(rng, editions, indicators, geographies), sizes.observations
            )

    step("observations (indexes built after)", observations)
    step("ANALYZE", refresh_statistics)
    return took


GENERATOR: list[Callable[..., Any]] = [
    Sizes.at,
    bench_indicators,
    bench_geographies,
    bench_editions,
    observation_rows,
    indexes_off,
    load_observations,
    grow,
]


def ensure_grown(engine: Engine, demo: str, key: str, factor: float, seed: int) -> str:
    """Return the grown database of `key`, grown from `demo` if missing;
    the seconds its generation took are kept beside it. An older grown
    SQLite database serves no key any more: it is removed."""
    label = f"(factor {factor}, seed {seed}): {Sizes.at(factor)}"
    return grown_copy(
        engine,
        demo,
        key,
        label=label,
        grow=lambda: grow(factor, seed),
        drop_older=True,
        say=log,
    )


def settle(engine: Engine, name: str) -> None:
    """PostgreSQL: VACUUM the observations, as autovacuum does some time
    after a bulk load, so that index-only scans need not visit the table
    (the visibility map is set); quick once done. SQLite: nothing to do."""
    if engine.name != "postgres":
        return
    import psycopg

    started = time.monotonic()
    with psycopg.connect(engine.url(name), autocommit=True) as conn:
        conn.execute(f"VACUUM (ANALYZE) {TABLE}")
    log(f"VACUUM (ANALYZE) {TABLE}: {time.monotonic() - started:.0f} s")


def grown_key(factor: float, seed: int, demo: str) -> str:
    with mock_attr(generator, "GENERATOR", GENERATOR):
        return generator.grown_key(factor, seed, demo)


@contextlib.contextmanager
def mock_attr(obj: Any, name: str, value: Any) -> Iterator[None]:
    held = getattr(obj, name)
    setattr(obj, name, value)
    try:
        yield
    finally:
        setattr(obj, name, held)


def counts() -> dict[str, int]:
    from alliance87.data.models import Edition, Geography, Indicator, Observation

    return {
        "indicators": Indicator.objects.count(),
        "geographies": Geography.objects.count(),
        "editions": Edition.objects.count(),
        "observations": Observation.objects.count(),
    }
