"""What the Hub holds about a person, and how it is erased.

Areas that store more about a person register an exporter (and, where
needed, an eraser) here in their AppConfig.ready().
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth import get_user_model

Exporter = Callable[[Any, Any], Any]
Eraser = Callable[[Any, Any], None]
_exporters: dict[str, Exporter] = {}
_erasers: dict[str, Eraser] = {}

ERASED_NAME = "Former participant"


def register(key: str, exporter: Exporter, eraser: Eraser | None = None) -> None:
    _exporters[key] = exporter
    if eraser is not None:
        _erasers[key] = eraser


def collect(user: Any) -> dict[str, Any]:
    from alliance87.accounts.roles import holdings_of
    from alliance87.partners.models import Person

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
    for key, exporter in sorted(_exporters.items()):
        data[key] = exporter(user, person)
    return data


def erase_person(*, person: Any, user: Any) -> None:
    """Strip identifiers from the person and delete the account.

    Records that mention the person (minutes, questions asked, action items)
    keep pointing at the same row, which now names a former participant.
    """
    from auditlog.context import disable_auditlog
    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    for eraser in _erasers.values():
        eraser(user, person)
    if person is not None:
        person.name = f"{ERASED_NAME} {person.pk}"
        person.slug = f"erased-{person.pk}"
        person.email = ""
        person.phone = ""
        for code in ("en", "fr", "es"):
            setattr(person, f"position_{code}", "")
        person.position = ""
        person.user = None
        person.save()
        person.expertise.clear()
        # The person's own history held the name and contact details.
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(type(person)),
            object_pk=str(person.pk),
        ).update(changes_text="", changes={}, object_repr=person.name, serialized_data=None)
    if user is not None:
        # Changes the person made keep their place in the trail, without
        # the email or address that identified them.
        LogEntry.objects.filter(actor=user).update(
            actor=None, actor_email="", remote_addr=None, remote_port=None
        )
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(get_user_model()),
            object_pk=str(user.pk),
        ).delete()
        with disable_auditlog():
            user.delete()
