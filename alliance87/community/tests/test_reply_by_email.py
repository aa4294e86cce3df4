"""Reply by email: the signed Reply-To of a notification, a reply posted
once through standard input, a Maildir and the real SMTP/LMTP receiver,
and every refusal: forged, another person's, expired, a From that does
not match, a person removed from the group, a closed thread, an archived
space, hostile messages. A refusal is bounced (to a Hub account only) to
the real SMTP server the community's tests send to."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import smtplib
import sys
from concurrent.futures import ThreadPoolExecutor
from email.message import EmailMessage
from email.utils import make_msgid

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connections
from django.utils import timezone

from alliance87.community import inbound, notify, reply_address, services
from alliance87.community.models import InboundMessage, Level, Post, Preferences
from alliance87.community.smtp_receiver import ReceiverController
from alliance87.community.tests.smtp import free_port, smtp  # noqa: F401 - a fixture
from alliance87.groups.models import Membership
from alliance87.groups.services import end_term
from alliance87.testing.personas import verified

pytestmark = pytest.mark.django_db

DOMAIN = "reply.hub.test"
QUOTED = "On Mon, 7 Dec 2026 at 10:15, Hub <hub@localhost> wrote:\n> Where do we meet?\n> -- \n"


@pytest.fixture
def thread(scene, settings):
    """A thread of the members-only space, which the member follows."""
    settings.REPLY_EMAIL_DOMAIN = DOMAIN
    verified(scene.member)
    verified(scene.partner)
    services.set_level(scene.group_space, acting_user=scene.member, level=Level.EVERYTHING)
    return services.start_thread(
        scene.group_space, acting_user=scene.secretariat, title="Meeting", body="Where?"
    )


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


# --- The reply address ------------------------------------------------------------


def test_a_notification_email_carries_a_reply_to_signed_for_that_person_and_thread(
    scene,
    thread,
    smtp,  # noqa: F811
) -> None:
    post = services.reply(thread, acting_user=scene.secretariat, body="Room 3?")
    ids = notify.fan_out(post.pk)
    assert notify.send_notification(ids[0]) == "sent"
    reply_to = str(smtp.messages[0]["Reply-To"])
    local, domain = reply_to.split("@")
    assert domain == DOMAIN and local.startswith("reply+") and len(local) <= 64
    read = reply_address.read_token(local.removeprefix("reply+"))
    assert isinstance(read, reply_address.ReplyToken)
    assert (read.user_id, read.thread_id) == (scene.member.pk, thread.pk)
    assert "Reply to this email" in smtp.messages[0].get_content()


def test_without_a_reply_domain_the_email_has_no_reply_to(
    scene,
    thread,
    settings,
    smtp,  # noqa: F811
) -> None:
    settings.REPLY_EMAIL_DOMAIN = ""
    post = services.reply(thread, acting_user=scene.secretariat, body="Room 3?")
    notify.send_notification(notify.fan_out(post.pk)[0])
    assert smtp.messages[0]["Reply-To"] is None
    assert "Reply to this email" not in smtp.messages[0].get_content()


def test_a_changed_token_is_forged_and_an_old_one_expired(scene, thread) -> None:
    token = reply_address.make_token(scene.member, thread)
    other = reply_address.make_token(scene.partner, thread)
    # Another person's id with this token's signature.
    swapped = other.split("-")[0] + "-" + token.split("-", 1)[1]
    assert reply_address.read_token(swapped) is reply_address.TokenError.FORGED
    past = timezone.now() - dt.timedelta(seconds=1)
    expired = reply_address.make_token(scene.member, thread, expires=past)
    assert reply_address.read_token(expired) is reply_address.TokenError.EXPIRED
    assert reply_address.read_token("hello") is reply_address.TokenError.MALFORMED


# --- Posting -------------------------------------------------------------------------


def test_a_reply_on_standard_input_posts_once_as_that_person_without_quote_or_signature(
    scene, thread, monkeypatch
) -> None:
    to = reply_address.reply_address(scene.member, thread)
    raw = reply_mail(to, scene.member.email, f"Geneva, room 3.\n\n-- \nMo Member\n\n{QUOTED}")
    assert run_command(raw, monkeypatch=monkeypatch) == 0
    [post] = replies(thread)
    assert post.author == scene.member and post.body == "Geneva, room 3."
    # Delivered again: nothing posts twice.
    assert run_command(raw, monkeypatch=monkeypatch) == 0
    assert len(replies(thread)) == 1
    assert InboundMessage.objects.get().post == post


def test_the_envelope_recipient_is_enough(scene, thread, monkeypatch) -> None:
    to = reply_address.reply_address(scene.member, thread)
    raw = reply_mail("undisclosed-recipients:;", scene.member.email)
    assert run_command(raw, "--recipient", to, monkeypatch=monkeypatch) == 0
    assert [p.body for p in replies(thread)] == ["Geneva, room 3."]


def test_a_maildirs_new_messages_post_once_and_move_to_cur(scene, thread, tmp_path) -> None:
    for sub in ("new", "cur", "tmp"):
        (tmp_path / sub).mkdir()
    raw = reply_mail(reply_address.reply_address(scene.member, thread), scene.member.email)
    (tmp_path / "new" / "1.host").write_bytes(raw)
    (tmp_path / "new" / "2.host").write_bytes(raw)  # the same, delivered twice
    out = io.StringIO()
    call_command("inbound_mail", "--maildir", str(tmp_path), stdout=out)
    assert [p.body for p in replies(thread)] == ["Geneva, room 3."]
    assert sorted(p.name for p in (tmp_path / "cur").iterdir()) == ["1.host:2,S", "2.host:2,S"]
    assert list((tmp_path / "new").iterdir()) == []
    assert "duplicate" in out.getvalue()


def test_a_folder_that_is_no_maildir_is_refused(thread, tmp_path) -> None:
    with pytest.raises(CommandError, match="not a Maildir"):
        call_command("inbound_mail", "--maildir", str(tmp_path))


def test_without_a_reply_domain_the_command_refuses_to_run(settings) -> None:
    settings.REPLY_EMAIL_DOMAIN = ""
    with pytest.raises(CommandError, match="REPLY_EMAIL_DOMAIN"):
        call_command("inbound_mail")


@pytest.fixture
def receiver():
    """Start the real receiver on a free port; its database work runs on
    the test's connection (as Django's live server tests do), so that it
    sees the test's data."""
    connection = connections["default"]
    connection.inc_thread_sharing()
    executor = ThreadPoolExecutor(
        1, initializer=lambda: connections.__setitem__("default", connection)
    )

    async def runner(function, *args):
        return await asyncio.get_running_loop().run_in_executor(executor, function, *args)

    started = []

    def start(lmtp: bool = False) -> int:
        port = free_port()
        controller = ReceiverController(host="127.0.0.1", port=port, lmtp=lmtp, runner=runner)
        controller.start()
        started.append(controller)
        return port

    yield start
    for controller in started:
        controller.stop()
    executor.shutdown()
    connection.dec_thread_sharing()


def test_the_smtp_receiver_posts_a_reply_once_and_refuses_a_forged_address_at_rcpt(
    scene, thread, receiver
) -> None:
    port = receiver()
    to = reply_address.reply_address(scene.member, thread)
    raw = reply_mail(to, scene.member.email)
    with smtplib.SMTP("127.0.0.1", port, timeout=10) as client:
        assert client.sendmail(scene.member.email, [to], raw) == {}
        client.sendmail(scene.member.email, [to], raw)  # again: accepted, not posted
        forged = to.replace("reply+", "reply+1")
        with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
            client.sendmail(scene.member.email, [forged], raw)
    code, text = refused.value.recipients[forged]
    assert code == 550 and b"not made by the Hub" in text
    assert [p.body for p in replies(thread)] == ["Geneva, room 3."]


def test_the_lmtp_receiver_posts_and_refuses_an_expired_address(scene, thread, receiver) -> None:
    port = receiver(lmtp=True)
    to = reply_address.reply_address(scene.member, thread)
    past = timezone.now() - dt.timedelta(days=1)
    expired = reply_address.reply_address(scene.member, thread, expires=past)
    with smtplib.LMTP("127.0.0.1", port) as client:
        assert client.sendmail(scene.member.email, [to], reply_mail(to, scene.member.email)) == {}
        with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
            client.sendmail(scene.member.email, [expired], reply_mail(expired, "x@example.org"))
    code, text = refused.value.recipients[expired]
    assert code == 550 and b"expired" in text
    assert len(replies(thread)) == 1


def test_the_receiver_answers_550_when_the_sender_may_not_post_and_gets_no_bounce(
    scene,
    thread,
    receiver,
    smtp,  # noqa: F811
) -> None:
    port = receiver()
    to = reply_address.reply_address(scene.member, thread)
    client = smtplib.SMTP("127.0.0.1", port, timeout=10)
    with client, pytest.raises(smtplib.SMTPDataError) as refused:
        client.sendmail("x@example.org", [to], reply_mail(to, "stranger@example.org"))
    assert refused.value.smtp_code == 550
    assert smtp.messages == [] and replies(thread) == []


# --- Refusals ------------------------------------------------------------------------


def refused_with_bounce(raw: bytes, smtp, to_address: str, words: str) -> inbound.Outcome:  # noqa: F811
    outcome = inbound.receive(raw)
    assert outcome.refused and outcome.bounced
    [bounce] = smtp.messages
    assert bounce["To"] == to_address
    assert bounce["Auto-Submitted"] == "auto-replied"
    assert words in bounce.get_content()
    return outcome


def test_a_forged_token_is_refused_with_a_bounce_and_posts_nothing(
    scene,
    thread,
    smtp,  # noqa: F811
) -> None:
    to = reply_address.reply_address(scene.member, thread)
    token = to.split("+", 1)[1].split("@")[0]
    forged = to.replace(token, token[:-1] + ("a" if token[-1] != "a" else "b"))
    outcome = refused_with_bounce(
        reply_mail(forged, scene.member.email), smtp, scene.member.email, "not made by the Hub"
    )
    assert outcome.reason is inbound.Refusal.FORGED
    assert "Geneva, room 3." in smtp.messages[0].get_content()  # their text, given back
    assert replies(thread) == []


def test_another_persons_token_is_refused(scene, thread, smtp) -> None:  # noqa: F811
    to = reply_address.reply_address(scene.member, thread)
    outcome = refused_with_bounce(
        reply_mail(to, scene.partner.email), smtp, scene.partner.email, "belongs to another"
    )
    assert outcome.reason is inbound.Refusal.SENDER
    assert replies(thread) == []


def test_an_expired_address_is_refused_in_the_persons_language(
    scene,
    thread,
    smtp,  # noqa: F811
) -> None:
    Preferences.objects.create(user=scene.member, language="fr")
    past = timezone.now() - dt.timedelta(days=1)
    to = reply_address.reply_address(scene.member, thread, expires=past)
    # In French, the member's language: the French for "has expired".
    outcome = refused_with_bounce(
        reply_mail(to, scene.member.email), smtp, scene.member.email, "a expiré"
    )
    assert outcome.reason is inbound.Refusal.EXPIRED
    assert replies(thread) == []


def test_a_from_that_is_no_hub_account_gets_no_bounce(
    scene,
    thread,
    monkeypatch,
    smtp,  # noqa: F811
) -> None:
    to = reply_address.reply_address(scene.member, thread)
    # A forged From: the Hub must not answer a stranger (backscatter).
    code = run_command(reply_mail(to, "victim@example.net"), monkeypatch=monkeypatch)
    assert code == 77  # EX_NOPERM: the mail server refuses it
    assert smtp.messages == [] and replies(thread) == []


def test_a_person_removed_from_the_group_may_no_longer_reply(
    scene,
    thread,
    smtp,  # noqa: F811
) -> None:
    to = reply_address.reply_address(scene.member, thread)
    end_term(
        Membership.objects.get(group=scene.group),
        ends_on=dt.date.today(),
        acting_user=scene.secretariat,
    )
    outcome = refused_with_bounce(
        reply_mail(to, scene.member.email), smtp, scene.member.email, "no longer post"
    )
    assert outcome.reason is inbound.Refusal.NOT_ALLOWED
    assert replies(thread) == []


def test_a_closed_thread_refuses_replies(scene, thread, smtp) -> None:  # noqa: F811
    services.set_thread_state(thread, acting_user=scene.secretariat, closed=True)
    to = reply_address.reply_address(scene.member, thread)
    outcome = refused_with_bounce(
        reply_mail(to, scene.member.email), smtp, scene.member.email, "closed"
    )
    assert outcome.reason is inbound.Refusal.CLOSED
    assert replies(thread) == []


def test_an_archived_space_refuses_replies(scene, thread, smtp) -> None:  # noqa: F811
    services.archive_space(scene.group_space, acting_user=scene.secretariat)
    to = reply_address.reply_address(scene.member, thread)
    outcome = refused_with_bounce(
        reply_mail(to, scene.member.email), smtp, scene.member.email, "archived"
    )
    assert outcome.reason is inbound.Refusal.ARCHIVED


def test_a_deactivated_account_is_refused_without_a_bounce(
    scene,
    thread,
    monkeypatch,
    smtp,  # noqa: F811
) -> None:
    to = reply_address.reply_address(scene.member, thread)
    scene.member.is_active = False
    scene.member.save(update_fields=["is_active"])
    assert run_command(reply_mail(to, scene.member.email), monkeypatch=monkeypatch) == 77
    assert smtp.messages == [] and replies(thread) == []


def test_a_refused_message_delivered_again_is_answered_once(
    scene,
    thread,
    smtp,  # noqa: F811
) -> None:
    services.set_thread_state(thread, acting_user=scene.secretariat, closed=True)
    raw = reply_mail(reply_address.reply_address(scene.member, thread), scene.member.email)
    assert inbound.receive(raw).bounced
    assert inbound.receive(raw).status == "duplicate"
    assert len(smtp.messages) == 1


def test_only_a_quote_is_refused_as_empty(scene, thread, smtp) -> None:  # noqa: F811
    to = reply_address.reply_address(scene.member, thread)
    outcome = refused_with_bounce(
        reply_mail(to, scene.member.email, QUOTED), smtp, scene.member.email, "no text of your own"
    )
    assert outcome.reason is inbound.Refusal.EMPTY


def test_an_unknown_mention_is_refused_with_the_services_reason(
    scene,
    thread,
    smtp,  # noqa: F811
) -> None:
    to = reply_address.reply_address(scene.member, thread)
    outcome = refused_with_bounce(
        reply_mail(to, scene.member.email, "Ask @nobody-here"), smtp, scene.member.email, "@nobody"
    )
    assert outcome.reason is inbound.Refusal.INVALID


def test_an_automatic_reply_is_ignored_without_an_answer(
    scene,
    thread,
    smtp,  # noqa: F811
) -> None:
    raw = reply_mail(reply_address.reply_address(scene.member, thread), scene.member.email)
    raw = b"Auto-Submitted: auto-replied\r\n" + raw
    assert inbound.receive(raw).status == "ignored"
    assert smtp.messages == [] and replies(thread) == []


# --- Hostile input -------------------------------------------------------------------


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


def test_a_persons_data_export_lists_the_emails_they_sent(scene, thread) -> None:
    from alliance87.community.personal_data import export

    raw = reply_mail(reply_address.reply_address(scene.member, thread), scene.member.email)
    assert inbound.receive(raw).status == "posted"
    [row] = export(scene.member, None)["emails_received"]
    assert (row["thread"], row["outcome"], row["why"]) == ("Meeting", "posted", "")
