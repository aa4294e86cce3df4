"""Posting replies for bench/community.py: the long thread's form, as the
demo partner, each request's queries split around the service."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from unittest import mock

from scale_bench.measure import PARTNER

from community_bench.config import SPACE

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
