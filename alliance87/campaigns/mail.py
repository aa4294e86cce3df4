"""The email telling a submitter what a reviewer decided."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from alliance87.campaigns.models import PlannedActivity, SubmissionStatus
from alliance87.core.text import mail_language


def decision_message(row: Any) -> EmailMessage:
    """The message to `row`'s submitter (a submission or a planned
    activity), in the language they chose for email (core.text.mail_language),
    else the language they wrote it in."""
    language = mail_language(row.submitted_by, default=row.language)
    with translation.override(language):
        campaign = row.campaign
        context = {
            "row": row,
            "is_activity": isinstance(row, PlannedActivity),
            "published": row.status == SubmissionStatus.PUBLISHED,
            "campaign_title": campaign.title,
            "link": settings.SITE_URL.rstrip("/") + campaign.get_absolute_url(),
        }
        body = render_to_string("campaigns/email/decision.txt", context)
        if context["published"]:
            subject = translation.gettext("Published on the Alliance 8.7 Hub: %(title)s")
        else:
            subject = translation.gettext("Not published on the Alliance 8.7 Hub: %(title)s")
        subject = subject % {"title": row.title}
    return EmailMessage(
        " ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, [row.submitted_by.email]
    )
