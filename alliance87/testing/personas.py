"""
The personas every test speaks of, defined once.

- secretariat: Alliance 8.7 Secretariat staff; sees and may do everything.
  Signs in with a second factor (`TOTP_SECRET`, `totp_code()`).
- focal point of one country: named today on the country's pathfinder;
  edits that pathfinder and no other (`make_focal_point`).
- chair of one group: the person of a user account, working for the
  chairing organisation and named on its current chair term; edits that
  group and no other (`make_chair`).
- member of that group: works for an organisation that is a current member
  of the group; reads what the group shares with its members, writes
  nothing (`make_member`, and the `member` fixture). A member can be named
  chair too (`name_chair`): the visibility matrix's member chairs its host
  group.
- partner: works for an approved partner organisation (the ITUC here);
  sees public and partners' content.
- outsider: signed in, but belongs to no partner organisation; sees what
  the public sees, nothing more.
- anonymous: not signed in.
- former staff: a deactivated Secretariat account (`make_former_staff`);
  signs in no more, so sees what anonymous visitors see.

`make_personas()` (the `personas` fixture) builds the four that every area
needs; the focal point, the chair and the member belong to a country or a
group, so a test makes them for the country or group it is about. Every
visibility or permission rule has its outsider case.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser

from alliance87.countries.models import Country
from alliance87.partners.models import Organisation, Person, StakeholderType
from alliance87.testing.factories import make_organisation

if TYPE_CHECKING:
    from django.test import Client

    from alliance87.groups.models import Group

PASSWORD = "correct horse battery staple 8.7"
# The Secretariat must use a second factor (accounts.middleware): every
# staff persona gets this TOTP secret; `totp_code()` gives today's code.
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code() -> str:
    """Return the code the staff personas' authenticator shows now."""
    from alliance87.accounts.demo import current_code

    return current_code(secret=TOTP_SECRET)


def make_user(username: str, *, staff: bool = False, second_factor: bool | None = None) -> Any:
    """Create a user; staff get a TOTP authenticator unless told otherwise."""
    from allauth.mfa.totp.internal.auth import TOTP

    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD, is_staff=staff
    )
    if staff if second_factor is None else second_factor:
        TOTP.activate(user, TOTP_SECRET)
    return user


def verified(user: Any) -> Any:
    """Mark `user`'s email address verified, as allauth requires to sign in."""
    from allauth.account.models import EmailAddress

    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user


def sign_in(client: Client, user: Any) -> None:
    """Sign `user` in, unless it is the anonymous persona."""
    if user.is_authenticated:
        client.force_login(user)


@dataclass
class Personas:
    secretariat: Any
    partner: Any
    outsider: Any
    anonymous: AnonymousUser
    partner_org: Organisation
    other_org: Organisation


def make_personas() -> Personas:
    che = Country.objects.get(iso3="CHE")
    ituc = make_organisation(
        "ituc",
        "International Trade Union Confederation",
        acronym="ITUC",
        acronym_en="ITUC",
        stakeholder_type=StakeholderType.WORKERS,
        country=che,
        is_partner=True,
    )
    applicant = make_organisation(
        "applicant-ngo",
        "Applicant NGO",
        stakeholder_type=StakeholderType.CIVIL_SOCIETY,
        is_partner=False,
    )
    secretariat = make_user("secretariat", staff=True)
    partner = make_user("partner")
    outsider = make_user("outsider")
    Person.objects.create(slug="pat-partner", name="Pat Partner", organisation=ituc, user=partner)
    Person.objects.create(
        slug="olly-outsider", name="Olly Outsider", organisation=applicant, user=outsider
    )
    return Personas(
        secretariat=secretariat,
        partner=partner,
        outsider=outsider,
        anonymous=AnonymousUser(),
        partner_org=ituc,
        other_org=applicant,
    )


def make_focal_point(country: Country | str, username: str | None = None) -> Any:
    """Return a new user who is today the focal point of `country`'s pathfinder.

    The country is put on the pathfinder path first if it is not on it yet.
    """
    from alliance87.pathfinders.models import Pathfinder
    from alliance87.pathfinders.services import assign_focal_point, create_pathfinder

    if isinstance(country, str):
        country = Country.objects.get(iso3=country.upper())
    pathfinder = Pathfinder.objects.filter(country=country).first() or create_pathfinder(
        country=country, acting_user=None
    )
    user = make_user(username or f"focal-{country.iso3.lower()}")
    assign_focal_point(pathfinder, user=user, role="National focal point", acting_user=None)
    return user


def make_chair(
    group: Group,
    organisation: Organisation,
    username: str,
    *,
    role: str = "chair",
    confirmed: bool = True,
) -> Any:
    """Return a new user named today as `organisation`'s chair of `group`."""
    user = make_user(username)
    Person.objects.create(
        slug=username,
        name=username.replace("-", " ").title(),
        organisation=organisation,
        user=user,
    )
    name_chair(group, user, role=role, confirmed=confirmed)
    return user


def name_chair(
    group: Group,
    user: Any,
    *,
    role: str = "chair",
    starts_on: dt.date | None = None,
    confirmed: bool = True,
    acting_user: Any = None,
) -> None:
    """Name `user`'s person, for their organisation, as `role` of `group`
    from `starts_on` (today by default)."""
    from alliance87.groups.services import start_chair_term

    person = user.person
    start_chair_term(
        group,
        role=role,
        organisation=person.organisation,
        person=person,
        starts_on=starts_on,
        confirmed=confirmed,
        acting_user=acting_user,
    )


def make_member(group: Group, *, acting_user: Any) -> Any:
    """Return a new user, Mo Member, whose organisation is a current member
    of `group`.

    The organisation, "Member NGO", is not a partner: what the user sees
    beyond the public's, the membership alone opens.
    """
    from alliance87.groups.services import add_member

    organisation = make_organisation("member-ngo", "Member NGO", is_partner=False)
    user = make_user("member")
    Person.objects.create(slug="mo-member", name="Mo Member", organisation=organisation, user=user)
    add_member(group, organisation=organisation, acting_user=acting_user)
    return user


def make_former_staff(organisation: Organisation, username: str = "inactive") -> Any:
    """Return a former Secretariat staff member of `organisation`, Ina
    Inactive, whose account was deactivated: still staff, but no request
    carries them (the authentication backends refuse inactive users)."""
    user = make_user(username, staff=True)
    user.is_active = False
    user.save(update_fields=["is_active"])
    Person.objects.create(
        slug="ina-inactive", name="Ina Inactive", organisation=organisation, user=user
    )
    return user
