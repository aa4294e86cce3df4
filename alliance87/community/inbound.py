"""
Reply by email: an email sent to a reply address posts in its thread as
the person the address was made for (community/reply_address.py).

`receive(raw, recipients=...)` reads one RFC 5322 message and answers with
an `Outcome`. In order, it refuses:

1. a message larger than REPLY_EMAIL_MAX_BYTES;
2. nothing, but ignores, an automatic message (Auto-Submitted other than
   "no", a bounce, a list's bulk mail): answering it could start a loop;
3. nothing, but posts nothing, a message already received (the SHA-256 of
   its Message-ID, of the whole message without one, is recorded once);
4. a message sent to no reply address (envelope recipients, Delivered-To,
   X-Original-To, To, Cc), an address whose token is malformed, forged or
   expired, or that names a person or thread the Hub no longer has;
5. a From that is not a verified address (allauth's EmailAddress) of the
   person the address was made for: the token alone travels in every
   copy of the email, the From is the second proof (a message with two
   From headers, or two addresses in one, has no sender); and a From
   that the Hub's own mail server found forged: its trusted
   Authentication-Results (community/mail_auth.py) say DMARC failed, or
   that neither DKIM nor SPF passed for the From's domain, and
   REPLY_EMAIL_AUTH_POLICY is "refuse-fail" (the default) or
   "require-pass"; with "require-pass", also a From that no trusted header
   shows passing. Without a trusted header the signed address is the
   proof, as before; the verdict is recorded on every message;
6. a person who may no longer post in the thread: deactivated, removed
   from the space's group, the space archived or the thread closed (the
   rules the site applies, core.permissions' "post");
7. a message with no text part, or with no text of its own once quotes
   and signature are trimmed (community/reply_text.py), or one the reply
   service refuses (too long, an unknown @mention).

A message sent to the digest's reply address (reply+digest@, the Reply-To
of a digest of several threads), or in reply to a digest, is refused
with a bounce that says to use a thread's own reply link.

Otherwise it posts through `services.post_emailed_reply` (the site's
`reply`: notifications, search and audit follow).

Bounces. A refusal is explained by email, in the person's language, only
to a verified address of an active Hub account, and only when the From is
that address: a forged From naming a stranger gets nothing from the Hub,
which is never a source of backscatter. The same message refused twice is
answered once (it is recorded), and one account gets at most
BOUNCES_PER_HOUR, so that forged mail cannot make the Hub flood a member.
Where no bounce goes, the refusal is left to the reader to report to the
mail server: an exit code (inbound_mail) or a 550 reply (the SMTP/LMTP
receiver, which refuses a bad address at RCPT, while the sender's server
is still connected).
"""

from __future__ import annotations

import email
import email.policy
import hashlib
import logging
from dataclasses import dataclass
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from email.utils import getaddresses, parseaddr
from enum import StrEnum
from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage as OutgoingEmail
from django.db import IntegrityError
from django.utils import translation
from django.utils.translation import gettext as _

from alliance87.community import mail_auth, reply_address, reply_text, services
from alliance87.community.models import InboundMessage, Thread
from alliance87.core.permissions import may
from alliance87.core.ratelimit import count_hit
from alliance87.core.text import mail_language

logger = logging.getLogger(__name__)

BOUNCES_PER_HOUR = 10
RECIPIENT_HEADERS = ("Delivered-To", "X-Original-To", "To", "Cc")


class Refusal(StrEnum):
    TOO_LARGE = "too_large"
    UNREADABLE = "unreadable"
    NO_ADDRESS = "no_address"
    UNKNOWN_ADDRESS = "unknown_address"
    FORGED = "forged"
    EXPIRED = "expired"
    UNKNOWN = "unknown"
    SENDER = "sender"
    INACTIVE = "inactive"
    NOT_ALLOWED = "not_allowed"
    ARCHIVED = "archived"
    CLOSED = "closed"
    NO_TEXT = "no_text"
    EMPTY = "empty"
    INVALID = "invalid"
    AUTH_FAILED = "auth_failed"
    AUTH_MISSING = "auth_missing"
    DIGEST = "digest"


# What the address alone decides: the receiver refuses these at RCPT.
ADDRESS_REFUSALS = {
    Refusal.NO_ADDRESS,
    Refusal.UNKNOWN_ADDRESS,
    Refusal.FORGED,
    Refusal.EXPIRED,
    Refusal.UNKNOWN,
    Refusal.DIGEST,
}
# The refusals whose bounce gives the person their text back.
KEEPS_TEXT = {
    Refusal.FORGED,
    Refusal.EXPIRED,
    Refusal.UNKNOWN,
    Refusal.UNKNOWN_ADDRESS,
    Refusal.NO_ADDRESS,
    Refusal.SENDER,
    Refusal.NOT_ALLOWED,
    Refusal.ARCHIVED,
    Refusal.CLOSED,
    Refusal.DIGEST,
}
# (Not a reply that failed authentication: its text may be a forger's.)
PERMISSION_REFUSALS = {
    Refusal.SENDER,
    Refusal.INACTIVE,
    Refusal.NOT_ALLOWED,
    Refusal.ARCHIVED,
    Refusal.CLOSED,
    Refusal.AUTH_FAILED,
    Refusal.AUTH_MISSING,
}
AUTH_REFUSALS = {Refusal.AUTH_FAILED, Refusal.AUTH_MISSING}


def explain(reason: Refusal) -> str:
    """Return, in the active language, why a reply was not posted."""
    texts = {
        Refusal.TOO_LARGE: _(
            "Your email is larger than the Hub accepts (%(max)s). Post your reply on the site."
        )
        % {"max": f"{settings.REPLY_EMAIL_MAX_BYTES // 1024:,} KB"},
        Refusal.UNREADABLE: _("Your email could not be read."),
        Refusal.NO_ADDRESS: _("Your email was not sent to a reply address of the Hub."),
        Refusal.UNKNOWN_ADDRESS: _(
            "This reply address is not one the Hub gives. Reply to the email you received."
        ),
        Refusal.FORGED: _(
            "This reply address was not made by the Hub, or was changed on the way. "
            "Reply to the email you received, or post on the site."
        ),
        Refusal.EXPIRED: _(
            "This reply address has expired: the Hub takes replies by email for %(days)s "
            "days after its email. Post your reply on the site."
        )
        % {"days": settings.REPLY_EMAIL_DAYS},
        Refusal.UNKNOWN: _("This reply address names a thread or a person the Hub no longer has."),
        Refusal.SENDER: _(
            "This reply address belongs to another account, or your email came from an "
            "address that is not a verified address of its account. Reply from the address "
            "the Hub wrote to."
        ),
        Refusal.INACTIVE: _("This account is deactivated."),
        Refusal.NOT_ALLOWED: _("You may no longer post in this thread."),
        Refusal.ARCHIVED: _("This space is archived: nothing new is posted in it."),
        Refusal.CLOSED: _("This thread is closed to replies."),
        Refusal.NO_TEXT: _("Your email has no text the Hub can read (no plain text or HTML)."),
        Refusal.EMPTY: _(
            "Your email had no text of your own once the quoted email and the signature "
            "were left out."
        ),
        Refusal.INVALID: _("Your reply could not be posted."),
        Refusal.AUTH_FAILED: _(
            "The mail server that received your email found that it failed the checks of "
            "your address's domain (DMARC, or both DKIM and SPF), so the Hub cannot tell that "
            "it came from you. If you sent it, post your reply on the site, and ask whoever "
            "runs your email about DKIM and DMARC. If you did not, someone wrote in your "
            "name: there is nothing for you to do."
        ),
        Refusal.AUTH_MISSING: _(
            "The Hub takes a reply by email only when the mail server that received it "
            "confirms that it comes from its sender's domain (DMARC, DKIM or SPF), and this "
            "one could not be confirmed. Post your reply on the site, or ask whoever runs "
            "your email about DKIM and DMARC."
        ),
        Refusal.DIGEST: _(
            "You replied to a digest, which covers several threads, so the Hub cannot tell "
            "which thread your reply is for. Use the “Reply by email” link under a thread in "
            "the digest, or post on the site."
        ),
    }
    return str(texts[reason])


@dataclass
class Outcome:
    """What became of one message."""

    status: str  # "posted", "duplicate", "ignored" or "refused"
    reason: Refusal | None = None
    detail: str = ""  # the refusal in English, for logs and SMTP replies
    post_id: int | None = None
    bounced: bool = False

    @property
    def refused(self) -> bool:
        return self.status == "refused"


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


def explain_in_english(reason: Refusal) -> str:
    """Return why, in English: for logs and mail servers' replies."""
    with translation.override("en"):
        return explain(reason)


_english = explain_in_english


def _addresses(message: Any, names: tuple[str, ...]) -> list[str]:
    values: list[str] = []
    for name in names:
        try:
            values += [str(v) for v in message.get_all(name) or []]
        except Exception:  # a header too broken to read is skipped
            logger.info("Inbound mail: unreadable %s header", name)
    return [address for _name, address in getaddresses(values) if address]


def _sender(message: Any) -> str:
    """Return the From's one address; none when there are several: the
    Hub would check one and its readers might see another."""
    try:
        values = [str(v) for v in message.get_all("From") or []]
        found = [address for _name, address in getaddresses(values) if address]
        if len(values) != 1 or len(found) != 1:
            return ""
        return parseaddr(values[0])[1].strip().lower()
    except Exception:  # a broken From is no sender
        return ""


def _authentication(message: Any, sender: str) -> mail_auth.Finding:
    """Return what the trusted Authentication-Results say of the From's domain."""
    try:
        values = [str(v) for v in message.get_all("Authentication-Results") or []]
    except Exception:  # an unreadable header is no verdict
        values = []
    return mail_auth.judge(values, mail_auth.domain_of(sender), settings.REPLY_EMAIL_AUTHSERV_IDS)


def _replies_to_digest(message: Any) -> bool:
    try:
        ids = " ".join(str(message.get(name, "")) for name in ("In-Reply-To", "References"))
    except Exception:
        return False
    return reply_address.DIGEST_MESSAGE_ID in ids


def _is_automatic(message: Any, sender: str) -> bool:
    try:
        submitted = str(message.get("Auto-Submitted", "no")).strip().lower()
        precedence = str(message.get("Precedence", "")).strip().lower()
        content_type = message.get_content_type()
    except Exception:
        return False
    own = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].lower()
    return (
        (submitted and submitted != "no")
        or precedence in {"bulk", "junk", "list", "auto_reply"}
        or content_type == "multipart/report"
        or sender.startswith("mailer-daemon@")
        or (bool(own) and sender == own)
    )


def _key(message: Any, raw: bytes) -> tuple[str, str]:
    try:
        message_id = " ".join(str(message.get("Message-ID", "")).split())
    except Exception:
        message_id = ""
    basis = f"id:{message_id}".encode() if message_id else b"raw:" + raw
    return hashlib.sha256(basis).hexdigest(), message_id


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


def _own_text(message: Any) -> str | None:
    try:
        text = reply_text.message_text(message)
    except Exception:  # the bounce goes without it
        return None
    return reply_text.trim(text) if text else None


def _subject(message: Any) -> str:
    try:
        return " ".join(str(message.get("Subject", "")).split())
    except Exception:
        return ""


def receive(raw: bytes, *, recipients: list[str] | tuple[str, ...] = ()) -> Outcome:
    """Post the reply `raw` holds, or refuse it (see the module's docstring).

    `recipients` are the envelope's (SMTP RCPT, a pipe's ${recipient}).
    A database error propagates, so that the mail server tries again.
    """
    if len(raw) > settings.REPLY_EMAIL_MAX_BYTES:
        headers = BytesHeaderParser(policy=email.policy.default).parsebytes(raw[:65_536])
        return _refuse(raw, headers, _sender(headers), Refusal.TOO_LARGE)
    try:
        message: EmailMessage = email.message_from_bytes(raw, policy=email.policy.default)
    except Exception:  # any parse failure is the message's
        logger.info("Inbound mail: unparsable message refused")
        return Outcome("refused", Refusal.UNREADABLE, _english(Refusal.UNREADABLE))
    sender = _sender(message)
    if _is_automatic(message, sender):
        logger.info("Inbound mail: automatic message from %r ignored", sender)
        return Outcome("ignored")
    key, message_id = _key(message, raw)
    if InboundMessage.objects.filter(key=key).exists():
        return Outcome("duplicate")
    finding = _authentication(message, sender)
    if not finding.trusted:
        logger.info("Inbound mail %s: no trusted Authentication-Results", key[:12])
    targets = list(recipients) + _addresses(message, RECIPIENT_HEADERS)
    # A thread's address first: a reply may also copy the digest's.
    digest = reply_address.DIGEST_TOKEN
    targets.sort(key=lambda a: (reply_address.token_of(a) or "").lower() == digest)
    target = next((a for a in targets if reply_address.token_of(a) is not None), None)
    reason, checked = check_address(target or "")
    if reason is Refusal.NO_ADDRESS and _replies_to_digest(message):
        reason = Refusal.DIGEST
    if reason is not None:
        return _refuse(raw, message, sender, reason, key=key, finding=finding)
    assert checked is not None
    user, thread = checked.user, checked.thread
    reason = _permission(user, thread, sender, finding)
    if reason is not None:
        detail = f"[{finding.summary}]" if reason in AUTH_REFUSALS and finding.summary else ""
        return _refuse(
            raw,
            message,
            sender,
            reason,
            key=key,
            user=user,
            thread=thread,
            detail=detail,
            english=f"{_english(reason)} {detail}".strip(),
            finding=finding,
        )
    text = reply_text.message_text(message)
    if text is None:
        return _refuse(
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
        return _refuse(
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
            )
    except IntegrityError:
        return Outcome("duplicate")
    except ValidationError as error:
        detail = " ".join(str(m) for m in error.messages)
        return _refuse(
            raw,
            message,
            sender,
            Refusal.INVALID,
            key=key,
            user=user,
            thread=thread,
            detail=detail,
            english=f"{_english(Refusal.INVALID)} {detail}",
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


def _refuse(
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
        key, _message_id = _key(message, raw)
    message_id = _key(message, raw)[1]
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
    english = english or _english(reason)
    logger.info("Inbound mail from %r refused: %s", sender, reason)
    account = _account_of(sender)
    if account is not None and text is None and reason in KEEPS_TEXT:
        text = _own_text(message)
    bounced = account is not None and _bounce(
        account,
        sender,
        reason,
        subject=_subject(message),
        message_id=message_id,
        text=text,
        detail=detail,
    )
    return Outcome("refused", reason, english, bounced=bounced)
