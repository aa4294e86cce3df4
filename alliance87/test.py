"""
The personas every test speaks of, defined once.

- secretariat: Alliance 8.7 Secretariat staff; sees and may do everything.
- partner: works for an approved partner organisation (the ITUC here);
  sees public and partners' content.
- outsider: signed in, but belongs to no partner organisation; sees what
  the public sees, nothing more.
- anonymous: not signed in.

Later areas add theirs here (focal point of one country, chair of one
group), so that every visibility or permission rule has its outsider case.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser

from alliance87.countries.models import Country
from alliance87.partners.models import Organisation, Person, StakeholderType
from alliance87.partners.services import save_organisation

PASSWORD = "correct horse battery staple 8.7"
# The Secretariat must use a second factor (accounts.middleware): every
# staff persona gets this TOTP secret; `totp_code()` gives today's code.
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code() -> str:
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
    from django.utils import timezone

    return format_hotp_value(hotp_value(TOTP_SECRET, int(timezone.now().timestamp()) // 30))


def make_organisation(slug: str, name: str, **values: Any) -> Organisation:
    values.setdefault("stakeholder_type", StakeholderType.CIVIL_SOCIETY)
    org = Organisation(slug=slug, name=name, name_en=name, **values)
    return save_organisation(org, acting_user=None)


def make_user(username: str, *, staff: bool = False, second_factor: bool | None = None) -> Any:
    """Create a user; staff get a TOTP authenticator unless told otherwise."""
    from allauth.mfa.totp.internal.auth import TOTP

    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=PASSWORD, is_staff=staff
    )
    if staff if second_factor is None else second_factor:
        TOTP.activate(user, TOTP_SECRET)
    return user


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
