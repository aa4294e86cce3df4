"""
Measure the site search against issue 12's goals, in one run.

`make bench-search` (or `.venv/bin/python bench/search.py --docs N`) builds,
for each engine (SQLite FTS5 in a file under bench/out/, PostgreSQL in a
throw-away database `a87_bench_search_<n>` on $BENCH_PG, default
postgres://postgres@127.0.0.1:5432), a corpus of N statements and one of
10,000, and reports:

- the index build time (`search.index.rebuild`: read, fold, stem, write)
  and its size;
- the search page's latency p50/p95 (the whole page through Django's test
  client, anonymous, page cache off) against the bare engine's own ranked
  query for the same query mix run directly in SQL (goal: p95 ≤ 1.5×);
- the search page's CPU (this process: Django, and SQLite, which runs in
  it; PostgreSQL's backend is another process) at N against 10,000
  (goal ≤ 3×);
- how many documents the facet counts read per query: never more than the
  capped matches (search.query.CAP), whatever N.

The corpus: statements written in English, with French (60%) and Spanish
(45%) versions, titles of 6 to 14 words and summaries of 30 to 120, words
drawn by their frequency in real text of the three languages (the seed
documents, the Hub's French and Spanish catalogues) plus a long tail of
rare made-up words; visibility public 85%, partners 8%, members 4%,
secretariat 3%; one of 40 countries and one of 20 themes each, years
2010–2025. Each engine and size runs in its own process (Django reads its
database once). Results go to bench/README-search.md's markers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
OUT = BENCH_DIR / "out"
REPORT = BENCH_DIR / "README-search.md"
SMALL = 10_000
QUERIES = 200
SEED = 87
_WORD = re.compile(r"[^\W\d_]{3,}")


# --- The corpus ----------------------------------------------------------


def vocabulary() -> dict[str, tuple[list[str], list[int]]]:
    """Words and their counts per language, from real text of the Hub."""
    counts: dict[str, dict[str, int]] = {"en": {}, "fr": {}, "es": {}}

    def add(lang: str, text: str) -> None:
        for word in _WORD.findall(text.lower()):
            counts[lang][word] = counts[lang].get(word, 0) + 1

    seeds = Path("/work/shared/seeds")
    for path in sorted(seeds.glob("*.txt")) if seeds.exists() else []:
        add("en", path.read_text(errors="ignore"))
    for lang in ("fr", "es"):
        po = ROOT / "alliance87" / "locale" / lang / "LC_MESSAGES" / "django.po"
        for line in po.read_text().splitlines():
            if line.startswith("msgid"):
                add("en", line)
            elif line.startswith(("msgstr", '"')):
                add(lang, line)
    rng = random.Random(SEED)
    out = {}
    for lang, found in counts.items():
        words = list(found)
        weights = [found[w] for w in words]
        # The long tail of a real corpus: rare words, names, typos.
        for _ in range(30_000):
            words.append(
                "".join(
                    rng.choice("bcdfglmnprstvz") + rng.choice("aeiou")
                    for _ in range(rng.randint(2, 4))
                )
            )
            weights.append(1)
        out[lang] = (words, weights)
    return out


def make_corpus(n: int) -> None:
    """Write `n` statements, bypassing the index (it is built afterwards)."""
    from django.db import models, transaction

    from alliance87.statements.models import Statement

    vocab = {
        lang: (words, list(itertools.accumulate(weights)))
        for lang, (words, weights) in vocabulary().items()
    }
    rng = random.Random(SEED)
    levels = ["public"] * 85 + ["partners"] * 8 + ["members"] * 4 + ["secretariat"] * 3

    def text(lang: str, low: int, high: int) -> str:
        words, cumulative = vocab[lang]
        return " ".join(rng.choices(words, cum_weights=cumulative, k=rng.randint(low, high)))

    plain: models.QuerySet[Statement] = models.QuerySet(
        Statement
    )  # no HubQuerySet: no signal, no index
    batch: list[Statement] = []
    for i in range(n):
        fields: dict[str, Any] = {}
        for lang, share in (("en", 1.0), ("fr", 0.6), ("es", 0.45)):
            if rng.random() < share:
                fields[f"title_{lang}"] = text(lang, 6, 14)[:200]
                fields[f"summary_{lang}"] = text(lang, 30, 120)
        year = 2010 + i % 16
        batch.append(
            Statement(
                slug=f"bench-{i}",
                title=fields["title_en"],
                visibility=rng.choice(levels),
                date_start=dt.date(year, 1 + i % 12, 1),
                **fields,
            )
        )
        if len(batch) == 5000:
            with transaction.atomic():
                plain.bulk_create(batch)
            batch = []
    if batch:
        plain.bulk_create(batch)


def bench_provider() -> None:
    """The statements' provider, with a country and a theme each (the real
    one has no facets): the facet counts are measured too."""
    from alliance87.core import hooks
    from alliance87.core.text import texts_by_language
    from alliance87.countries.models import Country
    from alliance87.statements.search import PROVIDER, entry

    countries = list(Country.objects.order_by("iso3")[:40])
    facets = [
        hooks.SearchFacet("country", c.iso3, texts_by_language(c, "name")) for c in countries
    ]
    themes = [hooks.SearchFacet("theme", f"theme-{n}", {"en": f"Theme {n}"}) for n in range(20)]

    def with_facets(statement: Any) -> hooks.SearchEntry:
        base = entry(statement)
        pk = statement.pk
        return hooks.SearchEntry(
            titles=base.titles,
            bodies=base.bodies,
            access=base.access,
            year=base.year,
            facets=(facets[pk % len(facets)], themes[pk % len(themes)]),
        )

    hooks.SEARCH_PROVIDERS.register(
        hooks.SearchProvider(
            kind=PROVIDER.kind,
            label=PROVIDER.label,
            model=PROVIDER.model,
            rows=PROVIDER.rows,
            entry=with_facets,
            visible=PROVIDER.visible,
            url=PROVIDER.url,
            order=PROVIDER.order,
        )
    )


def query_mix() -> list[str]:
    """Broad words (the tail of the latency), pairs, rare words, names."""
    vocab = vocabulary()
    rng = random.Random(SEED + 1)
    commons = {
        lang: sorted(range(len(words)), key=lambda j: -weights[j])[:300]
        for lang, (words, weights) in vocab.items()
    }
    queries = []
    for i in range(QUERIES):
        lang = ("en", "en", "fr", "es")[i % 4]
        words, weights = vocab[lang]
        common = commons[lang]
        kind = i % 10
        if kind < 4:  # one common word
            queries.append(words[rng.choice(common[:150])])
        elif kind < 7:  # two words
            queries.append(f"{words[rng.choice(common)]} {words[rng.choice(common)]}")
        elif kind < 9:  # a rarer word
            queries.append(rng.choices(words, weights)[0])
        else:  # three words
            queries.append(" ".join(words[rng.choice(common)] for _ in range(3)))
    return queries


# --- One engine, one size (a child process) --------------------------------


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def child(engine: str, docs: int) -> dict[str, Any]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from alliance87.search import query as search_query
    from alliance87.search.analysis import query_terms
    from alliance87.search.engines import engine as current_engine
    from alliance87.search.index import rebuild

    call_command("migrate", verbosity=0)
    bench_provider()
    print(f"… generating {docs:,}", file=sys.stderr, flush=True)
    started = time.monotonic()
    make_corpus(docs)
    generated = time.monotonic() - started
    print(f"… indexing {docs:,}", file=sys.stderr, flush=True)
    started = time.monotonic()
    rebuild()
    build = time.monotonic() - started
    eng = current_engine()
    size = eng.size_bytes()

    queries = query_mix()
    client = Client()
    # Warm up: the first queries load the index pages into memory.
    queries = [q for q in queries if query_terms(q)[0]]  # stop words only: no query
    for q in queries[:20]:
        client.get("/en/search/", {"q": q})
        eng.bare(query_terms(q)[0], 20)
    bare, page, cpu, facet_docs = [], [], [], []
    for q in queries:
        terms = query_terms(q)[0]
        t0 = time.perf_counter()
        eng.bare(terms, 20)
        bare.append(time.perf_counter() - t0)
        c0, t0 = time.process_time(), time.perf_counter()
        response = client.get("/en/search/", {"q": q})
        page.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        assert response.status_code == 200, (q, response.status_code)
        where = search_query.access_where(None)
        facet_docs.append(len(eng.search(terms, where, search_query.CAP)))
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_searchdocument")
        indexed = cursor.fetchone()[0]
    return {
        "engine": engine,
        "docs": docs,
        "indexed": indexed,
        "generate_s": round(generated, 1),
        "build_s": round(build, 1),
        "size_mb": round(size / 1e6, 1),
        "bare_p50_ms": round(pct(bare, 50) * 1000, 2),
        "bare_p95_ms": round(pct(bare, 95) * 1000, 2),
        "page_p50_ms": round(pct(page, 50) * 1000, 2),
        "page_p95_ms": round(pct(page, 95) * 1000, 2),
        "page_cpu_mean_ms": round(statistics.mean(cpu) * 1000, 2),
        "facet_docs_max": max(facet_docs),
        "cap": search_query.CAP,
    }


def database_url(engine: str, docs: int) -> str:
    if engine == "sqlite":
        OUT.mkdir(exist_ok=True)
        path = OUT / f"search-{docs}.sqlite3"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite:///{path}"
    base = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
    name = f"a87_bench_search_{docs}"
    subprocess.run(
        ["psql", f"{base}/postgres", "-qc", f"DROP DATABASE IF EXISTS {name}"], check=True
    )
    subprocess.run(["psql", f"{base}/postgres", "-qc", f"CREATE DATABASE {name}"], check=True)
    return f"{base}/{name}"


def run_child(engine: str, docs: int) -> dict[str, Any]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url(engine, docs),
        DJANGO_SETTINGS_MODULE="alliance87.settings",
        DEBUG="true",
        PAGE_CACHE_SECONDS="0",
        ALLOWED_HOSTS="testserver",
    )
    env.pop("REDIS_URL", None)
    print(f"… {engine}, {docs:,} documents", file=sys.stderr, flush=True)
    done = subprocess.run(
        [sys.executable, __file__, "--child", engine, "--docs", str(docs)],
        env=env,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- The report ------------------------------------------------------------


def report(results: list[dict[str, Any]], docs: int) -> tuple[str, bool]:
    lines = [
        f"Corpus: {docs:,} statements (and {SMALL:,} for the CPU ratio), "
        f"{QUERIES} queries; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
        "",
        "| engine | docs | build | size | bare p50 / p95 | page p50 / p95 | p95 ratio (≤ 1.5) "
        "| page CPU | CPU vs 10k (≤ 3) | facet docs read (max) |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    ok = True
    small = {r["engine"]: r for r in results if r["docs"] == SMALL}
    for r in results:
        ratio = r["page_p95_ms"] / max(r["bare_p95_ms"], 1e-6)
        base = small.get(r["engine"])
        cpu_ratio = r["page_cpu_mean_ms"] / base["page_cpu_mean_ms"] if base else 1.0
        big = r["docs"] != SMALL
        passed = ratio <= 1.5 and (cpu_ratio <= 3 or not big) and r["facet_docs_max"] <= r["cap"]
        ok = ok and passed
        lines.append(
            f"| {r['engine']} | {r['docs']:,} | {r['build_s']} s | {r['size_mb']} MB "
            f"| {r['bare_p50_ms']} / {r['bare_p95_ms']} ms | {r['page_p50_ms']} / "
            f"{r['page_p95_ms']} ms | {ratio:.2f} {'PASS' if ratio <= 1.5 else 'FAIL'} "
            f"| {r['page_cpu_mean_ms']} ms | "
            + (f"{cpu_ratio:.2f} {'PASS' if cpu_ratio <= 3 else 'FAIL'}" if big else "—")
            + f" | {r['facet_docs_max']} (cap {r['cap']}) |"
        )
    return "\n".join(lines), ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1_000_000)
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument("--child", default="")
    args = parser.parse_args()
    if args.child:
        sys.path.insert(0, str(ROOT))
        print(json.dumps(child(args.child, args.docs)))
        return 0
    results = []
    for engine in args.engines.split(","):
        for docs in (SMALL, args.docs) if args.docs != SMALL else (SMALL,):
            results.append(run_child(engine, docs))
            print(json.dumps(results[-1]), file=sys.stderr, flush=True)
    text, ok = report(results, args.docs)
    print(text)
    REPORT.write_text(
        "# Search benchmark: latest results\n\n`make bench-search` (bench/search.py; its"
        " docstring says what it measures).\n\n" + text + "\n"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
