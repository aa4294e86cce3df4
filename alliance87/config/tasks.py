"""
Background tasks (alliance87.core.tasks, docs/tasks.md), run by `alliance87
worker` with the schedule (which `make demo` and `alliance87 serve
--with-worker` start beside the server). TASKS_BACKEND: "database"
(django-tasks-db: the embedded tier needs no broker) or "rq" (RQ on Redis,
the scale tier); the default is "rq" when REDIS_URL is set.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured

from alliance87.config.caches import REDIS_URL
from alliance87.environment import env, envint

TASKS_BACKEND = env("TASKS_BACKEND", "rq" if REDIS_URL else "database").strip().lower()
# The apps the backend needs, which settings.py adds to INSTALLED_APPS.
TASKS_APPS: list[str] = []
RQ_QUEUES: dict[str, dict[str, Any]] = {}
if TASKS_BACKEND == "rq":
    if not REDIS_URL:
        raise ImproperlyConfigured("TASKS_BACKEND=rq needs REDIS_URL.")
    TASKS_APPS = ["django_rq", "django_tasks_rq"]
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    # A Redis that cannot be reached is known at once (the call is then
    # kept in the database: core.tasks.enqueue_or_keep); no read timeout,
    # which would cut the worker's long wait for the next task.
    _joiner = "&" if "?" in REDIS_URL else "?"
    RQ_QUEUES = {
        "default": {
            "URL": f"{REDIS_URL}{_joiner}socket_connect_timeout=1",
            "DEFAULT_TIMEOUT": envint("TASKS_TIMEOUT_SECONDS", 1800, minimum=10),
        }
    }
elif TASKS_BACKEND == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
else:
    raise ImproperlyConfigured(f'TASKS_BACKEND must be "database" or "rq", not {TASKS_BACKEND!r}.')
# The schedule every worker runs (core/schedule.py): each job queued once
# a period, however many workers. The community's digests go at each
# person's local midnight (daily) or Monday midnight (weekly), the first
# run after it; the same run tidies the outgoing mail.
TASKS_SCHEDULE = {
    "community-mail": {
        "task": "alliance87.community.tasks.community_mail_task",
        "every": envint("COMMUNITY_MAIL_EVERY_SECONDS", 300, minimum=10),
    },
    # Stored files no row names (a write rolled back around its upload):
    # removed once they are FILES_ORPHAN_HOURS old (core/files/sweep.py).
    "files-sweep": {
        "task": "alliance87.core.files.sweep.sweep_files_task",
        "every": 24 * 3600,
    },
}
# Seconds between two looks at the schedule by a worker.
TASKS_SCHEDULE_TICK = 15
# A task ready for longer than this means no worker is taking tasks
# (/healthz says "late").
TASKS_LATE_SECONDS = envint("TASKS_LATE_SECONDS", 120)
