"""Reads of the API area: tokens, found by their secret or listed for the
account page."""

from __future__ import annotations

import hashlib
from typing import Any

from django.db.models import QuerySet

from alliance87.api.models import ApiToken
from alliance87.core.visibility import is_secretariat


def hash_token(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def find_usable_token(secret: str) -> ApiToken | None:
    """Return the live token whose secret this is, or None."""
    return (
        ApiToken.objects.usable()
        .select_related("user")
        .filter(token_hash=hash_token(secret), user__is_active=True)
        .first()
    )


def tokens_for(user: Any) -> QuerySet[ApiToken]:
    """Return the tokens `user` sees: their own; the Secretariat's, all."""
    qs = ApiToken.objects.select_related("user", "revoked_by")
    if is_secretariat(user):
        return qs
    return qs.filter(user_id=user.pk or 0)


def get_token_for_user(user: Any, pk: int) -> ApiToken:
    from django.http import Http404

    try:
        return tokens_for(user).get(pk=pk)
    except ApiToken.DoesNotExist:
        raise Http404("No such token.") from None
