"""A refusal recorded once, and explained by a bounce only where that is
safe: to a verified address of an active account, which is the From,
at most BOUNCES_PER_HOUR per account."""

from __future__ import annotations

import logging
from typing import Any

from allauth.account.models import EmailAddress
from django.core.mail import EmailMessage as OutgoingEmail
from django.utils import translation
from django.utils.translation import gettext as _

from alliance87.community import mail_auth, services
from alliance87.community.inbound.outcomes import (
    KEEPS_TEXT,
    Outcome,
    Refusal,
    explain,
    explain_in_english,
)
from alliance87.community.inbound.reading import key_of, own_text_of, subject_of
from alliance87.community.models import Thread
from alliance87.core.ratelimit import count_hit
from alliance87.core.text import mail_language

logger = logging.getLogger(__name__)


BOUNCES_PER_HOUR = 10


def refuse(
    raw: bytes,
    message: Any,
    sender: str,
    reason: Refusal,
    *,
    key: str | None = None,
    user: Any = None,
    thread: Thread | None = None,
    detail: str = "",
    english: str = "",
    text: str | None = None,
    finding: mail_auth.Finding | None = None,
) -> Outcome:
    """Record the refusal, bounce it where that is safe, and return it."""
    if key is None:
        key, _message_id = key_of(message, raw)
    message_id = key_of(message, raw)[1]
    if not services.record_refused_email(
        acting_user=None,
        key=key,
        message_id=message_id,
        user=user,
        thread=thread,
        reason=str(reason),
        authentication=str(finding.verdict) if finding else "",
        authentication_results=finding.summary if finding else "",
    ):
        return Outcome("duplicate")
    english = english or explain_in_english(reason)
    logger.info("Inbound mail from %r refused: %s", sender, reason)
    account = _account_of(sender)
    if account is not None and text is None and reason in KEEPS_TEXT:
        text = own_text_of(message)
    bounced = account is not None and _bounce(
        account,
        sender,
        reason,
        subject=subject_of(message),
        message_id=message_id,
        text=text,
        detail=detail,
    )
    return Outcome("refused", reason, english, bounced=bounced)


def _account_of(sender: str) -> Any:
    """Return the active account `sender` is a verified address of."""
    if not sender:
        return None
    found = (
        EmailAddress.objects.filter(email__iexact=sender, verified=True, user__is_active=True)
        .select_related("user")
        .first()
    )
    return found.user if found is not None else None


def _bounce(
    account: Any,
    sender: str,
    reason: Refusal,
    *,
    subject: str,
    message_id: str,
    text: str | None,
    detail: str,
) -> bool:
    """Tell `account`, at `sender` (one of its verified addresses), why its
    email was not posted; return whether the bounce went."""
    if count_hit(f"community-bounce:{account.pk}", window=3600) > BOUNCES_PER_HOUR:
        logger.warning("Inbound mail: bounces to account %s held (limit reached)", account.pk)
        return False
    with translation.override(mail_language(account)):
        why = f"{explain(reason)} {detail}" if detail else explain(reason)
        lines = [
            _("Your email was not posted in the Hub's community."),
            "",
            why,
        ]
        if text:
            lines += ["", _("What you wrote, for you to keep:"), "", text[:20_000]]
        body = "\n".join(lines) + "\n"
        title = _("Not posted: %(subject)s") % {"subject": subject[:150]}
    headers = {"Auto-Submitted": "auto-replied"}
    if message_id:
        headers["In-Reply-To"] = message_id
        headers["References"] = message_id
    try:
        OutgoingEmail(title, body, None, [sender], headers=headers).send()
    except Exception as error:  # the refusal stands without it
        logger.warning("Inbound mail: bounce to account %s not sent (%s)", account.pk, error)
        return False
    return True
