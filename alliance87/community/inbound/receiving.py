"""`receive`: one message checked in order (the package's docstring lists
the checks), then posted or refused."""

from __future__ import annotations

import email
import email.policy
import logging
from dataclasses import dataclass
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import translation

from alliance87.community import mail_auth, reply_address, reply_text, services
from alliance87.community.inbound.outcomes import (
    AUTH_REFUSALS,
    Outcome,
    Refusal,
    explain_in_english,
)
from alliance87.community.inbound.reading import (
    RECIPIENT_HEADERS,
    addresses_of,
    attachments_of,
    authentication_of,
    is_automatic,
    key_of,
    replies_to_digest,
    sender_of,
)
from alliance87.community.inbound.refusing import refuse
from alliance87.community.models import InboundMessage, Thread
from alliance87.core.permissions import may
from alliance87.core.text import mail_language

logger = logging.getLogger(__name__)


@dataclass
class _Checked:
    user: Any
    thread: Thread


def check_address(address: str) -> tuple[Refusal, None] | tuple[None, _Checked]:
    """Return why a reply address is refused, or what it names."""
    token = reply_address.token_of(address)
    if token is None:
        return Refusal.NO_ADDRESS, None
    if token.lower() == reply_address.DIGEST_TOKEN:
        return Refusal.DIGEST, None
    read = reply_address.read_token(token)
    if read is reply_address.TokenError.MALFORMED:
        return Refusal.UNKNOWN_ADDRESS, None
    if read is reply_address.TokenError.FORGED:
        return Refusal.FORGED, None
    if read is reply_address.TokenError.EXPIRED:
        return Refusal.EXPIRED, None
    assert isinstance(read, reply_address.ReplyToken)
    user = get_user_model().objects.filter(pk=read.user_id).first()
    thread = Thread.objects.select_related("space").filter(pk=read.thread_id).first()
    if user is None or thread is None:
        return Refusal.UNKNOWN, None
    return None, _Checked(user, thread)


def receive(raw: bytes, *, recipients: list[str] | tuple[str, ...] = ()) -> Outcome:
    """Post the reply `raw` holds, or refuse it (see the module's docstring).

    `recipients` are the envelope's (SMTP RCPT, a pipe's ${recipient}).
    A database error propagates, so that the mail server tries again.
    """
    if len(raw) > settings.REPLY_EMAIL_MAX_BYTES:
        headers = BytesHeaderParser(policy=email.policy.default).parsebytes(raw[:65_536])
        return refuse(raw, headers, sender_of(headers), Refusal.TOO_LARGE)
    try:
        message: EmailMessage = email.message_from_bytes(raw, policy=email.policy.default)
    except Exception:  # any parse failure is the message's
        logger.info("Inbound mail: unparsable message refused")
        return Outcome("refused", Refusal.UNREADABLE, explain_in_english(Refusal.UNREADABLE))
    sender = sender_of(message)
    if is_automatic(message, sender):
        logger.info("Inbound mail: automatic message from %r ignored", sender)
        return Outcome("ignored")
    key, message_id = key_of(message, raw)
    if InboundMessage.objects.filter(key=key).exists():
        return Outcome("duplicate")
    finding = authentication_of(message, sender)
    if not finding.trusted:
        logger.info("Inbound mail %s: no trusted Authentication-Results", key[:12])
    targets = list(recipients) + addresses_of(message, RECIPIENT_HEADERS)
    # A thread's address first: a reply may also copy the digest's.
    digest = reply_address.DIGEST_TOKEN
    targets.sort(key=lambda a: (reply_address.token_of(a) or "").lower() == digest)
    target = next((a for a in targets if reply_address.token_of(a) is not None), None)
    reason, checked = check_address(target or "")
    if reason is Refusal.NO_ADDRESS and replies_to_digest(message):
        reason = Refusal.DIGEST
    if reason is not None:
        return refuse(raw, message, sender, reason, key=key, finding=finding)
    assert checked is not None
    user, thread = checked.user, checked.thread
    reason = _permission(user, thread, sender, finding)
    if reason is not None:
        detail = f"[{finding.summary}]" if reason in AUTH_REFUSALS and finding.summary else ""
        return refuse(
            raw,
            message,
            sender,
            reason,
            key=key,
            user=user,
            thread=thread,
            detail=detail,
            english=f"{explain_in_english(reason)} {detail}".strip(),
            finding=finding,
        )
    text = reply_text.message_text(message)
    if text is None:
        return refuse(
            raw,
            message,
            sender,
            Refusal.NO_TEXT,
            key=key,
            user=user,
            thread=thread,
            finding=finding,
        )
    body = reply_text.trim(text)
    if not body:
        return refuse(
            raw, message, sender, Refusal.EMPTY, key=key, user=user, thread=thread, finding=finding
        )
    try:
        # In the person's language: the service's refusals are explained.
        with translation.override(mail_language(user)):
            post = services.post_emailed_reply(
                thread,
                acting_user=user,
                body=body,
                key=key,
                message_id=message_id,
                authentication=str(finding.verdict),
                authentication_results=finding.summary,
                attachments=attachments_of(message),
            )
    except IntegrityError:
        return Outcome("duplicate")
    except ValidationError as error:
        detail = " ".join(str(m) for m in error.messages)
        return refuse(
            raw,
            message,
            sender,
            Refusal.INVALID,
            key=key,
            user=user,
            thread=thread,
            detail=detail,
            english=f"{explain_in_english(Refusal.INVALID)} {detail}",
            text=body,
            finding=finding,
        )
    logger.info("Inbound mail: posted %s in thread %s as %s", post.pk, thread.pk, user.pk)
    return Outcome("posted", post_id=post.pk)


def _permission(
    user: Any, thread: Thread, sender: str, finding: mail_auth.Finding
) -> Refusal | None:
    if not sender or not any(
        sender == address.lower()
        for address in EmailAddress.objects.filter(user=user, verified=True).values_list(
            "email", flat=True
        )
    ):
        return Refusal.SENDER
    policy = settings.REPLY_EMAIL_AUTH_POLICY
    if policy != "record-only" and finding.verdict is mail_auth.Verdict.FAIL:
        return Refusal.AUTH_FAILED
    if policy == "require-pass" and finding.verdict is not mail_auth.Verdict.PASS:
        return Refusal.AUTH_MISSING
    if not user.is_active:
        return Refusal.INACTIVE
    if not Thread.objects.visible_to(user).filter(pk=thread.pk).exists():
        return Refusal.NOT_ALLOWED
    if thread.space.is_archived:
        return Refusal.ARCHIVED
    if not may(user, "post", thread.space):
        return Refusal.NOT_ALLOWED
    if thread.closed:
        return Refusal.CLOSED
    return None
