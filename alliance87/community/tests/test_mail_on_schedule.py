"""The digests go on the workers' schedule (no cron): `alliance87 worker`
queues the community's mail job once a period, which sends each due digest
once; an email waiting for the mail server, or left half-sent, shows on the
Secretariat's page of background work."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from alliance87.community import notify, services
from alliance87.community.models import (
    DigestFrequency,
    Level,
    MailState,
    Notification,
    Preferences,
)
from alliance87.community.tasks import send_notification_task, sweep_and_requeue
from alliance87.community.tests.smtp import free_port, smtp  # noqa: F401 - a fixture
from alliance87.core.taskrecords import TaskRecord, TaskState

pytestmark = pytest.mark.django_db


# The worker closes a connection left in a transaction (as after a
# request): this test commits, and so needs the reference countries again.
@pytest.mark.django_db(transaction=True)
def test_the_worker_sends_a_due_digest_once_without_cron(
    countries,
    scene,
    smtp,  # noqa: F811
) -> None:
    services.set_level(scene.commons, acting_user=scene.secretariat, level=Level.DIGEST)
    end = notify.window_end(timezone.now(), DigestFrequency.DAILY, "UTC")
    Preferences.objects.create(
        user=scene.secretariat,
        time_zone="UTC",
        digest=DigestFrequency.DAILY,
        digest_sent_until=end - dt.timedelta(days=1),
    )
    thread = services.start_thread(
        scene.commons, acting_user=scene.partner, title="Harvest", body="Yesterday's news"
    )
    post = thread.posts.get()
    notify.fan_out(post.pk)
    Notification.objects.filter(post=post).update(created=end - dt.timedelta(hours=2))

    call_command("worker", "--batch", verbosity=0)
    call_command("worker", "--batch", verbosity=0)

    assert len(smtp.messages) == 1
    assert "Harvest" in smtp.messages[0].get_body(("plain",)).get_content()
    assert Preferences.objects.get(user=scene.secretariat).digest_sent_until == end


def test_an_email_waiting_for_the_mail_server_is_recorded_with_its_error(scene, settings) -> None:
    services.set_level(scene.commons, acting_user=scene.secretariat, level=Level.EVERYTHING)
    thread = services.start_thread(scene.commons, acting_user=scene.partner, title="T", body="B")
    (pk,) = notify.fan_out(thread.posts.get().pk)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    settings.EMAIL_USE_TLS = False

    assert send_notification_task.call(pk) == "retry:60"

    record = TaskRecord.objects.get()
    assert record.task_path == "alliance87.community.tasks.send_notification_task"
    assert record.args == [pk] and record.state == TaskState.WAITING
    assert record.attempts == 1 and "refused" in record.last_error.lower()
    assert record.next_try is not None


def test_an_email_a_worker_left_half_sent_is_recorded_and_never_offered_again(scene) -> None:
    services.set_level(scene.commons, acting_user=scene.secretariat, level=Level.EVERYTHING)
    thread = services.start_thread(scene.commons, acting_user=scene.partner, title="T", body="B")
    (pk,) = notify.fan_out(thread.posts.get().pk)
    long_ago = dt.datetime(2020, 1, 1, tzinfo=dt.UTC)
    Notification.objects.filter(pk=pk).update(mail=MailState.SENDING, mailed=long_ago)

    assert sweep_and_requeue() == (1, 0)

    record = TaskRecord.objects.get()
    assert record.state == TaskState.UNCERTAIN and record.args == [pk]
    assert not record.may_retry
