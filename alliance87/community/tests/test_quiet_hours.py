"""Quiet hours: no email between the times a person chose, in their time
zone; what comes meanwhile is emailed when they end (through a real SMTP
server), the inbox is written at once, and a digest due meanwhile waits."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from alliance87.community import notify, services
from alliance87.community.models import (
    DigestFrequency,
    Level,
    MailState,
    Notification,
    Preferences,
)
from alliance87.community.personal_data import export
from alliance87.community.tasks import send_notification_task
from alliance87.community.tests.smtp import smtp  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db
KTM = ZoneInfo("Asia/Kathmandu")
NIGHT = {"quiet_from": dt.time(22), "quiet_until": dt.time(7)}


def quiet(**times: dt.time | None) -> Preferences:
    return Preferences(time_zone="Asia/Kathmandu", **times)


@pytest.mark.parametrize(
    ("local", "ends"),
    [
        (dt.datetime(2026, 3, 10, 23, 30), dt.datetime(2026, 3, 11, 7)),
        (dt.datetime(2026, 3, 11, 3, 0), dt.datetime(2026, 3, 11, 7)),
        (dt.datetime(2026, 3, 10, 22, 0), dt.datetime(2026, 3, 11, 7)),
        (dt.datetime(2026, 3, 11, 7, 0), None),
        (dt.datetime(2026, 3, 11, 12, 0), None),
    ],
)
def test_quiet_hours_across_midnight_end_at_the_next_morning_of_the_persons_time_zone(
    local: dt.datetime, ends: dt.datetime | None
) -> None:
    now = local.replace(tzinfo=KTM).astimezone(dt.UTC)
    expected = ends.replace(tzinfo=KTM) if ends else None
    assert notify.quiet_end(quiet(**NIGHT), now) == expected


def test_quiet_hours_within_a_day_and_no_quiet_hours() -> None:
    noon = dt.datetime(2026, 3, 11, 12, 30, tzinfo=KTM)
    lunch = quiet(quiet_from=dt.time(12), quiet_until=dt.time(14))
    assert notify.quiet_end(lunch, noon) == dt.datetime(2026, 3, 11, 14, tzinfo=KTM)
    assert notify.quiet_end(lunch, noon.replace(hour=14)) is None
    assert notify.quiet_end(quiet(), noon) is None
    assert notify.quiet_end(None, noon) is None


def around_now(hours: int = 1) -> dict[str, dt.time]:
    """Quiet hours from an hour ago to an hour from now, in Kathmandu."""
    local = timezone.now().astimezone(KTM).replace(second=0, microsecond=0)
    return {
        "quiet_from": (local - dt.timedelta(hours=hours)).time(),
        "quiet_until": (local + dt.timedelta(hours=hours)).time(),
    }


def test_an_email_in_quiet_hours_waits_for_their_end_then_goes_once(
    scene,
    smtp,  # noqa: F811
) -> None:
    services.set_level(scene.commons, acting_user=scene.secretariat, level=Level.EVERYTHING)
    Preferences.objects.create(user=scene.secretariat, time_zone="Asia/Kathmandu", **around_now())
    thread = services.start_thread(scene.commons, acting_user=scene.partner, title="T", body="B")
    (pk,) = notify.fan_out(thread.posts.get().pk)

    outcome = send_notification_task.call(pk)

    assert outcome.startswith("quiet:") and 3500 <= int(outcome.split(":")[1]) <= 3600
    row = Notification.objects.get(pk=pk)
    assert row.mail == MailState.PENDING and row.attempts == 0 and row.read is None
    assert smtp.messages == []
    queued = DBTaskResult.objects.get(task_path__endswith="send_notification_task")
    assert queued.run_after == row.held_until
    assert notify.send_notification(pk, now=row.held_until) == "sent"
    assert notify.send_notification(pk, now=row.held_until) == "not pending"
    assert len(smtp.messages) == 1


def test_the_sweep_leaves_a_held_email_to_its_own_task(scene) -> None:
    services.set_level(scene.commons, acting_user=scene.secretariat, level=Level.EVERYTHING)
    thread = services.start_thread(scene.commons, acting_user=scene.partner, title="T", body="B")
    (pk,) = notify.fan_out(thread.posts.get().pk)
    now = timezone.now()
    Notification.objects.filter(pk=pk).update(
        created=now - dt.timedelta(hours=3), held_until=now + dt.timedelta(hours=2)
    )
    assert notify.sweep(now=now) == (0, [])
    # Long after the hours ended, a task that was lost is queued again.
    assert notify.sweep(now=now + dt.timedelta(hours=3)) == (0, [pk])


def test_a_digest_due_in_quiet_hours_goes_at_the_first_run_after(
    scene,
    smtp,  # noqa: F811
) -> None:
    services.set_level(scene.commons, acting_user=scene.secretariat, level=Level.DIGEST)
    Preferences.objects.create(
        user=scene.secretariat,
        time_zone="Asia/Kathmandu",
        digest=DigestFrequency.DAILY,
        digest_sent_until=dt.datetime(2026, 3, 10, tzinfo=KTM),
        **NIGHT,
    )
    thread = services.start_thread(scene.commons, acting_user=scene.partner, title="T", body="B")
    notify.fan_out(thread.posts.get().pk)
    Notification.objects.update(created=dt.datetime(2026, 3, 10, 15, tzinfo=KTM))

    assert notify.send_digest(
        scene.secretariat.pk, now=dt.datetime(2026, 3, 11, 1, tzinfo=KTM)
    ) == ("quiet")
    assert smtp.messages == []
    assert notify.send_digest(
        scene.secretariat.pk, now=dt.datetime(2026, 3, 11, 7, tzinfo=KTM)
    ) == ("sent")
    assert len(smtp.messages) == 1


def settings_post(client: Client, **times: str) -> str:
    data = {"language": "en", "time_zone": "Asia/Kathmandu", "digest": "daily", **times}
    return client.post("/en/community/settings/", data, follow=True).content.decode()


def test_a_person_sets_quiet_hours_on_the_settings_page_without_javascript(scene) -> None:
    client = Client()
    client.force_login(scene.partner)
    settings_post(client, quiet_from="22:00", quiet_until="07:00")
    prefs = Preferences.objects.get(user=scene.partner)
    assert (prefs.quiet_from, prefs.quiet_until) == (dt.time(22), dt.time(7))
    page = client.get("/en/community/settings/").content.decode()
    assert 'value="22:00"' in page and 'value="07:00"' in page
    settings_post(client, quiet_from="", quiet_until="")
    prefs.refresh_from_db()
    assert (prefs.quiet_from, prefs.quiet_until) == (None, None)


@pytest.mark.parametrize(
    ("times", "message"),
    [
        ({"quiet_from": "22:00", "quiet_until": ""}, "Give the end of your quiet hours too"),
        ({"quiet_from": "", "quiet_until": "07:00"}, "Give the start of your quiet hours too"),
        ({"quiet_from": "07:00", "quiet_until": "07:00"}, "must end at another time"),
        ({"quiet_from": "25:99", "quiet_until": "07:00"}, "Enter a valid time"),
    ],
)
def test_half_or_empty_quiet_hours_are_refused_with_a_clear_message(
    scene, times: dict[str, str], message: str
) -> None:
    client = Client()
    client.force_login(scene.partner)
    page = settings_post(client, **times)
    assert message in page
    assert not Preferences.objects.filter(user=scene.partner, quiet_until__isnull=False).exists()


def test_the_database_refuses_half_quiet_hours(scene) -> None:
    prefs = Preferences.objects.create(user=scene.partner, **NIGHT)
    with pytest.raises(IntegrityError), transaction.atomic():
        Preferences.objects.filter(pk=prefs.pk).update(quiet_until=None)


def test_the_data_export_holds_the_quiet_hours(scene) -> None:
    Preferences.objects.create(user=scene.partner, **NIGHT)
    settings = export(scene.partner, None)["mail_settings"]
    assert (settings["quiet_from"], settings["quiet_until"]) == ("22:00", "07:00")
