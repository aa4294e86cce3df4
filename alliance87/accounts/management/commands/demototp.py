from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from alliance87.accounts.demo import current_code


class Command(BaseCommand):
    help = "Print the current two-factor code of the demo Secretariat account."
    # It reads no setting that the checks guard: it must work outside
    # `alliance87 demo`, where the demo key with debug off fails a check.
    requires_system_checks: list[str] = []

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(current_code())
