"""Replying to a digest by email: each thread of a digest carries the
person's own reply address for it (the bare address in the text part, a
mailto: link in the HTML part); a digest of one thread has that address as
its Reply-To; a digest of several has the digest's address, and a reply
there, or to the digest's own message, is bounced with an explanation."""

from __future__ import annotations

import datetime as dt
import smtplib
from email.message import EmailMessage
from email.utils import make_msgid
from urllib.parse import unquote

import pytest

from alliance87.community import inbound, notify, reply_address, services
from alliance87.community.models import DigestFrequency, Level, Notification, Post, Preferences
from alliance87.community.tests.smtp import free_port, smtp  # noqa: F401 - a fixture
from alliance87.testing.personas import verified

pytestmark = pytest.mark.django_db

DOMAIN = "reply.hub.test"
NOW = dt.datetime(2026, 3, 11, 8, tzinfo=dt.UTC)


@pytest.fixture
def reader(scene, settings):
    """The partner, who reads the commons in a daily digest."""
    settings.REPLY_EMAIL_DOMAIN = DOMAIN
    verified(scene.partner)
    services.set_level(scene.commons, acting_user=scene.partner, level=Level.DIGEST)
    Preferences.objects.create(
        user=scene.partner,
        time_zone="UTC",
        digest=DigestFrequency.DAILY,
        digest_sent_until=NOW.replace(hour=0) - dt.timedelta(days=1),
    )
    return scene.partner


def started(scene, title: str):
    thread = services.start_thread(
        scene.commons, acting_user=scene.secretariat, title=title, body=f"Body of {title}"
    )
    post = thread.posts.get()
    notify.fan_out(post.pk)
    Notification.objects.filter(post=post).update(created=NOW - dt.timedelta(hours=12))
    return thread


def names(address: str) -> tuple[int, int]:
    """Return the person and thread a reply address was signed for."""
    read = reply_address.read_token(reply_address.token_of(address) or "")
    assert isinstance(read, reply_address.ReplyToken), address
    return read.user_id, read.thread_id


def parts(message) -> tuple[str, str]:
    return (
        message.get_body(("plain",)).get_content(),
        message.get_body(("html",)).get_content(),
    )


def answer(to: str, sender: str, body: str = "Count me in.", **headers: str) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = "Re: Your daily community digest"
    message["Message-ID"] = make_msgid(domain="mail.example.org")
    for name, value in headers.items():
        del message[name.replace("_", "-")]
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return bytes(message)


def test_each_thread_of_a_digest_has_the_readers_own_reply_address_in_both_parts(
    scene,
    reader,
    smtp,  # noqa: F811
) -> None:
    first, second = started(scene, "Harvest"), started(scene, "Fisheries")
    assert notify.send_digest(reader.pk, now=NOW) == "sent"
    [digest] = smtp.messages
    text, html = parts(digest)
    in_text = [line.split(": ", 1)[1] for line in text.splitlines() if "Reply by email:" in line]
    links = [part.split('"')[0] for part in html.split('href="mailto:')[1:]]
    # Each address names this reader and its own thread, in both parts.
    assert [names(a) for a in in_text] == [(reader.pk, first.pk), (reader.pk, second.pk)]
    assert [link.split("?")[0] for link in links] == in_text
    assert [link.split("?")[1] for link in links] == [
        "subject=Re%3A%20%5BCommons%5D%20Harvest",
        "subject=Re%3A%20%5BCommons%5D%20Fisheries",
    ]
    # "Reply" reaches the digest's address, which posts nothing.
    assert digest["Reply-To"] == reply_address.digest_address()
    assert "a reply to this whole digest is not posted" in text


def test_a_reply_through_a_threads_link_posts_in_that_thread(
    scene,
    reader,
    smtp,  # noqa: F811
) -> None:
    started(scene, "Harvest")
    fisheries = started(scene, "Fisheries")
    notify.send_digest(reader.pk, now=NOW)
    _text, html = parts(smtp.messages[0])
    mailto = html.split('href="mailto:')[2].split('"')[0]  # the second thread's link
    address, query = mailto.split("?")
    subject = unquote(query.removeprefix("subject="))
    assert subject == "Re: [Commons] Fisheries"
    raw = answer(address, reader.email, Subject=subject)
    assert inbound.receive(raw).status == "posted"
    post = Post.objects.filter(thread=fisheries).latest("pk")
    assert (post.author, post.body) == (reader, "Count me in.")


def test_a_digest_of_one_thread_replies_to_that_thread(
    scene,
    reader,
    smtp,  # noqa: F811
) -> None:
    thread = started(scene, "Harvest")
    notify.send_digest(reader.pk, now=NOW)
    [digest] = smtp.messages
    assert names(str(digest["Reply-To"])) == (reader.pk, thread.pk)
    assert "Reply to this email to post your answer" in parts(digest)[0]
    quoted = "Count me in.\n\nOn Wed, 11 Mar 2026, Hub wrote:\n> New in your spaces\n"
    raw = answer(str(digest["Reply-To"]), reader.email, quoted)
    assert inbound.receive(raw).status == "posted"
    assert Post.objects.filter(thread=thread).latest("pk").body == "Count me in."


def test_a_reply_to_a_digest_of_several_threads_is_bounced_with_an_explanation(
    scene,
    reader,
    smtp,  # noqa: F811
) -> None:
    started(scene, "Harvest")
    started(scene, "Fisheries")
    notify.send_digest(reader.pk, now=NOW)
    [digest] = smtp.messages
    raw = answer(str(digest["Reply-To"]), reader.email, In_Reply_To=str(digest["Message-ID"]))
    outcome = inbound.receive(raw)
    assert outcome.reason is inbound.Refusal.DIGEST and outcome.bounced
    bounce = smtp.messages[-1]
    assert bounce["To"] == reader.email
    assert "You replied to a digest" in bounce.get_content()
    assert "Count me in." in bounce.get_content()  # their text, to keep
    assert Post.objects.filter(body="Count me in.").count() == 0


def test_a_reply_to_the_digests_own_from_is_bounced_too(
    scene,
    reader,
    smtp,  # noqa: F811
) -> None:
    """A mail server that hands the Hub's From address to inbound_mail as
    well: the reply names the digest's Message-ID."""
    started(scene, "Harvest")
    started(scene, "Fisheries")
    notify.send_digest(reader.pk, now=NOW)
    [digest] = smtp.messages
    raw = answer("hub@localhost", reader.email, References=str(digest["Message-ID"]))
    assert inbound.receive(raw).reason is inbound.Refusal.DIGEST
    assert "You replied to a digest" in smtp.messages[-1].get_content()


def test_a_stranger_replying_to_the_digests_address_gets_no_bounce(
    scene,
    reader,
    smtp,  # noqa: F811
) -> None:
    raw = answer(reply_address.digest_address(), "stranger@example.net")
    outcome = inbound.receive(raw)
    assert outcome.reason is inbound.Refusal.DIGEST and not outcome.bounced
    assert smtp.messages == []


def test_a_closed_thread_has_no_reply_link_and_a_reply_says_it_is_closed(
    scene,
    reader,
    smtp,  # noqa: F811
) -> None:
    thread = started(scene, "Harvest")
    services.set_thread_state(thread, acting_user=scene.secretariat, closed=True)
    notify.send_digest(reader.pk, now=NOW)
    [digest] = smtp.messages
    text, html = parts(digest)
    assert "Reply by email" not in text and "mailto:" not in html
    assert "Reply to this email" not in text
    # "Reply" still reaches the thread's address, whose refusal says why.
    assert names(str(digest["Reply-To"])) == (reader.pk, thread.pk)
    outcome = inbound.receive(answer(str(digest["Reply-To"]), reader.email))
    assert outcome.reason is inbound.Refusal.CLOSED and outcome.bounced


def test_without_a_reply_domain_a_digest_has_no_reply_address(
    scene,
    reader,
    settings,
    smtp,  # noqa: F811
) -> None:
    settings.REPLY_EMAIL_DOMAIN = ""
    started(scene, "Harvest")
    notify.send_digest(reader.pk, now=NOW)
    [digest] = smtp.messages
    text, html = parts(digest)
    assert digest["Reply-To"] is None
    assert "Reply by email" not in text and "mailto:" not in html and "Reply to this" not in text


def test_the_digests_html_escapes_what_people_wrote(
    scene,
    reader,
    smtp,  # noqa: F811
) -> None:
    started(scene, "<script>alert(1)</script>")
    notify.send_digest(reader.pk, now=NOW)
    html = parts(smtp.messages[0])[1]
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_the_receiver_takes_the_digests_address_and_bounces_itself(
    scene,
    reader,
    smtp,  # noqa: F811
) -> None:
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connections

    from alliance87.community.smtp_receiver import ReceiverController

    connection = connections["default"]
    connection.inc_thread_sharing()
    executor = ThreadPoolExecutor(
        1, initializer=lambda: connections.__setitem__("default", connection)
    )

    async def runner(function, *args):
        return await asyncio.get_running_loop().run_in_executor(executor, function, *args)

    port = free_port()
    controller = ReceiverController(host="127.0.0.1", port=port, lmtp=True, runner=runner)
    controller.start()
    try:
        to = reply_address.digest_address()
        with smtplib.LMTP("127.0.0.1", port) as client:
            assert client.sendmail(reader.email, [to], answer(to, reader.email)) == {}
    finally:
        controller.stop()
        executor.shutdown()
        connection.dec_thread_sharing()
    assert "You replied to a digest" in smtp.messages[-1].get_content()
