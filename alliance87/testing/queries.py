"""A page's queries counted as bench/run.py counts them ("Queries per
page"): the page cache on but empty, after a first visit has done what a
worker does once in its life (a template compiled, a lookup memoised).
Tests never commit, so the cache is emptied by hand (this worker's keys
only: the other workers share Redis)."""

from __future__ import annotations

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from alliance87.testing.fixtures import clear_own_cache


def cold_page(client: Client, url: str) -> tuple[int, str]:
    """Return the number of queries of a visit to `url` with a cold page
    cache, and the page."""
    clear_own_cache()
    client.get(url)
    clear_own_cache()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries), response.content.decode()
