"""Reply by email, refused: forged, another person's, expired, a From that
is no Hub account, a person removed from the group, a closed thread, an
archived space, a deactivated account, a quote only, an unknown mention.
A refusal is bounced (to a Hub account only, once) to the real SMTP server
the community's tests send to; an automatic reply is ignored."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from alliance87.community import inbound, reply_address, services
from alliance87.community.models import Preferences
from alliance87.community.tests.reply_by_email_support import (
    QUOTED,
    refused_with_bounce,
    replies,
    reply_mail,
    run_command,
)
from alliance87.community.tests.smtp import smtp  # noqa: F401 - a fixture
from alliance87.groups.models import Membership
from alliance87.groups.services import end_term

pytestmark = pytest.mark.django_db


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
