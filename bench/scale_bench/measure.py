"""Measuring the pages of the grown-data benches: each page as each
persona, demo and grown side by side (CPU, weight, queries). Other
benches set PAGES and PERSONAS to theirs (bench/community.py,
bench/data_scale.py)."""

from __future__ import annotations

import contextlib
import gzip
import statistics
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from report import (  # bench/report.py
    GrownReport,
    Measure,
    Measures,
)

from scale_bench.config import log

PARTNER = "partner@demo.alliance87.example"
SECRETARIAT = "secretariat@demo.alliance87.example"
PERSONAS = ("anonymous", "partner", "secretariat")


# -- the pages -------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    name: str
    path: str  # may hold {roadmap}: filled from the database


PAGES: list[Page] = [
    Page("home", "/en/"),
    Page("countries", "/en/countries/"),
    Page("country (Nepal)", "/en/countries/npl/"),
    Page("partners directory", "/en/partners/"),
    Page("partner (ITUC)", "/en/partners/ituc/"),
    Page("pathfinders", "/en/pathfinders/"),
    Page("roadmap (Chile)", "/en/pathfinders/chl/roadmaps/{roadmap}/print/"),
    Page("events", "/en/events/"),
    Page("meeting (4th GCG)", "/en/events/gcg-4/"),
    Page("decisions register", "/en/events/decisions/"),
    Page("action-item tracker", "/en/events/action-items/"),
    Page("groups", "/en/groups/"),
    Page("group (migration)", "/en/groups/migration/"),
    Page("statements", "/en/statements/"),
    Page("statement (Bangkok)", "/en/statements/bangkok-statement/"),
    Page("library", "/en/library/"),
    Page("search (migration)", "/en/search/?q=migration"),
    Page("news", "/en/news/"),
]


def resolve_paths() -> dict[str, str]:
    """Return each page's path, the roadmap's id read from the database
    (the same roadmap of the demo in both databases)."""
    from alliance87.pathfinders.models import Roadmap

    roadmap = Roadmap.objects.filter(pathfinder__country__iso3="CHL").order_by("pk").first()
    return {p.name: p.path.format(roadmap=roadmap.pk if roadmap else 0) for p in PAGES}


# -- measuring the pages ---------------------------------------------------


_ASSETS: dict[str, int] = {}


def _gzip_size(body: bytes) -> int:
    return len(gzip.compress(body, 6))


def _body(response: Any) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return bytes(response.content)


def asset_weight(client: Any, html: bytes) -> int:
    """Return the gzipped bytes of the stylesheets, scripts and images the
    page loads (and what its CSS references), each distinct one once."""
    import urllib.parse

    from run_bench.weight import CSS_URL, ReferenceParser  # bench/run.py's

    parser = ReferenceParser()
    parser.feed(html.decode("utf-8", errors="replace"))
    queue = [u for u in parser.loaded if u.startswith("/") and not u.startswith("//")]
    seen: set[str] = set()
    total = 0
    while queue:
        url = queue.pop(0).split("#")[0]
        if url in seen:
            continue
        seen.add(url)
        if url not in _ASSETS:
            response = client.get(url)
            body = _body(response) if response.status_code == 200 else b""
            _ASSETS[url] = _gzip_size(body) if body else 0
            if url.split("?")[0].endswith(".css") and body:
                text = body.decode("utf-8", errors="replace")
                refs = [m.group(2) or m.group(4) for m in CSS_URL.finditer(text)]
                queue += [urllib.parse.urljoin(url, r) for r in refs if not r.startswith("data:")]
        total += _ASSETS[url]
    return total


@contextlib.contextmanager
def side_by_side(names: dict[str, str]) -> Iterator[Callable[[str], None]]:
    """Open one connection to each database of `names` (label: database)
    and yield a function that makes the one of a label the default: the
    measurement goes back and forth between the demo and the grown
    database, seconds apart, with no reconnection in between."""
    from django.db import connections

    base = connections["default"]
    base.close()
    wrappers = {
        label: type(base)({**base.settings_dict, "NAME": name}, "default")
        for label, name in names.items()
    }

    def use(label: str) -> None:
        connections["default"] = wrappers[label]

    try:
        yield use
    finally:
        for wrapper in wrappers.values():
            wrapper.close()
        connections["default"] = base


def measure_pages(
    paths: dict[str, str], runs: int, use: Callable[[str], None], labels: Sequence[str]
) -> tuple[float, Measures, dict[tuple[str, str], float]]:
    """Measure every page as every persona in each database of `labels`,
    the databases taken in turn for each request (their order reversed
    every other round); return hello's CPU ms, the measures, and for each
    (persona, page) the median of each round's ratio of the last label's
    uncached CPU over the first's."""
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    def backend_cpu_s() -> float:
        """Return the CPU seconds the PostgreSQL backend of this process's
        connection has used (it runs on this machine), 0 on SQLite, whose
        work is this process's own."""
        if connection.vendor != "postgresql":
            return 0.0
        connection.ensure_connection()
        pid = connection.connection.info.backend_pid
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9

    def cpu_ms(client: Any, path: str) -> tuple[float, Any]:
        started = time.process_time() + backend_cpu_s()
        response = client.get(path)
        return (time.process_time() + backend_cpu_s() - started) * 1000, response

    hello = Client()
    hello.get("/bench/hello")
    hello_samples: list[float] = []
    results: Measures = {label: {} for label in labels}
    ratios: dict[tuple[str, str], float] = {}
    for persona in PERSONAS:
        clients = {}
        for label in labels:
            use(label)
            clients[label] = Client()
            if persona != "anonymous":
                email = PARTNER if persona == "partner" else SECRETARIAT
                clients[label].force_login(get_user_model().objects.get(email=email))
        for page in PAGES:
            path = paths[page.name]
            ms_of: dict[str, list[float]] = {label: [] for label in labels}
            failed = False
            for label in labels:
                m = results[label].setdefault((persona, page.name), Measure())
                use(label)
                cache.clear()
                try:
                    first = clients[label].get(path)  # templates compiled, lookups memoised
                    m.status = first.status_code
                    if first.status_code != 200:
                        m.error = f"answered {first.status_code}"
                except Exception as e:  # one page's failure is reported, not fatal
                    m.error = f"{type(e).__name__}: {e}"[:200]
                failed = failed or bool(m.error)
            if failed:
                continue
            for i in range(runs):
                for label in labels if i % 2 == 0 else list(reversed(labels)):
                    use(label)
                    cache.clear()
                    ms_of[label].append(cpu_ms(clients[label], path)[0])
                    hello_samples.append(cpu_ms(hello, "/bench/hello")[0])
            ratios[(persona, page.name)] = statistics.median(
                b / a for a, b in zip(ms_of[labels[0]], ms_of[labels[-1]], strict=True)
            )
            for label in labels:
                m = results[label][(persona, page.name)]
                m.uncached_ms = statistics.median(ms_of[label])
                use(label)
                cache.clear()
                with CaptureQueriesContext(connection) as ctx:
                    response = clients[label].get(path)
                m.queries = len(ctx.captured_queries)
                m.sql = [(float(q["time"]), q["sql"]) for q in ctx.captured_queries]
                html = _body(response)
                m.html_gzip = _gzip_size(html)
                m.weight = m.html_gzip + asset_weight(clients[label], html)
                hits = []
                for _ in range(runs):
                    ms, response = cpu_ms(clients[label], path)
                    hits.append(ms)
                m.cached_ms = statistics.median(hits)
                m.cached_state = response.get("X-Page-Cache", "not cached")
            log(
                f"  {persona:<11} {page.name:<22} "
                + " ".join(
                    f"{label} {results[label][(persona, page.name)].uncached_ms:7.1f} ms"
                    for label in labels
                )
                + f" ({ratios[(persona, page.name)]:.1f}x) {m.queries:3d} q "
                f"{m.weight / 1000:6.1f} KB"
            )
    cache.clear()
    return statistics.median(hello_samples or [0.0]), results, ratios


def write_queries(r: GrownReport, path: Path) -> None:
    """Keep each page's SQL on the grown database, slowest first, with the
    seconds each took (wall clock, this run), for whoever reads a figure."""
    with path.open("w") as out:
        for (persona, name), m in r.pages["grown"].items():
            total = sum(t for t, _ in m.sql)
            out.write(f"# {name} as {persona}: {len(m.sql)} queries, {total * 1000:.1f} ms\n")
            for seconds, sql in sorted(m.sql, reverse=True):
                out.write(f"{seconds * 1000:9.1f} ms  {sql}\n")
            out.write("\n")


def run_mix(paths: dict[str, str], operations: int, seed: int) -> dict[str, Any]:
    """bench/cache_mix.py's 95/5 mix over this bench's pages."""
    import cache_mix as mix  # bench/cache_mix.py
    from django.core.cache import cache

    cache.clear()
    pages = [(p.name, paths[p.name]) for p in PAGES]
    result = mix.run(operations, seed, pages=pages)
    cache.clear()
    return result
