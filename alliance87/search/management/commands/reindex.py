"""`alliance87 reindex`: rebuild the search index from every provider's
rows, with a progress bar."""

from __future__ import annotations

import sys
import time
from typing import Any

from django.core.management.base import BaseCommand

from alliance87.core.planner import refresh_statistics
from alliance87.search.engines import engine
from alliance87.search.index import count_rows, rebuild


class Command(BaseCommand):
    help = "Rebuild the search index from every searchable row of the Hub."

    def handle(self, *args: Any, **options: Any) -> None:
        total = max(1, count_rows())
        done = 0
        started = time.monotonic()
        show = self.stdout.isatty() if hasattr(self.stdout, "isatty") else sys.stdout.isatty()

        def progress(n: int) -> None:
            nonlocal done
            done += n
            width = 30
            filled = int(width * done / total)
            line = f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} rows"
            if show:
                self.stdout.write(line, ending="")
                self.stdout.flush()

        read = rebuild(progress)
        refresh_statistics()
        if show:
            self.stdout.write("")
        seconds = time.monotonic() - started
        size = engine().size_bytes() / 1_000_000
        self.stdout.write(
            f"Indexed {read} rows in {seconds:.1f} s; the index takes {size:.1f} MB."
        )
