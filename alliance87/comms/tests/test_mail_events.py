"""Bounces and complaints the mail provider reports through its tracking
webhook (read by django-anymail): posted over HTTP in the providers' own
payload shapes (anymail's and the providers' documented examples), with
the basic-auth secret the provider is configured with."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.test import Client

from alliance87.comms import services
from alliance87.comms.models import (
    Delivery,
    DeliveryStatus,
    Issue,
    MailEvent,
    MailEventKind,
    Subscriber,
    SubscriberStatus,
)
from alliance87.testing.personas import sign_in

pytestmark = pytest.mark.django_db

SECRET = "provider:s3cret-for-tests"


@pytest.fixture(autouse=True)
def _secret(settings) -> None:
    settings.MAIL_WEBHOOK_SECRET = SECRET


def auth(secret: str = SECRET) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": "Basic " + base64.b64encode(secret.encode()).decode()}


def confirmed(email: str) -> Subscriber:
    return Subscriber.objects.create(email=email, status=SubscriberStatus.CONFIRMED)


def postmark_bounce(email: str, kind: str = "HardBounce", event_id: int = 42) -> dict[str, Any]:
    # Postmark's bounce webhook, as in its documentation and anymail's tests.
    return {
        "RecordType": "Bounce",
        "MessageStream": "outbound",
        "ID": event_id,
        "Type": kind,
        "TypeCode": 1,
        "Name": "Hard bounce",
        "Tag": "newsletter",
        "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
        "Metadata": {},
        "ServerID": 23,
        "Description": "The server was unable to deliver your message (ex: unknown user).",
        "Details": "smtp;550 5.1.1 The email account that you tried to reach does not exist.",
        "Email": email,
        "From": "hub@example.org",
        "BouncedAt": "2026-11-05T16:33:54.9070259Z",
        "DumpAvailable": True,
        "Inactive": True,
        "CanActivate": True,
        "Subject": "Alliance 8.7 newsletter",
    }


def post(client: Client, provider: str, payload: Any, **extra: Any) -> Any:
    body = payload if isinstance(payload, (str, bytes)) else json.dumps(payload)
    return client.post(f"/hooks/mail/{provider}/", body, content_type="application/json", **extra)


def test_a_hard_bounce_stops_sending_and_is_audited(client):
    row = confirmed("gone@example.org")
    issue = Issue.objects.create(subject_en="S", body_en="B")
    waiting = Delivery.objects.create(issue=issue, subscriber=row)
    response = post(client, "postmark", postmark_bounce("Gone@Example.org"), **auth())
    assert response.status_code == 200
    row.refresh_from_db()
    assert row.status == SubscriberStatus.BOUNCED
    (event,) = MailEvent.objects.all()
    assert event.kind == MailEventKind.HARD_BOUNCE and event.provider == "postmark"
    assert "550 5.1.1" in event.detail
    waiting.refresh_from_db()
    assert waiting.status == DeliveryStatus.FAILED
    change = LogEntry.objects.get_for_object(row).filter(action=LogEntry.Action.UPDATE).get()
    assert change.changes_dict["status"] == ["confirmed", "bounced"]
    assert LogEntry.objects.get_for_object(event).filter(action=LogEntry.Action.CREATE).exists()
    # No issue goes to it any more.
    assert services.start_sending(issue, acting_user=None) == 0


def test_a_soft_bounce_is_counted_and_sending_goes_on(client):
    row = confirmed("full@example.org")
    post(client, "postmark", postmark_bounce("full@example.org", "SoftBounce", 1), **auth())
    post(client, "postmark", postmark_bounce("full@example.org", "Transient", 2), **auth())
    row.refresh_from_db()
    assert row.status == SubscriberStatus.CONFIRMED and row.soft_bounces == 2
    assert set(MailEvent.objects.values_list("kind", flat=True)) == {MailEventKind.SOFT_BOUNCE}


def test_a_provider_retrying_an_event_records_it_once(client):
    row = confirmed("full@example.org")
    payload = postmark_bounce("full@example.org", "Transient")
    for _ in range(3):
        response = post(client, "postmark", payload, **auth())
        assert response.status_code == 200
    row.refresh_from_db()
    assert row.soft_bounces == 1 and MailEvent.objects.count() == 1


def test_a_mailjet_spam_report_stops_sending(client):
    row = confirmed("angry@example.org")
    # Mailjet's event webhook with grouped events: a JSON list.
    payload = [
        {
            "event": "spam",
            "time": 1433334653,
            "MessageID": 13792286917004336,
            "email": "angry@example.org",
            "mj_campaign_id": 0,
            "mj_contact_id": 24,
            "customcampaign": "",
            "source": "JangoMail",
        },
        {
            "event": "bounce",
            "time": 1430812195,
            "MessageID": 13792286917004337,
            "email": "nobody-here@example.org",
            "blocked": True,
            "hard_bounce": True,
            "error_related_to": "recipient",
            "error": "user unknown",
        },
        {
            "event": "sent",
            "time": 1433333949,
            "MessageID": 13792286917004338,
            "email": "angry@example.org",
            "smtp_reply": "sent (250 2.0.0 OK 1433333948 fa5si855896wjc.199 - gsmtp)",
        },
    ]
    response = post(client, "mailjet", payload, **auth())
    assert response.status_code == 200
    row.refresh_from_db()
    assert row.status == SubscriberStatus.COMPLAINED
    # An address that is no subscriber's, and a delivery, record nothing.
    assert list(MailEvent.objects.values_list("kind", flat=True)) == [MailEventKind.COMPLAINT]


def test_a_call_without_or_with_a_wrong_secret_is_refused_401(client):
    row = confirmed("gone@example.org")
    assert post(client, "postmark", postmark_bounce(row.email)).status_code == 401
    wrong = post(client, "postmark", postmark_bounce(row.email), **auth("provider:guess"))
    assert wrong.status_code == 401 and wrong["WWW-Authenticate"].startswith("Basic")
    row.refresh_from_db()
    assert row.status == SubscriberStatus.CONFIRMED and not MailEvent.objects.exists()


@pytest.mark.parametrize(
    "payload",
    ["not json", b"\xff\xfe", "[1, 2]", "null", '{"RecordType": "Bounce", "Metadata": 3}'],
)
def test_a_payload_that_cannot_be_read_answers_400_not_500(client, payload):
    confirmed("gone@example.org")
    response = post(client, "postmark", payload, **auth())
    assert response.status_code == 400
    assert not MailEvent.objects.exists()


def test_the_webhook_is_off_without_a_secret_and_for_an_unknown_provider(client, settings):
    assert post(client, "mailchimp", postmark_bounce("a@example.org"), **auth()).status_code == 404
    settings.MAIL_WEBHOOK_SECRET = ""
    assert post(client, "postmark", postmark_bounce("a@example.org")).status_code == 404
    assert client.get("/hooks/mail/postmark/").status_code in (404, 405)


def test_the_secretariat_reads_the_events_on_the_subscribers_page(client, personas):
    confirmed("gone@example.org")
    post(client, "postmark", postmark_bounce("gone@example.org"), **auth())
    sign_in(client, personas.secretariat)
    page = client.get("/en/newsletter/subscribers/?status=bounced").content.decode()
    assert "gone@example.org" in page
    assert "Stopped: the address bounces" in page and "Bounced (permanent)" in page


def test_only_the_secretariat_reaches_the_subscribers_page(client, personas):
    confirmed("someone@example.org")
    anonymous = client.get("/en/newsletter/subscribers/")
    assert anonymous.status_code == 302
    for user in (personas.partner, personas.outsider):
        sign_in(client, user)
        response = client.get("/en/newsletter/subscribers/")
        assert response.status_code == 404
        assert b"someone@example.org" not in response.content


def test_the_events_of_an_address_are_in_its_owners_data_and_go_with_their_erasure(
    client, personas
):
    from alliance87.comms import personal

    services.subscribe_account(personas.partner, language="en", acting_user=personas.partner)
    post(client, "postmark", postmark_bounce(personas.partner.email, "Transient"), **auth())
    (exported,) = personal.export(personas.partner, None)["newsletter"]
    assert [e["kind"] for e in exported["mail_events"]] == [MailEventKind.SOFT_BOUNCE]
    personal.erase(personas.partner, None)
    assert not MailEvent.objects.exists()
