"""
The roles a person holds in the Hub, each scoped, from whichever area
keeps it.

Each kind of role lives with the area that gives it meaning (a focal point
with its pathfinder, a chair with its group) and registers itself here in
its AppConfig.ready(), so that the profile, the Secretariat's role pages and
the personal-data export see every role without this module knowing the
areas. The area's own rows, with their start and end dates, are the
history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Holding:
    """One role held (or once held) by one user."""

    kind: str
    label: str | Promise
    scope: str = ""
    scope_url: str = ""
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    current: bool = True
    ref: Any = field(default=None, compare=False)


@dataclass(frozen=True)
class RoleKind:
    key: str
    label: str | Promise
    order: int
    # Every holding of this kind for the user, current and past.
    holdings: Callable[[Any], list[Holding]]
    # Assign to a user: assign(user, scope_value, acting_user=...), where
    # scope_value is one of `scopes()`'s values ("" when unscoped).
    assign: Callable[..., None] | None = None
    # Choices of scope for the assignment form: [(value, label)], or None.
    scopes: Callable[[], list[tuple[str, str]]] | None = None
    # End one holding: end(holding.ref, user=..., acting_user=...).
    end: Callable[..., None] | None = None


_kinds: dict[str, RoleKind] = {}


def register(kind: RoleKind) -> None:
    _kinds[kind.key] = kind


def kinds() -> list[RoleKind]:
    return sorted(_kinds.values(), key=lambda k: k.order)


def get_kind(key: str) -> RoleKind | None:
    return _kinds.get(key)


def holdings_of(user: Any) -> list[Holding]:
    """Return every role `user` holds or held, current first."""
    found: list[Holding] = []
    for kind in kinds():
        found.extend(kind.holdings(user))
    return sorted(found, key=lambda h: (not h.current, str(h.label), h.scope))


# --- The roles core and partners know of ---------------------------------


def _secretariat_holdings(user: Any) -> list[Holding]:
    if user.is_staff:
        return [Holding("secretariat", _("Secretariat"), current=user.is_active, ref=user)]
    return []


def _assign_secretariat(user: Any, scope: str = "", *, acting_user: Any) -> None:
    from alliance87.accounts.services import set_secretariat

    set_secretariat(user, on=True, acting_user=acting_user)


def _end_secretariat(ref: Any, *, user: Any, acting_user: Any) -> None:
    from alliance87.accounts.services import set_secretariat

    set_secretariat(user, on=False, acting_user=acting_user)


def _partner_holdings(user: Any) -> list[Holding]:
    from alliance87.partners.models import Person

    person = Person.objects.filter(user=user).select_related("organisation").first()
    org = person.organisation if person else None
    if org is not None and org.is_partner:
        return [
            Holding(
                "partner", _("Partner"), scope=str(org), scope_url=org.get_absolute_url(), ref=org
            )
        ]
    return []


def _assign_partner(user: Any, scope: str = "", *, acting_user: Any) -> None:
    from alliance87.accounts.services import link_to_organisation
    from alliance87.partners.models import Organisation

    organisation = Organisation.objects.get(pk=int(scope), is_partner=True)
    link_to_organisation(user, organisation=organisation, acting_user=acting_user)


def _partner_scopes() -> list[tuple[str, str]]:
    from alliance87.partners.models import Organisation

    return [(str(o.pk), str(o)) for o in Organisation.objects.filter(is_partner=True)]


def _end_partner(ref: Any, *, user: Any, acting_user: Any) -> None:
    from alliance87.accounts.services import link_to_organisation

    link_to_organisation(user, organisation=None, acting_user=acting_user)


def register_core_roles() -> None:
    register(
        RoleKind(
            "secretariat",
            _("Secretariat"),
            10,
            _secretariat_holdings,
            assign=_assign_secretariat,
            end=_end_secretariat,
        )
    )
    register(
        RoleKind(
            "partner",
            _("Partner"),
            90,
            _partner_holdings,
            assign=_assign_partner,
            scopes=_partner_scopes,
            end=_end_partner,
        )
    )
