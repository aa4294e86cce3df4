from __future__ import annotations

from typing import Any

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core.management.base import BaseCommand
from django.utils import timezone

from alliance87.accounts.demo import DEMO_TOTP_SECRET


class Command(BaseCommand):
    help = "Print the current two-factor code of the demo Secretariat account."
    # It reads no setting that the checks guard: it must work outside
    # `alliance87 demo`, where the demo key with debug off fails a check.
    requires_system_checks: list[str] = []

    def handle(self, *args: Any, **options: Any) -> None:
        counter = int(timezone.now().timestamp()) // 30
        self.stdout.write(format_hotp_value(hotp_value(DEMO_TOTP_SECRET, counter)))
