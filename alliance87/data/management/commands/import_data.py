"""`alliance87 import-data PATH [--check] [--as EMAIL]`: import a file of
observations (tidy CSV, SDMX-CSV, SDMX-ML or SDMX-JSON, told by its
content), all or nothing (docs/data.md). An SDMX file takes its edition
from --edition, --publisher, --published and --source-url, perhaps
--indicator, and perhaps --structure (its SDMX-ML structure file)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from alliance87.core.visibility import is_secretariat
from alliance87.data import sdmx, services
from alliance87.data.checked import CheckResult


class Command(BaseCommand):
    help = (
        "Import a file of observations, tidy CSV or SDMX (docs/data.md): every row is "
        "checked, and the file is saved whole or not at all. --check only reports the errors."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "path", help="the file: tidy CSV (UTF-8), SDMX-CSV, SDMX-ML or SDMX-JSON"
        )
        parser.add_argument(
            "--structure",
            default="",
            help="an SDMX file's structure (SDMX-ML): its codes are read through its code lists",
        )
        for option in sdmx.OPTIONS:
            parser.add_argument(
                f"--{option.replace('_', '-')}",
                dest=option,
                default="",
                help=f"an SDMX file's {option.replace('_', ' ')} (docs/data.md)",
            )
        parser.add_argument("--check", action="store_true", help="check only; write nothing")
        parser.add_argument(
            "--as",
            dest="as_email",
            metavar="EMAIL",
            help="the Secretariat account the import is recorded under",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        if not path.is_file():
            raise CommandError(f"No file at {path}.")
        given = {k: options[k] for k in sdmx.OPTIONS if options[k]}
        structure = Path(options["structure"]) if options["structure"] else None
        if structure is not None and not structure.is_file():
            raise CommandError(f"No file at {structure}.")
        if options["check"]:
            read = services.reader_of(path, sdmx.sniff_format(path), given, structure)
            result = services.check_file(read)
            self._report(result)
            if not result.ok:
                raise CommandError(f"{result.error_count} error(s); nothing would be saved.")
            self.stdout.write(f"{result.rows} rows checked: no errors.")
            return
        user = self._secretariat(options["as_email"]) if options["as_email"] else None
        run = services.import_path(path, acting_user=user, options=given, structure=structure)
        errors = run.summary.get("error_count", 0)
        for error in run.errors:
            self.stderr.write(f"row {error['row']} {error['column']}: {error['message']}")
        if run.status != run.Status.SAVED:
            raise CommandError(f"{errors} error(s); nothing was saved.")
        self.stdout.write(
            f"{run.summary['observations']} observations saved "
            f"({len(run.summary['editions'])} edition(s))."
        )

    def _report(self, result: CheckResult) -> None:
        for error in result.errors:
            self.stderr.write(f"row {error.row} {error.column}: {error.message}")

    def _secretariat(self, email: str) -> Any:
        user = get_user_model().objects.filter(email__iexact=email).first()
        if user is None or not is_secretariat(user):
            raise CommandError(f"{email} is not a Secretariat account.")
        return user
