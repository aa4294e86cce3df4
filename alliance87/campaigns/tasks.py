"""
Background work of campaigns.

- `send_decision_notice`: tell a submitter that a reviewer published or
  declined their highlight, champion or planned activity, in the language
  they wrote it in, with the reason of a decline. The row's `notice` is
  claimed (waiting to sending) by one conditional update before the mail
  server is called, so a second run, a retry or a second worker sends
  nothing again; a worker stopped between sending and marking leaves it
  "sending", never sent twice. A mail server that refuses the message
  gives the row back (waiting) and raises, so the task is tried again.
"""

from __future__ import annotations

from alliance87.core.tasks import task


@task()
def send_decision_notice(kind: str, pk: int) -> bool:
    """Send the email of a decision once; return True if it was sent now."""
    from alliance87.campaigns.mail import decision_message
    from alliance87.campaigns.models import PlannedActivity, Submission
    from alliance87.core.notices import send_once

    model = PlannedActivity if kind == "activity" else Submission
    rows = model.objects.filter(pk=pk).select_related("campaign", "submitted_by")
    return send_once(rows, decision_message)
