"""What a dead worker left: emails left "sending" become uncertain (never
sent again), and pending emails whose task may be lost are found for the
caller to queue again."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q
from django.utils import timezone

from alliance87.community.models import MailState, Notification, SuspensionNotice
from alliance87.community.notify.base import SENDING_LEASE


def sweep(*, now: dt.datetime | None = None) -> tuple[int, list[int]]:
    """Mark emails a dead worker left "sending" as uncertain (never sent
    again); return their count and the ids of pending emails whose task may
    be lost, for the caller to queue again."""
    return _sweep(Notification, now=now)


def sweep_suspension_notices(*, now: dt.datetime | None = None) -> tuple[int, list[int]]:
    """`sweep`, for the suspension notices."""
    return _sweep(SuspensionNotice, now=now)


def _sweep(model: Any, *, now: dt.datetime | None) -> tuple[int, list[int]]:
    now = now or timezone.now()
    uncertain = model.objects.filter(
        mail=MailState.SENDING, mailed__lt=now - SENDING_LEASE
    ).update(mail=MailState.UNCERTAIN)
    # An email held by quiet hours has its task queued for their end.
    stale = list(
        model.objects.filter(mail=MailState.PENDING, created__lt=now - SENDING_LEASE)
        .filter(Q(held_until__isnull=True) | Q(held_until__lt=now - SENDING_LEASE))
        .values_list("pk", flat=True)[:1000]
    )
    return uncertain, stale
