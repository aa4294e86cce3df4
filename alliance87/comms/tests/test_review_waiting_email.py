"""The Secretariat is emailed when a partner's post waits for its review:
each member once per submission, after the submission is committed, in
the language they chose for email, with the address of the review queue."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend

from alliance87.comms import services
from alliance87.comms.models import Post
from alliance87.comms.tasks import send_post_waiting
from alliance87.community.models import Preferences
from alliance87.core.notices import NoticeState
from alliance87.testing.personas import make_user, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def draft_form(**extra: Any) -> dict[str, Any]:
    return {
        "kind": "story",
        "title_en": "A harvest without child labour",
        "title_fr": "Une récolte sans travail des enfants",
        "body_en": "Text.",
        "body_fr": "Texte.",
        "visibility": "public",
        "action": "submit",
        **extra,
    }


def test_each_member_of_the_secretariat_is_emailed_once_in_their_language(
    client, personas, django_capture_on_commit_callbacks
):
    french = make_user("secretariat-fr", staff=True)
    Preferences.objects.create(user=french, language="fr")
    former = make_user("former-secretariat", staff=True)
    former.is_active = False
    former.save()
    sign_in(client, personas.partner)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert client.post("/en/news/mine/new/", draft_form()).status_code == 302
    assert mail.outbox == []  # nothing leaves before the submission is committed
    for callback in callbacks:
        callback()
    post = Post.objects.get()
    by_address = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_address) == sorted([personas.secretariat.email, french.email])
    english = by_address[personas.secretariat.email]
    assert english.subject == "A partner's post waits for review: A harvest without child labour"
    assert "International Trade Union Confederation" in english.body
    assert "/en/news/review/" in english.body
    assert english.extra_headers["Content-Language"] == "en"
    in_french = by_address[french.email]
    assert in_french.extra_headers["Content-Language"] == "fr"
    assert "Une récolte sans travail des enfants" in in_french.subject
    assert "/fr/news/review/" in in_french.body
    # Run again (a retry, a second worker): nothing is sent twice.
    assert send_post_waiting.call(post.pk) is False
    post.refresh_from_db()
    assert post.review_notice == NoticeState.SENT and len(mail.outbox) == 2


def test_saving_a_draft_emails_no_one_and_a_resubmission_is_announced_again(
    client, personas, django_capture_on_commit_callbacks
):
    sign_in(client, personas.partner)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/news/mine/new/", draft_form(action="save"))
    assert mail.outbox == []
    post = Post.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/news/mine/{post.slug}/", draft_form())
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        services.return_post(post, reason="Add the country.", acting_user=personas.secretariat)
    assert len(mail.outbox) == 2  # the author is told
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/news/mine/{post.slug}/", draft_form())
    waiting = [m for m in mail.outbox if m.to == [personas.secretariat.email]]
    assert len(waiting) == 2


def test_a_post_reviewed_before_the_email_left_is_not_announced(
    personas, django_capture_on_commit_callbacks
):
    post = Post(kind="news", title_en="Ours", created_by=personas.partner)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.save_partner_post(post, acting_user=personas.partner)
        services.submit_post(post, acting_user=personas.partner)
    services.return_post(post, reason="No.", acting_user=personas.secretariat)
    mail.outbox.clear()
    for callback in callbacks:
        callback()
    assert mail.outbox == []
    post.refresh_from_db()
    assert post.review_notice == NoticeState.NONE


def test_a_refusing_mail_server_leaves_the_email_waiting_for_the_retry(
    personas, monkeypatch, settings
):
    # A backend that keeps the retry the task queues for later.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    post = Post(kind="news", title_en="Ours", created_by=personas.partner)
    services.save_partner_post(post, acting_user=personas.partner)
    services.submit_post(post, acting_user=personas.partner)
    post.refresh_from_db()
    assert post.review_notice == NoticeState.WAITING  # callbacks not run

    def refuse(self: Any, messages: Any) -> int:
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)
    with pytest.raises(ConnectionRefusedError):
        send_post_waiting.call(post.pk)
    post.refresh_from_db()
    assert post.review_notice == NoticeState.WAITING
    monkeypatch.undo()
    assert send_post_waiting.call(post.pk) is True
    assert [m.to for m in mail.outbox] == [[personas.secretariat.email]]


def test_with_no_secretariat_address_nothing_waits(personas):
    personas.secretariat.__class__.objects.filter(pk=personas.secretariat.pk).update(email="")
    post = Post(kind="news", title_en="Ours", created_by=personas.partner)
    services.save_partner_post(post, acting_user=personas.partner)
    services.submit_post(post, acting_user=personas.partner)
    post.refresh_from_db()
    assert post.review_notice == NoticeState.NONE


def test_a_refused_recipient_fails_alone(personas, smtp, django_capture_on_commit_callbacks):
    bouncing = make_user("bounce", staff=True)
    assert bouncing.email == "bounce@example.org"  # the address the receiver refuses
    post = Post(kind="news", title_en="Ours", created_by=personas.partner)
    with django_capture_on_commit_callbacks(execute=True):
        services.save_partner_post(post, acting_user=personas.partner)
        services.submit_post(post, acting_user=personas.partner)
    (only,) = smtp.messages
    assert only[0] == [personas.secretariat.email]
    post.refresh_from_db()
    assert post.review_notice == NoticeState.SENT
    assert send_post_waiting.call(post.pk) is False and len(smtp.messages) == 1
