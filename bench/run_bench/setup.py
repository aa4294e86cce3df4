"""The environment and the database of bench/run.py: a fresh demo under
bench/out/, production settings on loopback."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from run_bench.config import HOST, ROOT, SCRUBBED_ENV, BenchError, log

# -- the environment and the database ------------------------------------


@dataclass(frozen=True)
class Setup:
    database: Path  # the demo, as `loaddemo` leaves it
    grown_database: Path  # the same plus EXTRA_ORGANISATIONS organisations
    static_root: Path
    secret_key: str

    def env(self, *, page_cache: bool = True) -> dict[str, str]:
        """Return the environment of a production start on loopback."""
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in SCRUBBED_ENV and not k.startswith("GRANIAN_")
        }
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "alliance87.settings",
                "DEBUG": "false",
                "HTTPS": "false",
                "SECRET_KEY": self.secret_key,
                "BENCH_HELLO": "true",
                "ALLOWED_HOSTS": HOST,
                "DATABASE_URL": f"sqlite:///{self.database}",
                "STATIC_ROOT": str(self.static_root),
                "SERVE_WORKERS": "2",
                "LOG_LEVEL": "WARNING",
            }
        )
        if not page_cache:
            env["PAGE_CACHE_SECONDS"] = "0"
        return env


def manage(setup: Setup, *args: str, timeout: float = 180) -> None:
    """Run one `alliance87` command against the bench database."""
    argv = [sys.executable, "-m", "alliance87.cli", *args]
    try:
        done = subprocess.run(
            argv,
            cwd=ROOT,
            env=setup.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise BenchError(f"`alliance87 {' '.join(args)}` took over {timeout:.0f} s.") from None
    if done.returncode != 0:
        raise BenchError(
            f"`alliance87 {' '.join(args)}` failed ({done.returncode}):\n"
            + (done.stderr or done.stdout)[-3000:]
        )


def prepare(out: Path) -> Setup:
    """Create a fresh demo database and collect the static files."""
    out.mkdir(parents=True, exist_ok=True)
    setup = Setup(
        database=out / "bench.sqlite3",
        grown_database=out / "bench-grown.sqlite3",
        static_root=out / "static",
        secret_key="bench-" + secrets.token_urlsafe(48),
    )
    for db in (setup.database, setup.grown_database):
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(setup.static_root, ignore_errors=True)
    log("migrate, loaddemo, collectstatic")
    manage(setup, "migrate", "--no-input", "-v", "0")
    manage(setup, "loaddemo")
    manage(setup, "collectstatic", "--no-input", "-v", "0")
    # The backup API copies a consistent snapshot whatever the WAL holds.
    with (
        contextlib.closing(sqlite3.connect(setup.database)) as src,
        contextlib.closing(sqlite3.connect(setup.grown_database)) as dst,
    ):
        src.backup(dst)
    return setup
