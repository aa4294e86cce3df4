"""Reply by email, hostile or odd input: a huge message, one without text,
malformed messages (refused without a traceback), other and lying
charsets, and HTML-only replies, read as text without their quote."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import make_msgid

import pytest

from alliance87.community import inbound, reply_address
from alliance87.community.models import InboundMessage
from alliance87.community.tests.reply_by_email_support import (
    refused_with_bounce,
    replies,
    reply_mail,
    run_command,
)
from alliance87.community.tests.smtp import smtp  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db


def test_a_huge_message_is_refused_with_a_bounce(
    scene,
    thread,
    settings,
    monkeypatch,
    smtp,  # noqa: F811
) -> None:
    settings.REPLY_EMAIL_MAX_BYTES = 4096
    to = reply_address.reply_address(scene.member, thread)
    raw = reply_mail(to, scene.member.email, "x" * 100_000)
    assert run_command(raw, monkeypatch=monkeypatch) == 0  # refused, and the sender was told
    assert "larger than the Hub accepts" in smtp.messages[0].get_content()
    assert replies(thread) == []


def test_a_message_without_text_is_refused(scene, thread, smtp) -> None:  # noqa: F811
    message = EmailMessage()
    message["From"] = scene.member.email
    message["To"] = reply_address.reply_address(scene.member, thread)
    message["Message-ID"] = make_msgid()
    message.add_attachment(b"\x89PNG\r\n", maintype="image", subtype="png", filename="a.png")
    refused_with_bounce(bytes(message), smtp, scene.member.email, "no text the Hub can read")
    assert InboundMessage.objects.get().reason == "no_text"


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"\x00\xff\xfe garbage without headers",
        b"From: <<<@@@>>>\r\nTo: ===?utf-8?q?broken\r\nSubject: =?x-unknown?b?////?=\r\n\r\nHi",
        b"Content-Type: multipart/mixed; boundary=\r\n\r\n--\r\n--",
        b"To: reply+1-1-1-aaaaaaaaaaaaaaaa@reply.hub.test\r\n\r\nHi",
    ],
)
def test_malformed_messages_are_refused_without_a_traceback(thread, raw, monkeypatch) -> None:
    code = run_command(raw, monkeypatch=monkeypatch)
    assert code in {65, 67}
    assert replies(thread) == []


@pytest.mark.parametrize(
    ("charset", "text"),
    [("iso-8859-1", "Réunion à Genève."), ("windows-1252", "“Quoted” – fine."), ("koi8-r", "Да.")],
)
def test_replies_in_other_charsets_are_read(scene, thread, charset, text) -> None:
    to = reply_address.reply_address(scene.member, thread)
    raw = (
        f"From: {scene.member.email}\r\nTo: {to}\r\nMessage-ID: {make_msgid()}\r\n"
        f"Content-Type: text/plain; charset={charset}\r\n"
        "Content-Transfer-Encoding: 8bit\r\n\r\n"
    ).encode() + text.encode(charset)
    assert inbound.receive(raw).status == "posted"
    assert [p.body for p in replies(thread)] == [text]


def test_a_lying_charset_is_read_with_replacements(scene, thread) -> None:
    to = reply_address.reply_address(scene.member, thread)
    raw = (
        f"From: {scene.member.email}\r\nTo: {to}\r\nMessage-ID: {make_msgid()}\r\n"
        "Content-Type: text/plain; charset=x-no-such-charset\r\n\r\n"
    ).encode() + b"Caf\xe9 ok"
    assert inbound.receive(raw).status == "posted"
    assert replies(thread)[0].body.startswith("Caf")


def test_an_html_only_reply_is_read_as_text_without_its_quote(scene, thread) -> None:
    message = EmailMessage()
    message["From"] = scene.member.email
    message["To"] = reply_address.reply_address(scene.member, thread)
    message["Message-ID"] = make_msgid()
    message.set_content(
        '<div dir="ltr">Geneva, <b>room 3</b>.<br><a href="https://example.org/map">Map</a>'
        '</div><div class="gmail_quote"><div class="gmail_attr">On Mon, 7 Dec 2026 at 10:15,'
        " Hub &lt;hub@localhost&gt; wrote:<br></div><blockquote>Where do we meet?</blockquote>"
        "</div><script>alert(1)</script>",
        subtype="html",
    )
    assert inbound.receive(bytes(message)).status == "posted"
    assert replies(thread)[0].body == "Geneva, room 3.\nMap <https://example.org/map>"
