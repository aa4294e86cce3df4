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
import datetime as dt
import json
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH_DIR))

# bench/data_scale_bench/ and bench/scale_bench/, found through BENCH_DIR
from data_scale_bench.config import OUT, PAGES, Sizes, configure, log  # noqa: E402
from data_scale_bench.imports import import_child, kept_imports, measure_imports  # noqa: E402
from data_scale_bench.observations import counts, ensure_grown, grown_key, settle  # noqa: E402
from data_scale_bench.results import Report, judge, render, write_readme  # noqa: E402
from scale_bench.config import WHERE  # noqa: E402
from scale_bench.databases import Engine, ensure_demo, generation_seconds, reuse, setup_django  # noqa: E402
from scale_bench.generator import demo_hash  # noqa: E402
from scale_bench.measure import measure_pages, side_by_side, write_queries  # noqa: E402

# -- the run ------------------------------------------------------------------------


def run(args: argparse.Namespace) -> Report:
    from django.db import connections

    engine = Engine(args.database)
    WHERE.out.mkdir(parents=True, exist_ok=True)
    setup_django(engine)
    dkey = demo_hash()
    gkey = grown_key(args.factor, args.seed, dkey)
    r = Report(
        engine=engine.name,
        factor=args.factor,
        seed=args.seed,
        runs=args.runs,
        started=dt.datetime.now(dt.UTC),
    )
    if args.reuse:
        reuse(engine, "demo", dkey)
        reuse(engine, "grown", gkey)
    demo = ensure_demo(engine, dkey)
    if args.no_pages:  # the import needs the demo alone
        r.imports = measure_imports(engine, demo, Sizes.at(args.factor).import_rows(args.factor))
        if engine.name == "postgres":
            engine.drop(engine.work())
        return r
    r.generated_now = not engine.exists(engine.grown(gkey), gkey)
    grown = ensure_grown(engine, demo, gkey, args.factor, args.seed)
    settle(engine, grown)
    r.generation = generation_seconds(engine, gkey)
    r.database_size = engine.size(grown)
    if args.generate_only:
        log(f"generated: {demo}, {grown}")
        return r
    sources = {"demo": demo, "grown": grown}
    if not args.no_pages:
        log("measure the pages, demo and grown side by side")
        with side_by_side(sources) as use:
            for label in sources:
                use(label)
                r.sizes[label] = counts()
            paths = {p.name: p.path for p in PAGES}
            r.hello_ms, r.pages, r.ratios = measure_pages(paths, args.runs, use, list(sources))
        write_queries(r, WHERE.out / f"queries-{engine.name}.txt")
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
