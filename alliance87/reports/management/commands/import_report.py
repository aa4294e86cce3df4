"""`alliance87 import-report PATH [--language en] [--save-draft --as EMAIL]`:
print the proposed record of a meeting report as JSON; with --save-draft,
save it as a draft event for the Secretariat to review."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from alliance87.core.visibility import is_secretariat
from alliance87.reports.drafts import ReportFile, save_draft
from alliance87.reports.engine import LANGUAGES, propose
from alliance87.reports.resolve import Directory
from alliance87.reports.text import ReportError, read_path, report_error_message


def nothing_found() -> str:
    return report_error_message("nothing")


class Command(BaseCommand):
    help = (
        "Read a meeting report (Word, PDF, plain text or Markdown) and print the record "
        "it proposes as JSON (docs/report-import.md). Nothing is written unless "
        "--save-draft is given."
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
            help="save the proposal as a draft event (not published), every row sourced",
        )
        parser.add_argument(
            "--as",
            dest="as_email",
            metavar="EMAIL",
            help="with --save-draft: the Secretariat account the draft is saved for",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        user = self._secretariat(options["as_email"]) if options["save_draft"] else None
        try:
            report = read_path(options["path"])
        except ReportError as e:
            raise CommandError(str(e)) from None
        proposal = propose(report, Directory.from_db(), language=options["language"])
        data = proposal.as_json()
        if not options["save_draft"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        if proposal.is_empty():
            raise CommandError(nothing_found())
        if user is None:
            return
        path = Path(options["path"])
        try:
            result = save_draft(
                data,
                acting_user=user,
                report=ReportFile(path.name, path.read_bytes(), report.text, report.page_starts),
            )
        except ValidationError as e:
            raise CommandError(
                _("Nothing was saved: %(problem)s") % {"problem": " ".join(e.messages)}
            ) from None
        event = result.event
        saved = ", ".join(f"{kind} {n}" for kind, n in sorted(result.saved.items()))
        self.stdout.write(
            _("Saved the draft event “%(title)s” (%(path)s): %(saved)s; %(citations)s citations.")
            % {
                "title": event.title,
                "path": event.get_absolute_url(),
                "saved": saved or "-",
                "citations": result.citations,
            }
        )
        for skipped in result.skipped:
            self.stderr.write(str(skipped))

    def _secretariat(self, email: str | None) -> Any:
        if not email:
            raise CommandError(
                _("--save-draft needs --as EMAIL: the Secretariat account the draft is for.")
            )
        users = list(get_user_model().objects.filter(email__iexact=email.strip())[:2])
        if len(users) != 1 or not is_secretariat(users[0]):
            raise CommandError(
                _(
                    "%(email)s is not an active Secretariat account: only the Secretariat saves "
                    "an imported report. Nothing was read or written."
                )
                % {"email": email}
            )
        return users[0]
