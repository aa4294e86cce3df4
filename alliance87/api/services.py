"""
Writes of the API area: personal API tokens, and the record of each use.

Invariants: a token's secret is returned once, by `create_token`, and
never stored (only its digest); a revoked token stays revoked; only its
owner or the Secretariat revokes it (core.permissions, "revoke").
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance87.api.models import ApiToken, Scope
from alliance87.api.selectors import hash_token
from alliance87.core import permissions
from alliance87.core.services import service

TOKEN_PREFIX = "a87_"
MAX_DAYS = 366


@service
def create_token(
    user: Any, *, name: str, scope: str, days: int, acting_user: Any
) -> tuple[ApiToken, str]:
    """Make a token for `user`; return it and its secret (shown once)."""
    if not user.is_authenticated or not user.is_active:
        raise ValidationError(_("Only an active account can hold API tokens."))
    if scope not in Scope.values:
        raise ValidationError(_("Choose read, or read and write."))
    if not 1 <= days <= MAX_DAYS:
        raise ValidationError(_("A token lasts from 1 to %(days)s days.") % {"days": MAX_DAYS})
    name = name.strip()
    if not name:
        raise ValidationError(_("Name the token, so that you can tell it from others."))
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name[:100],
        prefix=secret[: len(TOKEN_PREFIX) + 6],
        token_hash=hash_token(secret),
        scope=scope,
        expires_at=timezone.now() + dt.timedelta(days=days),
    )
    return token, secret


@service
def revoke_token(token: ApiToken, *, acting_user: Any) -> ApiToken:
    """Revoke `token` for good (its owner or the Secretariat)."""
    permissions.require(acting_user, "revoke", token)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.revoked_by = acting_user
        token.save(update_fields=["revoked_at", "revoked_by"])
    return token


@service
def record_token_use(
    token: ApiToken, *, method: str, path: str, remote_addr: str | None, acting_user: Any
) -> None:
    """Write one audit entry for one call made with `token`: who, what,
    from where (every use is audited; the token row is left alone, so
    that a call moves no content version)."""
    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(ApiToken),
        object_pk=str(token.pk),
        object_id=token.pk,
        object_repr=str(token),
        action=LogEntry.Action.ACCESS,
        actor=token.user,
        remote_addr=remote_addr,
        additional_data={"method": method, "path": path[:500]},
    )


@service
def remember_answer(
    *, user: Any, key: str, request_digest: str, status: int, body: str, acting_user: Any
) -> None:
    """Keep the answer to a write sent with an Idempotency-Key (raises
    IntegrityError when the same key was just used by a concurrent call:
    the caller then undoes its write and answers with the first one)."""
    from alliance87.api.models import IdempotentRequest

    IdempotentRequest.objects.create(
        user=user, key=key, request_digest=request_digest, status=status, body=body
    )
