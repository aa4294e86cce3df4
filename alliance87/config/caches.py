"""
The caches (settings.py's header: REDIS_URL): Redis when REDIS_URL is set,
else a small local-memory cache in each process; and the rate limits'
counts, which must count across every process and through a Redis outage.
"""

from __future__ import annotations

from typing import Any

from alliance87.environment import env

REDIS_URL = env("REDIS_URL")
CACHES: dict[str, dict[str, Any]]
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "a87",
            "OPTIONS": {
                # A Redis outage must slow nothing down and fail nothing:
                # short timeouts, and errors read as cache misses.
                "SOCKET_CONNECT_TIMEOUT": 0.2,
                "SOCKET_TIMEOUT": 0.2,
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "alliance87",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }
    # django-redis's and Django's defaults.
    DJANGO_REDIS_IGNORE_EXCEPTIONS = False
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = False
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Rate limits and lock-outs (alliance87.core.ratelimit) count across every
# process and keep counting through a Redis outage: the database cache on
# one machine; Redis, then the database cache while Redis is down, on many.
CACHES["ratelimit-db"] = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "a87_ratelimit",
}
if REDIS_URL:
    CACHES["ratelimit-redis"] = {
        **CACHES["default"],
        "KEY_PREFIX": "a87-rl",
        "OPTIONS": {
            "SOCKET_CONNECT_TIMEOUT": 0.2,
            "SOCKET_TIMEOUT": 0.2,
            # Errors must reach FailoverCache, which then counts elsewhere.
            "IGNORE_EXCEPTIONS": False,
        },
    }
    CACHES["ratelimit"] = {
        "BACKEND": "alliance87.core.ratelimit.FailoverCache",
        "OPTIONS": {"PRIMARY": "ratelimit-redis", "FALLBACK": "ratelimit-db"},
    }
else:
    CACHES["ratelimit"] = CACHES["ratelimit-db"]
