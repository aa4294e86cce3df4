"""
Who may see what: the one place where visibility is decided.

Every content model carries a `visibility` and a manager built on
`VisibleQuerySet`; every list, search, feed, export, calendar and API call
starts from `Model.objects.visible_to(user)`. Nothing else filters on the
`visibility` column.

The levels, from the widest audience to the narrowest:

- public: anyone, signed in or not;
- partners: members of an approved partner organisation, and everyone below;
- members: members of the group the object belongs to (its
  `visibility_group`), and the secretariat;
- secretariat: the Alliance 8.7 Secretariat only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Self, cast

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from alliance87.core import hooks
from alliance87.core.querysets import HubQuerySet

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    PARTNERS = "partners", _("Partners")
    MEMBERS = "members", _("Group members")
    SECRETARIAT = "secretariat", _("Secretariat")


@dataclass(frozen=True)
class Audience:
    """What one user is, as far as visibility is concerned."""

    is_secretariat: bool = False
    is_partner: bool = False
    group_ids: frozenset[int] = field(default_factory=frozenset)

    def sees(self, visibility: str, group_id: int | None = None) -> bool:
        """Return whether this audience sees a row of `visibility` (and of
        the group `group_id`) already read: `visible_q`'s rule for one row,
        so that a chunk of people is asked without a query each."""
        if self.is_secretariat:
            return True
        if visibility == Visibility.PUBLIC:
            return True
        if visibility == Visibility.PARTNERS:
            return self.is_partner
        return visibility == Visibility.MEMBERS and group_id in self.group_ids


def is_secretariat(user: AbstractBaseUser | AnonymousUser | None) -> bool:
    """Return True for the Alliance 8.7 Secretariat (staff of the back office)."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and getattr(user, "is_staff", False)
    )


def secretariat_users() -> Any:
    """Return the accounts `is_secretariat` admits that have an address:
    those to tell of what waits for the Secretariat."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(is_active=True, is_staff=True).exclude(email="")


def _signed_in(user: AbstractBaseUser | AnonymousUser | None) -> bool:
    return user is not None and bool(user.is_authenticated) and bool(user.is_active)


def _audience(user: Any, contributions: Iterable[dict[str, Any]]) -> Audience:
    secretariat = is_secretariat(user)
    group_ids: set[int] = set()
    is_partner = False
    for contributed in contributions:
        group_ids.update(contributed.get("group_ids", ()))
        is_partner = is_partner or bool(contributed.get("is_partner", False))
    return Audience(
        is_secretariat=secretariat,
        is_partner=is_partner or secretariat,
        group_ids=frozenset(group_ids),
    )


def audience_for(user: AbstractBaseUser | AnonymousUser | None) -> Audience:
    """Return the audience of `user`, computed once per user object."""
    if user is None or not _signed_in(user):
        return Audience()
    cached = getattr(user, "_a87_audience", None)
    if cached is not None:
        return cast(Audience, cached)
    # Apps that know about a user's standing contribute to the audience
    # through hooks.AUDIENCE_PROVIDERS (partners: "is this person in an
    # approved partner organisation"; groups: "which groups is this person
    # a member of"). Core imports no domain app.
    audience = _audience(user, [provider(user) for provider in hooks.AUDIENCE_PROVIDERS.items()])
    setattr(user, "_a87_audience", audience)  # noqa: B010 - cached on the user object
    return audience


def audiences_for(users: Sequence[Any]) -> dict[int, Audience]:
    """Return the audience of each of `users` by their id, as
    `audience_for` gives it, asking each provider once for them all (a
    `hooks.BatchedAudience`; a provider that answers for one person only is
    asked for each). Each is kept on its user object, as `audience_for`
    keeps it, so that `visible_to(user)` then asks nothing more."""
    found: dict[int, Audience] = {}
    todo = []
    for user in users:
        cached = getattr(user, "_a87_audience", None)
        if not _signed_in(user):
            found[user.pk] = Audience()
        elif cached is not None:
            found[user.pk] = cached
        else:
            todo.append(user)
    if not todo:
        return found
    contributions: dict[int, list[dict[str, Any]]] = {user.pk: [] for user in todo}
    for provider in hooks.AUDIENCE_PROVIDERS.items():
        if isinstance(provider, hooks.BatchedAudience):
            answers = provider.many(todo)
            for user in todo:
                contributions[user.pk].append(answers.get(user.pk, {}))
        else:
            for user in todo:
                contributions[user.pk].append(provider(user))
    for user in todo:
        audience = _audience(user, contributions[user.pk])
        setattr(user, "_a87_audience", audience)  # noqa: B010 - cached on the user object
        found[user.pk] = audience
    return found


def visible_q(audience: Audience, *, prefix: str = "", group_field: str | None = None) -> Q | None:
    """Return the filter for `audience`, or None when it may see everything."""
    if audience.is_secretariat:
        return None
    levels: list[str] = [Visibility.PUBLIC]
    if audience.is_partner:
        levels.append(Visibility.PARTNERS)
    q = Q(**{f"{prefix}visibility__in": levels})
    if group_field and audience.group_ids:
        q |= Q(
            **{
                f"{prefix}visibility": Visibility.MEMBERS,
                f"{prefix}{group_field}__in": sorted(audience.group_ids),
            }
        )
    return q


def visible_flag(
    audience: Audience, *, prefix: str, group_field: str | None = None
) -> models.Expression:
    """Return whether `audience` may see the row at `prefix`, as a boolean
    to annotate the rows that lead to it: `visible_q` asked on their own
    join, instead of reading the rows at `prefix` a second time to ask
    `visible_to` (issue 16)."""
    q = visible_q(audience, prefix=prefix, group_field=group_field)
    if q is None:
        return models.Value(True)
    return models.ExpressionWrapper(q, output_field=models.BooleanField())


def visible_levels(audience: Audience, *, group_field: str | None = None) -> list[str] | None:
    """Return the levels whose rows `audience` may see whatever else the
    row says, or None when `visible_q` asks more than the level (members
    of some groups: whether a members-only row is seen depends on its
    group). A count kept per level is exact for `audience` when summed
    over these levels (issue 16); with None, count the rows themselves."""
    if audience.is_secretariat:
        return list(Visibility.values)
    if group_field and audience.group_ids:
        return None
    levels: list[str] = [Visibility.PUBLIC]
    if audience.is_partner:
        levels.append(Visibility.PARTNERS)
    return levels


class SecretariatOnlyQuerySet(HubQuerySet):
    """Rows only the Secretariat works with (an upload being imported):
    every row for the Secretariat, none for anyone else."""

    def visible_to(self, user: Any) -> Self:
        return self if is_secretariat(user) else self.none()


class VisibleQuerySet(HubQuerySet):
    """A queryset whose rows carry a visibility.

    Subclasses name the foreign key to the group whose members may see
    members-only rows in `visibility_group_field`.
    """

    visibility_group_field: str | None = None

    def visible_to(self, user: AbstractBaseUser | AnonymousUser | None) -> Self:
        q = visible_q(audience_for(user), group_field=self.visibility_group_field)
        return self if q is None else self.filter(q)
