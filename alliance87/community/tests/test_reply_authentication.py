"""Reply by email and Authentication-Results (RFC 8601): only the headers
of the Hub's own mail server (a trusted authserv-id) count; a reply they
show forged (DMARC fail, or neither DKIM nor SPF passing for the From's
domain) is refused with a bounce that says why; without a trusted header
the signed address decides, as before, and the verdict is recorded. Real
messages, as a mail server delivers them, through standard input and the
SMTP receiver."""

from __future__ import annotations

import io
import smtplib
import sys

import pytest
from django.core.management import call_command

from alliance87.community import inbound, mail_auth, reply_address, services
from alliance87.community.mail_auth import Verdict
from alliance87.community.models import InboundMessage, Post
from alliance87.community.smtp_receiver import ReceiverController, answer
from alliance87.community.tests.smtp import free_port, smtp  # noqa: F401 - a fixture
from alliance87.testing.personas import verified

pytestmark = pytest.mark.django_db

DOMAIN = "reply.hub.test"
MX = "mx.hub.test"  # the Hub's receiving server's authserv-id


@pytest.fixture
def thread(scene, settings):
    settings.REPLY_EMAIL_DOMAIN = DOMAIN
    settings.REPLY_EMAIL_AUTHSERV_IDS = [MX]
    verified(scene.member)
    return services.start_thread(
        scene.group_space, acting_user=scene.secretariat, title="Meeting", body="Where?"
    )


def delivered(
    to: str,
    sender: str,
    *,
    results: list[str],
    body: str = "Geneva, room 3.",
    message_id: str = "<a1@mail.example.org>",
) -> bytes:
    """Return a message as the Hub's server delivers it: its own
    Authentication-Results and Received on top, the sender's headers below."""
    top = "".join(f"Authentication-Results: {value}\r\n" for value in results)
    return (
        f"Return-Path: <{sender}>\r\n"
        f"Delivered-To: {to}\r\n"
        f"{top}"
        "Received: from mail.example.org (mail.example.org [203.0.113.9])\r\n"
        f"\tby {MX} (Postfix) with ESMTPS id 4F1A2B3C4D\r\n"
        f"\tfor <{to}>; Mon,  7 Dec 2026 10:20:01 +0000 (UTC)\r\n"
        f"From: Mo Member <{sender}>\r\n"
        f"To: {to}\r\n"
        "Subject: Re: [Migration space] Meeting\r\n"
        f"Message-ID: {message_id}\r\n"
        "Date: Mon, 7 Dec 2026 10:20:00 +0000\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "\r\n"
        f"{body}\r\n"
        "\r\n"
        "On Mon, 7 Dec 2026 at 10:15, Hub <hub@localhost> wrote:\r\n"
        "> Where?\r\n"
    ).encode()


FAIL = [
    f"{MX}; dmarc=fail (p=reject dis=none) header.from=example.org",
    f"{MX};\r\n\tdkim=none;\r\n\tspf=softfail (domain of transitioning mo@example.org does"
    " not designate 203.0.113.9 as permitted sender) smtp.mailfrom=mo@example.org",
]
PASS = [
    f"{MX}; dkim=pass (2048-bit key; unprotected) header.d=example.org"
    ' header.i=@example.org header.b="kXf0Zp1q"; spf=pass smtp.mailfrom=mo@example.org;'
    " dmarc=pass (p=reject dis=none) header.from=example.org"
]


FAILS, PASSES = Verdict.FAIL, Verdict.PASS


def replies(thread):
    return list(Post.objects.filter(thread=thread).exclude(body="Where?"))


def run_command(raw: bytes, monkeypatch) -> int:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    try:
        call_command("inbound_mail", stdout=io.StringIO(), stderr=io.StringIO())
    except SystemExit as stop:
        return int(stop.code or 0)
    return 0


# --- Reading the header -------------------------------------------------------------


def test_a_header_is_read_with_comments_quotes_versions_and_folding() -> None:
    header = mail_auth.parse(
        'mx.hub.test 1; (a comment; with "quotes") dkim/1=pass (good (nested) sig)'
        ' reason="signature ok; verified" header.d=Example.ORG header.s="s1";\r\n'
        "\tspf = fail smtp.mailfrom = bounce@lists.example.net; iprev=pass"
        " policy.iprev=203.0.113.9"
    )
    assert header is not None and header.authserv_id == "mx.hub.test"
    dkim, spf, iprev = header.results
    assert (dkim.method, dkim.result) == ("dkim", "pass")
    assert dkim.properties == {"header.d": "Example.ORG", "header.s": "s1"}
    assert (spf.result, spf.properties["smtp.mailfrom"]) == ("fail", "bounce@lists.example.net")
    assert iprev.method == "iprev"


@pytest.mark.parametrize(
    "value", ["", ";;;", "= pass", "mx; none", "mx; dkim", "mx; (unterminated", '"x; dkim=pass']
)
def test_odd_headers_are_read_without_an_error(value) -> None:
    header = mail_auth.parse(value)
    assert header is None or all(r.result for r in header.results)


@pytest.mark.parametrize(
    ("results", "verdict"),
    [
        (FAIL, Verdict.FAIL),
        (PASS, Verdict.PASS),
        # No DMARC: DKIM and SPF reported, neither for the From's domain.
        ([f"{MX}; dkim=pass header.d=evil.example; spf=pass smtp.mailfrom=x@evil.example"], FAILS),
        # A parent or a subdomain of the From's domain aligns; a bare
        # suffix, a top-level domain or a look-alike does not.
        ([f"{MX}; dkim=pass header.d=mail.example.org; spf=none"], Verdict.PASS),
        ([f"{MX}; dkim=pass header.d=badexample.org; spf=none"], FAILS),
        ([f"{MX}; dkim=fail header.d=example.org; spf=pass smtp.mailfrom=a@org"], FAILS),
        (
            [f"{MX}; dmarc=none header.from=example.org; spf=pass smtp.mailfrom=b@example.org"],
            PASSES,
        ),
        # Only SPF reported, and it fails: not enough to call it forged.
        ([f"{MX}; spf=fail smtp.mailfrom=mo@example.org"], Verdict.NONE),
        ([f"{MX}; none"], Verdict.NONE),
        # A DMARC result about another domain says nothing of this one.
        ([f"{MX}; dmarc=fail header.from=other.example"], Verdict.NONE),
        # Another server's header, or none: no verdict.
        (["mail.example.org; dmarc=fail header.from=example.org"], Verdict.NONE),
        ([], Verdict.NONE),
        # A DMARC pass the sender wrote beside the server's fail loses.
        ([f"{MX}; dmarc=pass header.from=example.org", *FAIL], Verdict.FAIL),
    ],
)
def test_the_verdict_on_the_from_domain(results, verdict) -> None:
    assert mail_auth.judge(results, "example.org", [MX, "other-mx.hub.test"]).verdict == verdict


def test_the_authserv_id_is_compared_without_case() -> None:
    header = "MX.Hub.Test; dmarc=fail header.from=example.org"
    finding = mail_auth.judge([header], "example.org", [MX])
    assert finding.verdict is Verdict.FAIL and finding.summary == "dmarc=fail"


# --- Through the command, from standard input ------------------------------------------


def test_a_spoofed_reply_that_fails_dmarc_is_refused_with_a_bounce_and_posts_nothing(
    scene,
    thread,
    monkeypatch,
    smtp,  # noqa: F811
) -> None:
    to = reply_address.reply_address(scene.member, thread)
    raw = delivered(to, scene.member.email, results=FAIL, body="Wire the fees to IBAN XX00.")
    assert run_command(raw, monkeypatch) == 0  # refused, and the account told
    assert replies(thread) == []
    [bounce] = smtp.messages
    assert bounce["To"] == scene.member.email
    text = bounce.get_content()
    assert "failed the checks of your address's domain" in text
    assert "dmarc=fail" in text and "spf=softfail" in text
    assert "IBAN" not in text  # a forger's text is not handed to the account
    record = InboundMessage.objects.get()
    assert (record.outcome, record.reason, record.authentication) == (
        "refused",
        "auth_failed",
        "fail",
    )


def test_the_bounce_is_in_the_persons_language(
    scene,
    thread,
    smtp,  # noqa: F811
) -> None:
    from alliance87.community.models import Preferences

    Preferences.objects.create(user=scene.member, language="es")
    to = reply_address.reply_address(scene.member, thread)
    outcome = inbound.receive(delivered(to, scene.member.email, results=FAIL))
    assert outcome.reason is inbound.Refusal.AUTH_FAILED and outcome.bounced
    assert "No publicado" in smtp.messages[0]["Subject"]


def test_a_reply_that_passes_posts_and_records_the_pass(scene, thread, monkeypatch) -> None:
    to = reply_address.reply_address(scene.member, thread)
    assert run_command(delivered(to, scene.member.email, results=PASS), monkeypatch) == 0
    [post] = replies(thread)
    assert post.body == "Geneva, room 3." and post.author == scene.member
    record = InboundMessage.objects.get()
    assert record.authentication == "pass"
    assert record.authentication_results == "dkim=pass spf=pass dmarc=pass"


def test_without_a_trusted_header_the_signed_address_decides_and_none_is_recorded(
    scene, thread, monkeypatch
) -> None:
    to = reply_address.reply_address(scene.member, thread)
    # Another server's header is ignored whatever it says.
    raw = delivered(
        to,
        scene.member.email,
        results=["mail.example.org; dmarc=fail header.from=example.org"],
    )
    assert run_command(raw, monkeypatch) == 0
    assert [p.body for p in replies(thread)] == ["Geneva, room 3."]
    assert InboundMessage.objects.get().authentication == "none"


def test_no_authserv_id_configured_trusts_no_header(scene, thread, settings) -> None:
    settings.REPLY_EMAIL_AUTHSERV_IDS = []
    to = reply_address.reply_address(scene.member, thread)
    assert inbound.receive(delivered(to, scene.member.email, results=FAIL)).status == "posted"
    assert InboundMessage.objects.get().authentication == "none"


def test_require_pass_refuses_a_reply_without_a_trusted_pass(
    scene,
    thread,
    settings,
    smtp,  # noqa: F811
) -> None:
    settings.REPLY_EMAIL_AUTH_POLICY = "require-pass"
    to = reply_address.reply_address(scene.member, thread)
    # A pass from a server the Hub does not trust is no pass.
    untrusted = ["mail.example.org; dmarc=pass header.from=example.org"]
    outcome = inbound.receive(delivered(to, scene.member.email, results=untrusted))
    assert outcome.reason is inbound.Refusal.AUTH_MISSING and outcome.bounced
    assert "could not be confirmed" in smtp.messages[-1].get_content()
    raw = delivered(
        to, scene.member.email, results=[f"{MX}; spf=none"], message_id="<a2@mail.example.org>"
    )
    assert inbound.receive(raw).reason is inbound.Refusal.AUTH_MISSING
    raw = delivered(to, scene.member.email, results=PASS, message_id="<a3@mail.example.org>")
    assert inbound.receive(raw).status == "posted"


def test_record_only_posts_a_failing_reply_and_records_it(scene, thread, settings) -> None:
    settings.REPLY_EMAIL_AUTH_POLICY = "record-only"
    to = reply_address.reply_address(scene.member, thread)
    assert inbound.receive(delivered(to, scene.member.email, results=FAIL)).status == "posted"
    record = InboundMessage.objects.get()
    assert (record.outcome, record.authentication) == ("posted", "fail")


def test_a_from_of_a_stranger_that_fails_gets_no_bounce(
    scene,
    thread,
    monkeypatch,
    smtp,  # noqa: F811
) -> None:
    to = reply_address.reply_address(scene.member, thread)
    raw = delivered(to, "victim@example.org", results=FAIL)
    assert run_command(raw, monkeypatch) == 77  # EX_NOPERM: the server refuses it
    assert smtp.messages == [] and replies(thread) == []


@pytest.mark.parametrize(
    "froms",
    [
        "From: {member}\r\nFrom: eve@evil.example\r\n",
        "From: {member}, eve@evil.example\r\n",
        "From: eve@evil.example\r\nFrom: {member}\r\n",
    ],
)
def test_two_senders_are_no_sender(scene, thread, froms, smtp) -> None:  # noqa: F811
    to = reply_address.reply_address(scene.member, thread)
    raw = (
        froms.format(member=scene.member.email)
        + f"To: {to}\r\nMessage-ID: <two@evil.example>\r\n\r\nHello\r\n"
    ).encode()
    outcome = inbound.receive(raw)
    assert outcome.reason is inbound.Refusal.SENDER and not outcome.bounced
    assert replies(thread) == [] and smtp.messages == []


# --- Through the SMTP receiver ----------------------------------------------------------


def test_the_receiver_takes_a_spoofed_reply_bounces_it_and_posts_nothing(
    scene,
    thread,
    smtp,  # noqa: F811
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connections

    connection = connections["default"]
    connection.inc_thread_sharing()
    executor = ThreadPoolExecutor(
        1, initializer=lambda: connections.__setitem__("default", connection)
    )

    async def runner(function, *args):
        import asyncio

        return await asyncio.get_running_loop().run_in_executor(executor, function, *args)

    port = free_port()
    controller = ReceiverController(host="127.0.0.1", port=port, runner=runner)
    controller.start()
    try:
        to = reply_address.reply_address(scene.member, thread)
        with smtplib.SMTP("127.0.0.1", port, timeout=10) as client:
            raw = delivered(to, scene.member.email, results=FAIL)
            assert client.sendmail(scene.member.email, [to], raw) == {}
            raw = delivered(to, scene.member.email, results=PASS, message_id="<ok@x.example>")
            assert client.sendmail(scene.member.email, [to], raw) == {}
    finally:
        controller.stop()
        executor.shutdown()
        connection.dec_thread_sharing()
    assert [p.body for p in replies(thread)] == ["Geneva, room 3."]
    [bounce] = smtp.messages
    assert "dmarc=fail" in bounce.get_content()


def test_a_refusal_not_bounced_is_answered_5_7_26() -> None:
    outcome = inbound.Outcome("refused", inbound.Refusal.AUTH_FAILED, "Forged. [dmarc=fail]")
    assert answer(outcome) == "550 5.7.26 Forged. [dmarc=fail]"
