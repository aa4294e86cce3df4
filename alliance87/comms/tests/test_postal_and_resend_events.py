"""Postal's and Resend's tracking webhooks. Postal signs each payload with
its server's private key: signed here as Postal signs them
(alliance87/testing/postal.py), with the tests' own key pair. Resend's
payloads (its documented event shapes, as in anymail's tests) come with
the basic-auth secret alone: its Svix signature is not checked."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured

from alliance87.comms.models import MailEvent, MailEventKind, Subscriber, SubscriberStatus
from alliance87.testing import postal
from alliance87.testing.mailgun import auth

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _keys(settings) -> None:
    postal.keys(settings)


def confirmed(email: str) -> Subscriber:
    return Subscriber.objects.create(email=email, status=SubscriberStatus.CONFIRMED)


def test_a_signed_postal_delivery_failure_stops_sending(client):
    row = confirmed("gone@example.org")
    response = postal.post(client, postal.delivery("Gone@example.org", "HardFail"), **auth())
    assert response.status_code == 200
    row.refresh_from_db()
    assert row.status == SubscriberStatus.BOUNCED
    (event,) = MailEvent.objects.all()
    assert (event.kind, event.provider) == (MailEventKind.HARD_BOUNCE, "postal")
    assert event.event_id == "d2b8c9b0-postal-event-1" and "550 5.1.1" in event.detail


def test_a_postal_bounce_message_stops_sending(client):
    row = confirmed("bounced@example.org")
    assert postal.post(client, postal.bounce("bounced@example.org"), **auth()).status_code == 200
    row.refresh_from_db()
    assert row.status == SubscriberStatus.BOUNCED


def test_a_postal_delay_is_a_soft_bounce_and_a_retry_counts_once(client):
    row = confirmed("full@example.org")
    payload = postal.delivery("full@example.org", "SoftFail")
    for _ in range(2):  # Postal retries a webhook it got no answer to
        assert postal.post(client, payload, **auth()).status_code == 200
    row.refresh_from_db()
    assert row.status == SubscriberStatus.CONFIRMED and row.soft_bounces == 1
    assert MailEvent.objects.get().kind == MailEventKind.SOFT_BOUNCE


def test_a_postal_delivery_restarts_the_count_of_soft_bounces(client):
    row = confirmed("back@example.org")
    postal.post(client, postal.delivery("back@example.org", "SoftFail"), **auth())
    sent = postal.delivery("back@example.org", "Sent", uuid="d2b8c9b0-postal-event-2")
    sent["timestamp"] = 1765123999.0
    assert postal.post(client, sent, **auth()).status_code == 200
    row.refresh_from_db()
    assert row.soft_bounces == 0


@pytest.mark.parametrize("signer", ["forger", None])
def test_a_postal_payload_not_signed_by_the_server_is_refused(client, signer):
    row = confirmed("gone@example.org")
    response = postal.post(
        client, postal.delivery("gone@example.org", "HardFail"), signer=signer, **auth()
    )
    assert response.status_code == 401
    row.refresh_from_db()
    assert row.status == SubscriberStatus.CONFIRMED and not MailEvent.objects.exists()


def test_a_postal_signature_that_is_not_base64_is_refused(client):
    confirmed("gone@example.org")
    body = json.dumps(postal.delivery("gone@example.org", "HardFail"))
    response = client.post(
        postal.URL, body, content_type="application/json", HTTP_X_POSTAL_SIGNATURE="%%%", **auth()
    )
    assert response.status_code == 401
    assert not MailEvent.objects.exists()


def test_a_signed_postal_call_without_the_basic_auth_secret_is_refused(client):
    confirmed("gone@example.org")
    assert postal.post(client, postal.delivery("gone@example.org", "HardFail")).status_code == 401
    assert not MailEvent.objects.exists()


def test_postal_inbound_mail_posted_to_the_tracking_address_is_refused_not_a_500(client):
    payload = {"rcpt_to": "hub@example.org", "mail_from": "x@example.org", "message": "..."}
    assert postal.post(client, payload, **auth()).status_code == 400


def test_without_postals_key_its_address_is_not_found(client, settings):
    settings.POSTAL_WEBHOOK_KEY = ""
    confirmed("gone@example.org")
    response = postal.post(client, postal.delivery("gone@example.org", "HardFail"), **auth())
    assert response.status_code == 404
    assert not MailEvent.objects.exists()


def test_a_postal_key_that_is_not_a_public_key_stops_the_hub_at_start(monkeypatch):
    import importlib

    from alliance87.config import mail

    monkeypatch.setenv("POSTAL_WEBHOOK_KEY", "bm90IGEga2V5")
    with pytest.raises(ImproperlyConfigured, match="POSTAL_WEBHOOK_KEY"):
        importlib.reload(mail)
    monkeypatch.setenv("POSTAL_WEBHOOK_KEY", postal.public_key())
    assert postal.public_key() == importlib.reload(mail).POSTAL_WEBHOOK_KEY
    monkeypatch.delenv("POSTAL_WEBHOOK_KEY")
    importlib.reload(mail)


def resend(kind: str, to: str, **data: Any) -> dict[str, Any]:
    # Resend's event payload: the event's time at the top, the message in
    # "data" (its documented event types).
    return {
        "type": kind,
        "created_at": "2026-12-07T10:00:00.000Z",
        "data": {
            "created_at": "2026-12-07T09:59:58.000Z",
            "email_id": "5f1c0b9e-resend-email",
            "from": "Alliance 8.7 Hub <hub@example.org>",
            "subject": "Alliance 8.7 newsletter",
            "to": [to],
            **data,
        },
    }


def post_resend(client, payload: dict[str, Any], event_id: str = "msg_resend_1", **extra: Any):
    return client.post(
        "/hooks/mail/resend/",
        json.dumps(payload),
        content_type="application/json",
        headers={"svix-id": event_id},
        **extra,
    )


def test_a_resend_bounce_stops_sending_and_a_retry_counts_once(client):
    row = confirmed("gone@example.org")
    payload = resend(
        "email.bounced",
        "Gone <gone@example.org>",
        bounce={"message": "The recipient's email provider sent a hard bounce message."},
    )
    for _ in range(2):
        assert post_resend(client, payload, **auth()).status_code == 200
    row.refresh_from_db()
    assert row.status == SubscriberStatus.BOUNCED
    (event,) = MailEvent.objects.all()
    assert (event.provider, event.event_id) == ("resend", "msg_resend_1")
    assert "hard bounce message" in event.detail


def test_a_resend_complaint_stops_sending_and_a_delay_is_a_soft_bounce(client):
    angry, slow = confirmed("angry@example.org"), confirmed("slow@example.org")
    assert post_resend(client, resend("email.complained", "angry@example.org"), **auth())
    post_resend(client, resend("email.delivery_delayed", "slow@example.org"), "msg_2", **auth())
    angry.refresh_from_db()
    slow.refresh_from_db()
    assert angry.status == SubscriberStatus.COMPLAINED
    assert (slow.status, slow.soft_bounces) == (SubscriberStatus.CONFIRMED, 1)


def test_a_resend_call_without_the_basic_auth_secret_is_refused(client):
    confirmed("gone@example.org")
    response = post_resend(client, resend("email.bounced", "gone@example.org"))
    assert response.status_code == 401
    assert not MailEvent.objects.exists()


def test_a_resend_payload_of_another_shape_is_a_400_not_a_500(client):
    response = post_resend(client, {"data": "no type"}, **auth())
    assert response.status_code == 400
