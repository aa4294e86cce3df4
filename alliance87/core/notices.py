"""An email about one row, sent once: a reviewer's decision told to the
person who submitted (a campaign's highlight, a partner's news post).

The row keeps where its email stands (`notice`, a `NoticeState`). The
service that decides sets it to "waiting" and queues a task after commit;
the task claims it (waiting to sending) with one conditional update before
the mail server is called, so two workers, or a retry after a crash that
lost the task's result, never send it twice. A refusal by the mail server
puts it back to waiting for the task's retry.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.mail import EmailMessage
from django.db import models
from django.utils.translation import gettext_lazy as _


class NoticeState(models.TextChoices):
    """Where the email telling a submitter of a decision stands."""

    NONE = "none", _("No email")
    WAITING = "waiting", _("Email waiting")
    SENDING = "sending", _("Email being sent")
    SENT = "sent", _("Email sent")


def send_once(rows: models.QuerySet[Any], message: Callable[[Any], EmailMessage]) -> bool:
    """Send `message(row)` for the one row of `rows` whose email waits;
    return True if it was sent now, False if it was not waiting (sent,
    being sent by another worker, or none to send)."""
    if not rows.filter(notice=NoticeState.WAITING).update(notice=NoticeState.SENDING):
        return False
    try:
        message(rows.get()).send()
    except Exception:
        rows.filter(notice=NoticeState.SENDING).update(notice=NoticeState.WAITING)
        raise
    rows.update(notice=NoticeState.SENT)
    return True
