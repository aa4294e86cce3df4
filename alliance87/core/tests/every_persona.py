"""Every persona of alliance87/testing/ at once, for the tests that
compare a rule asked for a chunk of people with the one-person rule
(core's audiences, the community's fan-out and digests), and a space of
every kind for them to read."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model

from alliance87.community.models import Space, SpaceKind
from alliance87.community.services import save_space
from alliance87.core.visibility import Visibility
from alliance87.groups.services import add_member, start_seat_term
from alliance87.partners.models import Person
from alliance87.partners.services import save_person
from alliance87.testing.factories import World, make_organisation
from alliance87.testing.personas import (
    Personas,
    make_chair,
    make_focal_point,
    make_former_staff,
    make_member,
    make_user,
)


def every_persona(personas: Personas, world: World) -> dict[str, Any]:
    """Each persona of alliance87/testing/, and the two other ways into a
    group: a GCG seat, and being named a representative (then moving to an
    organisation that is not a member)."""
    secretariat = personas.secretariat
    seated_org = make_organisation("seated-ngo", "Seated NGO (test)", is_partner=False)
    seated = make_user("seated")
    Person.objects.create(slug="seated", name="Sam Seated", organisation=seated_org, user=seated)
    start_seat_term(world.seat, organisation=seated_org, acting_user=secretariat)
    represented_org = make_organisation("represented", "Represented NGO (test)")
    representative = make_user("representative")
    person = Person.objects.create(
        slug="rep", name="Rae Representative", organisation=represented_org, user=representative
    )
    add_member(
        world.migration,
        organisation=represented_org,
        representatives=[person],
        acting_user=secretariat,
    )
    person.organisation = make_organisation("elsewhere", "Elsewhere (test)")
    save_person(person, acting_user=secretariat)
    return {
        "secretariat": secretariat,
        "partner": personas.partner,
        "outsider": personas.outsider,
        "anonymous": personas.anonymous,
        "member": make_member(world.migration, acting_user=secretariat),
        "chair": make_chair(world.migration, world.iom, "chair"),
        "focal point": make_focal_point("CHE"),
        "former staff": make_former_staff(personas.partner_org),
        "seated": seated,
        "representative": representative,
        "no directory entry": make_user("loner"),
    }


def fresh(user: Any) -> Any:
    """The same account as a new object (nothing cached on it)."""
    if not user.is_authenticated:
        return user
    return get_user_model().objects.get(pk=user.pk)


def spaces_of_every_kind(personas: Personas, world: World) -> list[Space]:
    """A space at each visibility, of the Migration group, of the GCG and of
    no group."""
    found = []
    for level in Visibility.values:
        for group in (world.migration, world.gcg, None):
            if level == Visibility.MEMBERS and group is None:
                continue
            slug = f"{level}-{group.slug if group else 'none'}"
            found.append(
                save_space(
                    Space(
                        slug=slug,
                        name=slug,
                        kind=SpaceKind.GROUP if group else SpaceKind.COMMONS,
                        group=group,
                        visibility=level,
                    ),
                    acting_user=personas.secretariat,
                )
            )
    return found
