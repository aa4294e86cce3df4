"""Notifications: who hears of a post, email at once through a real SMTP
server, never twice, an outage that delays and never loses, one-click
unsubscribe (RFC 8058), the inbox."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django_tasks_db.models import DBTaskResult

from alliance87.community import notify, services
from alliance87.community.models import Level, MailState, Notification, Preferences
from alliance87.community.tasks import send_notification_task
from alliance87.community.tests.smtp import free_port, smtp  # noqa: F401 - a fixture
from alliance87.groups.models import Membership
from alliance87.groups.services import end_term

pytestmark = pytest.mark.django_db


def post_and_fan_out(scene, space, body="Hello", author=None):
    thread = services.start_thread(
        space, acting_user=author or scene.partner, title="Harvest update", body=body
    )
    post = thread.posts.get()
    return post, notify.fan_out(post.pk)


def test_a_new_thread_reaches_members_at_once_in_their_language_with_one_click_unsubscribe(
    scene,
    smtp,  # noqa: F811
) -> None:
    services.set_level(scene.commons, acting_user=scene.secretariat, level=Level.EVERYTHING)
    Preferences.objects.create(user=scene.secretariat, language="fr")
    _post, ids = post_and_fan_out(scene, scene.commons, body="Une *nouvelle*")
    assert len(ids) == 1
    assert notify.send_notification(ids[0]) == "sent"
    assert notify.send_notification(ids[0]) == "not pending"
    assert len(smtp.messages) == 1
    message = smtp.messages[0]
    assert message["To"] == scene.secretariat.email
    assert message["Subject"] == "[Commons] Harvest update"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = str(message["List-Unsubscribe"]).strip()
    assert unsubscribe.startswith("<http") and "/fr/community/unsubscribe/" in unsubscribe
    body = message.get_content()
    assert "a ouvert un fil de discussion" in body and "Une *nouvelle*" in body
    assert Notification.objects.get(pk=ids[0]).mail == MailState.SENT


def test_a_post_queues_its_fan_out_after_commit(scene, django_capture_on_commit_callbacks) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        services.start_thread(scene.commons, acting_user=scene.partner, title="T", body="B")
    assert DBTaskResult.objects.filter(task_path__endswith="fan_out_task").count() == 1


def test_a_mail_outage_delays_the_email_and_never_loses_it(scene, settings) -> None:
    services.set_level(scene.commons, acting_user=scene.secretariat, level=Level.EVERYTHING)
    _post, ids = post_and_fan_out(scene, scene.commons)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = (
        "127.0.0.1",
        free_port(),
        False,
    )
    assert send_notification_task.call(ids[0]) == "retry:60"
    row = Notification.objects.get(pk=ids[0])
    assert row.mail == MailState.PENDING and row.attempts == 1 and row.mail_error
    retry = DBTaskResult.objects.get(task_path__endswith="send_notification_task")
    assert retry.run_after is not None and retry.args_kwargs["args"] == [ids[0]]


def test_the_email_goes_once_the_server_is_back(scene, smtp) -> None:  # noqa: F811
    services.set_level(scene.commons, acting_user=scene.secretariat, level=Level.EVERYTHING)
    _post, ids = post_and_fan_out(scene, scene.commons)
    Notification.objects.filter(pk=ids[0]).update(attempts=3, mail_error="refused")
    assert notify.send_notification(ids[0]) == "sent"
    assert len(smtp.messages) == 1


def test_a_worker_that_died_mid_send_never_sends_twice(scene, smtp) -> None:  # noqa: F811
    services.set_level(scene.commons, acting_user=scene.secretariat, level=Level.EVERYTHING)
    _post, ids = post_and_fan_out(scene, scene.commons)
    long_ago = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    Notification.objects.filter(pk=ids[0]).update(mail=MailState.SENDING, mailed=long_ago)
    assert notify.sweep()[0] == 1
    assert notify.send_notification(ids[0]) == "not pending"
    assert smtp.messages == []
    assert Notification.objects.get(pk=ids[0]).mail == MailState.UNCERTAIN


def test_one_click_unsubscribe_stops_the_spaces_email(scene, smtp) -> None:  # noqa: F811
    services.set_level(scene.commons, acting_user=scene.secretariat, level=Level.EVERYTHING)
    _post, ids = post_and_fan_out(scene, scene.commons)
    notify.send_notification(ids[0])
    url = (
        str(smtp.messages[0]["List-Unsubscribe"])
        .strip()
        .strip("<>")
        .split("://", 1)[1]
        .split("/", 1)[1]
    )
    # RFC 8058: a POST without cookies, the body naming the one-click.
    response = Client(enforce_csrf_checks=True).post(
        f"/{url}", "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    _post, ids = post_and_fan_out(scene, scene.commons)
    assert ids == []
    assert not Notification.objects.filter(user=scene.secretariat, post=_post).exists()


def test_a_forged_unsubscribe_link_changes_nothing(scene) -> None:
    services.set_level(scene.commons, acting_user=scene.secretariat, level=Level.EVERYTHING)
    response = Client().post("/en/community/unsubscribe/forged-token/")
    assert response.status_code == 404
    _post, ids = post_and_fan_out(scene, scene.commons)
    assert len(ids) == 1


def test_a_person_removed_from_the_group_stops_receiving_its_threads_at_once(
    scene,
    smtp,  # noqa: F811
) -> None:
    services.set_level(scene.group_space, acting_user=scene.member, level=Level.EVERYTHING)
    _post, ids = post_and_fan_out(scene, scene.group_space, author=scene.secretariat)
    assert len(ids) == 1
    end_term(
        Membership.objects.get(group=scene.group),
        ends_on=dt.date.today(),
        acting_user=scene.secretariat,
    )
    assert notify.send_notification(ids[0]) == "no longer visible"
    assert smtp.messages == []
    _post, ids = post_and_fan_out(scene, scene.group_space, author=scene.secretariat)
    assert ids == []
    member = Client()
    member.force_login(scene.member)
    assert "Harvest update" not in member.get("/en/community/inbox/").content.decode()


def test_a_mention_reaches_only_those_who_may_see_the_post(scene) -> None:
    post, _ids = post_and_fan_out(
        scene, scene.group_space, body="@partner and @member", author=scene.secretariat
    )
    reached = set(Notification.objects.filter(post=post).values_list("user__username", flat=True))
    assert reached == {"member"}  # the partner may not see the members-only space


def test_the_digest_level_waits_for_the_digest_and_shows_in_the_inbox(scene) -> None:
    services.set_level(scene.commons, acting_user=scene.secretariat, level=Level.DIGEST)
    post, ids = post_and_fan_out(scene, scene.commons)
    assert ids == []
    row = Notification.objects.get(user=scene.secretariat, post=post)
    assert row.digest and row.mail == MailState.NONE
    client = Client()
    client.force_login(scene.secretariat)
    assert "Harvest update" in client.get("/en/community/inbox/").content.decode()
    client.post(f"/en/community/inbox/{row.pk}/")
    row.refresh_from_db()
    assert row.read is not None
