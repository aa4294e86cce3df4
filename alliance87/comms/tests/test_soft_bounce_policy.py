"""The newsletter's soft-bounce policy: NEWSLETTER_SOFT_BOUNCE_LIMIT
temporary bounces received within NEWSLETTER_SOFT_BOUNCE_DAYS days stop
sending to an address; a delivery the provider reports, or a new
confirmation, starts the count again. Read through Mailgun's signed
webhook, as in production."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from alliance87.comms import mail, services
from alliance87.comms.models import (
    Delivery,
    DeliveryStatus,
    Issue,
    MailEvent,
    MailEventKind,
    Subscriber,
    SubscriberStatus,
)
from alliance87.testing.mailgun import auth, failed, keys, post, signed
from alliance87.testing.personas import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _keys(settings) -> None:
    keys(settings)


def confirmed(email: str) -> Subscriber:
    return Subscriber.objects.create(email=email, status=SubscriberStatus.CONFIRMED)


def soft_bounce(client: Client, email: str, token: str) -> None:
    response = post(client, signed(failed(email, "temporary"), token), **auth())
    assert response.status_code == 200


def delivered(client: Client, email: str, token: str, timestamp: float = 1765123460.0) -> None:
    data = {"event": "delivered", "recipient": email, "timestamp": timestamp}
    assert post(client, signed(data, token), **auth()).status_code == 200


def test_three_soft_bounces_within_thirty_days_stop_sending(client):
    row = confirmed("full@example.org")
    issue = Issue.objects.create(subject_en="S", body_en="B")
    waiting = Delivery.objects.create(issue=issue, subscriber=row)
    soft_bounce(client, "full@example.org", "t1")
    soft_bounce(client, "full@example.org", "t2")
    row.refresh_from_db()
    assert row.status == SubscriberStatus.CONFIRMED and row.soft_bounces == 2
    soft_bounce(client, "full@example.org", "t3")
    row.refresh_from_db()
    assert row.status == SubscriberStatus.SOFT_BOUNCED and row.soft_bounces == 3
    waiting.refresh_from_db()
    assert waiting.status == DeliveryStatus.FAILED
    assert services.start_sending(issue, acting_user=None) == 0


def test_soft_bounces_older_than_the_window_do_not_count(client, settings):
    settings.NEWSLETTER_SOFT_BOUNCE_LIMIT = 2
    settings.NEWSLETTER_SOFT_BOUNCE_DAYS = 30
    row = confirmed("full@example.org")
    soft_bounce(client, "full@example.org", "old")
    MailEvent.objects.update(received_at=timezone.now() - dt.timedelta(days=31))
    soft_bounce(client, "full@example.org", "new")
    row.refresh_from_db()
    assert row.status == SubscriberStatus.CONFIRMED and row.soft_bounces == 1
    soft_bounce(client, "full@example.org", "newer")
    row.refresh_from_db()
    assert row.status == SubscriberStatus.SOFT_BOUNCED


def test_a_delivered_message_starts_the_count_again(client):
    row = confirmed("full@example.org")
    soft_bounce(client, "full@example.org", "t1")
    soft_bounce(client, "full@example.org", "t2")
    delivered(client, "full@example.org", "d1")
    row.refresh_from_db()
    assert row.soft_bounces == 0 and row.status == SubscriberStatus.CONFIRMED
    soft_bounce(client, "full@example.org", "t3")
    soft_bounce(client, "full@example.org", "t4")
    row.refresh_from_db()
    assert row.status == SubscriberStatus.CONFIRMED and row.soft_bounces == 2
    # The delivery itself is not recorded.
    assert set(MailEvent.objects.values_list("kind", flat=True)) == {MailEventKind.SOFT_BOUNCE}


def test_a_delivery_older_than_the_last_soft_bounce_does_not_restart_the_count(client):
    row = confirmed("full@example.org")
    soft_bounce(client, "full@example.org", "t1")  # at 1765123450.5
    delivered(client, "full@example.org", "d-late", timestamp=1765123400.0)
    row.refresh_from_db()
    assert row.soft_bounces == 1


def test_a_new_confirmation_starts_the_count_again(client):
    row = confirmed("full@example.org")
    for token in ("t1", "t2", "t3"):
        soft_bounce(client, "full@example.org", token)
    row.refresh_from_db()
    assert row.status == SubscriberStatus.SOFT_BOUNCED
    token = mail.confirm_token(row)
    services.confirm_subscription(token, acting_user=None)
    row.refresh_from_db()
    assert row.status == SubscriberStatus.CONFIRMED and row.soft_bounces == 0
    soft_bounce(client, "full@example.org", "t4")
    row.refresh_from_db()
    assert row.status == SubscriberStatus.CONFIRMED and row.soft_bounces == 1


def test_the_subscribers_page_shows_why_an_address_was_stopped(client, personas):
    row = confirmed("full@example.org")
    for token in ("t1", "t2", "t3"):
        soft_bounce(client, "full@example.org", token)
    sign_in(client, personas.secretariat)
    page = client.get("/en/newsletter/subscribers/?status=soft_bounced").content.decode()
    assert "Stopped: repeated temporary bounces" in page
    assert "3 within 30 days" in page
    assert row.email in page
