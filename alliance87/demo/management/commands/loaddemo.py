from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from alliance87.demo.services import load_demo


class Command(BaseCommand):
    help = "Load the demo data into the configured database (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        report = load_demo()
        if not report.changed:
            self.stdout.write("Demo data already loaded: nothing changed.")
            return
        for label, counts in (("Created", report.created), ("Updated", report.updated)):
            if counts:
                parts = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items()))
                self.stdout.write(f"{label}: {parts}.")
