"""Send the community's digests that are due and tidy the outgoing mail.

`alliance87 worker` runs this on its schedule (every five minutes:
settings.TASKS_SCHEDULE), so no cron is needed; the command runs the same
work at once, e.g. after a long stop. Each person's digest goes once per
window whatever the number of runs (community/notify/digests.py).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from alliance87.community.tasks import send_due_mail


class Command(BaseCommand):
    help = "Send the community digests that are due; mark stuck emails; queue lost ones."

    def handle(self, *args: Any, **options: Any) -> None:
        counts = send_due_mail()
        uncertain = counts.pop("emails marked uncertain")
        requeued = counts.pop("emails queued again")
        self.stdout.write(
            f"digests: {counts or 'none due'}; emails marked uncertain: {uncertain}, "
            f"queued again: {requeued}"
        )
