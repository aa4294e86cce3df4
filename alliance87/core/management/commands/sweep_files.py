"""`alliance87 sweep_files`: remove the stored files no row names
(core/files/sweep.py); the workers do it daily."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from alliance87.core.files.sweep import sweep


class Command(BaseCommand):
    help = (
        "Remove stored files that no row names and that are older than FILES_ORPHAN_HOURS "
        "(a write rolled back around its upload). --dry-run lists them only."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="list, remove nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        swept = sweep(dry_run=options["dry_run"])
        verb = "Would remove" if options["dry_run"] else "Removed"
        for name in swept.removed:
            self.stdout.write(f"{verb} {name}")
        self.stdout.write(
            f"{verb} {len(swept.removed)} files no row names; "
            f"kept {swept.kept_recent} younger than the grace period; "
            f"{len(swept.failed)} could not be removed."
        )
