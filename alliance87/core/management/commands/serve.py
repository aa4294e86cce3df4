"""Serve the Hub with the production WSGI server (granian)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser


def parse_addr(addr: str) -> tuple[str, int]:
    host, sep, port = addr.rpartition(":")
    if not sep or not host:
        raise CommandError(f"--addr must be HOST:PORT, e.g. 127.0.0.1:8000, not {addr!r}.")
    try:
        number = int(port)
    except ValueError:
        raise CommandError(f"--addr port must be a number, not {port!r}.") from None
    if not 0 < number < 65536:
        raise CommandError(f"--addr port must be between 1 and 65535, not {number}.")
    return host.strip("[]"), number


def server_argv(host: str, port: int, workers: int) -> list[str]:
    """Return the granian command line the benchmarks chose (bench/README.md).

    One blocking thread per worker: granian's default of many threads per
    worker loses on template pages, where the GIL serialises them anyway.
    """
    return [
        sys.executable,
        "-m",
        "granian",
        "--interface",
        "wsgi",
        "--host",
        host,
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--blocking-threads",
        "1",
        "--no-ws",
        "--log-level",
        "warning",
        "alliance87.wsgi:application",
    ]


def worker_argv() -> list[str]:
    """Return the command line of the background-task worker (the tasks of
    the configured queue and the schedule: `alliance87 worker`)."""
    return [sys.executable, "-m", "alliance87.cli", "worker"]


def supervise(server: list[str], worker: list[str], *, restart_pause: float = 1.0) -> int:
    """Run the server and the task worker side by side until the server
    stops or this process is asked to stop; start the worker again should
    it die. Return the server's exit code."""
    stopping = False

    def stop(signum: int, frame: Any) -> None:
        nonlocal stopping
        stopping = True

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    server_process = subprocess.Popen(server)  # noqa: S603 - our own command lines
    worker_process = subprocess.Popen(worker)  # noqa: S603
    try:
        while not stopping and server_process.poll() is None:
            if worker_process.poll() is not None:
                sys.stderr.write(
                    f"The task worker stopped (exit code {worker_process.returncode}); "
                    "starting it again.\n"
                )
                time.sleep(restart_pause)
                worker_process = subprocess.Popen(worker)  # noqa: S603
            time.sleep(0.2)
    finally:
        for process in (server_process, worker_process):
            if process.poll() is None:
                process.terminate()
        for process in (server_process, worker_process):
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0 if stopping else (server_process.returncode or 0)


class Command(BaseCommand):
    help = "Serve the Hub with the production server (collects static files first)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--addr", default="127.0.0.1:8000", help="HOST:PORT to listen on.")
        parser.add_argument("--workers", type=int, default=None, help="Worker processes.")
        parser.add_argument(
            "--no-collectstatic", action="store_true", help="Skip collecting static files."
        )
        parser.add_argument(
            "--with-worker",
            action="store_true",
            help="Run the background-task worker beside the server (one machine).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        host, port = parse_addr(options["addr"])
        workers = options["workers"] or settings.SERVE_WORKERS
        if workers < 1:
            raise CommandError("--workers must be at least 1.")
        # Refuse an unsafe configuration here, before the workers start.
        call_command("check", fail_level="CRITICAL")
        if not options["no_collectstatic"]:
            call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write(f"Serving the Alliance 8.7 Hub on http://{options['addr']}/")
        sys.stdout.flush()
        argv = server_argv(host, port, workers)
        if options["with_worker"]:
            self.stdout.write("Running the background-task worker beside it.")
            sys.stdout.flush()
            sys.exit(supervise(argv, worker_argv()))
        os.execv(argv[0], argv)  # noqa: S606 - replaces this process with the server
