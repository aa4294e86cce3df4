"""
Who is calling the API.

The API knows its callers by their personal API token only
(`Authorization: Bearer a87_...`); a session cookie is not read, so a
page of another site can never act with a visitor's session (no CSRF),
and a caller without a token reads exactly what an anonymous visitor of
the pages reads. A token that is unknown, expired or revoked is refused
(401), never taken for anonymous: the caller would silently see less.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest

from alliance87.api.http import Problem
from alliance87.api.selectors import find_usable_token

CHALLENGE = {"WWW-Authenticate": 'Bearer realm="Alliance 8.7 Hub"'}


def identify(request: HttpRequest) -> None:
    """Set `request.api_user` and `request.api_token` from the token."""
    request.api_user = AnonymousUser()  # type: ignore[attr-defined]
    request.api_token = None  # type: ignore[attr-defined]
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if not header:
        return
    scheme, _sep, secret = header.partition(" ")
    if scheme.lower() != "bearer" or not secret.strip() or len(secret) > 200:
        raise Problem(
            401,
            "Not signed in",
            "Send your API token as: Authorization: Bearer <token>.",
            headers=CHALLENGE,
        )
    token = find_usable_token(secret.strip())
    if token is None:
        raise Problem(
            401,
            "Token refused",
            "This token is unknown, expired or revoked. Make a new one on your account page.",
            headers=CHALLENGE,
        )
    request.api_user = token.user  # type: ignore[attr-defined]
    request.api_token = token  # type: ignore[attr-defined]


def caller(request: HttpRequest) -> Any:
    """Return the user the request acts for (anonymous without a token)."""
    return getattr(request, "api_user", None) or AnonymousUser()


def caller_key(request: HttpRequest) -> str:
    """Return what the caller's answers depend on, for entity tags."""
    user = caller(request)
    return f"user={user.pk}" if user.is_authenticated else "anonymous"
