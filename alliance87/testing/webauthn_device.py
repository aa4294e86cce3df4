"""
A software passkey for tests: the browser's WebAuthn client and a FIDO2
authenticator in one, with no knowledge of the site beyond what a browser
has (its origin, and the options the page hands to
`navigator.credentials.create()` / `.get()`).

It answers in the JSON that allauth's `webauthn.js` posts (webauthn-json's
serialisation: base64url without padding for every byte string).

- Registration: a new EC P-256 (ES256) key pair; `clientDataJSON` carries the
  challenge from the options; `authenticatorData` is the SHA-256 of the RP
  id, the flags UP|UV|AT, a signature counter and the attested credential
  data (AAGUID, credential id, COSE public key); the attestation object is
  CBOR with the "none" format, as most passkeys send.
- Authentication: `authenticatorData` (UP|UV, counter + 1) followed by
  SHA-256(clientDataJSON), signed with the credential's private key.

The two knobs that no honest authenticator has (`signing_key`,
`user_handle`) let a test play an attacker: a forged signature, or a
credential claiming to belong to someone else.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import struct
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from fido2 import cbor
from fido2.cose import ES256

FLAG_UP = 0x01  # user present
FLAG_UV = 0x04  # user verified
FLAG_AT = 0x40  # attested credential data included
# A zero AAGUID, as authenticators send when attestation is "none".
AAGUID = bytes(16)


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class WebAuthnError(Exception):
    """What the browser would reject the call with (NotAllowedError and co.)."""


@dataclass
class Credential:
    credential_id: bytes
    private_key: ec.EllipticCurvePrivateKey
    rp_id: str
    user_handle: bytes
    resident: bool
    sign_count: int = 0


class SoftwarePasskey:
    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.credentials: list[Credential] = []

    # -- navigator.credentials.create() ------------------------------------

    def create(
        self, options: dict[str, Any], *, resident_key: bool | None = None
    ) -> dict[str, Any]:
        """Answer the creation options the page gave; return the credential JSON.

        `resident_key` is what allauth's script does with the "passwordless"
        box: when set, it overrides the site's residentKey requirement.
        """
        public_key = options["publicKey"]
        rp_id = public_key["rp"].get("id") or self._host()
        self._check_rp_id(rp_id)
        if not any(p["alg"] == -7 for p in public_key["pubKeyCredParams"]):
            raise WebAuthnError("NotSupportedError: the site does not accept ES256")
        excluded = {b64url_decode(c["id"]) for c in public_key.get("excludeCredentials") or []}
        if any(c.credential_id in excluded for c in self.credentials):
            raise WebAuthnError("InvalidStateError: already registered with this site")
        selection = public_key.get("authenticatorSelection") or {}
        if resident_key is None:
            resident_key = selection.get("residentKey") in ("required", "preferred")

        private_key = ec.generate_private_key(ec.SECP256R1())
        credential = Credential(
            credential_id=os.urandom(32),
            private_key=private_key,
            rp_id=rp_id,
            user_handle=b64url_decode(public_key["user"]["id"]),
            resident=resident_key,
        )
        cose_key = cbor.encode(dict(ES256.from_cryptography_key(private_key.public_key())))
        attested_credential_data = (
            AAGUID
            + struct.pack(">H", len(credential.credential_id))
            + credential.credential_id
            + cose_key
        )
        authenticator_data = (
            hashlib.sha256(rp_id.encode()).digest()
            + bytes([FLAG_UP | FLAG_UV | FLAG_AT])
            + struct.pack(">I", credential.sign_count)
            + attested_credential_data
        )
        attestation_object = cbor.encode(
            {"fmt": "none", "attStmt": {}, "authData": authenticator_data}
        )
        client_data = self._client_data("webauthn.create", public_key["challenge"])
        self.credentials.append(credential)
        extensions: dict[str, Any] = {}
        if (public_key.get("extensions") or {}).get("credProps"):
            extensions["credProps"] = {"rk": resident_key}
        return {
            "type": "public-key",
            "id": b64url(credential.credential_id),
            "rawId": b64url(credential.credential_id),
            "authenticatorAttachment": "cross-platform",
            "response": {
                "clientDataJSON": b64url(client_data),
                "attestationObject": b64url(attestation_object),
                "transports": ["usb"],
            },
            "clientExtensionResults": extensions,
        }

    # -- navigator.credentials.get() ---------------------------------------

    def get(
        self,
        options: dict[str, Any],
        *,
        signing_key: ec.EllipticCurvePrivateKey | None = None,
        user_handle: bytes | None = None,
    ) -> dict[str, Any]:
        """Answer the request options the site gave; return the assertion JSON.

        `signing_key` signs with another key than the credential's (a forgery);
        `user_handle` claims another user than the one the credential was made
        for.
        """
        public_key = options["publicKey"]
        rp_id = public_key.get("rpId") or self._host()
        self._check_rp_id(rp_id)
        allowed = [b64url_decode(c["id"]) for c in public_key.get("allowCredentials") or []]
        candidates = [
            c
            for c in self.credentials
            if c.rp_id == rp_id and (c.credential_id in allowed if allowed else c.resident)
        ]
        if not candidates:
            raise WebAuthnError("NotAllowedError: no credential for this site")
        credential = candidates[0]
        credential.sign_count += 1
        authenticator_data = (
            hashlib.sha256(rp_id.encode()).digest()
            + bytes([FLAG_UP | FLAG_UV])
            + struct.pack(">I", credential.sign_count)
        )
        client_data = self._client_data("webauthn.get", public_key["challenge"])
        signature = (signing_key or credential.private_key).sign(
            authenticator_data + hashlib.sha256(client_data).digest(),
            ec.ECDSA(hashes.SHA256()),
        )
        return {
            "type": "public-key",
            "id": b64url(credential.credential_id),
            "rawId": b64url(credential.credential_id),
            "authenticatorAttachment": "cross-platform",
            "response": {
                "clientDataJSON": b64url(client_data),
                "authenticatorData": b64url(authenticator_data),
                "signature": b64url(signature),
                "userHandle": b64url(user_handle or credential.user_handle),
            },
            "clientExtensionResults": {},
        }

    # -- what the browser checks and adds ----------------------------------

    def _host(self) -> str:
        return urlparse(self.origin).hostname or ""

    def _check_rp_id(self, rp_id: str) -> None:
        """A browser refuses an RP id that is not its origin's host or a parent of it,
        and WebAuthn outside a secure context."""
        url = urlparse(self.origin)
        if url.scheme != "https" and url.hostname != "localhost":
            raise WebAuthnError("SecurityError: WebAuthn needs a secure context")
        host = self._host()
        if not (host == rp_id or host.endswith("." + rp_id)):
            raise WebAuthnError(f"SecurityError: RP id {rp_id!r} is not valid for {host!r}")

    def _client_data(self, kind: str, challenge: str) -> bytes:
        return json.dumps(
            {
                "type": kind,
                # The page's options carry the challenge base64url-encoded;
                # the browser decodes it and encodes it again here.
                "challenge": b64url(b64url_decode(challenge)),
                "origin": self.origin,
                "crossOrigin": False,
            },
            separators=(",", ":"),
        ).encode()
