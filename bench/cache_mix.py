"""
The page cache's hit rate under a steady mix of reads and writes.

A fresh demo database (migrate, loaddemo) in bench/out/cache-mix/, then a
seeded sequence of operations in this process through Django's test
client and the Hub's services: each is, with probability WRITE_SHARE, a
write (one of WRITES, each through its area's service, committed) and
otherwise an anonymous read of one of the main pages (bench/run.py's
PAGES). A read is a hit when the page cache served it (`X-Page-Cache:
hit`). The first pass over the pages warms the cache and is not counted.

The goal (issue 16): at least 85% hits at 95% reads and 5% writes. The
same sequence is also counted as the former cache would have served it
(one version for the whole site, moved by every write), from the same
run's trace: a read would have been a hit there only if the page was read
since the last write of any kind.

    .venv/bin/python bench/cache_mix.py [--operations 4000] [--seed 87]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "cache-mix"
WRITE_SHARE = 0.05
GOAL_HIT_RATE = 0.85

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def setup_django(database: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "alliance87.settings",
            "DATABASE_URL": f"sqlite:///{database}",
            "DEBUG": "false",
            "HTTPS": "false",
            "SECRET_KEY": "cache-mix-bench-" + "x" * 50,
            "ALLOWED_HOSTS": "testserver",
            "LOG_LEVEL": "ERROR",
            "PAGE_CACHE_SECONDS": "3600",
            "STATIC_ROOT": str(database.parent / "static"),
        }
    )
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", "--no-input", verbosity=0)
    call_command("loaddemo", verbosity=0)
    call_command("collectstatic", "--no-input", verbosity=0)


def writes() -> list[tuple[str, Callable[[int], Any]]]:
    """One write of each kind people make on the site, through the
    services, each committed on its own (autocommit)."""
    from django.contrib.auth import get_user_model

    from alliance87.events import services as events
    from alliance87.events.models import Event
    from alliance87.groups.models import Group, NextStep
    from alliance87.groups.services import save_next_step
    from alliance87.partners.models import Organisation
    from alliance87.partners.services import save_organisation
    from alliance87.pathfinders.models import Action
    from alliance87.pathfinders.services import record_progress

    sec = get_user_model().objects.filter(is_staff=True).order_by("pk").first()
    meeting = Event.objects.get(slug="gcg-4")
    group = Group.objects.get(slug="migration")
    organisation = Organisation.objects.order_by("pk").first()
    action = Action.objects.order_by("pk").first()
    assert sec and organisation and action

    def note_exchange(i: int) -> Any:
        return events.record_exchange(
            meeting,
            acting_user=sec,
            question=f"Bench question {i}?",
            asked_by_organisation=organisation,
        )

    def rename(i: int) -> Any:
        organisation.refresh_from_db()
        organisation.website = f"https://example.org/bench-{i}"
        return save_organisation(organisation, acting_user=sec)

    def next_step(i: int) -> Any:
        return save_next_step(NextStep(group=group, text=f"Bench step {i}"), acting_user=sec)

    def progress(i: int) -> Any:
        return record_progress(
            action, acting_user=sec, text=f"Bench progress {i}", date=dt.date.today()
        )

    return [
        ("a question recorded at a meeting", note_exchange),
        ("an organisation's website corrected", rename),
        ("a group's next step", next_step),
        ("a roadmap action's progress", progress),
    ]


def run(
    operations: int, seed: int, pages: Sequence[tuple[str, str]] | None = None
) -> dict[str, Any]:
    """Run the mix over `pages` (name, path), bench/run.py's PAGES unless
    told; bench/scale.py runs it over its own pages on a grown database."""
    from django.test import Client
    from run_bench.config import PAGES  # bench/run.py's pages

    pages = list(pages or PAGES)
    client = Client()
    chosen = writes()
    rng = random.Random(seed)
    for _, path in pages:  # warm
        client.get(path)
    reads = hits = global_hits = 0
    fresh_since_write: set[str] = {path for _, path in pages}
    by_kind: dict[str, int] = {}
    for i in range(operations):
        if rng.random() < WRITE_SHARE:
            label, write = rng.choice(chosen)
            write(i)
            by_kind[label] = by_kind.get(label, 0) + 1
            fresh_since_write.clear()
            continue
        _, path = rng.choice(pages)
        response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
        reads += 1
        hits += response["X-Page-Cache"] == "hit"
        global_hits += path in fresh_since_write
        fresh_since_write.add(path)
    return {
        "pages": len(pages),
        "reads": reads,
        "writes": sum(by_kind.values()),
        "writes by kind": by_kind,
        "hit rate": hits / reads,
        "hit rate, one version for the site": global_hits / reads,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--operations", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=87)
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    setup_django(OUT / "cache-mix.sqlite3")
    result = run(args.operations, args.seed)
    ok = result["hit rate"] >= GOAL_HIT_RATE
    print(
        f"{result['reads']} reads of {result['pages']} pages, "
        f"{result['writes']} writes ({result['writes by kind']})\n"
        f"hit rate {result['hit rate']:.1%} (goal >= {GOAL_HIT_RATE:.0%}: "
        f"{'PASS' if ok else 'FAIL'}); "
        f"one version for the site would give {result['hit rate, one version for the site']:.1%}"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
