"""The email that tells an officer of a new report: in the officer's
language (their community mail setting, else the Hub's default), with a
link to the report and not a word of it, the reporter's name or whom it is
about. Sent at most once per `Alert`; a mail server's failure puts it back
for a later try (tasks.py), never loses it."""

from __future__ import annotations

import logging
import smtplib
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from alliance87.community.models import Preferences
from alliance87.community.notify import retry_delay
from alliance87.safeguarding.models import Alert, AlertState, LogAction, LogEntry, Report

logger = logging.getLogger(__name__)


def language_of(user: Any) -> str:
    language = Preferences.objects.filter(user=user).values_list("language", flat=True).first()
    codes = {code for code, _name in settings.LANGUAGES}
    return language if language in codes else settings.LANGUAGE_CODE


def compose(alert: Alert) -> EmailMessage:
    """Return the alert's email, in its officer's language."""
    language = language_of(alert.officer)
    with translation.override(language):
        url = settings.SITE_URL.rstrip("/") + reverse(
            "safeguarding:report", args=[alert.report_id]
        )
        subject = _("A safeguarding concern was reported on the Alliance 8.7 Hub")
        body = render_to_string(
            "safeguarding/email/alert.txt", {"url": url, "officer": alert.officer}
        )
    return EmailMessage(
        subject, body, None, [alert.officer.email], headers={"Auto-Submitted": "auto-generated"}
    )


def send_alert(alert_id: int) -> str:
    """Send one alert, at most once; return "sent", "retry:<seconds>" (the
    caller queues the next try) or why nothing was sent."""
    claimed = Alert.objects.filter(pk=alert_id, state=AlertState.PENDING).update(
        state=AlertState.SENDING, attempts=F("attempts") + 1
    )
    if not claimed:
        return "not pending"
    alert = Alert.objects.select_related("officer").get(pk=alert_id)
    # Asked again at sending: a designation ended meanwhile, or an account
    # deactivated, gets nothing.
    if not Report.objects.visible_to(alert.officer).filter(pk=alert.report_id).exists():
        Alert.objects.filter(pk=alert_id).update(state=AlertState.DROPPED)
        return "no longer an officer"
    try:
        compose(alert).send()
    except (smtplib.SMTPException, OSError) as error:
        Alert.objects.filter(pk=alert_id).update(state=AlertState.PENDING, error=str(error)[:300])
        logger.warning("Safeguarding alert %s not sent (%s); retrying", alert_id, error)
        return f"retry:{int(retry_delay(alert.attempts).total_seconds())}"
    Alert.objects.filter(pk=alert_id).update(state=AlertState.SENT, sent=timezone.now(), error="")
    LogEntry.objects.create(
        user=alert.officer, action=LogAction.ALERTED, report_id=alert.report_id
    )
    return "sent"
