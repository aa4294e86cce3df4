"""Run the background tasks and the schedule: one command on both tiers."""

from __future__ import annotations

import logging
import threading
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends

from alliance87.core import schedule
from alliance87.core.tasks import uses_rq

logger = logging.getLogger(__name__)


def run_schedule(stop: threading.Event, interval: float) -> None:
    """Tick the schedule every `interval` seconds until `stop` is set; an
    error (the database or Redis away) is logged and the next tick tries
    again."""
    while not stop.wait(interval):
        try:
            schedule.tick()
        except Exception:
            logger.exception("The schedule's tick failed; trying again at the next")
        finally:
            # This thread's connection, not left open between ticks.
            connections.close_all()


class Command(BaseCommand):
    help = (
        "Run the background tasks (the database queue, or RQ with REDIS_URL) "
        "and the schedule (the community's digests)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--batch",
            action="store_true",
            help="Tick the schedule once, run the tasks that are ready, then stop.",
        )
        parser.add_argument(
            "--no-schedule",
            action="store_true",
            help="Run tasks only; leave the schedule to other workers.",
        )
        parser.add_argument(
            "--schedule-interval",
            type=float,
            default=settings.TASKS_SCHEDULE_TICK,
            help="Seconds between two looks at the schedule (default: %(default)s).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        interval = options["schedule_interval"]
        if interval <= 0:
            raise CommandError("--schedule-interval must be more than 0 seconds.")
        stop = threading.Event()
        if not options["no_schedule"]:
            schedule.tick()
            if not options["batch"]:
                threading.Thread(
                    target=run_schedule, args=(stop, interval), name="schedule", daemon=True
                ).start()
        try:
            if uses_rq():
                self.run_rq(batch=options["batch"], verbosity=options["verbosity"])
            else:
                self.run_database(batch=options["batch"], verbosity=options["verbosity"])
        finally:
            stop.set()

    def run_database(self, *, batch: bool, verbosity: int) -> None:
        argv = ["--queue-name", "*", "--no-reload"]
        if batch:
            argv += ["--batch", "--no-startup-delay"]
        call_command("db_worker", *argv, verbosity=verbosity)

    def run_rq(self, *, batch: bool, verbosity: int) -> None:
        """Run RQ's worker as django-rq's `rqworker` does, with the job
        class of django-tasks-rq and RQ's own scheduler, which moves the
        tasks queued for later (retries, quiet hours) onto their queue."""
        from django_rq.utils import reset_db_connections
        from django_rq.workers import get_worker
        from rq.logutils import setup_loghandlers
        from rq.worker import SimpleWorker

        level = "DEBUG" if verbosity >= 2 else "WARNING" if verbosity == 0 else "INFO"
        setup_loghandlers(level)
        queues = sorted(task_backends[DEFAULT_TASK_BACKEND_ALIAS].queues)
        rq_worker = get_worker(*queues, job_class="django_tasks_rq.Job")
        if not isinstance(rq_worker, SimpleWorker):
            # Close the database connections before RQ forks a job's process.
            reset_db_connections()
        rq_worker.work(burst=batch, with_scheduler=True, logging_level=level)
