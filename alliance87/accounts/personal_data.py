"""What the Hub holds about a person.

Areas that store more about a person register a `hooks.PersonalData` (an
exporter and, where needed, an eraser) on `hooks.PERSONAL_DATA` in their
AppConfig.ready(). `services.erase` runs the erasers.
"""

from __future__ import annotations

from typing import Any

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
    for contribution in sorted(hooks.PERSONAL_DATA.items(), key=lambda c: c.key):
        data[contribution.key] = contribution.export(user, person)
    return data
