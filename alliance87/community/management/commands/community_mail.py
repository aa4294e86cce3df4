"""Send the community's digests that are due and tidy the outgoing mail.

Run it every few minutes (cron, a systemd timer): each person's digest
goes once per window whatever the number of runs (community/notify.py).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from alliance87.community import notify
from alliance87.community.tasks import sweep_and_requeue


class Command(BaseCommand):
    help = "Send the community digests that are due; mark stuck emails; queue lost ones."

    def handle(self, *args: Any, **options: Any) -> None:
        uncertain, requeued = sweep_and_requeue()
        counts: dict[str, int] = {}
        for user_id in notify.digest_recipients():
            outcome = notify.send_digest(user_id)
            counts[outcome] = counts.get(outcome, 0) + 1
        self.stdout.write(
            f"digests: {counts or 'none due'}; emails marked uncertain: {uncertain}, "
            f"queued again: {requeued}"
        )
