"""Reply by email: the signed Reply-To of a notification, and a reply
posted once through standard input, a Maildir and the real SMTP/LMTP
receiver; a person's data export lists the emails they sent."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import smtplib
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connections
from django.utils import timezone

from alliance87.community import inbound, notify, reply_address, services
from alliance87.community.models import InboundMessage
from alliance87.community.smtp_receiver import ReceiverController
from alliance87.community.tests.reply_by_email_support import (
    DOMAIN,
    QUOTED,
    replies,
    reply_mail,
    run_command,
)
from alliance87.community.tests.smtp import free_port, smtp  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db


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


def test_a_persons_data_export_lists_the_emails_they_sent(scene, thread) -> None:
    from alliance87.community.personal_data import export

    raw = reply_mail(reply_address.reply_address(scene.member, thread), scene.member.email)
    assert inbound.receive(raw).status == "posted"
    [row] = export(scene.member, None)["emails_received"]
    assert (row["thread"], row["outcome"], row["why"]) == ("Meeting", "posted", "")
