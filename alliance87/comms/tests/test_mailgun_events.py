"""Mailgun's tracking webhook: Mailgun's JSON payloads ("event-data"
with a "signature" block), signed here as Mailgun signs them (HMAC-SHA256
of timestamp + token with the webhook signing key), posted over HTTP with
the basic-auth secret the webhook URL carries."""

from __future__ import annotations

import pytest

from alliance87.comms.models import MailEvent, MailEventKind, Subscriber, SubscriberStatus
from alliance87.testing.mailgun import auth, failed, keys, post, signed

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _keys(settings) -> None:
    keys(settings)


def confirmed(email: str) -> Subscriber:
    return Subscriber.objects.create(email=email, status=SubscriberStatus.CONFIRMED)


def test_a_signed_mailgun_permanent_failure_stops_sending(client):
    row = confirmed("gone@example.org")
    response = post(client, signed(failed("Gone@example.org"), "token-1"), **auth())
    assert response.status_code == 200
    row.refresh_from_db()
    assert row.status == SubscriberStatus.BOUNCED
    (event,) = MailEvent.objects.all()
    assert event.kind == MailEventKind.HARD_BOUNCE and event.provider == "mailgun"
    assert event.event_id == "token-1" and "550 5.1.1" in event.detail


def test_a_mailgun_temporary_failure_is_a_soft_bounce(client):
    row = confirmed("full@example.org")
    assert (
        post(client, signed(failed("full@example.org", "temporary"), "t"), **auth()).status_code
        == 200
    )
    row.refresh_from_db()
    assert row.status == SubscriberStatus.CONFIRMED and row.soft_bounces == 1
    assert MailEvent.objects.get().kind == MailEventKind.SOFT_BOUNCE


def test_a_mailgun_complaint_stops_sending(client):
    row = confirmed("angry@example.org")
    data = {"event": "complained", "recipient": "angry@example.org", "timestamp": 1765123450}
    assert post(client, signed(data, "token-c"), **auth()).status_code == 200
    row.refresh_from_db()
    assert row.status == SubscriberStatus.COMPLAINED


@pytest.mark.parametrize("key", ["not-the-signing-key", ""])
def test_a_wrong_mailgun_signature_is_refused_and_nothing_is_stored(client, key):
    row = confirmed("gone@example.org")
    payload = signed(failed("gone@example.org"), "token-1", key=key or "x")
    if not key:
        payload["signature"]["signature"] = ""
    response = post(client, payload, **auth())
    assert response.status_code == 401
    row.refresh_from_db()
    assert row.status == SubscriberStatus.CONFIRMED and not MailEvent.objects.exists()


def test_a_mailgun_payload_without_its_signature_block_is_refused(client):
    confirmed("gone@example.org")
    response = post(client, {"event-data": failed("gone@example.org")}, **auth())
    assert response.status_code == 401
    assert not MailEvent.objects.exists()


def test_a_signed_mailgun_call_without_the_basic_auth_secret_is_refused(client):
    confirmed("gone@example.org")
    response = post(client, signed(failed("gone@example.org"), "token-1"))
    assert response.status_code == 401
    assert not MailEvent.objects.exists()


def test_a_mailgun_event_about_an_unknown_address_is_accepted_and_not_stored(client):
    response = post(client, signed(failed("stranger@example.org"), "token-1"), **auth())
    assert response.status_code == 200
    assert not MailEvent.objects.exists() and not Subscriber.objects.exists()


def test_mailgun_retrying_an_event_records_it_once(client):
    row = confirmed("full@example.org")
    payload = signed(failed("full@example.org", "temporary"), "token-same")
    for _ in range(3):
        assert post(client, payload, **auth()).status_code == 200
    row.refresh_from_db()
    assert row.soft_bounces == 1 and MailEvent.objects.count() == 1


def test_the_mailgun_webhook_is_off_without_its_signing_key(client, settings):
    settings.MAILGUN_WEBHOOK_SIGNING_KEY = ""
    confirmed("gone@example.org")
    response = post(client, signed(failed("gone@example.org"), "token-1"), **auth())
    assert response.status_code == 404
    assert not MailEvent.objects.exists()
