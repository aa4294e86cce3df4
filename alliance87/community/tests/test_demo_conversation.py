"""Issue 13's "done when", on the demo: two demo personas hold a
conversation in the Migration space, the chair on the site and the member
by replying to the notification email; the demo turns reply by email on."""

from __future__ import annotations

import io
import sys

import pytest
from django.core.management import call_command

from alliance87.cli import DEMO_REPLY_DOMAIN
from alliance87.community import notify
from alliance87.community.models import Post, Thread
from alliance87.community.tests.smtp import free_port, smtp  # noqa: F401 - a fixture
from alliance87.testing.personas import sign_in

pytestmark = pytest.mark.django_db


def test_the_chair_writes_on_the_site_and_the_member_answers_by_email(
    demo,
    client,
    settings,
    monkeypatch,
    smtp,  # noqa: F811
):
    settings.REPLY_EMAIL_DOMAIN = DEMO_REPLY_DOMAIN
    thread = Thread.objects.get(space__slug="migration", title__startswith="Sample thread")
    chair = thread.posts.earliest("pk").author
    member = thread.posts.latest("pk").author
    assert chair is not None and member is not None
    # The chair writes on the site.
    sign_in(client, chair)
    response = client.post(
        f"/en/community/{thread.space.slug}/{thread.pk}/reply/",
        {"body": "Shall we try a monthly digest from next month?"},
    )
    assert response.status_code in (200, 302)
    post = Post.objects.filter(thread=thread).latest("pk")
    assert post.author == chair and "monthly digest" in post.body
    # The member, who follows the space at every post, gets the email.
    for pk in notify.fan_out(post.pk):
        notify.send_notification(pk)
    [email] = [m for m in smtp.messages if member.email in str(m["To"])]
    reply_to = str(email["Reply-To"])
    assert reply_to.endswith("@" + DEMO_REPLY_DOMAIN)
    # ...and answers from their mail program.
    answer = (
        f"From: {member.email}\r\nTo: {reply_to}\r\nSubject: Re: {email['Subject']}\r\n"
        "Message-ID: <answer-1@mail.example.org>\r\n\r\n"
        "Yes, monthly suits me.\r\n\r\nOn Mon, the Hub wrote:\r\n> Shall we try...\r\n"
    ).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(answer)))
    try:
        call_command("inbound_mail", stdout=io.StringIO(), stderr=io.StringIO())
    except SystemExit as stop:
        assert not stop.code
    latest = Post.objects.filter(thread=thread).latest("pk")
    assert latest.author == member and latest.body == "Yes, monthly suits me."
    page = client.get(f"/en/community/{thread.space.slug}/{thread.pk}/").content.decode()
    assert "Yes, monthly suits me." in page
