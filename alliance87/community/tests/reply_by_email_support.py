"""What the reply-by-email tests share: the reply domain, a reply as a
mail program writes it, the thread's replies, the `inbound_mail` command
run on standard input, and a refusal's bounce (test helpers, not
fixtures; the thread they reply to is the `thread` fixture of conftest.py)."""

from __future__ import annotations

import io
import sys
from email.message import EmailMessage
from email.utils import make_msgid

from django.core.management import call_command

from alliance87.community import inbound
from alliance87.community.models import Post

DOMAIN = "reply.hub.test"
QUOTED = "On Mon, 7 Dec 2026 at 10:15, Hub <hub@localhost> wrote:\n> Where do we meet?\n> -- \n"


def reply_mail(
    to: str,
    sender: str,
    body: str = f"Geneva, room 3.\n\n{QUOTED}",
    *,
    message_id: str | None = None,
) -> bytes:
    message = EmailMessage()
    message["From"] = f"Someone <{sender}>"
    message["To"] = to
    message["Subject"] = "Re: [Migration space] Meeting"
    message["Message-ID"] = message_id or make_msgid(domain="mail.example.org")
    message.set_content(body)
    return bytes(message)


def replies(thread):
    return list(Post.objects.filter(thread=thread).exclude(body="Where?"))


def run_command(raw: bytes, *args: str, monkeypatch) -> int:
    """Run `inbound_mail` with `raw` on standard input; return its exit code."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    try:
        call_command("inbound_mail", *args, stdout=io.StringIO(), stderr=io.StringIO())
    except SystemExit as stop:
        return int(stop.code or 0)
    return 0


def refused_with_bounce(raw: bytes, smtp, to_address: str, words: str) -> inbound.Outcome:
    outcome = inbound.receive(raw)
    assert outcome.refused and outcome.bounced
    [bounce] = smtp.messages
    assert bounce["To"] == to_address
    assert bounce["Auto-Submitted"] == "auto-replied"
    assert words in bounce.get_content()
    return outcome
