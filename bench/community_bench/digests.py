"""The digest of bench/community.py: a space of subscribers, then the
fan-out and the digests in a fresh process each, timed and traced."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scale_bench.databases import Engine, use_database
from scale_bench.generator import timed_step
from scale_bench.measure import SECRETARIAT
from scale_bench.rows import _create

from community_bench.config import BENCH_DIR, DIGEST_POSTS, DIGEST_SPACE, SEEING_SHARE, log
from community_bench.threads import _text, bench_space, partner_of_old

# -- the digest ----------------------------------------------------------------


class CountingBackend:
    """A mail backend that renders every message as it would go out, counts
    it and its bytes, and discards it."""

    messages = 0
    bytes = 0

    def __init__(self, fail_silently: bool = False, **kwargs: Any) -> None:
        pass

    def open(self) -> bool:
        return True

    def close(self) -> None:
        pass

    def send_messages(self, email_messages: Any) -> int:
        for message in email_messages:
            CountingBackend.bytes += len(message.message().as_bytes())
            CountingBackend.messages += 1
        return len(email_messages)


def grow_subscribers(count: int, seed: int) -> dict[str, int]:
    """Add `count` accounts following the digest space at the digest level
    (daily, UTC, in English, French or Spanish), most of them people of a
    partner organisation, and the space's posts of the last day (written
    quietly: they are announced by the measured run)."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from alliance87.community import notify, services
    from alliance87.community.models import Level, Preferences, SpaceMember
    from alliance87.partners.models import Organisation, Person

    rng = random.Random(seed)
    space = bench_space(DIGEST_SPACE, "Bench digest space (generated, illustrative)")
    partners = list(
        Organisation.objects.filter(is_partner=True).order_by("pk").values_list("pk", flat=True)
    )
    user_model = get_user_model()
    users = _create(
        user_model,
        [
            user_model(
                username=f"bench-subscriber-{i:05d}",
                email=f"bench-subscriber-{i:05d}@bench.example",
                password="!community-bench",
                first_name="Subscriber",
                last_name=str(i),
            )
            for i in range(count)
        ],
    )
    seeing = [u for u in users if rng.random() < SEEING_SHARE]
    _create(
        Person,
        [
            Person(
                slug=f"bench-subscriber-{u.pk}",
                name=f"Subscriber {u.pk}",
                organisation_id=rng.choice(partners),
                position="Officer",
                user_id=u.pk,
            )
            for u in seeing
        ],
    )
    _create(SpaceMember, [SpaceMember(space=space, user=u, level=Level.DIGEST) for u in users])
    _create(
        Preferences,
        [
            Preferences(user=u, language=("en", "fr", "es")[u.pk % 3], time_zone="UTC")
            for u in users
        ],
    )
    # The posts: in the last whole day (UTC), so that tonight's digest holds them.
    end = notify.window_end(timezone.now(), "daily", "UTC")
    secretariat = user_model.objects.get(email=SECRETARIAT)
    author = partner_of_old()
    thread = services.start_thread(
        space,
        acting_user=secretariat,
        title="Generated thread of the digest (illustrative)",
        body=_text(rng, 1),
        imported=services.Imported(author=author, created=end - dt.timedelta(hours=12)),
    )
    for n in range(DIGEST_POSTS - 1):
        services.reply(
            thread,
            acting_user=secretariat,
            body=_text(rng, n + 2),
            imported=services.Imported(author=author, created=end - dt.timedelta(hours=11 - n)),
        )
    return {"subscribers": count, "who may see the space": len(seeing)}


def digest_child(memory: bool) -> dict[str, Any]:
    """In a fresh process (the database in DATABASE_URL): announce the
    digest space's posts and send the digests that are due; return what
    each took. `memory`: trace Python's allocations (tracemalloc's peak per
    step) instead of timing."""
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection

    from alliance87.community import tasks
    from alliance87.community.models import Notification, Post

    settings.EMAIL_BACKEND = f"{__name__}.CountingBackend"
    # What a process loads once, whatever the number of subscribers: each
    # language's catalogue, the emails' templates.
    from django.contrib.auth import get_user_model
    from django.template.loader import get_template
    from django.utils import translation

    from alliance87.community import notify
    from alliance87.community.models import Preferences

    get_template("community/email/notification.txt")
    nobody = get_user_model()(email="warm-up@bench.example")
    end = dt.datetime.now(dt.UTC)
    for code, _name in settings.LANGUAGES:  # an empty digest in each language, not sent
        with translation.override(code):
            translation.gettext("Community")
        prefs = Preferences(user=nobody, language=code)
        notify.digest_message(prefs, [], end - dt.timedelta(days=1), end).message().as_bytes()
    queries = 0

    def counting(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    def backend_cpu_s() -> float:
        if connection.vendor != "postgresql":
            return 0.0
        connection.ensure_connection()
        pid = connection.connection.info.backend_pid
        return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9

    post_ids = list(
        Post.objects.filter(thread__space__slug=DIGEST_SPACE)
        .order_by("created", "pk")
        .values_list("pk", flat=True)
    )
    result: dict[str, Any] = {"rss_before_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}

    def step(name: str, fn: Callable[[], Any]) -> Any:
        nonlocal queries
        queries = 0
        if memory:
            tracemalloc.start()
        started, cpu = time.monotonic(), time.process_time() + backend_cpu_s()
        with connection.execute_wrapper(counting):
            value = fn()
        took = {
            "seconds": time.monotonic() - started,
            "cpu_seconds": time.process_time() + backend_cpu_s() - cpu,
            "queries": queries,
        }
        if memory:
            took["traced_peak_mb"] = tracemalloc.get_traced_memory()[1] / 1e6
            tracemalloc.stop()
        result[name] = took
        return value

    step("fan-out", lambda: [tasks.fan_out_task.call(pk) for pk in post_ids])
    result["notifications"] = Notification.objects.filter(post_id__in=post_ids).count()
    result["outcomes"] = step("digest", tasks.send_due_mail)
    result["messages"] = CountingBackend.messages
    result["message_bytes"] = CountingBackend.bytes
    result["rss_peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["rss_before_mb"] = result["rss_before_mb"] / 1024
    return result


def measure_digests(
    engine: Engine, demo: str, sizes: list[int], seed: int, timed: bool = True
) -> list[dict[str, Any]]:
    """For each number of subscribers: a copy of the demo with them, then a
    timed run and a traced run, each in a fresh process on its own copy."""
    from django.db import connections

    results = []
    source = engine.work("digest_source")
    target = engine.work("digest")
    for count in sizes:
        engine.copy(demo, source)
        with use_database(source):
            made = timed_step(
                {},
                f"{count:,} subscribers",
                lambda: grow_subscribers(count, seed),  # noqa: B023 - called at once
                say=log,
            )
        connections.close_all()
        result: dict[str, Any] = dict(made)
        for memory in (False, True) if timed else (True,):
            engine.copy(source, target)
            env = {**os.environ, "DATABASE_URL": engine.url(target)}
            args = [sys.executable, str(BENCH_DIR / "community.py"), "--digest-child"] + (
                ["--memory"] if memory else []
            )
            done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                log(done.stderr[-3000:])
                result["error"] = f"failed ({done.returncode})"
                break
            child = json.loads(done.stdout.strip().splitlines()[-1])
            result["traced" if memory else "timed"] = child
        if "timed" in result:
            t = result["timed"]
            log(
                f"  {count:,} subscribers: fan-out {t['fan-out']['seconds']:.1f} s "
                f"({t['notifications']:,} notifications), {t['messages']:,} digests in "
                f"{t['digest']['seconds']:.1f} s, peak {t['rss_peak_mb']:.0f} MB"
                + (
                    f", traced peaks {result['traced']['fan-out']['traced_peak_mb']:.1f} / "
                    f"{result['traced']['digest']['traced_peak_mb']:.1f} MB"
                    if "traced" in result
                    else ""
                )
            )
        if "traced" in result:
            m = result["traced"]
            log(
                f"  {count:,} subscribers, traced: {m['notifications']:,} notifications, "
                f"{m['messages']:,} digests, peaks {m['fan-out']['traced_peak_mb']:.2f} / "
                f"{m['digest']['traced_peak_mb']:.2f} MB"
            )
        results.append(result)
    connections.close_all()
    engine.drop(source)
    engine.drop(target)
    return results
