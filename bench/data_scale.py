"""
Statistics at issue 14's sizes (section "Performance (bench/)").

`make bench-data` (or `.venv/bin/python bench/data_scale.py [--factor 0.01]
[--database postgres]`):

1. grows a copy of the demo (migrate, loaddemo) to 200 indicators × 200
   geographies × 30 reference years × 5 breakdowns × 3 editions: 18
   million observations (`--factor` scales the number of indicators; the
   per-indicator size stays whole). The catalogue's indicators come first,
   then generated ones; the world, the regions and groupings, then
   countries (Nepal first); three generated editions published after the
   demo's, so they are the latest. Seeded and deterministic; written with
   COPY (PostgreSQL) or executemany (SQLite), the observations' indexes
   dropped while loading and built after, then ANALYZE
   (core/planner.py). Kept in bench/out/data_scale/ (SQLite) or as the
   PostgreSQL database `alliance87_h8_scale`, keyed like bench/scale.py's
   (factor, seed, migrations, demo data and this generator), so that a
   second run does not grow it again;
2. measures the country profile (Nepal) and the /data/ map page, anonymous,
   with bench/scale.py's `measure_pages`: CPU per request in this process
   (and its PostgreSQL backend's) with the page cache cleared before each
   request, the demo and the grown database asked in turn; the ratio is the
   median of each round's grown/demo ratio. Goal: at most 3×;
3. imports generated tidy CSV files of 100,000 and 1,000,000 rows (times
   `--factor`) through the importer (`data.services.import_path`: the check,
   then the write, all or nothing, as the Secretariat's page saves a file),
   each in a fresh process on a copy of the demo, and reports rows per
   second and the process's peak memory (`ru_maxrss`), before and after.
   Goal: the peak at the larger file within 1.25× of the smaller's;
4. prints the results and writes them between the data-scale markers of
   bench/README.md. Exit 0 when every goal passes, 1 when one fails.

Not part of `make test`.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH_DIR))

import scale  # noqa: E402 - bench/scale.py, found through BENCH_DIR
from report import GrownReport, fmt, run_header, verdict, write_block  # noqa: E402 - bench/report.py

README = BENCH_DIR / "README.md"
OUT = BENCH_DIR / "out" / "data_scale"

# The sizes of issue 14 at --factor 1.
FULL_INDICATORS = 200
GEOGRAPHIES = 200
YEARS = 30
FIRST_YEAR = 1996
BREAKDOWNS = (  # sex, age, sector
    ("total", "all", "all"),
    ("female", "all", "all"),
    ("male", "all", "all"),
    ("total", "5-17", "all"),
    ("total", "all", "agriculture"),
)
EDITIONS = 3
IMPORT_ROWS = (100_000, 1_000_000)
IMPORT_YEARS = 50  # 1975-2024
SOURCE_URL = "https://example.org/alliance87/bench/generated"

GOAL_CPU_RATIO = 3.0
GOAL_MEMORY_RATIO = 1.25

PAGES = [
    scale.Page("country profile (Nepal)", "/en/countries/npl/"),
    scale.Page("/data/ map", "/en/data/"),
]
PG_DEMO = "alliance87_h8_scale_demo"
PG_GROWN = "alliance87_h8_scale"
PG_WORK = "alliance87_h8_scale_work"
REDIS_URL = os.environ.get("DATA_SCALE_REDIS_URL", "redis://127.0.0.1:6379/8")
SECRETARIAT = scale.SECRETARIAT


def configure(out: Path) -> None:
    """Point bench/scale.py's helpers at this bench's databases and pages."""
    scale.WHERE.out = out
    scale.PG_DEMO, scale.PG_GROWN, scale.PG_WORK = PG_DEMO, PG_GROWN, PG_WORK
    scale.REDIS_URL = REDIS_URL
    scale.PAGES = PAGES
    scale.PERSONAS = ("anonymous",)  # type: ignore[assignment]


def log(message: str) -> None:
    print(f"[data-scale] {message}", file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Sizes:
    indicators: int
    geographies: int = GEOGRAPHIES
    years: int = YEARS
    breakdowns: int = len(BREAKDOWNS)
    editions: int = EDITIONS

    @classmethod
    def at(cls, factor: float) -> Sizes:
        return cls(indicators=max(2, round(FULL_INDICATORS * factor)))

    @property
    def observations(self) -> int:
        return self.indicators * self.geographies * self.years * self.breakdowns * self.editions

    def import_rows(self, factor: float) -> list[int]:
        return [max(1000, round(n * factor)) for n in IMPORT_ROWS]


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
        return scale.timed_step(took, name, fn, say=log)

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


def ensure_grown(engine: scale.Engine, demo: str, key: str, factor: float, seed: int) -> str:
    """Return the grown database of `key`, grown from `demo` if missing;
    the seconds its generation took are kept beside it."""
    name = engine.grown(key)
    if engine.exists(name, key):
        return name
    tmp = name + ".tmp" if engine.name == "sqlite" else name + "_tmp"
    engine.copy(demo, tmp)
    log(f"grow {name} (factor {factor}, seed {seed}): {Sizes.at(factor)}")
    started = time.monotonic()
    with scale.use_database(tmp):
        took = grow(factor, seed)
    took["total"] = time.monotonic() - started
    if engine.name == "sqlite":  # an older grown database: it serves no key any more
        for old in scale.WHERE.out.glob("grown-*.sqlite3"):
            engine.drop(str(old))
    engine.rename(tmp, name)
    engine.mark(name, key)
    (scale.WHERE.out / f"generation-{engine.name}-{key}.json").write_text(json.dumps(took))
    return name


def settle(engine: scale.Engine, name: str) -> None:
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
    with mock_attr(scale, "GENERATOR", GENERATOR):
        return scale.grown_key(factor, seed, demo)


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


# -- the import ----------------------------------------------------------------


def write_import_file(path: Path, rows: int) -> None:
    """Write a tidy CSV file of `rows` generated observations (seeded by its
    size), of the bench's indicators, for every country."""
    from alliance87.countries.models import Country

    if path.exists():
        return
    rng = random.Random(rows)
    countries = list(Country.objects.order_by("iso3").values_list("iso3", flat=True))
    per_indicator = len(countries) * IMPORT_YEARS * len(BREAKDOWNS)
    indicators = -(-rows // per_indicator)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(
            [
                "edition",
                "publisher",
                "published",
                "reference_year",
                "geography",
                "geography_level",
                "indicator",
                "sex",
                "age",
                "sector",
                "value",
                "unit",
                "source_url",
                "note",
                "illustrative",
            ]
        )
        edition = f"Generated import of {rows:,} rows (illustrative, bench)"
        written = 0
        for i in range(indicators):
            for iso3 in countries:
                for year in range(2024 - IMPORT_YEARS + 1, 2025):
                    for sex, age, sector in BREAKDOWNS:
                        if written == rows:
                            break
                        out.writerow(
                            [
                                edition,
                                "Alliance 8.7 Hub bench (generated)",
                                "2031-01",
                                year,
                                iso3,
                                "country",
                                f"bench_indicator_{i:03d}",
                                sex,
                                age,
                                sector,
                                rng.randrange(1000, 50_000_000),
                                "persons",
                                SOURCE_URL,
                                "",
                                "yes",
                            ]
                        )
                        written += 1
    tmp.rename(path)


def import_indicators(rows: int) -> int:
    from alliance87.countries.models import Country

    per_indicator = Country.objects.count() * IMPORT_YEARS * len(BREAKDOWNS)
    return -(-rows // per_indicator)


def import_child(path: Path, rows: int) -> dict[str, Any]:
    """In a fresh process (the database in DATABASE_URL): import the file
    at `path` through data.services.import_path; return what it took."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection

    from alliance87.data import services

    def backend_cpu_s() -> float:
        if connection.vendor != "postgresql":
            return 0.0
        connection.ensure_connection()
        pid = connection.connection.info.backend_pid
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9

    # The catalogue the file names: generated indicators beside the demo's.
    from alliance87.data.models import Indicator

    needed = [f"bench_indicator_{i:03d}" for i in range(import_indicators(rows))]
    held = set(Indicator.objects.filter(code__in=needed).values_list("code", flat=True))
    Indicator.objects.bulk_create(
        [
            Indicator(code=code, name=code, name_en=code, unit="persons", order=900)
            for code in needed
            if code not in held
        ]
    )
    user = get_user_model().objects.get(email=SECRETARIAT)
    before_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started, cpu = time.monotonic(), time.process_time() + backend_cpu_s()
    run = services.import_path(path, acting_user=user)
    seconds = time.monotonic() - started
    cpu_s = time.process_time() + backend_cpu_s() - cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "rows": run.rows_total,
        "status": run.status,
        "errors": run.errors[:3],
        "seconds": seconds,
        "cpu_seconds": cpu_s,
        "rows_per_second": run.rows_total / seconds if seconds else 0.0,
        "rss_before_mb": before_mb,
        "rss_peak_mb": peak_mb,
    }


def measure_imports(engine: scale.Engine, demo: str, sizes: list[int]) -> list[dict[str, Any]]:
    """Import each size's file into a fresh copy of the demo, each in its own
    process; return what each took."""
    from django.db import connections

    results = []
    target = engine.work("import")
    for rows in sizes:
        path = scale.WHERE.out / f"import-{rows}.csv"
        with scale.use_database(demo):
            write_import_file(path, rows)
        connections.close_all()
        engine.copy(demo, target)
        log(f"import {rows:,} rows ({path.stat().st_size / 1e6:,.0f} MB) through import_path")
        env = {**os.environ, "DATABASE_URL": engine.url(target)}
        done = subprocess.run(
            [sys.executable, __file__, "--import-child", str(path), "--rows", str(rows)],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            log(done.stderr[-3000:])
            results.append({"rows": rows, "status": f"failed ({done.returncode})"})
            continue
        result = json.loads(done.stdout.strip().splitlines()[-1])
        log(
            f"  {result['rows']:,} rows {result['status']} in {result['seconds']:,.0f} s: "
            f"{result['rows_per_second']:,.0f} rows/s, peak {result['rss_peak_mb']:,.0f} MB "
            f"(before {result['rss_before_mb']:,.0f} MB)"
        )
        results.append(result)
    connections.close_all()
    engine.drop(target)
    kept = {"measured": f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC", "imports": results}
    (scale.WHERE.out / f"imports-{engine.name}.json").write_text(json.dumps(kept, indent=2))
    return results


def kept_imports(engine: scale.Engine) -> tuple[str, list[dict[str, Any]]]:
    """Return when the last import measurement of `engine` ran, and its
    figures (--no-import reports them beside new page figures)."""
    path = scale.WHERE.out / f"imports-{engine.name}.json"
    if not path.exists():
        return "", []
    kept = json.loads(path.read_text())
    return str(kept["measured"]), list(kept["imports"])


# -- the report -------------------------------------------------------------------


@dataclass
class Report(GrownReport):
    imports: list[dict[str, Any]] = field(default_factory=list)
    imports_measured: str = ""  # when kept from an earlier run (--no-import)


def judge(r: Report) -> None:
    for page in PAGES:
        d, g = (
            r.pages["demo"][("anonymous", page.name)],
            r.pages["grown"][("anonymous", page.name)],
        )
        q = r.ratios.get(("anonymous", page.name))
        ok = q is not None and not d.error and not g.error and q <= GOAL_CPU_RATIO
        shown = f"{q:.1f}×" if q is not None else (d.error or g.error)
        r.goals.append(
            (f"{page.name}: uncached CPU grown ≤ {GOAL_CPU_RATIO:.0f}× demo ({shown})", ok)
        )
    saved = [i for i in r.imports if i.get("status") == "saved"]
    r.goals.append(
        (
            f"every import saved whole ({len(saved)} of {len(r.imports)})",
            len(saved) == len(r.imports) and bool(saved),
        )
    )
    if len(saved) >= 2:
        small, large = saved[0], saved[-1]
        q = large["rss_peak_mb"] / small["rss_peak_mb"]
        r.goals.append(
            (
                f"import memory bounded: peak at {large['rows']:,} rows ≤ "
                f"{GOAL_MEMORY_RATIO}× the peak at {small['rows']:,} "
                f"({large['rss_peak_mb']:,.0f} MB / {small['rss_peak_mb']:,.0f} MB = {q:.2f}×)",
                q <= GOAL_MEMORY_RATIO,
            )
        )


def render(r: Report) -> str:
    lines = run_header(r, "bench-data", "####")
    lines += ["", "| goal (issue 14) | result |", "|---|---|"]
    lines += [f"| {text} | {verdict(ok)} |" for text, ok in r.goals]
    lines += [
        "",
        "CPU ms per anonymous request (median), this process's"
        + (" and its PostgreSQL backend's" if r.engine == "postgres" else "")
        + ", page cache cleared before each request; *cached*: a repeat view. "
        f"Hello: {r.hello_ms:.2f} ms.",
        "",
        f"| page | demo ms | grown ms | grown/demo (goal ≤ {GOAL_CPU_RATIO:.0f}) | "
        "cached ms (grown) | KB grown | queries demo | queries grown |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for page in PAGES:
        d = r.pages["demo"][("anonymous", page.name)]
        g = r.pages["grown"][("anonymous", page.name)]
        label = f"{page.name} `{page.path}`"
        if d.error or g.error:
            lines.append(f"| {label} | {d.error or '–'} | {g.error or '–'} | **FAIL** |||||")
            continue
        q = r.ratios.get(("anonymous", page.name), 0.0)
        lines.append(
            f"| {label} | {fmt(d.uncached_ms)} | {fmt(g.uncached_ms)} | "
            f"{q:.1f}× {verdict(q <= GOAL_CPU_RATIO)} | {fmt(g.cached_ms)} | "
            f"{g.weight / 1000:.1f} | {d.queries} | {g.queries} |"
        )
    lines += [
        "",
        "Import of generated tidy CSV files (one new edition each, every country, "
        "illustrative) through `data.services.import_path` (check, then write, all or "
        "nothing), each in a fresh process on a copy of the demo. Peak: the process's "
        "maximum resident memory (`ru_maxrss`); *before*: after Django's setup."
        + (
            f" Measured by an earlier run, {r.imports_measured} (`--no-import` this time)."
            if r.imports_measured
            else ""
        ),
        "",
        "| rows | status | seconds | rows/s | CPU s (process + backend) | MB before | MB peak |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    for i in r.imports:
        if "seconds" not in i:
            lines.append(f"| {i['rows']:,} | {i['status']} ||||||")
            continue
        lines.append(
            f"| {i['rows']:,} | {i['status']} | {i['seconds']:,.0f} | "
            f"{i['rows_per_second']:,.0f} | {i['cpu_seconds']:,.0f} | "
            f"{i['rss_before_mb']:,.0f} | {i['rss_peak_mb']:,.0f} |"
        )
    return "\n".join(lines) + "\n"


def write_readme(block: str, engine: str) -> None:
    """Replace this engine's block between its markers in bench/README.md."""
    start, end = f"<!-- data-scale-{engine}:start -->", f"<!-- data-scale-{engine}:end -->"
    write_block(README, block, start, end, log)


# -- the run ------------------------------------------------------------------------


def run(args: argparse.Namespace) -> Report:
    from django.db import connections

    engine = scale.Engine(args.database)
    scale.WHERE.out.mkdir(parents=True, exist_ok=True)
    scale.setup_django(engine)
    dkey = scale.demo_hash()
    gkey = grown_key(args.factor, args.seed, dkey)
    r = Report(
        engine=engine.name,
        factor=args.factor,
        seed=args.seed,
        runs=args.runs,
        started=dt.datetime.now(dt.UTC),
    )
    if args.reuse:
        scale.reuse(engine, "demo", dkey)
        scale.reuse(engine, "grown", gkey)
    demo = scale.ensure_demo(engine, dkey)
    if args.no_pages:  # the import needs the demo alone
        r.imports = measure_imports(engine, demo, Sizes.at(args.factor).import_rows(args.factor))
        if engine.name == "postgres":
            engine.drop(engine.work())
        return r
    r.generated_now = not engine.exists(engine.grown(gkey), gkey)
    grown = ensure_grown(engine, demo, gkey, args.factor, args.seed)
    settle(engine, grown)
    r.generation = scale.generation_seconds(engine, gkey)
    r.database_size = engine.size(grown)
    if args.generate_only:
        log(f"generated: {demo}, {grown}")
        return r
    sources = {"demo": demo, "grown": grown}
    if not args.no_pages:
        log("measure the pages, demo and grown side by side")
        with scale.side_by_side(sources) as use:
            for label in sources:
                use(label)
                r.sizes[label] = counts()
            paths = {p.name: p.path for p in PAGES}
            r.hello_ms, r.pages, r.ratios = scale.measure_pages(
                paths, args.runs, use, list(sources)
            )
        scale.write_queries(r, scale.WHERE.out / f"queries-{engine.name}.txt")
    connections.close_all()
    if args.no_import:
        r.imports_measured, r.imports = kept_imports(engine)
    else:
        r.imports = measure_imports(engine, demo, Sizes.at(args.factor).import_rows(args.factor))
    if engine.name == "postgres":
        engine.drop(engine.work())
    return r


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--factor", type=float, default=1.0, help="of issue 14's sizes")
    parser.add_argument("--seed", type=int, default=87)
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--runs", type=int, default=5, help="requests per figure (median)")
    parser.add_argument("--no-readme", action="store_true")
    parser.add_argument("--no-pages", action="store_true", help="measure the import only")
    parser.add_argument("--no-import", action="store_true", help="measure the pages only")
    parser.add_argument("--generate-only", action="store_true")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="migrate the kept databases to the current migrations instead of growing anew",
    )
    parser.add_argument("--out", type=Path, default=OUT, help="where the databases are kept")
    parser.add_argument("--import-child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--rows", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.import_child:
        print(json.dumps(import_child(args.import_child, args.rows)))
        return 0
    if not 0 < args.factor <= 1 or not 1 <= args.runs <= 50:
        parser.error("--factor must be above 0 and at most 1, --runs 1 to 50.")
    configure(args.out.resolve())
    started = time.monotonic()
    r = run(args)
    if args.generate_only:
        return 0
    if args.no_pages:
        print(json.dumps(r.imports, indent=2))
        return 0
    judge(r)
    block = render(r)
    print(block)
    if not args.no_readme:
        write_readme(block, r.engine)
    log(f"done in {time.monotonic() - started:.0f} s")
    return 0 if all(ok for _, ok in r.goals) else 1


if __name__ == "__main__":
    sys.exit(main())
