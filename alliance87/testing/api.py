"""Calling the open API as a person: a token of theirs, and a request with
it (alliance87/api)."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from alliance87.api.services import create_token


def token_of(user: Any, scope: str = "write") -> str:
    return create_token(user, name="t", scope=scope, days=1, acting_user=user)[1]


def send(method: str, path: str, body: Any, user: Any = None, **headers: str) -> Any:
    secret = headers.pop("secret", None) or (token_of(user) if user is not None else None)
    if secret:
        headers["Authorization"] = f"Bearer {secret}"
    if method == "get":
        return Client().get(f"/api/v1{path}", headers=headers)
    return getattr(Client(), method)(
        f"/api/v1{path}", data=json.dumps(body), content_type="application/json", headers=headers
    )
