"""The local Redis the tests of RQ use: a database of its own for each
pytest-xdist worker, so that one worker's flush never empties another's
queue."""

from __future__ import annotations

import os


def worker_redis_url() -> str:
    """Database 6 for the first pytest-xdist worker (or no xdist), 7 for
    the second, ...: each worker's queue is its own."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    return f"redis://127.0.0.1:6379/{6 + int(worker.removeprefix('gw') or 0)}"
