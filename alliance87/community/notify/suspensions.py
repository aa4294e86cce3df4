"""The email telling a person of their suspension from a space, of its
lifting, or of its end on its date, sent at most once as an email at once
is (at_once.py)."""

from __future__ import annotations

import datetime as dt
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from alliance87.community.models import (
    MailState,
    Preferences,
    Suspension,
    SuspensionEvent,
    SuspensionNotice,
)
from alliance87.community.notify.base import (
    absolute,
    preferences_of,
    quiet_end,
    retry_delay,
    zone_of,
)

logger = logging.getLogger(__name__)


def compose_suspension_notice(notice: SuspensionNotice) -> EmailMessage:
    """Return the email telling a person of their suspension from a space
    (the reason, until when) or of its lifting, in their language. About
    the person themselves: no list to leave, no reply address."""
    suspension = notice.suspension
    user, space = suspension.user, suspension.space
    prefs = preferences_of(user)
    host = settings.SITE_URL.split("://", 1)[1].split("/")[0].split(":")[0]
    headers = {
        "Auto-Submitted": "auto-generated",
        "Message-ID": f"<community-suspension-{notice.pk}@{host}>",
    }
    lifted = notice.event == SuspensionEvent.LIFTED
    ended = notice.event == SuspensionEvent.ENDED
    # The template's dates are read in the person's time zone.
    with translation.override(prefs.language), timezone.override(zone_of(prefs.time_zone)):
        context = {
            "lifted": lifted,
            "ended": ended,
            "space": space,
            "reason": suspension.reason,
            "ends": suspension.ends,
            "time_zone": prefs.time_zone,
            "space_url": absolute(space.get_absolute_url()),
            "settings_url": absolute(reverse("community:preferences")),
        }
        subject = render_to_string("community/email/suspension_subject.txt", context).strip()
        body = render_to_string("community/email/suspension.txt", context)
    return EmailMessage(subject, body, None, [user.email], headers=headers)


# A suspension that ended on its date longer ago than this is not
# announced: the schedule's first run on a new installation, or after a
# long stop, would otherwise tell people old news.
ENDED_TOLD_WITHIN = dt.timedelta(days=7)


@transaction.atomic
def ended_suspension_notices(*, now: dt.datetime | None = None) -> list[int]:
    """Write the notice telling each person whose suspension ended on its
    date (not lifted before it) that it has ended, one per suspension
    however often this runs (the schedule's community mail, every five
    minutes: the notice is unique per suspension and event); return the
    ids of the notices written, for the caller to queue their emails."""
    now = now or timezone.now()
    ended = (
        Suspension.objects.filter(
            ends__lte=now, ends__gt=now - ENDED_TOLD_WITHIN, user__is_active=True
        )
        # Lifted after its date (or replaced by a later suspension): it
        # had ended by then all the same.
        .filter(Q(lifted__isnull=True) | Q(lifted__gte=F("ends")))
        .exclude(notices__event=SuspensionEvent.ENDED)
        .order_by("pk")
    )
    written = []
    for suspension in ended:
        notice, created = SuspensionNotice.objects.get_or_create(
            suspension=suspension, event=SuspensionEvent.ENDED, defaults={"created": now}
        )
        if created:
            written.append(notice.pk)
    return written


def send_suspension_notice(notice_id: int, *, now: dt.datetime | None = None) -> str:
    """Send one suspension notice, at most once, as `send_notification`
    sends an email at once: quiet hours, the claim, the retries."""
    now = now or timezone.now()
    rows = SuspensionNotice.objects.filter(pk=notice_id)
    held = quiet_end(
        Preferences.objects.filter(user__pk__in=rows.values("suspension__user")).first(), now
    )
    if held is not None:
        if not rows.filter(mail=MailState.PENDING).update(held_until=held):
            return "not pending"
        return f"quiet:{max(1, int((held - now).total_seconds()))}"
    claimed = rows.filter(mail=MailState.PENDING).update(
        mail=MailState.SENDING, attempts=F("attempts") + 1, mailed=timezone.now()
    )
    if not claimed:
        return "not pending"
    notice = SuspensionNotice.objects.select_related("suspension__user", "suspension__space").get(
        pk=notice_id
    )
    suspension = notice.suspension
    if not suspension.user.is_active or (
        notice.event == SuspensionEvent.SUSPENDED and not suspension.is_active(now)
    ):
        # Lifted or ended before it could be told (a later notice says so).
        rows.update(mail=MailState.NONE)
        return "no longer news"
    if notice.event == SuspensionEvent.ENDED and (
        Suspension.objects.filter(user=suspension.user, space=suspension.space, lifted=None)
        .filter(Q(ends=None) | Q(ends__gt=now))
        .exists()
    ):
        # Suspended there again since: that suspension's notice says it all.
        rows.update(mail=MailState.NONE)
        return "no longer news"
    try:
        compose_suspension_notice(notice).send()
    except (smtplib.SMTPException, OSError) as error:
        rows.update(mail=MailState.PENDING, mail_error=str(error)[:300])
        logger.warning("Suspension notice %s not sent (%s); retrying", notice_id, error)
        return f"retry:{int(retry_delay(notice.attempts).total_seconds())}"
    rows.update(mail=MailState.SENT, mailed=timezone.now(), mail_error="")
    return "sent"


def suspension_notice_held_until(notice_id: int) -> dt.datetime | None:
    return (
        SuspensionNotice.objects.filter(pk=notice_id).values_list("held_until", flat=True).first()
    )
