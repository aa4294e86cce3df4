"""
The SMTP or LMTP receiver of reply-by-email (aiosmtpd), which a mail
server forwards the reply addresses' mail to (docs/community.md).

A recipient that is not a valid reply address (malformed, forged, expired,
naming a person or thread the Hub no longer has) is refused at RCPT with a
550 that says why, while the sending server is still connected: the
sender hears of it from their own server, and the Hub sends nothing to an
address it cannot trust (the digest's address is taken, and answered after
DATA). The message itself is read by inbound.receive();
a refusal it explained by a bounce of its own is accepted (250), one it
did not is answered 550 (or 554, 552) with the reason, 550 5.7.26 for
mail its trusted Authentication-Results show forged; a database error is
answered 451, so the server tries again.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.lmtp import LMTP
from aiosmtpd.smtp import SMTP
from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import DatabaseError, close_old_connections

from alliance87.community import inbound

logger = logging.getLogger(__name__)


def _line(text: str) -> str:
    """Return `text` as one line of printable ASCII, for an SMTP reply."""
    flat = " ".join(text.split())
    return flat.encode("ascii", "replace").decode("ascii")[:400]


def answer(outcome: inbound.Outcome) -> str:
    """Return the SMTP reply for what became of a message."""
    if not outcome.refused or outcome.bounced:
        return "250 2.0.0 OK"
    reason = outcome.reason
    if reason is inbound.Refusal.TOO_LARGE:
        return f"552 5.3.4 {_line(outcome.detail)}"
    if reason in inbound.AUTH_REFUSALS:
        # RFC 7372: multiple authentication checks failed.
        return f"550 5.7.26 {_line(outcome.detail)}"
    if reason in inbound.ADDRESS_REFUSALS:
        return f"550 5.1.1 {_line(outcome.detail)}"
    if reason in inbound.PERMISSION_REFUSALS:
        return f"550 5.7.1 {_line(outcome.detail)}"
    return f"554 5.6.0 {_line(outcome.detail)}"


# Runs a blocking function (the ORM's) away from the event loop.
Runner = Callable[..., Awaitable[Any]]


async def in_sync_thread(function: Callable[..., Any], *args: Any) -> Any:
    """Run `function` in asgiref's thread for synchronous code, with a
    usable database connection (a receiver runs for weeks)."""

    def run() -> Any:
        close_old_connections()
        try:
            return function(*args)
        finally:
            close_old_connections()

    return await sync_to_async(run, thread_sensitive=True)()


def _check(address: str) -> str | None:
    reason, _checked = inbound.check_address(address)
    if reason is None or reason is inbound.Refusal.DIGEST:
        # The digest's address is taken, to be answered by the Hub's own
        # bounce (in the person's language, their text given back).
        return None
    return f"550 5.1.1 {_line(inbound.explain_in_english(reason))}"


def _receive(content: bytes, recipients: list[str]) -> str:
    try:
        return answer(inbound.receive(content, recipients=recipients))
    except DatabaseError as error:
        logger.warning("Inbound mail: database error (%s); the server will try again", error)
        return "451 4.3.0 Try again later"


class ReplyHandler:
    """aiosmtpd's handler: check each recipient, then read the message."""

    def __init__(self, runner: Runner = in_sync_thread) -> None:
        self.run = runner

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]
    ) -> str:
        refusal = await self.run(_check, address)
        if refusal is not None:
            return refusal
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode("utf-8", "surrogateescape")
        reply = await self.run(_receive, content, list(envelope.rcpt_tos))
        if isinstance(server, LMTP):
            # LMTP answers once for each recipient.
            return "\r\n".join([reply] * len(envelope.rcpt_tos))
        return reply


class ReceiverController(Controller):
    """A threaded aiosmtpd server speaking SMTP, or LMTP when `lmtp`."""

    def __init__(
        self, *, host: str, port: int, lmtp: bool = False, runner: Runner = in_sync_thread
    ) -> None:
        self.lmtp = lmtp
        super().__init__(
            ReplyHandler(runner),
            hostname=host,
            port=port,
            # Larger messages are refused by aiosmtpd itself (552).
            data_size_limit=settings.REPLY_EMAIL_MAX_BYTES,
            enable_SMTPUTF8=True,
        )

    def factory(self) -> SMTP:
        server_class = LMTP if self.lmtp else SMTP
        return server_class(self.handler, **self.SMTP_kwargs)
