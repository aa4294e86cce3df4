"""
The store behind rate limits and lock-outs: shared by every process, and
still counting when the cache server is down.

Page caching may degrade to no cache; rate limits may not. A per-process
memory cache lets two workers admit twice the limit, and a Redis outage
made every sign-in answer 429 (allauth waits for a lock it can never take).
So limits live in their own cache alias, `ratelimit`:

- one machine: Django's database cache (every process shares the
  database);
- many machines: Redis first, and the database cache while Redis cannot be
  reached (`FailoverCache`), with a logged warning. Counts start afresh in
  the fallback, which errs towards admitting a few more attempts, never
  towards locking everyone out.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

logger = logging.getLogger(__name__)

ALIAS = "ratelimit"
# After a failure, the primary is left alone this long, so that an outage
# costs each request one connect timeout at most, not one per cache call.
RETRY_PRIMARY_AFTER = 5.0


class FailoverCache(BaseCache):
    """Use the cache alias OPTIONS["PRIMARY"], or OPTIONS["FALLBACK"] while
    the primary fails."""

    def __init__(self, location: str, params: dict[str, Any]) -> None:
        options = dict(params.get("OPTIONS", {}))
        self.primary: str = options.pop("PRIMARY")
        self.fallback: str = options.pop("FALLBACK")
        super().__init__({**params, "OPTIONS": options})
        self._primary_down_until = 0.0

    def _call(self, method: str, *args: Any, **kwargs: Any) -> Any:
        if time.monotonic() >= self._primary_down_until:
            try:
                return getattr(caches[self.primary], method)(*args, **kwargs)
            except Exception as error:  # any failure of the primary
                self._primary_down_until = time.monotonic() + RETRY_PRIMARY_AFTER
                logger.warning(
                    "Rate limits: the cache %r failed (%s); counting in %r instead",
                    self.primary,
                    error.__class__.__name__,
                    self.fallback,
                )
        return getattr(caches[self.fallback], method)(*args, **kwargs)

    @property
    def primary_available(self) -> bool:
        return time.monotonic() >= self._primary_down_until

    def add(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> Any:
        return self._call("add", key, value, timeout, version=version)

    def get(self, key: Any, default: Any = None, version: Any = None) -> Any:
        return self._call("get", key, default, version=version)

    def set(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None
    ) -> Any:
        return self._call("set", key, value, timeout, version=version)

    def touch(self, key: Any, timeout: Any = DEFAULT_TIMEOUT, version: Any = None) -> Any:
        return self._call("touch", key, timeout, version=version)

    def delete(self, key: Any, version: Any = None) -> Any:
        return self._call("delete", key, version=version)

    def incr(self, key: Any, delta: int = 1, version: Any = None) -> Any:
        return self._call("incr", key, delta, version=version)

    def has_key(self, key: Any, version: Any = None) -> Any:
        return self._call("has_key", key, version=version)

    def clear(self) -> Any:
        return self._call("clear")


def count_hit(key: str, *, window: int) -> int:
    """Count one hit against `key` in a window of `window` seconds that starts
    with the first hit (later hits never extend it); return the count."""
    store = caches[ALIAS]
    store.add(key, 0, window)
    try:
        return int(store.incr(key))
    except ValueError:  # expired or evicted between the two calls
        store.set(key, 1, window)
        return 1


def cache_state() -> str:
    """Return the state of the default cache, for /healthz: "ok", "local"
    (a per-process memory cache: no server to lose) or "unreachable"."""
    from django.core.cache import cache

    client = getattr(cache, "client", None)
    if client is None or not hasattr(client, "get_client"):
        return "local"
    try:
        client.get_client(write=True).ping()
    except Exception:  # any failure: the cache is not there
        return "unreachable"
    return "ok"
