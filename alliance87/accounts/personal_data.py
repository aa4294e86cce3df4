"""What the Hub holds about a person.

The export holds everything stored about the person: the account, its
email addresses and second factors (their kind and dates, never their
secrets), the directory entry, roles, invitations and applications sent to
their address, every row of every model that points at the account (but the models an
area's exporter covers, which it speaks for), and
the audit entries they caused (with the addresses they came from) or that
concern them. Areas that store more about a person register a
`hooks.PersonalData` (an exporter and, where needed, an eraser) on
`hooks.PERSONAL_DATA` in their AppConfig.ready(). `services.erase` runs
the erasers.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models

from alliance87.accounts.roles import holdings_of
from alliance87.core import hooks
from alliance87.partners.models import Person


def collect(user: Any) -> dict[str, Any]:
    """Return everything the Hub holds about `user`, as JSON-ready data."""
    person = Person.objects.filter(user=user).select_related("organisation").first()
    data: dict[str, Any] = {
        "account": {
            "email": user.email,
            "username": user.get_username(),
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "person": None,
        "roles": [
            {
                "role": str(h.label),
                "scope": h.scope,
                "from": h.starts_on.isoformat() if h.starts_on else None,
                "until": h.ends_on.isoformat() if h.ends_on else None,
                "current": h.current,
            }
            for h in holdings_of(user)
        ],
    }
    if person is not None:
        data["person"] = {
            "name": person.name,
            "organisation": str(person.organisation) if person.organisation else None,
            "position": person.position,
            "email": person.email,
            "phone": person.phone,
            "expertise": [t.name for t in person.expertise.all()],
        }
    data.update(_account_records(user))
    data["rows_pointing_at_you"] = _rows_pointing_at(user)
    data["audit_entries_you_caused"] = [
        _entry(e) for e in _log_entries().filter(actor=user).order_by("timestamp", "pk")
    ]
    data["audit_entries_about_you"] = [_entry(e) for e in _entries_about(user, person)]
    for contribution in sorted(hooks.PERSONAL_DATA.items(), key=lambda c: c.key):
        data[contribution.key] = contribution.export(user, person)
    return data


# Fields never exported: secrets, and what only proves a secret.
SECRET_FIELDS = {"password", "token_hash", "data", "session_key", "session_data", "key"}


def row(obj: models.Model) -> dict[str, Any]:
    """Return `obj`'s concrete fields as JSON-ready data, foreign keys as
    their text, secrets left out (for an area's exporter too)."""
    row: dict[str, Any] = {"id": obj.pk}
    for f in obj._meta.concrete_fields:
        if f.name in SECRET_FIELDS or f.primary_key:
            continue
        if f.is_relation:
            related = getattr(obj, f.name)
            row[f.name] = str(related) if related is not None else None
        else:
            value = f.value_from_object(obj)
            row[f.name] = value.isoformat() if hasattr(value, "isoformat") else value
    return row


def _account_records(user: Any) -> dict[str, Any]:
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator

    from alliance87.accounts.models import ErasureRequest, Invitation

    email = user.email or ""
    records: dict[str, Any] = {
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user=user)
        ],
        "second_factors": [
            {
                "kind": a.type,
                "created": a.created_at.isoformat(),
                "last_used": a.last_used_at.isoformat() if a.last_used_at else None,
            }
            for a in Authenticator.objects.filter(user=user)
        ],
        "invitations_to_you": [row(i) for i in Invitation.objects.filter(email__iexact=email)]
        if email
        else [],
        "erasure_requests": [row(e) for e in ErasureRequest.objects.filter(user=user)],
    }
    return records


def _rows_pointing_at(user: Any) -> dict[str, list[dict[str, Any]]]:
    """Return, by model, the Hub's rows with a foreign key to `user`."""
    user_model = get_user_model()
    # An area's exporter speaks for the models it covers.
    covered = {m for c in hooks.PERSONAL_DATA.items() for m in c.covers}
    found: dict[str, list[dict[str, Any]]] = {}
    for model in apps.get_models():
        if not model.__module__.startswith("alliance87.") or model in covered:
            continue
        for f in model._meta.concrete_fields:
            if f.is_relation and f.related_model is user_model:
                rows = model._default_manager.filter(**{f.name: user})
                found.setdefault(model._meta.label_lower, []).extend(row(r) for r in rows)
    return {label: rows for label, rows in sorted(found.items()) if rows}


def _log_entries() -> Any:
    from auditlog.models import LogEntry

    return LogEntry.objects.select_related("content_type")


def _entries_about(user: Any, person: Any) -> Any:
    q = models.Q(
        content_type=ContentType.objects.get_for_model(get_user_model()), object_pk=str(user.pk)
    )
    if person is not None:
        q |= models.Q(
            content_type=ContentType.objects.get_for_model(person), object_pk=str(person.pk)
        )
    return _log_entries().filter(q).order_by("timestamp", "pk")


def _entry(entry: Any) -> dict[str, Any]:
    return {
        "when": entry.timestamp.isoformat(),
        "action": entry.get_action_display(),
        "object": f"{entry.content_type.app_label}.{entry.content_type.model} {entry.object_repr}",
        "changes": entry.changes,
        "from_address": entry.remote_addr,
    }
