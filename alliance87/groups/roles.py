"""Group roles (chair, member, GCG member), as the accounts area lists and
assigns them. A person holds them through the organisation they represent."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from alliance87.core import hooks
from alliance87.core.hooks import Holding, RoleKind
from alliance87.groups.models import ChairRole, ChairTerm, Group, Membership, SeatTerm
from alliance87.partners.models import Person


def _person(user: Any) -> Person | None:
    return Person.objects.filter(user=user).select_related("organisation").first()


def _holding(key: str, label: Any, term: Any, scope: Any, group: Group) -> Holding:
    """Return a term (chair, seat or membership) as a role held in `scope`."""
    return Holding(
        key,
        label,
        scope=str(scope),
        scope_url=group.get_absolute_url(),
        starts_on=term.starts_on,
        ends_on=term.ends_on,
        current=term.is_current(),
        ref=term,
    )


def chair_holdings(user: Any) -> list[Holding]:
    terms = ChairTerm.objects.filter(person__user=user).select_related("group")
    return [
        _holding("group_chair", term.get_role_display(), term, term.group, term.group)
        for term in terms
    ]


def member_holdings(user: Any) -> list[Holding]:
    memberships = Membership.objects.filter(representatives__user=user).select_related("group")
    label = gettext_lazy("Group member")
    return [_holding("group_member", label, m, m.group, m.group) for m in memberships]


def gcg_holdings(user: Any) -> list[Holding]:
    terms = SeatTerm.objects.filter(person__user=user).select_related("seat__group")
    label = gettext_lazy("GCG member")
    return [_holding("gcg_member", label, term, term.seat, term.seat.group) for term in terms]


def group_scopes() -> list[tuple[str, str]]:
    return [(f"group:{g.pk}", str(g)) for g in Group.objects.order_by("name")]


def _group_of(scope: str) -> Group:
    if not scope.startswith("group:"):
        raise ValidationError(_("Choose the group this role is for."))
    return Group.objects.get(pk=int(scope.split(":", 1)[1]))


def _represented_organisation(user: Any) -> Person:
    person = _person(user)
    if person is None or person.organisation is None:
        raise ValidationError(
            _("Link this account to an organisation first: group roles are held for one.")
        )
    return person


def assign_chair(user: Any, scope: str, *, acting_user: Any) -> None:
    from alliance87.groups.models import current_q
    from alliance87.groups.services import set_chair_representative, start_chair_term

    group = _group_of(scope)
    person = _represented_organisation(user)
    assert person.organisation is not None
    # The organisation may chair already: the person then represents it.
    current = ChairTerm.objects.filter(
        current_q(), group=group, organisation=person.organisation
    ).first()
    if current is not None:
        if current.person_id and current.person_id != person.pk:
            raise ValidationError(
                _("%(organisation)s already chairs %(group)s, represented by someone else.")
                % {"organisation": person.organisation, "group": group}
            )
        set_chair_representative(current, person=person, acting_user=acting_user)
        return
    start_chair_term(
        group,
        role=ChairRole.CO_CHAIR if group.chair_terms.exists() else ChairRole.CHAIR,
        organisation=person.organisation,
        person=person,
        acting_user=acting_user,
        starts_on=timezone.localdate(),
    )


def assign_member(user: Any, scope: str, *, acting_user: Any) -> None:
    from alliance87.groups.models import current_q
    from alliance87.groups.services import add_member, set_representatives

    group = _group_of(scope)
    person = _represented_organisation(user)
    membership = Membership.objects.filter(
        current_q(), group=group, organisation=person.organisation
    ).first()
    if membership is None:
        assert person.organisation is not None
        membership = add_member(
            group,
            organisation=person.organisation,
            acting_user=acting_user,
            starts_on=timezone.localdate(),
        )
    set_representatives(
        membership,
        people=[*membership.representatives.exclude(pk=person.pk), person],
        acting_user=acting_user,
    )


def end_chair(ref: ChairTerm, *, user: Any, acting_user: Any) -> None:
    from alliance87.groups.services import end_term

    end_term(ref, ends_on=timezone.localdate(), acting_user=acting_user)


def end_member(ref: Membership, *, user: Any, acting_user: Any) -> None:
    from alliance87.groups.services import set_representatives

    person = _person(user)
    if person is not None:
        set_representatives(
            ref, people=ref.representatives.exclude(pk=person.pk), acting_user=acting_user
        )


def register_roles() -> None:
    hooks.ROLE_KINDS.register(
        RoleKind(
            "group_chair",
            gettext_lazy("Group chair"),
            40,
            chair_holdings,
            assign=assign_chair,
            scopes=group_scopes,
            end=end_chair,
        )
    )
    hooks.ROLE_KINDS.register(
        RoleKind(
            "group_member",
            gettext_lazy("Group member"),
            50,
            member_holdings,
            assign=assign_member,
            scopes=group_scopes,
            end=end_member,
        )
    )
    hooks.ROLE_KINDS.register(RoleKind("gcg_member", gettext_lazy("GCG member"), 20, gcg_holdings))
