"""Groups built through the services, for the tests of every area."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from alliance87.groups.models import Constituency, Group, GroupKind, Seat
from alliance87.groups.services import save_group
from alliance87.partners.models import Organisation, StakeholderType
from alliance87.test import make_organisation


def make_group(slug: str, name: str, **values: Any) -> Group:
    values.setdefault("kind", GroupKind.ACTION_GROUP)
    group = Group(slug=slug, name=name, name_en=name, **values)
    return save_group(group, acting_user=None)


@dataclass
class World:
    gcg: Group
    migration: Group
    seat: Seat
    iom: Organisation
    unicef: Organisation
    australia: Organisation
    france: Organisation


@pytest.fixture
def world(db: None) -> World:
    gcg = make_group("gcg", "Global Coordinating Group", kind=GroupKind.GCG, order=0)
    seat = Seat.objects.create(
        group=gcg,
        constituency=Constituency.CIVIL_SOCIETY,
        label="Civil society, third seat",
        label_en="Civil society, third seat",
        open_for_nominations=True,
    )
    un = StakeholderType.UN_INTERNATIONAL
    return World(
        gcg=gcg,
        migration=make_group("migration", "Action Group on Migration", order=30),
        seat=seat,
        iom=make_organisation(
            "iom", "International Organization for Migration", stakeholder_type=un
        ),
        unicef=make_organisation("unicef", "UNICEF", stakeholder_type=un),
        australia=make_organisation(
            "australia", "Government of Australia", stakeholder_type=StakeholderType.GOVERNMENT
        ),
        france=make_organisation(
            "france", "Government of France", stakeholder_type=StakeholderType.GOVERNMENT
        ),
    )


def make_chair(
    group: Group,
    organisation: Organisation,
    username: str,
    *,
    role: str = "chair",
    confirmed: bool = True,
) -> Any:
    """Return a new user named today as `organisation`'s chair of `group`.

    The persona "chair of one group" (alliance87/test.py lists the others):
    the person of a user account, working for the chairing organisation and
    named on its current chair term.
    """
    from alliance87.groups.services import start_chair_term
    from alliance87.partners.models import Person
    from alliance87.test import make_user

    user = make_user(username)
    person = Person.objects.create(
        slug=username,
        name=username.replace("-", " ").title(),
        organisation=organisation,
        user=user,
    )
    start_chair_term(
        group,
        role=role,
        organisation=organisation,
        person=person,
        confirmed=confirmed,
        acting_user=None,
    )
    return user
