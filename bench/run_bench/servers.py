"""The servers bench/run.py starts: the production command and its
candidates, each in its own process group on a loopback port."""

from __future__ import annotations

import contextlib
import http.client
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

from run_bench.config import HOST, OUT, ROOT, BenchError, log
from run_bench.setup import Setup

# -- servers ---------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def http_get(
    url: str, headers: dict[str, str] | None = None, timeout: float = 10
) -> tuple[int, dict[str, str], bytes]:
    """GET `url` (http, loopback) and return status, headers (lower-case
    names) and the body exactly as sent, still compressed."""
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname or HOST, parts.port or 80, timeout=timeout)
    try:
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        body = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body
    finally:
        conn.close()


class Server:
    """One server process group on a loopback port, stopped on exit."""

    def __init__(self, name: str, label: str, argv: list[str], env: dict[str, str], port: int):
        self.name = name
        self.label = label
        self.argv = argv
        self.env = env
        self.port = port
        self.base = f"http://{HOST}:{port}"
        self.log_path = OUT / f"server-{name}.log"
        self.proc: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Server:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self, ready_timeout: float = 60) -> None:
        log(f"start {self.label} on {self.base}")
        with self.log_path.open("wb") as out:
            # Its own session, so that stop() reaches the workers too.
            self.proc = subprocess.Popen(
                self.argv,
                cwd=ROOT,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + ready_timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise BenchError(f"{self.label} exited ({self.proc.returncode}):\n{self.tail()}")
            with contextlib.suppress(OSError, http.client.HTTPException):
                if http_get(self.base + "/healthz", timeout=2)[0] == 200:
                    return
            time.sleep(0.2)
        raise BenchError(f"{self.label} did not answer /healthz in {ready_timeout:.0f} s.")

    def stop(self) -> None:
        if self.proc is None:
            return
        pgid = self.proc.pid
        for sig, grace in ((signal.SIGTERM, 10.0), (signal.SIGKILL, 5.0)):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pgid, sig)
            try:
                self.proc.wait(timeout=grace)
            except subprocess.TimeoutExpired:
                continue
            # The leader is gone; give its workers the same grace.
            if not self._group_alive(pgid, grace):
                break
        self.proc = None

    @staticmethod
    def _group_alive(pgid: int, grace: float) -> bool:
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            try:
                os.killpg(pgid, 0)
            except ProcessLookupError:
                return False
            time.sleep(0.1)
        return True

    def check_alive(self) -> None:
        """Raise if the server has exited, e.g. killed by someone else."""
        if self.proc is not None and self.proc.poll() is not None:
            raise BenchError(
                f"{self.label} exited during the run ({self.proc.returncode}); "
                f"was it killed from outside? Its log:\n{self.tail()}"
            )

    def cpu_seconds(self) -> float | None:
        """Return the CPU time used so far by the server's live processes."""
        if self.proc is None:
            return None
        return process_group_cpu(self.proc.pid)

    def tail(self, chars: int = 3000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-chars:]
        except OSError:
            return ""


def process_group_cpu(pgid: int) -> float | None:
    """Return the user and system CPU seconds of the processes (all their
    threads) in group `pgid`, or None where there is no Linux /proc."""
    proc = Path("/proc")
    if not (proc / "self" / "stat").exists():
        return None
    ticks = 0
    for stat in proc.glob("[0-9]*/stat"):
        try:
            # Fields after the command name, which may hold spaces: state,
            # ppid, pgrp (index 2) ... utime (11), stime (12).
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == pgid:
            ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def production_server(setup: Setup, name: str, *, page_cache: bool) -> Server:
    """`alliance87 serve`: the production command, exactly as deployed."""
    port = free_port()
    argv = [
        sys.executable,
        "-m",
        "alliance87.cli",
        "serve",
        "--no-collectstatic",
        "--addr",
        f"{HOST}:{port}",
    ]
    label = "alliance87 serve (granian, 2 workers, --blocking-threads 1)"
    return Server(name, label, argv, setup.env(page_cache=page_cache), port)


def granian_default_server(setup: Setup, name: str) -> Server:
    """The production command line without `--blocking-threads 1`."""
    from alliance87.core.management.commands.serve import server_argv

    port = free_port()
    argv = server_argv(HOST, port, 2)
    i = argv.index("--blocking-threads")
    del argv[i : i + 2]
    label = "granian, 2 workers, default blocking threads"
    return Server(name, label, argv, setup.env(page_cache=False), port)


def gunicorn_server(setup: Setup, name: str) -> Server:
    port = free_port()
    argv = [
        sys.executable,
        "-m",
        "gunicorn",
        "--workers",
        "2",
        "--worker-class",
        "sync",
        "--bind",
        f"{HOST}:{port}",
        "--log-level",
        "warning",
        "alliance87.wsgi:application",
    ]
    return Server(name, "gunicorn, 2 sync workers", argv, setup.env(page_cache=False), port)
