"""
The signed reply address of a community email: reply+<token>@<domain>.

The token binds one person (account id), one thread and an expiry:

    <user id>-<thread id>-<expiry>-<mac>

the numbers in base 36, the expiry in seconds since the epoch, and the mac
the first 80 bits of an HMAC-SHA256 of the three, keyed from SECRET_KEY
with a salt of its own (`salted_hmac`), in lower-case base 32. Everything
is lower case, as some mail servers fold the local part's case, and the
address stays far below the 64 characters a local part may hold (about 40
for ids in the millions). Django's signing.dumps() would have carried the
same facts in some 80 characters of mixed case; a random key stored in a
table would have needed a row per email sent. Keys in SECRET_KEY_FALLBACKS
are accepted too, so that a key rotation does not break the addresses
already sent.

A token says who may reply, never that they still may: the reader asks
again (community/inbound/).

A digest of several threads has one more address, reply+digest@<domain>,
the same for everyone: its Reply-To, so that "Reply" in any mail program
reaches the Hub, which answers that each thread has its own reply link
(a digest of one thread has that thread's address as its Reply-To).
"""

from __future__ import annotations

import base64
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

SALT = "alliance87.community.reply-by-email"
LOCAL_PREFIX = "reply+"
DIGEST_TOKEN = "digest"
# The start of a digest's Message-ID: a reply naming it answers a digest.
DIGEST_MESSAGE_ID = "<community-digest-"
TOKEN = re.compile(r"^([0-9a-z]{1,13})-([0-9a-z]{1,13})-([0-9a-z]{1,13})-([a-z2-7]{16})$")


class TokenError(StrEnum):
    """Why a token is refused."""

    MALFORMED = "malformed"  # not a token at all
    FORGED = "forged"  # a token the Hub did not sign
    EXPIRED = "expired"


@dataclass(frozen=True)
class ReplyToken:
    user_id: int
    thread_id: int
    expires: dt.datetime


def enabled() -> bool:
    return bool(settings.REPLY_EMAIL_DOMAIN)


def _b36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
        if not number:
            return out


def _mac(payload: str, secret: Any = None) -> str:
    digest = salted_hmac(SALT, payload, secret=secret, algorithm="sha256").digest()
    return base64.b32encode(digest[:10]).decode("ascii").lower()


def make_token(user: Any, thread: Any, *, expires: dt.datetime | None = None) -> str:
    """Return the token of `user`'s replies to `thread`, valid until
    `expires` (REPLY_EMAIL_DAYS from now by default)."""
    if expires is None:
        expires = timezone.now() + dt.timedelta(days=settings.REPLY_EMAIL_DAYS)
    payload = f"{_b36(user.pk)}-{_b36(thread.pk)}-{_b36(int(expires.timestamp()))}"
    return f"{payload}-{_mac(payload)}"


def reply_address(user: Any, thread: Any, *, expires: dt.datetime | None = None) -> str:
    """Return the address `user` replies to, to post in `thread`."""
    token = make_token(user, thread, expires=expires)
    return f"{LOCAL_PREFIX}{token}@{settings.REPLY_EMAIL_DOMAIN}"


def digest_address() -> str:
    """Return the Reply-To of a digest of several threads."""
    return f"{LOCAL_PREFIX}{DIGEST_TOKEN}@{settings.REPLY_EMAIL_DOMAIN}"


def read_token(token: str, *, now: dt.datetime | None = None) -> ReplyToken | TokenError:
    """Return what a token binds, or why it is refused."""
    match = TOKEN.match(token.lower())
    if match is None:
        return TokenError.MALFORMED
    user, thread, expires, mac = match.groups()
    payload = f"{user}-{thread}-{expires}"
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    if not any(constant_time_compare(mac, _mac(payload, secret)) for secret in secrets):
        return TokenError.FORGED
    when = dt.datetime.fromtimestamp(int(expires, 36), tz=dt.UTC)
    if when <= (now or timezone.now()):
        return TokenError.EXPIRED
    return ReplyToken(int(user, 36), int(thread, 36), when)


def token_of(address: str) -> str | None:
    """Return the token of a reply address at REPLY_EMAIL_DOMAIN, or None
    when `address` is not one."""
    local, at, domain = address.strip().strip("<>").rpartition("@")
    if not at or not enabled() or domain.lower() != settings.REPLY_EMAIL_DOMAIN:
        return None
    if not local.lower().startswith(LOCAL_PREFIX):
        return None
    return local[len(LOCAL_PREFIX) :]
