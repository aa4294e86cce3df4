"""Postal's tracking webhook as a Postal server calls it: JSON payloads
signed with the server's private key (RSA, PKCS#1 v1.5, SHA-1, base64 in
`X-Postal-Signature`), posted with the basic-auth secret the webhook URL
carries. The key pair is the tests' own, made once; `keys(settings)` sets
the public half as Postal's control panel shows it (base64, no PEM lines)."""

from __future__ import annotations

import base64
import functools
import json
from typing import Any

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from django.test import Client

from alliance87.testing.mailgun import SECRET

URL = "/hooks/mail/postal/"


@functools.cache
def private_key(name: str = "postal") -> rsa.RSAPrivateKey:
    """A key pair per name: "postal" is the server's, others are forgers'."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def public_key(name: str = "postal") -> str:
    pem = (
        private_key(name)
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    return "".join(line for line in pem.splitlines() if "PUBLIC KEY" not in line)


def keys(settings: Any) -> None:
    settings.MAIL_WEBHOOK_SECRET = SECRET
    settings.POSTAL_WEBHOOK_KEY = public_key()


def signature(body: bytes, name: str = "postal") -> str:
    signed = private_key(name).sign(body, padding.PKCS1v15(), hashes.SHA1())  # noqa: S303 - Postal's scheme
    return base64.b64encode(signed).decode()


def message(to: str, message_id: int = 1571) -> dict[str, Any]:
    # The "message" block of Postal's delivery events (its webhook
    # documentation, and anymail's tests of it).
    return {
        "id": message_id,
        "token": "tok3n",
        "direction": "outgoing",
        "message_id": f"{message_id}@rp.postal.example.org",
        "to": to,
        "from": "hub@example.org",
        "subject": "Alliance 8.7 newsletter",
        "timestamp": 1765123400.5,
        "spam_status": "NotChecked",
        "tag": None,
    }


def delivery(to: str, status: str, uuid: str = "d2b8c9b0-postal-event-1") -> dict[str, Any]:
    """A MessageSent, MessageDelayed ("SoftFail") or MessageDeliveryFailed
    ("HardFail") event, by its status."""
    event = {
        "Sent": "MessageSent",
        "SoftFail": "MessageDelayed",
        "HardFail": "MessageDeliveryFailed",
    }[status]
    return {
        "event": event,
        "timestamp": 1765123456.25,
        "payload": {
            "message": message(to),
            "status": status,
            "details": f"{status} for {to}",
            "output": "550 5.1.1 No such user" if status == "HardFail" else "451 try later",
            "sent_with_ssl": False,
            "timestamp": 1765123456.0,
            "time": 0.5,
        },
        "uuid": uuid,
    }


def bounce(to: str, uuid: str = "d2b8c9b0-postal-bounce-1") -> dict[str, Any]:
    """A MessageBounced event: a bounce message came back for `to`."""
    return {
        "event": "MessageBounced",
        "timestamp": 1765123456.25,
        "payload": {
            "original_message": message(to),
            "bounce": {**message("bounces@rp.postal.example.org", 1572), "direction": "incoming"},
        },
        "uuid": uuid,
    }


def post(client: Client, payload: Any, *, signer: str | None = "postal", **extra: Any) -> Any:
    """Post `payload` as Postal does; `signer` names the key that signs it
    (None: no signature header)."""
    body = json.dumps(payload).encode()
    if signer is not None:
        extra["HTTP_X_POSTAL_SIGNATURE"] = signature(body, signer)
    return client.post(URL, body, content_type="application/json", **extra)
