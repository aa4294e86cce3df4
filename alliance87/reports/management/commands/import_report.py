"""`alliance87 import-report PATH [--language en]`: print the proposed
record of a meeting report as JSON; write nothing."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from alliance87.reports.engine import LANGUAGES, propose
from alliance87.reports.resolve import Directory
from alliance87.reports.text import ReportError, read_path


class Command(BaseCommand):
    help = (
        "Read a meeting report (Word, PDF, plain text or Markdown) and print the record "
        "it proposes as JSON (docs/report-import.md). Nothing is written."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="the report file")
        parser.add_argument(
            "--language",
            default="en",
            choices=LANGUAGES,
            help="the language the report is written in (default: en)",
        )
        parser.add_argument(
            "--save-draft",
            action="store_true",
            help="not yet available: saving a draft event waits for the events services",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["save_draft"]:
            raise CommandError(
                "--save-draft is not yet available: the proposal cannot be saved until the "
                "events services take it. Nothing was written; run without --save-draft to "
                "see the proposal."
            )
        try:
            report = read_path(options["path"])
        except ReportError as e:
            raise CommandError(str(e)) from None
        proposal = propose(report, Directory.from_db(), language=options["language"])
        self.stdout.write(json.dumps(proposal.as_json(), ensure_ascii=False, indent=2))
        if proposal.is_empty():
            raise CommandError(
                "Nothing about a meeting was found in this report: no title, date, place, "
                "agenda, exchange, decision or action item. Nothing was written."
            )
