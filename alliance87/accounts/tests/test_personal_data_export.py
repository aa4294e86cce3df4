"""The export holds everything the Hub stores about a person, and pages of
personal data are kept by no cache."""

from __future__ import annotations

import json
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.test import Client

from alliance87.accounts import services
from alliance87.applications import services as applications
from alliance87.testing.personas import TOTP_SECRET, make_user, verified

pytestmark = pytest.mark.django_db


def export(client: Client, user: Any) -> dict[str, Any]:
    client.force_login(user)
    response = client.get("/en/account/my-data.json", REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 200
    return dict(json.loads(response.content))


def test_the_export_holds_addresses_second_factors_and_no_secret(
    client: Client, accounts: Any
) -> None:
    data = export(client, accounts.secretariat)
    assert {"email": accounts.secretariat.email, "verified": True, "primary": True} in data[
        "email_addresses"
    ]
    assert [f["kind"] for f in data["second_factors"]] == ["totp"]
    text = json.dumps(data)
    assert TOTP_SECRET not in text
    assert '"password"' not in text


def test_the_export_holds_the_audit_entries_the_person_caused_with_their_address(
    client: Client, accounts: Any
) -> None:
    client.force_login(accounts.secretariat)
    client.post(
        "/en/account/people/invite/",
        {"email": "new.person@example.org"},
        REMOTE_ADDR="203.0.113.5",
    )
    data = export(client, accounts.secretariat)
    caused = data["audit_entries_you_caused"]
    invitation = [e for e in caused if e["object"].startswith("accounts.invitation")]
    assert invitation, caused
    assert invitation[0]["from_address"] == "203.0.113.5"
    assert "token_hash" not in json.dumps(caused)


def test_an_invitation_writes_an_audit_entry_naming_who_invited(accounts: Any) -> None:
    services.invite(email="someone@example.org", acting_user=accounts.secretariat)
    entry = LogEntry.objects.filter(content_type__model="invitation").get()
    assert entry.actor == accounts.secretariat
    assert "token_hash" not in entry.changes_dict


def test_the_export_holds_invitations_and_applications_sent_to_the_address(
    client: Client, accounts: Any
) -> None:
    # The invitation came first; the account was made from it later.
    invited = services.invite(email="invited@example.org", acting_user=accounts.secretariat)[0]
    applications.submit_application(
        kind="partner",
        organisation_name="A Network",
        stakeholder_type="civil_society",
        contact_name="Someone",
        email="INVITED@example.org",
        acting_user=None,
    )
    user = verified(make_user("invited"))
    assert user.email == invited.email
    data = export(client, user)
    assert [i["email"] for i in data["invitations_to_you"]] == [invited.email]
    assert "token_hash" not in data["invitations_to_you"][0]
    assert [a["organisation_name"] for a in data["applications_from_your_address"]] == [
        "A Network"
    ]


def test_the_export_holds_rows_that_point_at_the_account(client: Client, accounts: Any) -> None:
    data = export(client, accounts.partner)
    assert "partners.person" in data["rows_pointing_at_you"]


@pytest.mark.parametrize("url", ["/en/account/", "/en/account/my-data.json"])
def test_pages_of_personal_data_are_kept_by_no_cache(
    client: Client, accounts: Any, url: str
) -> None:
    client.force_login(accounts.partner)
    cache_control = client.get(url)["Cache-Control"]
    assert "private" in cache_control
    assert "no-store" in cache_control
