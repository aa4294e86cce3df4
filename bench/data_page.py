"""
The /data/ page's CPU per request at demo size and grown, and its HTML
kept to compare before and after a change (issue 14, docs/data.md).

    .venv/bin/python bench/data_page.py --demo DEMO --grown GROWN \\
        [--runs 30] [--dump DIR | --compare DIR]

DEMO and GROWN are database URLs (sqlite:////path or postgres://...),
e.g. the databases `bench/data_scale.py --generate-only --factor 0.01`
keeps (the /data/ page of its first indicator is the same size at any
factor: 200 countries, a 90-row trend). Each round asks /en/data/ of each
database in turn, anonymous, with the page cache off
(PAGE_CACHE_SECONDS=0); the CPU is this process's (`time.process_time`),
so on PostgreSQL it leaves out the server's. Prints the median of each
and the median of each round's ratio.

`--dump DIR` writes what every data page answers on the grown database
(in English, French and Spanish: /data/ for each indicator, each edition
and each breakdown of the first, the downloads in CSV and JSON, the place
pages, what changed, the home page and Nepal's profile) to DIR;
`--compare DIR` answers them again and lists every one that differs,
byte for byte (exit 1). Not part of `make test`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGE = "/en/data/"
LANGUAGES = ("en", "fr", "es")


def setup(url: str, static: Path) -> None:
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "alliance87.settings",
            "DATABASE_URL": url,
            "DEBUG": "false",
            "HTTPS": "false",
            "SECRET_KEY": "data-page-bench-" + "x" * 50,
            "ALLOWED_HOSTS": "testserver",
            "LOG_LEVEL": "ERROR",
            "PAGE_CACHE_SECONDS": "0",
            "STATIC_ROOT": str(static),
        }
    )
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.test.utils import setup_test_environment

    setup_test_environment()  # lets the test client's host in


def connection_to(url: str) -> Any:
    """Return a connection of the default's kind to database `url`."""
    import dj_database_url
    from django.db import connections

    base = connections["default"]
    settings_dict = {**base.settings_dict, **dj_database_url.parse(url)}
    return type(base)(settings_dict, "default")


def paths() -> list[str]:
    """Return the paths compared, in every language (database in use)."""
    from django.contrib.auth.models import AnonymousUser
    from django.urls import reverse
    from django.utils import translation

    from alliance87.data import selectors
    from alliance87.data.models import Geography

    anonymous = AnonymousUser()
    indicators = selectors.indicators_with_data(anonymous)
    first = indicators[0]
    editions = selectors.editions_with(anonymous, first)
    view = selectors.indicator_view(anonymous, first)
    breakdowns = view.breakdowns if view else []
    places = [
        g.code
        for level in Geography.Level
        for g in Geography.objects.filter(level=level).order_by("code")[:2]
    ]
    found: list[str] = []
    for language in LANGUAGES:
        with translation.override(language):
            index = reverse("data:index")
            found.append(index)
            found += [f"{index}?indicator={i.code}" for i in indicators]
            found += [f"{index}?indicator={first.code}&edition={e.pk}" for e in editions]
            found += [
                f"{index}?indicator={first.code}&breakdown={'|'.join(b)}" for b in breakdowns
            ]
            for fmt in ("csv", "json"):
                found.append(reverse("data:download", args=[fmt]) + f"?indicator={first.code}")
            found += [reverse("data:place", args=[code]) for code in places]
            found.append(reverse("data:changes"))
            found.append(f"/{language}/")
            found.append(f"/{language}/countries/npl/")
    return found


def body(response: Any) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return bytes(response.content)


def dump_or_compare(client: Any, target: Path, compare: bool) -> int:
    target.mkdir(parents=True, exist_ok=True)
    differ = 0
    listed = paths()
    for number, path in enumerate(listed):
        response = client.get(path)
        content = f"{response.status_code}\n".encode() + body(response)
        file = target / f"{number:03d}.txt"
        if compare:
            before = file.read_bytes() if file.exists() else b""
            if before != content:
                differ += 1
                print(f"DIFFERS: {path} ({file})")
                (target / f"{number:03d}.after.txt").write_bytes(content)
        else:
            file.write_bytes(content)
    if not compare:
        (target / "paths.txt").write_text("\n".join(listed) + "\n")
    print(f"{len(listed)} pages {'compared' if compare else 'written'}; {differ} differ")
    return 1 if differ else 0


def measure(connections_of: dict[str, Any], runs: int) -> None:
    from django.db import connections
    from django.test import Client

    client = Client()
    samples: dict[str, list[float]] = {label: [] for label in connections_of}
    ratios: list[float] = []
    labels = list(connections_of)
    for label in labels:  # templates compiled, lookups memoised
        connections["default"] = connections_of[label]
        assert client.get(PAGE).status_code == 200
    for round_ in range(runs):
        ms: dict[str, float] = {}
        for label in labels if round_ % 2 == 0 else reversed(labels):
            connections["default"] = connections_of[label]
            started = time.process_time()
            response = client.get(PAGE)
            ms[label] = (time.process_time() - started) * 1000
            assert response.status_code == 200
        for label in labels:
            samples[label].append(ms[label])
        if len(labels) == 2:
            ratios.append(ms[labels[1]] / ms[labels[0]])
    for label in labels:
        print(
            f"{label}: median {statistics.median(samples[label]):.1f} ms CPU "
            f"(min {min(samples[label]):.1f}, {runs} requests)"
        )
    if ratios:
        print(
            f"{labels[1]}/{labels[0]}: median of each round's ratio "
            f"{statistics.median(ratios):.2f}"
        )
    print(f"load average: {os.getloadavg()[0]:.1f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--demo", help="database URL of the demo")
    parser.add_argument("--grown", required=True, help="database URL of the grown database")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument(
        "--static",
        type=Path,
        default=ROOT / "bench" / "out" / "data_scale" / "static",
        help="collected static files (bench/data_scale.py collects them there)",
    )
    parser.add_argument("--dump", type=Path, help="write the data pages' answers here")
    parser.add_argument("--compare", type=Path, help="compare the answers with those here")
    args = parser.parse_args(argv)
    setup(args.grown, args.static)
    from django.db import connections
    from django.test import Client

    if args.dump or args.compare:
        return dump_or_compare(Client(), args.dump or args.compare, compare=bool(args.compare))
    chosen = {"demo": args.demo, "grown": args.grown} if args.demo else {"grown": args.grown}
    opened = {label: connection_to(url) for label, url in chosen.items()}
    base = connections["default"]
    try:
        measure(opened, args.runs)
    finally:
        for conn in opened.values():
            conn.close()
        connections["default"] = base
    return 0


if __name__ == "__main__":
    sys.exit(main())
