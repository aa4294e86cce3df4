"""What bench/run.py measures and holds it to: the pages, the goals of
DESIGN.md ("Budgets"), where it writes, and its log."""

from __future__ import annotations

import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent.parent  # bench/
ROOT = BENCH_DIR.parent
OUT = BENCH_DIR / "out"
README = BENCH_DIR / "README.md"
START_MARKER = "<!-- results:start -->"
END_MARKER = "<!-- results:end -->"

HOST = "127.0.0.1"
HELLO = "/bench/hello"
PAGES: list[tuple[str, str]] = [
    ("home", "/en/"),
    ("countries", "/en/countries/"),
    ("country (Nepal)", "/en/countries/npl/"),
    ("partners", "/en/partners/"),
    ("pathfinders", "/en/pathfinders/"),
    ("country (Chile)", "/en/countries/chl/"),
    ("events", "/en/events/"),
    ("4th GCG meeting", "/en/events/gcg-4/"),
    ("groups", "/en/groups/"),
    ("group (migration)", "/en/groups/migration/"),
    ("library", "/en/library/"),
    ("library resource", "/en/library/global-supply-chains-report/"),
    ("data", "/en/data/"),
    ("data (regions)", "/en/data/?indicator=modern_slavery_prevalence"),
    ("data (region)", "/en/data/places/asia_pacific/"),
]
# The template page of the server comparison: rendered for every request,
# since those servers run with PAGE_CACHE_SECONDS=0.
TEMPLATE_PAGE = "/en/partners/"

# The goals of DESIGN.md, "Budgets".
GOAL_HELLO_SHARE = 0.50  # public page, anonymous visitor, of hello's req/s
GOAL_SIGNED_IN_SHARE = 0.15  # a page rendered for a signed-in user
GOAL_TAIL_RATIO = 2.0  # p99 at most 2x p50
GOAL_WEIGHT_BYTES = 60_000  # first load, compressed; 1 KB = 1,000 bytes
# "A small constant": the counts must not move with the data, and stay
# under this ceiling, below the 20 rows of a directory page, so that one
# query per row cannot hide on a list whose page shows 20 rows either way.
QUERY_CEILING = 15
# Counted for queries only: the directory filtered to Nepal, whose rows the
# grown database multiplies (few in the demo, a full page of 20 after).
# The signed-in visitor of section 1b: a partner, who sees partners-only
# rows and has no role (a secretariat account must pass MFA first).
SIGNED_IN_PERSONA = "partner@demo.alliance87.example"
QUERY_ONLY_PAGES: list[tuple[str, str]] = [("partners in Nepal", "/en/partners/?country=npl")]
EXTRA_ORGANISATIONS = 200
# Above this many cores taken by other processes, the report warns that the
# throughput figures are unreliable.
BUSY_CORES = 0.2

# Variables that would change what is measured if inherited from the shell.
SCRUBBED_ENV = (
    "REDIS_URL",
    "DATABASE_URL_FILE",
    "SECRET_KEY_FILE",
    "PAGE_CACHE_SECONDS",
    "SECURE_PROXY_SSL_HEADER_NAME",
    "SERVE_WORKERS",
    "STATIC_ROOT",
    "GUNICORN_CMD_ARGS",
    "WEB_CONCURRENCY",
)

WRK_MISSING = (
    "wrk, the load generator, is not installed. Install it with\n"
    "    sudo apt-get update && sudo apt-get install -y wrk\n"
    "(Debian/Ubuntu; `brew install wrk` on macOS)."
)
FALLBACK_WARNING = (
    "Falling back to the bench's Python load generator, which shares the GIL "
    "and the cores with the servers: its figures are lower and noisier than "
    "wrk's (--loadgen wrk refuses to fall back)."
)


class BenchError(Exception):
    """A step of the bench could not run; the message says which and why."""


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)
