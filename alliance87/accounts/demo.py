"""Demo accounts, one per persona. They exist only where `loaddemo` ran.

Every demo account signs in with DEMO_PASSWORD. The Secretariat's account
has a TOTP authenticator with the published DEMO_TOTP_SECRET, since the
Secretariat must use two-factor authentication; `alliance87 demototp`
prints the current code.
"""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from alliance87.accounts import roles

DEMO_PASSWORD = "demo-hub-8.7-password"
DEMO_TOTP_SECRET = "JBSWY3DPEHPK3PXPALLIANCEDEMOHUBA"  # base32, demo only
DEMO_DOMAIN = "demo.alliance87.example"


def current_code(seconds_to_use: float = 0, *, secret: str = DEMO_TOTP_SECRET) -> str:
    """Return the code the demo Secretariat's authenticator app (or the one
    holding `secret`: the test personas') shows now.

    The Hub accepts only the code of the current 30-second window; with
    `seconds_to_use`, wait for the next window when fewer seconds than that
    are left in this one (a test that types the code in a browser)."""
    import time

    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    left = 30 - time.time() % 30
    if left < seconds_to_use:
        time.sleep(left + 0.2)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


# Every demo persona is visibly a demo account: "Demo" and "(demo account)"
# in its name, and, where it needs an organisation, the demo organisation of
# the directory's demo data, never a real organisation's staff or official.
DEMO_ORGANISATION = "demo-organisation"

# email local part, first name, last name, staff, person slug (from the
# directory demo data) or None, organisation slug for a new person or None
ACCOUNTS: list[tuple[str, str, str, bool, str | None, str | None]] = [
    ("secretariat", "Demo", "Secretariat (demo account)", True, None, DEMO_ORGANISATION),
    ("partner", "Demo", "Partner (demo account)", False, None, DEMO_ORGANISATION),
    ("outsider", "Demo", "Outsider (demo account)", False, None, None),
]

# Role holders of the areas: email local part, first and last name, their
# organisation, the role kind, and how to find its scope.
AREA_ACCOUNTS: list[tuple[str, str, str, str, str, tuple[str, str]]] = [
    (
        "focal-point",
        "Demo",
        "Focal Point (demo account)",
        DEMO_ORGANISATION,
        "focal_point",
        ("pathfinder", "NPL"),
    ),
    (
        "chair",
        "Demo",
        "Chair (demo account)",
        DEMO_ORGANISATION,
        "group_chair",
        ("group", "migration"),
    ),
    (
        "member",
        "Demo",
        "Member (demo account)",
        DEMO_ORGANISATION,
        "group_member",
        ("group", "migration"),
    ),
]


def scope_value(kind: str, key: str) -> str:
    """Return the role form's value for a scope named in the demo data."""
    if kind == "pathfinder":
        from alliance87.pathfinders.models import Pathfinder

        return f"pathfinder:{Pathfinder.objects.get(country__iso3=key).pk}"
    from alliance87.groups.models import Group

    return f"group:{Group.objects.get(slug=key).pk}"


def email_of(local: str) -> str:
    return f"{local}@{DEMO_DOMAIN}"


def ensure_account(
    local: str,
    first: str,
    last: str,
    *,
    staff: bool,
    person_slug: str | None,
    organisation_slug: str | None,
) -> tuple[Any, bool]:
    from alliance87.partners.models import Organisation, Person
    from alliance87.partners.services import save_person

    User = get_user_model()
    email = email_of(local)
    user = User.objects.filter(email=email).first()
    created = user is None
    if user is None:
        user = User.objects.create_user(
            username=local,
            email=email,
            password=DEMO_PASSWORD,
            first_name=first,
            last_name=last,
            is_staff=staff,
        )
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    person = None
    if person_slug:
        person = Person.objects.filter(slug=person_slug).first()
    if person is None and organisation_slug:
        person = Person.objects.filter(slug=f"demo-{local}").first() or Person(
            slug=f"demo-{local}",
            name=f"{first} {last}",
            organisation=Organisation.objects.get(slug=organisation_slug),
            email=email,
        )
    if person is not None and person.user_id != user.pk:
        person.user = user
        save_person(person, acting_user=None)
        created = True
    return user, created


def load(report: Any) -> None:
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP

    for local, first, last, staff, person_slug, org_slug in ACCOUNTS:
        user, created = ensure_account(
            local, first, last, staff=staff, person_slug=person_slug, organisation_slug=org_slug
        )
        report.count("demo account", created, False)
        if (
            staff
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            TOTP.activate(user, DEMO_TOTP_SECRET)
    for local, first, last, org_slug, kind, (scope_kind, scope_key) in AREA_ACCOUNTS:
        user, created = ensure_account(
            local, first, last, staff=False, person_slug=None, organisation_slug=org_slug
        )
        scope = scope_value(scope_kind, scope_key)
        role_kind = roles.get_kind(kind)
        held = role_kind is not None and any(
            h.kind == kind and h.current for h in role_kind.holdings(user)
        )
        if role_kind is not None and role_kind.assign is not None and not held:
            role_kind.assign(user, scope, acting_user=None)
            created = True
        report.count("demo account", created, False)
