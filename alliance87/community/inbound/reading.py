"""Reading a received message's headers and text, never raising: a header
too broken to read counts as absent."""

from __future__ import annotations

import hashlib
import logging
from email.utils import getaddresses, parseaddr
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from alliance87.community import mail_auth, reply_address, reply_text

logger = logging.getLogger(__name__)


RECIPIENT_HEADERS = ("Delivered-To", "X-Original-To", "To", "Cc")


def addresses_of(message: Any, names: tuple[str, ...]) -> list[str]:
    values: list[str] = []
    for name in names:
        try:
            values += [str(v) for v in message.get_all(name) or []]
        except Exception:  # a header too broken to read is skipped
            logger.info("Inbound mail: unreadable %s header", name)
    return [address for _name, address in getaddresses(values) if address]


def sender_of(message: Any) -> str:
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


def authentication_of(message: Any, sender: str) -> mail_auth.Finding:
    """Return what the trusted Authentication-Results say of the From's domain."""
    try:
        values = [str(v) for v in message.get_all("Authentication-Results") or []]
    except Exception:  # an unreadable header is no verdict
        values = []
    return mail_auth.judge(values, mail_auth.domain_of(sender), settings.REPLY_EMAIL_AUTHSERV_IDS)


def replies_to_digest(message: Any) -> bool:
    try:
        ids = " ".join(str(message.get(name, "")) for name in ("In-Reply-To", "References"))
    except Exception:
        return False
    return reply_address.DIGEST_MESSAGE_ID in ids


def is_automatic(message: Any, sender: str) -> bool:
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


def key_of(message: Any, raw: bytes) -> tuple[str, str]:
    try:
        message_id = " ".join(str(message.get("Message-ID", "")).split())
    except Exception:
        message_id = ""
    basis = f"id:{message_id}".encode() if message_id else b"raw:" + raw
    return hashlib.sha256(basis).hexdigest(), message_id


def own_text_of(message: Any) -> str | None:
    try:
        text = reply_text.message_text(message)
    except Exception:  # the bounce goes without it
        return None
    return reply_text.trim(text) if text else None


def subject_of(message: Any) -> str:
    try:
        return " ".join(str(message.get("Subject", "")).split())
    except Exception:
        return ""


# Parts of a message read as files at most (the rest are left out
# unnamed): each one the post does not take is named in it.
MAX_PARTS = 50


def attachments_of(message: Any) -> list[SimpleUploadedFile]:
    """Return the files a message carries (its attachments, not its text
    parts), never raising: a part too broken to read is left out. Their
    sizes are bounded by the whole message's (REPLY_EMAIL_MAX_BYTES)."""
    found: list[SimpleUploadedFile] = []
    try:
        # A multipart/related message is an HTML text and the pictures it
        # shows (a signature's logo): no files.
        carries = message.is_multipart() and message.get_content_type() != "multipart/related"
        parts = list(message.iter_attachments()) if carries else []
    except Exception:  # a broken structure carries no file
        logger.info("Inbound mail: unreadable attachments")
        return found
    for part in parts[:MAX_PARTS]:
        try:
            if part.is_multipart():
                continue
            data = part.get_payload(decode=True) or b""
            name = Path(str(part.get_filename() or "")).name.strip() or "attachment"
            found.append(SimpleUploadedFile(name[:200], data, part.get_content_type()))
        except Exception:  # an unreadable part is left out
            logger.info("Inbound mail: an unreadable attachment left out")
    return found
