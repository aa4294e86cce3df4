"""
The community at issue 13's sizes (section "Performance (bench/)").

`make bench-community` (or `.venv/bin/python bench/community.py [--factor
0.01] [--database postgres]`):

1. grows two copies of the demo (bench/scale.py's `ensure_demo`): the
   *demo* size, a space of 100 threads with a thread of 20 replies, and the
   *grown* size, a space of 100,000 threads with a thread of 2,000 replies
   (times `--factor`, never below the demo size). Seeded and deterministic:
   the space through `community.services`, its threads and posts written
   in bulk through the models' HubQuerySet managers (`bulk_create`), as
   bench/scale.py grows its data (the services row by row would take an
   hour here); 1% of the threads and replies hidden by a moderator, every
   50th thread the demo partner's, 2 pinned; then ANALYZE
   (core/planner.py). Kept in bench/out/community/ (SQLite) or as the
   PostgreSQL databases `alliance87_communitybench_floor` and
   `alliance87_communitybench`, keyed like bench/scale.py's (factor, seed,
   migrations, demo data and this generator);
2. measures, with bench/scale.py's `measure_pages`, the space's first and
   last page and the long thread's first and last page, as the demo partner
   and the demo Secretariat: CPU per request (this process's and its
   PostgreSQL backend's) with the page cache cleared before each request,
   the demo and the grown database asked in turn, the ratio the median of
   each round's grown/demo ratio, and the queries of each page. Goal: at
   most 2x;
3. posts replies in the long thread through its page's form (the view
   `community:reply`, which calls `community.services.reply`) as the demo
   partner, and counts the queries of each request. Goal: under 20;
4. in a fresh process each, on a copy of the demo with a space of 1,000 and
   then 10,000 subscribers at the digest level (times `--factor`; 95% of
   them in a partner organisation, so that they may see the space) and 3
   posts of the last day: announces the posts (`community.tasks`'
   `fan_out_task`) and sends the digests (`send_due_mail`, the schedule's
   job) to a mail backend that renders every message and discards it.
   Reports digests per second, queries per digest, and memory, measured
   twice: the process's peak (`ru_maxrss`) in the timed run, Python's
   allocations (tracemalloc's peak) in a second run. Goal: every subscriber
   who may see the space gets one digest; the peak at the larger size within
   1.5x of the smaller's, for the fan-out and for the digests;
5. prints the results and writes them between the community markers of
   bench/README.md. Exit 0 when every goal passes, 1 when one fails.

Not part of `make test`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH_DIR))

# bench/community_bench/ and bench/scale_bench/, found through BENCH_DIR
from community_bench.config import (  # noqa: E402
    OUT,
    REPLIES_POSTED,
    Sizes,
    configure,
    log,
    pages,
    subscriber_sizes,
)
from community_bench.digests import digest_child, measure_digests  # noqa: E402
from community_bench.replies import post_replies  # noqa: E402
from community_bench.results import Report, judge, render, write_readme  # noqa: E402
from community_bench.threads import counts, ensure, grown_key, long_thread_pk, settle  # noqa: E402
from scale_bench import measure  # noqa: E402
from scale_bench.config import WHERE  # noqa: E402
from scale_bench.databases import Engine, ensure_demo, generation_seconds, setup_django  # noqa: E402
from scale_bench.generator import demo_hash  # noqa: E402
from scale_bench.measure import measure_pages, side_by_side, write_queries  # noqa: E402

# -- the run ------------------------------------------------------------------------


def run(args: argparse.Namespace) -> Report:
    from django.db import connections

    engine = Engine(args.database)
    WHERE.out.mkdir(parents=True, exist_ok=True)
    setup_django(engine)
    r = Report(
        engine=engine.name,
        factor=args.factor,
        seed=args.seed,
        runs=args.runs,
        started=dt.datetime.now(dt.UTC),
    )
    demo = ensure_demo(engine, demo_hash())
    grown_sizes = Sizes.at(args.factor)
    if not args.no_pages:
        floor, _ = ensure(engine, demo, "floor", Sizes.floor(), args.seed)
        grown, r.generated_now = ensure(engine, demo, "grown", grown_sizes, args.seed)
        key = grown_key(grown_sizes, args.seed, demo_hash())
        r.generation = generation_seconds(engine, key)
        r.database_size = engine.size(grown)
        if args.generate_only:
            return r
        sources = {"demo": floor, "grown": grown}
        for source in sources.values():
            settle(engine, source)
        work = {label: engine.work(label) for label in sources}
        for label, source in sources.items():
            engine.copy(source, work[label])
        log("measure the pages, demo and grown side by side")
        with side_by_side(work) as use:
            for label in sources:
                use(label)
                r.sizes[label] = counts()
            use("grown")
            thread_pk = long_thread_pk()
            measure.PAGES = pages(grown_sizes, thread_pk)
            r.paths = {p.name: p.path for p in measure.PAGES}
            r.hello_ms, r.pages, r.ratios = measure_pages(r.paths, args.runs, use, list(sources))
            log("post replies")
            r.replies = post_replies(thread_pk, use, list(sources), REPLIES_POSTED)
            for label, rep in r.replies.items():
                log(
                    f"  {label}: {rep.queries} queries {rep.parts}, answers {rep.statuses}, "
                    f"CPU {statistics.median(rep.cpu_ms):.1f} ms"
                )
        write_queries(r, WHERE.out / f"queries-{engine.name}.txt")
        (WHERE.out / f"reply-queries-{engine.name}.txt").write_text(
            "\n".join(r.replies["grown"].sql) + "\n"
        )
        connections.close_all()
        if engine.name == "postgres":
            for name in work.values():
                engine.drop(name)
    if not args.no_digest:
        log("digests")
        sizes = (
            [int(n) for n in args.subscribers.split(",")]
            if args.subscribers
            else subscriber_sizes(args.factor)
        )
        r.digests = measure_digests(engine, demo, sizes, args.seed, timed=not args.memory_only)
    if engine.name == "postgres":
        engine.drop(engine.work())
    return r


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--factor", type=float, default=1.0, help="of issue 13's sizes")
    parser.add_argument("--seed", type=int, default=87)
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--runs", type=int, default=5, help="requests per figure (median)")
    parser.add_argument("--no-readme", action="store_true")
    parser.add_argument("--no-pages", action="store_true", help="measure the digests only")
    parser.add_argument("--no-digest", action="store_true", help="measure the pages only")
    parser.add_argument(
        "--subscribers",
        help="the digest's two sizes, e.g. 100,1000 (default: 1,000 and 10,000 times --factor)",
    )
    parser.add_argument(
        "--memory-only", action="store_true", help="the digest's traced run only, not timed"
    )
    parser.add_argument("--generate-only", action="store_true")
    parser.add_argument("--out", type=Path, default=OUT, help="where the databases are kept")
    parser.add_argument("--digest-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--memory", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.digest_child:
        print(json.dumps(digest_child(args.memory)))
        return 0
    if not 0 < args.factor <= 1 or not 1 <= args.runs <= 50:
        parser.error("--factor must be above 0 and at most 1, --runs 1 to 50.")
    configure(args.out.resolve())
    started = time.monotonic()
    r = run(args)
    if args.generate_only:
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
