"""Logging (settings.py's header: LOG_LEVEL): every record to the console,
at LOG_LEVEL and above."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from alliance87.environment import env

LOG_LEVEL = env("LOG_LEVEL", "INFO").upper()
if LOG_LEVEL not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
    raise ImproperlyConfigured(f"LOG_LEVEL must be a logging level, not {LOG_LEVEL!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # django-redis logs each ignored outage; keep it, but once per line.
        "django_redis": {"level": "WARNING"},
    },
}
