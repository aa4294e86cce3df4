"""Mailgun's tracking webhook as Mailgun calls it: JSON payloads signed
with the webhook signing key (HMAC-SHA256 of timestamp + token), posted
with the basic-auth secret the webhook URL carries. The keys are the
tests' own; `keys(settings)` sets them."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any

from django.test import Client

SECRET = "provider:s3cret-for-tests"
SIGNING_KEY = "key-mailgun-signing-for-tests"


def keys(settings: Any) -> None:
    settings.MAIL_WEBHOOK_SECRET = SECRET
    settings.MAILGUN_WEBHOOK_SIGNING_KEY = SIGNING_KEY


def auth() -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": "Basic " + base64.b64encode(SECRET.encode()).decode()}


def signed(event_data: dict[str, Any], token: str, key: str = SIGNING_KEY) -> dict[str, Any]:
    timestamp = "1765123456"
    signature = hmac.new(
        key.encode("ascii"), f"{timestamp}{token}".encode("ascii"), hashlib.sha256
    ).hexdigest()
    return {
        "signature": {"timestamp": timestamp, "token": token, "signature": signature},
        "event-data": event_data,
    }


def failed(email: str, severity: str = "permanent") -> dict[str, Any]:
    # The shape of Mailgun's "failed" event, as in its webhook examples.
    return {
        "event": "failed",
        "severity": severity,
        "reason": "bounce" if severity == "permanent" else "generic",
        "recipient": email,
        "timestamp": 1765123450.5,
        "id": "G9Bn5sl1TC6nu79C8C0bwg",
        "delivery-status": {
            "code": 550 if severity == "permanent" else 452,
            "message": "smtp; 550 5.1.1 The email account does not exist."
            if severity == "permanent"
            else "4.2.2 Mailbox full",
            "description": "",
        },
        "message": {"headers": {"message-id": "20261207.1@mg.example.org"}},
    }


def post(client: Client, payload: Any, **extra: Any) -> Any:
    return client.post(
        "/hooks/mail/mailgun/", json.dumps(payload), content_type="application/json", **extra
    )
