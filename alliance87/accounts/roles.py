"""
The roles a person holds in the Hub, each scoped, from whichever area
keeps it.

Each kind of role lives with the area that gives it meaning (a focal point
with its pathfinder, a chair with its group) and registers itself on
`hooks.ROLE_KINDS` in its AppConfig.ready(), so that the profile, the
Secretariat's role pages and the personal-data export see every role
without this module knowing the areas. The area's own rows, with their
start and end dates, are the history. Roles are given and ended through
`services.assign_role` and `services.end_role`.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from alliance87.accounts import services
from alliance87.core import hooks
from alliance87.core.hooks import Holding, RoleKind
from alliance87.partners.models import Organisation, Person

__all__ = ["Holding", "RoleKind", "get_kind", "holdings_of", "kinds", "register_core_roles"]


def kinds() -> list[RoleKind]:
    return hooks.ROLE_KINDS.items()


def get_kind(key: str) -> RoleKind | None:
    return hooks.ROLE_KINDS.get(key)


def holdings_of(user: Any) -> list[Holding]:
    """Return every role `user` holds or held, current first."""
    found: list[Holding] = []
    for kind in kinds():
        found.extend(kind.holdings(user))
    return sorted(found, key=lambda h: (not h.current, str(h.label), h.scope))


# --- The roles accounts and partners know of ---------------------------------


def _secretariat_holdings(user: Any) -> list[Holding]:
    if user.is_staff:
        return [Holding("secretariat", _("Secretariat"), current=user.is_active, ref=user)]
    return []


def _assign_secretariat(user: Any, scope: str = "", *, acting_user: Any) -> None:
    services.set_secretariat(user, on=True, acting_user=acting_user)


def _end_secretariat(ref: Any, *, user: Any, acting_user: Any) -> None:
    services.set_secretariat(user, on=False, acting_user=acting_user)


def _partner_holdings(user: Any) -> list[Holding]:
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
    organisation = Organisation.objects.get(pk=int(scope), is_partner=True)
    services.link_to_organisation(user, organisation=organisation, acting_user=acting_user)


def _partner_scopes() -> list[tuple[str, str]]:
    return [(str(o.pk), str(o)) for o in Organisation.objects.filter(is_partner=True)]


def _end_partner(ref: Any, *, user: Any, acting_user: Any) -> None:
    services.link_to_organisation(user, organisation=None, acting_user=acting_user)


def register_core_roles() -> None:
    hooks.ROLE_KINDS.register(
        RoleKind(
            "secretariat",
            _("Secretariat"),
            10,
            _secretariat_holdings,
            assign=_assign_secretariat,
            end=_end_secretariat,
        )
    )
    hooks.ROLE_KINDS.register(
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
