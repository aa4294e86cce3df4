"""Read email replies to the community's reply addresses (community/inbound/).

    alliance87 inbound_mail [--recipient ADDRESS] < message   one message
    alliance87 inbound_mail --maildir PATH                    a Maildir's new mail
    alliance87 inbound_mail --serve --port 8025 [--lmtp]      an SMTP/LMTP receiver

One message from standard input answers a mail server's pipe transport
with an exit code of sysexits.h: 0 posted, already received, ignored (an
automatic message) or refused with a bounce the Hub sent itself; 67
(EX_NOUSER) an address that is no valid reply address; 77 (EX_NOPERM) a
sender or person who may not post there; 65 (EX_DATAERR) a message that
cannot be posted (no text, too large, too long); 75 (EX_TEMPFAIL) the
database could not be reached: the server keeps the message and tries
again. The reason is written to standard error, which the server quotes
in its own bounce.

A Maildir's messages in new/ are read one by one and moved to cur/ marked
seen (":2,S"), as mail clients do; one the database could not take stays
in new/ for the next run.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from alliance87.community import inbound

EX_OK, EX_DATAERR, EX_NOUSER, EX_TEMPFAIL, EX_NOPERM = 0, 65, 67, 75, 77


def exit_code(outcome: inbound.Outcome) -> int:
    """Return the sysexits code a pipe transport reads for `outcome`."""
    if not outcome.refused or outcome.bounced:
        return EX_OK
    if outcome.reason in inbound.ADDRESS_REFUSALS:
        return EX_NOUSER
    if outcome.reason in inbound.PERMISSION_REFUSALS:
        return EX_NOPERM
    return EX_DATAERR


def read_limited(stream: Any, limit: int) -> bytes:
    """Read at most `limit` + 1 bytes of `stream`, draining the rest, so that
    the sender's pipe is not broken and a larger message is seen as such."""
    data = stream.read(limit + 1)
    while stream.read(1 << 16):
        pass
    return bytes(data)


def describe(outcome: inbound.Outcome) -> str:
    if outcome.status == "posted":
        return f"posted (post {outcome.post_id})"
    if outcome.refused:
        told = "; the sender was told by email" if outcome.bounced else ""
        return f"refused ({outcome.reason}): {outcome.detail}{told}"
    return outcome.status


class Command(BaseCommand):
    help = "Post email replies to the community: one message on stdin, a Maildir, or a receiver."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--recipient",
            action="append",
            default=[],
            help="The envelope recipient (a pipe transport's ${recipient}); may repeat.",
        )
        parser.add_argument("--maildir", help="Read every new message of this Maildir.")
        parser.add_argument("--serve", action="store_true", help="Run an SMTP receiver.")
        parser.add_argument("--lmtp", action="store_true", help="Speak LMTP, not SMTP.")
        parser.add_argument("--host", default="127.0.0.1", help="Address to listen on.")
        parser.add_argument("--port", type=int, default=8025, help="Port to listen on.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.REPLY_EMAIL_DOMAIN:
            raise CommandError("Set REPLY_EMAIL_DOMAIN to receive replies by email.")
        if options["serve"]:
            self.serve(options["host"], options["port"], lmtp=options["lmtp"])
        elif options["maildir"]:
            self.read_maildir(Path(options["maildir"]))
        else:
            self.read_stdin(options["recipient"])

    def read_stdin(self, recipients: list[str]) -> None:
        raw = read_limited(sys.stdin.buffer, settings.REPLY_EMAIL_MAX_BYTES)
        try:
            outcome = inbound.receive(raw, recipients=recipients)
        except DatabaseError as error:
            self.stderr.write(f"Try again later: the database could not be reached ({error}).")
            sys.exit(EX_TEMPFAIL)
        code = exit_code(outcome)
        (self.stderr if code else self.stdout).write(describe(outcome))
        if code:
            sys.exit(code)

    def read_maildir(self, path: Path) -> None:
        new, cur = path / "new", path / "cur"
        if not new.is_dir() or not cur.is_dir():
            raise CommandError(f"{path} is not a Maildir (it needs new/ and cur/).")
        counts: dict[str, int] = {}
        for name in sorted(os.listdir(new)):
            source = new / name
            if name.startswith(".") or not source.is_file():
                continue
            with source.open("rb") as handle:
                raw = read_limited(handle, settings.REPLY_EMAIL_MAX_BYTES)
            try:
                outcome = inbound.receive(raw)
            except DatabaseError as error:
                self.stderr.write(f"{name}: left in new/, the database failed ({error})")
                sys.exit(EX_TEMPFAIL)
            self.stdout.write(f"{name}: {describe(outcome)}")
            counts[outcome.status] = counts.get(outcome.status, 0) + 1
            base = name.split(":2,", 1)[0]
            source.rename(cur / f"{base}:2,S")
        self.stdout.write(f"read: {counts or 'nothing new'}")

    def serve(self, host: str, port: int, *, lmtp: bool) -> None:
        from alliance87.community.smtp_receiver import ReceiverController

        # aiosmtpd logs every command of every session at INFO.
        logging.getLogger("mail.log").setLevel(logging.WARNING)
        controller = ReceiverController(host=host, port=port, lmtp=lmtp)
        controller.start()
        kind = "LMTP" if lmtp else "SMTP"
        self.stdout.write(f"Receiving replies by {kind} on {host}:{port}")
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        try:
            while not stop.wait(1.0):
                pass
        except KeyboardInterrupt:
            pass
        finally:
            controller.stop()
