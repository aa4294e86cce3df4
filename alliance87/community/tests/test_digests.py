"""Digests: exact, contiguous windows in the person's time zone, grouped by
thread, sent once, given back when the mail server fails."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from alliance87.community import notify, services
from alliance87.community.models import DigestFrequency, Level, Notification, Preferences
from alliance87.community.tests.smtp import free_port, smtp  # noqa: F401 - a fixture

pytestmark = pytest.mark.django_db
KTM = ZoneInfo("Asia/Kathmandu")


def at(day: int, hour: int) -> dt.datetime:
    return dt.datetime(2026, 3, day, hour, tzinfo=KTM)


def posted(scene, thread_title: str, when: dt.datetime) -> None:
    thread = services.start_thread(
        scene.commons, acting_user=scene.partner, title=thread_title, body=f"Body {thread_title}"
    )
    post = thread.posts.get()
    notify.fan_out(post.pk)
    Notification.objects.filter(post=post).update(created=when)


@pytest.fixture
def reader(scene):
    services.set_level(scene.commons, acting_user=scene.secretariat, level=Level.DIGEST)
    Preferences.objects.create(
        user=scene.secretariat,
        language="es",
        time_zone="Asia/Kathmandu",
        digest=DigestFrequency.DAILY,
        digest_sent_until=at(10, 0),
    )
    return scene.secretariat


def test_a_daily_digest_covers_yesterday_in_the_readers_time_zone_once(
    scene,
    reader,
    smtp,  # noqa: F811
) -> None:
    posted(scene, "Before", at(9, 23))
    posted(scene, "Yesterday", at(10, 23))
    posted(scene, "Today", at(11, 1))
    assert notify.send_digest(reader.pk, now=at(11, 8)) == "sent"
    assert notify.send_digest(reader.pk, now=at(11, 20)) == "not due"
    assert len(smtp.messages) == 1
    body = smtp.messages[0].get_body(("plain",)).get_content()
    assert "Yesterday" in body and "Before" not in body and "Today" not in body
    assert smtp.messages[0]["Subject"] == "Su resumen diario de la comunidad"
    # The next window starts where this one ended: today's post, once.
    assert notify.send_digest(reader.pk, now=at(12, 8)) == "sent"
    second = smtp.messages[1].get_body(("plain",)).get_content()
    assert "Today" in second and "Yesterday" not in second


def test_a_digest_the_server_refused_is_sent_on_the_next_run(
    scene,
    reader,
    settings,
    smtp,  # noqa: F811
) -> None:
    posted(scene, "Yesterday", at(10, 23))
    port = settings.EMAIL_PORT
    settings.EMAIL_PORT = free_port()
    assert notify.send_digest(reader.pk, now=at(11, 8)) == "retry"
    settings.EMAIL_PORT = port
    assert notify.send_digest(reader.pk, now=at(11, 9)) == "sent"
    assert len(smtp.messages) == 1


def test_the_window_ends_at_local_midnight_across_a_dst_change() -> None:
    # Europe/Paris moved to summer time on 29 March 2026.
    end = notify.window_end(
        dt.datetime(2026, 3, 30, 12, tzinfo=dt.UTC), DigestFrequency.DAILY, "Europe/Paris"
    )
    assert end == dt.datetime(2026, 3, 30, 0, tzinfo=ZoneInfo("Europe/Paris"))
    weekly = notify.window_end(
        dt.datetime(2026, 4, 2, 12, tzinfo=dt.UTC), DigestFrequency.WEEKLY, "Europe/Paris"
    )
    assert weekly == dt.datetime(2026, 3, 30, 0, tzinfo=ZoneInfo("Europe/Paris"))
