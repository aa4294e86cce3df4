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
import math
import os
import random
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest import mock

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH_DIR))

import scale  # noqa: E402 - bench/scale.py, found through BENCH_DIR
from report import GrownReport, fmt, run_header, verdict, write_block  # noqa: E402 - bench/report.py

README = BENCH_DIR / "README.md"
OUT = BENCH_DIR / "out" / "community"

# Issue 13's sizes at --factor 1, and the demo size they are held against.
FULL_THREADS = 100_000
FULL_REPLIES = 2_000
FLOOR_THREADS = 100
FLOOR_REPLIES = 20
FULL_SUBSCRIBERS = (1_000, 10_000)
DIGEST_POSTS = 3  # a thread and two replies, in the last day
SEEING_SHARE = 0.95  # of the subscribers, in a partner organisation
HIDDEN_SHARE = 0.01  # of the threads and replies, hidden by a moderator
AUTHORS = 50
SPACE = "bench-space"
DIGEST_SPACE = "bench-digest-space"
# The pages' sizes (community.selectors).
THREADS_PER_PAGE = 25
POSTS_PER_PAGE = 30

GOAL_CPU_RATIO = 2.0
GOAL_REPLY_QUERIES = 20  # under
GOAL_MEMORY_RATIO = 1.5
REPLIES_POSTED = 5

PG_DEMO = "alliance87_communitybench_demo"
PG_FLOOR = "alliance87_communitybench_floor"
PG_GROWN = "alliance87_communitybench"
PG_WORK = "alliance87_communitybench_work"
REDIS_URL = os.environ.get("COMMUNITY_BENCH_REDIS_URL", "redis://127.0.0.1:6379/8")
PARTNER = scale.PARTNER
SECRETARIAT = scale.SECRETARIAT
PERSONAS = ("partner", "secretariat")


def log(message: str) -> None:
    print(f"[community] {message}", file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Sizes:
    threads: int
    replies: int

    @classmethod
    def at(cls, factor: float) -> Sizes:
        return cls(
            threads=max(FLOOR_THREADS, round(FULL_THREADS * factor)),
            replies=max(FLOOR_REPLIES, round(FULL_REPLIES * factor)),
        )

    @classmethod
    def floor(cls) -> Sizes:
        return cls(threads=FLOOR_THREADS, replies=FLOOR_REPLIES)

    @property
    def space_pages(self) -> int:
        return math.ceil(self.threads / THREADS_PER_PAGE)

    @property
    def thread_pages(self) -> int:
        return math.ceil((self.replies + 1) / POSTS_PER_PAGE)


def subscriber_sizes(factor: float) -> list[int]:
    small, large = FULL_SUBSCRIBERS
    return [max(100, round(small * factor)), max(1000, round(large * factor))]


def pages(grown: Sizes, thread_pk: int) -> list[scale.Page]:
    """The measured pages. A deep page is asked by the grown database's
    number: Django's paginator shows the last page for a number beyond it,
    so the demo database shows its last page. The middle page is the
    deepest: a space's listing reads a page of its second half from the
    other end (community.selectors.FromNearerEnd)."""
    thread = f"/en/community/{SPACE}/{thread_pk}/"
    space = f"/en/community/{SPACE}/"
    return [
        scale.Page("space, first page", space),
        scale.Page("space, middle page", f"{space}?page={grown.space_pages // 2}"),
        scale.Page("space, last page", f"{space}?page={grown.space_pages}"),
        scale.Page("long thread, first page", thread),
        scale.Page("long thread, last page", f"{thread}?page={grown.thread_pages}"),
    ]


def configure(out: Path) -> None:
    """Point bench/scale.py's helpers at this bench's databases."""
    scale.WHERE.out = out
    scale.PG_DEMO, scale.PG_GROWN, scale.PG_WORK = PG_DEMO, PG_GROWN, PG_WORK
    scale.REDIS_URL = REDIS_URL
    scale.PERSONAS = PERSONAS  # type: ignore[assignment]
    # Background work on the database queue (not RQ), on every engine.
    os.environ["TASKS_BACKEND"] = "database"


# -- the generator ---------------------------------------------------------

WORDS = scale.WORDS


def _text(rng: random.Random, n: int) -> str:
    """A post of about 300 characters of Markdown (illustrative)."""
    words = " ".join(rng.choice(WORDS) for _ in range(30))
    link = " See [the glossary](/en/library/glossary/)." if n % 10 == 0 else ""
    return f"Generated post {n} (illustrative): **{rng.choice(WORDS)}** and {words}.{link}"


def bench_people(count: int) -> list[int]:
    """Return the ids of `count` generated authors (accounts with no usable
    password and no organisation), made if missing."""
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    names = [f"bench-author-{i:03d}" for i in range(count)]
    held = set(user_model.objects.filter(username__in=names).values_list("username", flat=True))
    user_model.objects.bulk_create(
        [
            user_model(
                username=name,
                email=f"{name}@bench.example",
                password="!community-bench",
                first_name="Author",
                last_name=name.rsplit("-", 1)[1],
            )
            for name in names
            if name not in held
        ]
    )
    return list(
        user_model.objects.filter(username__in=names).order_by("pk").values_list("pk", flat=True)
    )


def bench_space(slug: str, name: str) -> Any:
    """The bench's space for partners, through community.services."""
    from django.contrib.auth import get_user_model

    from alliance87.community import services
    from alliance87.community.models import Space, SpaceKind
    from alliance87.core.visibility import Visibility

    found = Space.objects.filter(slug=slug).first()
    if found is not None:
        return found
    secretariat = get_user_model().objects.get(email=SECRETARIAT)
    return services.save_space(
        Space(
            slug=slug,
            name=name,
            kind=SpaceKind.COMMONS,
            visibility=Visibility.PARTNERS,
            description="Generated by bench/community.py (illustrative).",
        ),
        acting_user=secretariat,
    )


def partner_of_old() -> Any:
    """The demo partner, on the Hub for two months: their posts are
    published at once (a new account's are held for review)."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    users = get_user_model().objects.filter(email=PARTNER)
    users.update(date_joined=timezone.now() - dt.timedelta(days=60))
    return users.get()


def grow_threads(rng: random.Random, sizes: Sizes) -> None:
    """The long thread first (so that it has the same id in every
    database grown from one demo), then the space's other threads, each
    with its opening post."""
    from alliance87.community.models import Post, PostState, Thread

    space = bench_space(SPACE, "Bench space (generated, illustrative)")
    partner = partner_of_old()
    authors = bench_people(AUTHORS)
    start = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    half_hour = dt.timedelta(minutes=30)
    replies_end = start + half_hour * sizes.replies
    thread = Thread.objects.create(
        space=space,
        title="Generated long thread (illustrative)",
        author_id=authors[0],
        created=start,
        last_activity=replies_end,
        reply_count=0,
    )
    posts = [Post(thread=thread, author_id=authors[0], body=_text(rng, 0), created=start)]
    for n in range(1, sizes.replies + 1):
        hidden = rng.random() < HIDDEN_SHARE
        posts.append(
            Post(
                thread=thread,
                author_id=partner.pk if n % 50 == 0 else rng.choice(authors),
                body=_text(rng, n),
                created=start + half_hour * n,
                state=PostState.HIDDEN if hidden else PostState.PUBLISHED,
                moderation_reason="Generated (illustrative)." if hidden else "",
            )
        )
    scale._create(Post, posts)
    shown = sum(1 for p in posts[1:] if p.state == PostState.PUBLISHED)
    Thread.objects.filter(pk=thread.pk).update(reply_count=shown)
    # The other threads, one every few minutes over two years before it.
    step = dt.timedelta(days=730) / sizes.threads
    first = start - dt.timedelta(days=730)
    threads = []
    for i in range(sizes.threads - 1):
        created = first + step * i
        hidden = rng.random() < HIDDEN_SHARE
        threads.append(
            Thread(
                space=space,
                title=f"Generated thread {i}: {scale._name(rng, i)} (illustrative)",
                author_id=partner.pk if i % 50 == 0 else rng.choice(authors),
                created=created,
                last_activity=created + dt.timedelta(minutes=rng.randrange(1, 600)),
                reply_count=rng.randrange(0, 12),
                pinned=i in (7, 11),
                state=PostState.HIDDEN if hidden else PostState.PUBLISHED,
            )
        )
    made = scale._create(Thread, threads)
    scale._create(
        Post,
        [
            Post(
                thread_id=t.pk,
                author_id=t.author_id,
                body=_text(rng, i),
                created=t.created,
                state=t.state,
            )
            for i, t in enumerate(made)
        ],
    )


def grow(sizes: Sizes, seed: int) -> dict[str, float]:
    """Grow the database the default connection points at to `sizes`;
    return the seconds each step took."""
    from alliance87.core.planner import refresh_statistics
    from alliance87.search import following

    rng = random.Random(seed)
    took: dict[str, float] = {}
    # The search index would follow each batch of threads and posts (hours
    # at 100,000 threads); the pages measured do not read it, so it is left
    # as the demo's (a reply then indexes its thread, as on the site).
    with mock.patch.object(following, "note", lambda *args, **kwargs: None):
        scale.timed_step(took, "threads and posts", lambda: grow_threads(rng, sizes), say=log)
    scale.timed_step(took, "ANALYZE", refresh_statistics, say=log)
    return took


GENERATOR: list[Callable[..., Any]] = [
    Sizes.at,
    _text,
    bench_people,
    bench_space,
    partner_of_old,
    grow_threads,
    grow,
]


def grown_key(sizes: Sizes, seed: int, demo: str) -> str:
    held = scale.GENERATOR
    scale.GENERATOR = GENERATOR
    try:
        return scale.grown_key(sizes.threads * 1_000_000 + sizes.replies, seed, demo)
    finally:
        scale.GENERATOR = held


def database_of(engine: scale.Engine, kind: str, key: str) -> str:
    """The kept database of `kind` ("floor": the demo size, or "grown")."""
    if engine.name == "sqlite":
        return str(scale.WHERE.out / f"{kind}-{key}.sqlite3")
    return PG_FLOOR if kind == "floor" else PG_GROWN


def ensure(
    engine: scale.Engine, demo: str, kind: str, sizes: Sizes, seed: int
) -> tuple[str, bool]:
    """Return the database of `kind` grown to `sizes` from `demo` (made if
    missing; the seconds its generation took are kept beside it), and
    whether it was made now."""
    key = grown_key(sizes, seed, scale.demo_hash())
    name = database_of(engine, kind, key)
    if engine.exists(name, key):
        return name, False
    tmp = name + ".tmp" if engine.name == "sqlite" else name + "_tmp"
    engine.copy(demo, tmp)
    log(f"grow {name}: {sizes}")
    started = time.monotonic()
    with scale.use_database(tmp):
        took = grow(sizes, seed)
    took["total"] = time.monotonic() - started
    if engine.name == "sqlite":  # older ones serve no key any more
        for old in scale.WHERE.out.glob(f"{kind}-*.sqlite3"):
            engine.drop(str(old))
    engine.rename(tmp, name)
    engine.mark(name, key)
    (scale.WHERE.out / f"generation-{engine.name}-{key}.json").write_text(json.dumps(took))
    return name, True


def settle(engine: scale.Engine, name: str) -> None:
    """PostgreSQL: VACUUM the threads and posts, as autovacuum does some
    time after a bulk load, so that the listing's index-only scans need not
    visit the table (bench/data_scale.py's `settle` likewise). SQLite:
    nothing to do."""
    if engine.name != "postgres":
        return
    import psycopg

    with psycopg.connect(engine.url(name), autocommit=True) as conn:
        for table in ("community_thread", "community_post"):
            conn.execute(f"VACUUM (ANALYZE) {table}")


def counts() -> dict[str, int]:
    from alliance87.community.models import Post, Space, Thread

    space = Space.objects.get(slug=SPACE)
    long_thread = Thread.objects.filter(space=space).order_by("pk").first()
    return {
        "threads in the space": Thread.objects.filter(space=space).count(),
        "posts in the long thread": Post.objects.filter(thread=long_thread).count(),
        "posts in the space": Post.objects.filter(thread__space=space).count(),
    }


def long_thread_pk() -> int:
    from alliance87.community.models import Thread

    return int(
        Thread.objects.filter(space__slug=SPACE).order_by("pk").values_list("pk", flat=True)[0]
    )


# -- posting a reply -----------------------------------------------------------


@dataclass
class Replies:
    queries: list[int] = field(default_factory=list)  # the whole request's
    # Of the last request: the queries before the service, the service's
    # own (its transaction and what runs after its commit), those after.
    parts: tuple[int, int, int] = (0, 0, 0)
    own: int = 0  # of the service's: its own transaction's, to its COMMIT
    cpu_ms: list[float] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)
    sql: list[str] = field(default_factory=list)  # of the last one


def post_replies(
    thread_pk: int, use: Callable[[str], None], labels: list[str], count: int
) -> dict[str, Replies]:
    """Post `count` replies in the long thread through its page's form, as
    the demo partner, in each database in turn; count each request's
    queries (the background work is queued, on the database queue), and
    which of them the service made (`services.reply`, with what runs after
    its transaction commits: the page cache's versions, the search index,
    the queue)."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from alliance87.community import services

    path = f"/en/community/{SPACE}/{thread_pk}/reply/"
    clients: dict[str, Any] = {}
    for label in labels:
        use(label)
        clients[label] = Client()
        clients[label].force_login(get_user_model().objects.get(email=PARTNER))
        clients[label].post(path, {"body": "A first reply, before the count (illustrative)."})
    out = {label: Replies() for label in labels}
    real = services.reply
    marks: list[int] = []
    ctx: Any = None

    def counted(*args: Any, **kwargs: Any) -> Any:
        marks.append(len(ctx.captured_queries))
        try:
            return real(*args, **kwargs)
        finally:
            marks.append(len(ctx.captured_queries))

    with mock.patch.object(services, "reply", counted):
        for i in range(count):
            for label in labels if i % 2 == 0 else list(reversed(labels)):
                use(label)
                body = f"Reply {i} of the bench, for @partner (illustrative)."
                marks.clear()
                started = time.process_time()
                with CaptureQueriesContext(connection) as ctx:
                    response = clients[label].post(path, {"body": body})
                out[label].cpu_ms.append((time.process_time() - started) * 1000)
                total = len(ctx.captured_queries)
                out[label].queries.append(total)
                out[label].statuses.append(response.status_code)
                out[label].sql = [q["sql"] for q in ctx.captured_queries]
                if len(marks) == 2:
                    out[label].parts = (marks[0], marks[1] - marks[0], total - marks[1])
                    sql = out[label].sql[marks[0] : marks[1]]
                    ends = [i for i, q in enumerate(sql) if q.startswith(("COMMIT", "RELEASE"))]
                    out[label].own = ends[0] + 1 if ends else len(sql)
    return out


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
    users = scale._create(
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
    scale._create(
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
    scale._create(
        SpaceMember, [SpaceMember(space=space, user=u, level=Level.DIGEST) for u in users]
    )
    scale._create(
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
    engine: scale.Engine, demo: str, sizes: list[int], seed: int, timed: bool = True
) -> list[dict[str, Any]]:
    """For each number of subscribers: a copy of the demo with them, then a
    timed run and a traced run, each in a fresh process on its own copy."""
    from django.db import connections

    results = []
    source = engine.work("digest_source")
    target = engine.work("digest")
    for count in sizes:
        engine.copy(demo, source)
        with scale.use_database(source):
            made = scale.timed_step(
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
            args = [sys.executable, __file__, "--digest-child"] + (["--memory"] if memory else [])
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


# -- the report -------------------------------------------------------------------


@dataclass
class Report(GrownReport):
    paths: dict[str, str] = field(default_factory=dict)
    replies: dict[str, Replies] = field(default_factory=dict)
    digests: list[dict[str, Any]] = field(default_factory=list)


def judge(r: Report) -> None:
    worst: tuple[float, str] = (0.0, "")
    errors = []
    for (persona, name), g in r.pages.get("grown", {}).items():
        d = r.pages["demo"][(persona, name)]
        q = r.ratios.get((persona, name))
        if q is None or d.error or g.error:
            errors.append(f"{name} as {persona}")
            continue
        worst = max(worst, (q, f"{name} as {persona}"))
    if r.pages:
        r.goals.append(
            (
                f"uncached CPU per page, grown ≤ {GOAL_CPU_RATIO:.0f}× demo, every page and "
                f"persona (highest: {worst[1]}, {worst[0]:.1f}×)",
                worst[0] <= GOAL_CPU_RATIO and not errors,
            )
        )
    if errors:
        r.goals.append((f"every page answers 200 (not: {', '.join(errors)})", False))
    if r.replies:
        most = max(max(rep.queries) for rep in r.replies.values())
        posted = all(s == 302 for rep in r.replies.values() for s in rep.statuses)
        r.goals.append(
            (
                f"posting a reply (the thread's form) under {GOAL_REPLY_QUERIES} queries, "
                f"demo and grown (most: {most})",
                most < GOAL_REPLY_QUERIES and posted,
            )
        )
    done = [dg for dg in r.digests if "timed" in dg and "traced" in dg]
    for dg in r.digests:
        if "error" in dg:
            r.goals.append((f"the digest run for {dg['subscribers']:,} subscribers", False))
    for dg in done:
        sent = dg["timed"]["messages"]
        r.goals.append(
            (
                f"{dg['subscribers']:,} subscribers: one digest each for the "
                f"{dg['who may see the space']:,} who may see the space ({sent:,} sent)",
                sent == dg["who may see the space"],
            )
        )
    if len(done) >= 2:
        small, large = done[0], done[-1]
        for phase in ("fan-out", "digest"):
            a = small["traced"][phase]["traced_peak_mb"]
            b = large["traced"][phase]["traced_peak_mb"]
            q = b / a if a else float("inf")
            r.goals.append(
                (
                    f"{phase}: memory bounded, traced peak at {large['subscribers']:,} "
                    f"subscribers ≤ {GOAL_MEMORY_RATIO}× the peak at {small['subscribers']:,} "
                    f"({b:.1f} MB / {a:.1f} MB = {q:.2f}×)",
                    q <= GOAL_MEMORY_RATIO,
                )
            )


def render(r: Report) -> str:
    if not r.sizes:  # --no-pages: no databases grown
        r.sizes = {"demo": {}, "grown": {}}
    lines = run_header(r, "bench-community", "####")
    lines += ["", "| goal (issue 13) | result |", "|---|---|"]
    lines += [f"| {text} | {verdict(ok)} |" for text, ok in r.goals]
    if r.pages:
        lines += [
            "",
            "CPU ms per request (median), this process's"
            + (" and its PostgreSQL backend's" if r.engine == "postgres" else "")
            + ", page cache cleared before each request (*uncached*); *cached*: a repeat "
            "view. The demo and the grown database are asked in turn, request by request; "
            "*grown/demo* is the median of each round's ratio. A deep page is asked by the "
            "grown database's number, which the demo database answers with its last "
            f"page. Hello: {r.hello_ms:.2f} ms.",
            "",
            f"| page | as | demo ms | grown ms | grown/demo (goal ≤ {GOAL_CPU_RATIO:.0f}) | "
            "cached ms (grown) | KB grown | queries demo | queries grown |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for persona in PERSONAS:
            for name, path in r.paths.items():
                d, g = r.pages["demo"][(persona, name)], r.pages["grown"][(persona, name)]
                label = f"{name} `{path}`"
                if d.error or g.error:
                    lines.append(
                        f"| {label} | {persona} | {d.error or '–'} | {g.error or '–'} | "
                        "**FAIL** ||||| "
                    )
                    continue
                q = r.ratios.get((persona, name), 0.0)
                lines.append(
                    f"| {label} | {persona} | {fmt(d.uncached_ms)} | "
                    f"{fmt(g.uncached_ms)} | {q:.1f}× {verdict(q <= GOAL_CPU_RATIO)} | "
                    f"{fmt(g.cached_ms)} | {g.weight / 1000:.1f} | {d.queries} | "
                    f"{g.queries} |"
                )
    if r.replies:
        lines += [
            "",
            f"Posting a reply in the long thread through its form (`community:reply`, "
            f"then `services.reply`), as the demo partner, {REPLIES_POSTED} times in each "
            "database: the queries of each request (the redirect answered, the "
            "announcement queued on the database queue), and its CPU.",
            "",
            "| database | queries (goal < 20) | before the service | the service: its "
            "transaction + after its commit | after | CPU ms (median) | answers |",
            "|---|---:|---:|---:|---:|---:|---|",
        ]
        for label, rep in r.replies.items():
            answers = ", ".join(sorted({str(s) for s in rep.statuses}))
            lines.append(
                f"| {label} | {min(rep.queries)}–{max(rep.queries)} "
                f"{verdict(max(rep.queries) < GOAL_REPLY_QUERIES)} | {rep.parts[0]} | "
                f"{rep.own} + {rep.parts[1] - rep.own} | {rep.parts[2]} | "
                f"{fmt(statistics.median(rep.cpu_ms))} | {answers} |"
            )
    if r.digests:
        lines += [
            "",
            f"Digests: a copy of the demo with a space of N subscribers at the digest level "
            f"({SEEING_SHARE:.0%} in a partner organisation, so that they may see it) and "
            f"{DIGEST_POSTS} posts of the last day; in a fresh process, the posts announced "
            "(`tasks.fan_out_task`) then the schedule's job (`tasks.send_due_mail`), every "
            "message rendered and discarded. *CPU*: the process's"
            + (" and its PostgreSQL backend's" if r.engine == "postgres" else "")
            + ". *Peak*: the process's maximum resident memory (`ru_maxrss`), before: after "
            "Django's setup; *traced*: the peak of Python's allocations in each step, "
            "tracemalloc on (a second run, not timed).",
            "",
            "| subscribers | step | seconds | CPU s | per second | queries each | "
            "traced peak MB | MB before / peak |",
            "|---:|---|---:|---:|---:|---:|---:|---:|",
        ]
        for dg in r.digests:
            if "timed" not in dg:
                lines.append(f"| {dg['subscribers']:,} | {dg.get('error', '')} |||||||")
                continue
            t, m = dg["timed"], dg.get("traced", {})
            rss = f"{t['rss_before_mb']:,.0f} / {t['rss_peak_mb']:,.0f}"
            for phase, unit, n in (
                ("fan-out", "notifications", t["notifications"]),
                ("digest", "digests", t["messages"]),
            ):
                s = t[phase]
                traced = m.get(phase, {}).get("traced_peak_mb")
                lines.append(
                    f"| {dg['subscribers']:,} | {phase} ({n:,} {unit}) | {s['seconds']:,.1f} | "
                    f"{s['cpu_seconds']:,.1f} | {n / s['seconds'] if s['seconds'] else 0:,.0f} | "
                    f"{s['queries'] / n if n else 0:,.1f} | "
                    f"{'–' if traced is None else f'{traced:,.1f}'} | {rss} |"
                )
    return "\n".join(lines) + "\n"


def write_readme(block: str, engine: str) -> None:
    """Replace this engine's block between its markers in bench/README.md."""
    start, end = f"<!-- community-{engine}:start -->", f"<!-- community-{engine}:end -->"
    write_block(README, block, start, end, log)


# -- the run ------------------------------------------------------------------------


def run(args: argparse.Namespace) -> Report:
    from django.db import connections

    engine = scale.Engine(args.database)
    scale.WHERE.out.mkdir(parents=True, exist_ok=True)
    scale.setup_django(engine)
    r = Report(
        engine=engine.name,
        factor=args.factor,
        seed=args.seed,
        runs=args.runs,
        started=dt.datetime.now(dt.UTC),
    )
    demo = scale.ensure_demo(engine, scale.demo_hash())
    grown_sizes = Sizes.at(args.factor)
    if not args.no_pages:
        floor, _ = ensure(engine, demo, "floor", Sizes.floor(), args.seed)
        grown, r.generated_now = ensure(engine, demo, "grown", grown_sizes, args.seed)
        key = grown_key(grown_sizes, args.seed, scale.demo_hash())
        r.generation = scale.generation_seconds(engine, key)
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
        with scale.side_by_side(work) as use:
            for label in sources:
                use(label)
                r.sizes[label] = counts()
            use("grown")
            thread_pk = long_thread_pk()
            scale.PAGES = pages(grown_sizes, thread_pk)
            r.paths = {p.name: p.path for p in scale.PAGES}
            r.hello_ms, r.pages, r.ratios = scale.measure_pages(
                r.paths, args.runs, use, list(sources)
            )
            log("post replies")
            r.replies = post_replies(thread_pk, use, list(sources), REPLIES_POSTED)
            for label, rep in r.replies.items():
                log(
                    f"  {label}: {rep.queries} queries {rep.parts}, answers {rep.statuses}, "
                    f"CPU {statistics.median(rep.cpu_ms):.1f} ms"
                )
        scale.write_queries(r, scale.WHERE.out / f"queries-{engine.name}.txt")
        (scale.WHERE.out / f"reply-queries-{engine.name}.txt").write_text(
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
