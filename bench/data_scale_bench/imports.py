"""The import of bench/data_scale.py: generated tidy CSV files imported
through data.services.import_path, each in a fresh process."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from scale_bench.config import WHERE
from scale_bench.databases import Engine, use_database
from scale_bench.measure import SECRETARIAT

from data_scale_bench.config import BENCH_DIR, BREAKDOWNS, IMPORT_YEARS, SOURCE_URL, log

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


def measure_imports(engine: Engine, demo: str, sizes: list[int]) -> list[dict[str, Any]]:
    """Import each size's file into a fresh copy of the demo, each in its own
    process; return what each took."""
    from django.db import connections

    results = []
    target = engine.work("import")
    for rows in sizes:
        path = WHERE.out / f"import-{rows}.csv"
        with use_database(demo):
            write_import_file(path, rows)
        connections.close_all()
        engine.copy(demo, target)
        log(f"import {rows:,} rows ({path.stat().st_size / 1e6:,.0f} MB) through import_path")
        env = {**os.environ, "DATABASE_URL": engine.url(target)}
        done = subprocess.run(
            [
                sys.executable,
                str(BENCH_DIR / "data_scale.py"),
                "--import-child",
                str(path),
                "--rows",
                str(rows),
            ],
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
    (WHERE.out / f"imports-{engine.name}.json").write_text(json.dumps(kept, indent=2))
    return results


def kept_imports(engine: Engine) -> tuple[str, list[dict[str, Any]]]:
    """Return when the last import measurement of `engine` ran, and its
    figures (--no-import reports them beside new page figures)."""
    path = WHERE.out / f"imports-{engine.name}.json"
    if not path.exists():
        return "", []
    kept = json.loads(path.read_text())
    return str(kept["measured"]), list(kept["imports"])
