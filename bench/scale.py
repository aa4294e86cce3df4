"""
The Hub at a hundred times the demo's data (issue 16, item 5).

`make bench-scale` (or `.venv/bin/python bench/scale.py [--factor 0.1]
[--database postgres]`):

1. grows a copy of the demo (migrate, loaddemo) to the sizes of issue 16,
   times `--factor`: 50,000 organisations, 10,000 accounts, 20,000
   meetings with about 460,000 record rows (participants, agenda items,
   exchanges, decisions, action items) and 40 pathfinders with about 200
   roadmap actions each. The generator is seeded (`--seed`) and
   deterministic. Pathfinders, roadmaps and their actions go through the
   pathfinders' services; the bulk (organisations, accounts, meetings and
   their records, endorsements, memberships) is written with the models'
   HubQuerySet `bulk_create`, its derived fields (search and sort names,
   a meeting's last day) set by the services' own helpers: the services
   row by row would take hours here. The grown database is kept in
   bench/out/scale/ (SQLite) or as the PostgreSQL database
   `alliance87_scale`, keyed by the factor, the seed and a hash of the
   migrations, the demo data and the generator, so that a second run does
   not grow it again; then ANALYZE (core/planner.py);
2. measures every page type in this process with Django's test client, at
   demo size and grown, as anonymous, the demo partner and the demo
   Secretariat: CPU per request (time.process_time, median of --runs) with
   the page cache cleared before each request ("uncached") and as a page
   cache hit, the page's weight (HTML gzipped plus its same-origin
   stylesheets, scripts and images, gzipped) and its queries;
3. runs the 95% read / 5% write mix of bench/cache_mix.py on a copy of the
   grown database, over the pages of this bench;
4. prints the results and writes them between the scale markers of
   bench/README.md. Exit 0 when every goal passes, 1 when one fails.

Not part of `make test`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH_DIR))

# bench/scale_bench/, found through BENCH_DIR
from scale_bench.config import WHERE, log  # noqa: E402
from scale_bench.databases import (  # noqa: E402
    Engine,
    counts,
    ensure_demo,
    ensure_grown,
    generation_seconds,
    reuse,
    setup_django,
    use_database,
    vacuum,
)
from scale_bench.generator import demo_hash, grown_key  # noqa: E402
from scale_bench.measure import (  # noqa: E402
    PAGES,
    measure_pages,
    resolve_paths,
    run_mix,
    side_by_side,
    write_queries,
)
from scale_bench.results import Report, judge, render, write_readme  # noqa: E402

# -- the run -------------------------------------------------------------------


def run(args: argparse.Namespace) -> tuple[Report, dict[str, str]]:
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
    r.generated_now = not engine.exists(engine.grown(gkey), gkey)
    grown = ensure_grown(engine, demo, gkey, args.factor, args.seed)
    r.generation = generation_seconds(engine, gkey)
    r.database_size = engine.size(grown)
    if args.generate_only:
        log(f"generated: {demo}, {grown}")
        return r, {}
    sources = {"demo": demo, "grown": grown}
    if engine.name == "postgres":
        for source in sources.values():
            vacuum(source)
    work = {label: engine.work(label) for label in sources}
    for label, source in sources.items():
        engine.copy(source, work[label])
    log("measure the pages, demo and grown side by side")
    with side_by_side(work) as use:
        for label in sources:
            use(label)
            r.sizes[label] = counts()
        use("demo")
        paths = resolve_paths()
        r.hello_ms, r.pages, r.ratios = measure_pages(paths, args.runs, use, list(sources))
    if args.operations:
        for label, source in sources.items():
            log(f"95/5 mix, {label}")
            engine.copy(source, work[label])
            with use_database(work[label]):
                r.mix[label] = run_mix(paths, args.operations, args.seed)
    connections.close_all()
    if engine.name == "postgres":
        for name in work.values():
            engine.drop(name)
    write_queries(r, WHERE.out / f"queries-{engine.name}.txt")
    judge(r)
    return r, paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--factor", type=float, default=1.0, help="of the sizes of issue 16 (default 1)"
    )
    parser.add_argument("--seed", type=int, default=87)
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--runs", type=int, default=5, help="requests per figure (median)")
    parser.add_argument(
        "--operations", type=int, default=2000, help="of the 95/5 mix (0: leave it out)"
    )
    parser.add_argument("--no-readme", action="store_true")
    parser.add_argument(
        "--pages",
        default="",
        help="measure only the pages whose name contains one of these comma-separated "
        "words (e.g. statement,tracker); implies --no-readme",
    )
    parser.add_argument("--out", type=Path, default=WHERE.out, help="where the databases are kept")
    parser.add_argument(
        "--readme", type=Path, default=WHERE.readme, help="where results are written"
    )
    parser.add_argument(
        "--generate-only", action="store_true", help="make the databases, measure nothing"
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="migrate the kept databases to the current migrations instead of growing anew",
    )
    args = parser.parse_args(argv)
    if not 0 < args.factor <= 1 or not 1 <= args.runs <= 50:
        parser.error("--factor must be above 0 and at most 1, --runs 1 to 50.")
    WHERE.out, WHERE.readme = args.out.resolve(), args.readme.resolve()
    if args.pages:
        words = [w.strip() for w in args.pages.split(",") if w.strip()]
        PAGES[:] = [p for p in PAGES if any(w in p.name for w in words)]
        if not PAGES:
            parser.error(f"--pages {args.pages!r} names no page.")
        args.no_readme = True  # a partial block would replace the whole one
    started = time.monotonic()
    r, paths = run(args)
    if args.generate_only:
        log(f"done in {time.monotonic() - started:.0f} s")
        return 0
    block = render(r, paths)
    print(block)
    if not args.no_readme:
        write_readme(block, r.engine)
        log(f"results written to {WHERE.readme}")
    log(f"done in {time.monotonic() - started:.0f} s")
    return 0 if all(ok for _, ok in r.goals) else 1


if __name__ == "__main__":
    sys.exit(main())
