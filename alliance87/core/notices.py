"""An email about one row, sent once: a reviewer's decision told to the
person who submitted (a campaign's highlight, a partner's news post), or
the Secretariat told that a partner's post waits for its review.

The row keeps where its email stands (a `NoticeState` field, `notice`
unless named). The service that decides sets it to "waiting" and queues a
task after commit; the task claims it (waiting to sending) with one
conditional update before the mail server is called, so two workers, or a
retry after a crash that lost the task's result, never send it twice. A
refusal by the mail server puts it back to waiting for the task's retry.

An email to several people (each in their own language) is several
messages, sent over one connection: a recipient the server refuses fails
alone (logged), as in the newsletter; only when none could be sent does
the row go back to waiting.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from django.core.mail import EmailMessage, get_connection
from django.db import models
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


class NoticeState(models.TextChoices):
    """Where the email telling a submitter of a decision stands."""

    NONE = "none", _("No email")
    WAITING = "waiting", _("Email waiting")
    SENDING = "sending", _("Email being sent")
    SENT = "sent", _("Email sent")


def _send_all(messages: Sequence[EmailMessage]) -> None:
    """Send `messages` over one connection; raise only if none was sent."""
    failed: list[Exception] = []
    with get_connection() as connection:
        for message in messages:
            message.connection = connection
            try:
                message.send()
            except Exception as error:  # the server refused this recipient
                logger.warning("Notice to %s not sent: %s", message.to, error)
                failed.append(error)
    if failed and len(failed) == len(messages):
        raise failed[0]


def send_once(
    rows: models.QuerySet[Any],
    message: Callable[[Any], EmailMessage | Sequence[EmailMessage]],
    *,
    field: str = "notice",
) -> bool:
    """Send `message(row)` (a message, or several) for the one row of
    `rows` whose email waits in `field`; return True if it was sent now,
    False if it was not waiting (sent, being sent by another worker, or
    none to send)."""
    if not rows.filter(**{field: NoticeState.WAITING}).update(**{field: NoticeState.SENDING}):
        return False
    try:
        made = message(rows.get())
        if isinstance(made, EmailMessage):
            made.send()
        elif not made:  # no one to tell any more
            rows.update(**{field: NoticeState.NONE})
            return False
        else:
            _send_all(made)
    except Exception:
        rows.filter(**{field: NoticeState.SENDING}).update(**{field: NoticeState.WAITING})
        raise
    rows.update(**{field: NoticeState.SENT})
    return True
