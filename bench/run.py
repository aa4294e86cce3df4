"""
Measure the Hub against the budgets of DESIGN.md, in one run.

`make bench` (or `.venv/bin/python bench/run.py`) builds a throw-away copy of
the demo under bench/out/, then:

1. counts the database queries of each page for an anonymous visitor with
   a cold page cache, with the demo data and again with 200 more
   organisations, in this process with Django's test client;
2. serves the demo with the production server (`alliance87 serve`) and
   weighs each page's first load (HTML plus every same-origin stylesheet,
   script and image it references, as served with `Accept-Encoding: br,
   gzip`), looking for third-party references and web fonts;
3. measures throughput and latency of the public pages at 16 connections
   against /bench/hello on the same server, in the same rounds;
4. compares the candidate production servers side by side on hello and on
   a page rendered afresh for every request (page cache off), and measures
   the other pages rendered afresh too.

It prints the results, writes them between the markers of bench/README.md
and exits 0 when every goal passes, 1 when one fails, 2 on an error. Every
server it starts runs on 127.0.0.1 in its own process group, which it stops
on the way out, whatever happened.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import signal
import sys
import time
from types import FrameType
from typing import Any

from run_bench.config import (
    HELLO,
    OUT,
    PAGES,
    QUERY_ONLY_PAGES,
    README,
    ROOT,
    SIGNED_IN_PERSONA,
    TEMPLATE_PAGE,
    BenchError,
    log,
)
from run_bench.load import choose_load_generator
from run_bench.queries import count_queries, signed_in_cookie, write_queries
from run_bench.results import Results, judge, render, write_readme
from run_bench.servers import granian_default_server, gunicorn_server, production_server
from run_bench.setup import prepare
from run_bench.timing import Cell, check_url, measure
from run_bench.weight import weigh_page

# -- the run ---------------------------------------------------------------


def run(args: argparse.Namespace) -> Results:
    generator_name, load = choose_load_generator(args.loadgen)
    r = Results(
        started=dt.datetime.now(dt.UTC),
        seconds=args.seconds,
        rounds=args.rounds,
        connections=args.connections,
        generator=generator_name,
        load_before=os.getloadavg(),
    )
    setup = prepare(OUT)

    log("queries per page (test client)")
    r.queries = count_queries([path for _, path in PAGES + QUERY_ONLY_PAGES], setup)
    write_queries(r.queries, OUT / "queries.txt")
    cookie = signed_in_cookie(SIGNED_IN_PERSONA)

    kwargs: dict[str, Any] = {
        "seconds": args.seconds,
        "rounds": args.rounds,
        "connections": args.connections,
        "others": r.others,
    }
    with production_server(setup, "production", page_cache=True) as server:
        log("first-load weight")
        r.weights = [weigh_page(server.base, path) for _, path in PAGES]
        log("throughput of the pages against hello")
        r.hello = Cell(server, HELLO)
        r.pages = [(name, Cell(server, path)) for name, path in PAGES]
        r.signed_in = [(name, Cell(server, path, cookie=cookie)) for name, path in PAGES]
        measure([r.hello, *(c for _, c in r.pages), *(c for _, c in r.signed_in)], load, **kwargs)
        for _, cell in r.pages + r.signed_in:
            headers = check_url(cell.url, cell.cookie)
            state = headers.get("x-page-cache", "not cached")
            r.page_cache_state[cell.cookie + cell.path] = state

    if not args.skip_servers:
        log("server comparison")
        with contextlib.ExitStack() as stack:
            candidates = [gunicorn_server(setup, "gunicorn")]
            candidates.append(production_server(setup, "granian-prod", page_cache=False))
            if not args.skip_granian_default:
                candidates.append(granian_default_server(setup, "granian-default"))
            for server in candidates:
                stack.enter_context(server)
            pairs = [(Cell(s, HELLO), Cell(s, TEMPLATE_PAGE)) for s in candidates]
            # The other pages rendered afresh too: what a signed-in visitor,
            # who never gets the page cache, costs at least.
            production = next(p for p in pairs if p[0].server.name == "granian-prod")
            r.uncached_hello = production[0]
            r.uncached = [
                (
                    name,
                    production[1] if path == TEMPLATE_PAGE else Cell(production[0].server, path),
                )
                for name, path in PAGES
            ]
            extra = [c for _, c in r.uncached if c is not production[1]]
            # hello on every server, then the page on every server.
            cells = [h for h, _ in pairs] + [p for _, p in pairs] + extra
            measure(cells, load, **kwargs)
            r.servers = pairs

    r.load_after = os.getloadavg()
    judge(r)
    return r


def _raise_on_term(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(f"stopped by signal {signum}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--seconds", type=float, default=2, help="length of one measurement (default 2)"
    )
    parser.add_argument(
        "--rounds", type=int, default=5, help="measurements per page and server (default 5)"
    )
    parser.add_argument("--connections", type=int, default=16, help="concurrent connections")
    parser.add_argument("--loadgen", choices=("auto", "wrk", "python"), default="auto")
    parser.add_argument(
        "--skip-servers", action="store_true", help="leave out the server comparison"
    )
    parser.add_argument(
        "--skip-granian-default",
        action="store_true",
        help="leave granian's default threads out of the comparison",
    )
    parser.add_argument(
        "--no-readme", action="store_true", help="print the results, leave README.md alone"
    )
    args = parser.parse_args(argv)
    if not 1 <= args.seconds <= 60 or not 1 <= args.rounds <= 10:
        parser.error("--seconds must be 1 to 60 and --rounds 1 to 10.")
    if not 1 <= args.connections <= 1000:
        parser.error("--connections must be 1 to 1000.")
    # A `kill` of the bench unwinds like Ctrl-C, so every server is stopped.
    signal.signal(signal.SIGTERM, _raise_on_term)
    started = time.monotonic()
    try:
        results = run(args)
    except BenchError as e:
        log(f"error: {e}")
        return 2
    report = render(results)
    print(report)
    if not args.no_readme:
        write_readme(report)
        log(f"results written to {README.relative_to(ROOT)}")
    log(f"done in {time.monotonic() - started:.0f} s")
    return 0 if results.passed else 1


if __name__ == "__main__":
    sys.exit(main())
