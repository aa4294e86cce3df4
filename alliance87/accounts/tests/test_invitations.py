from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from alliance87.accounts import services
from alliance87.accounts.models import Invitation
from alliance87.partners.models import Person


def invite(accounts: Any, email: str = "new.partner@example.org") -> str:
    _invitation, token = services.invite(
        email=email, organisation=accounts.partner_org, acting_user=accounts.secretariat
    )
    return token


def sign_up(client: Client, email: str) -> Any:
    return client.post(
        "/en/accounts/signup/",
        {
            "email": email,
            "password1": "a long passphrase 8.7!",
            "password2": "a long passphrase 8.7!",
        },
    )


def test_sign_up_is_closed_without_an_invitation(client: Client, accounts: Any) -> None:
    response = sign_up(client, "stranger@example.org")
    assert b"Accounts are by invitation" in response.content
    assert not Person.objects.filter(email="stranger@example.org").exists()


def test_invited_person_signs_up_and_joins_the_organisation(
    client: Client, accounts: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        token = invite(accounts)
    assert len(mail.outbox) == 1
    assert token in mail.outbox[0].body
    response = client.get(f"/en/account/invitation/{token}/")
    assert response.status_code == 302
    response = sign_up(client, "new.partner@example.org")
    assert response.status_code == 302
    person = Person.objects.get(user__email="new.partner@example.org")
    assert person.organisation == accounts.partner_org
    # The address is verified by email before the account is used.
    assert any("confirm" in m.subject.lower() for m in mail.outbox[1:])


def test_an_invitation_works_once(client: Client, accounts: Any) -> None:
    token = invite(accounts)
    client.get(f"/en/account/invitation/{token}/")
    sign_up(client, "new.partner@example.org")
    other = Client()
    assert other.get(f"/en/account/invitation/{token}/").status_code == 404


def test_an_expired_invitation_is_refused(client: Client, accounts: Any) -> None:
    token = invite(accounts)
    Invitation.objects.update(expires=timezone.now() - dt.timedelta(minutes=1))
    response = client.get(f"/en/account/invitation/{token}/")
    assert response.status_code == 404
    assert b"cannot be used" in response.content


def test_only_the_hash_of_the_token_is_stored(accounts: Any) -> None:
    token = invite(accounts)
    stored = Invitation.objects.get()
    assert token not in stored.token_hash
    assert re.fullmatch(r"[0-9a-f]{64}", stored.token_hash)


def test_inviting_an_existing_account_is_refused(accounts: Any) -> None:
    with pytest.raises(ValidationError, match="already has an account"):
        invite(accounts, accounts.partner.email)


def test_only_the_secretariat_may_invite(client: Client, accounts: Any) -> None:
    client.force_login(accounts.partner)
    assert client.get("/en/account/people/invite/").status_code == 404
    assert client.post("/en/account/people/invite/", {"email": "x@example.org"}).status_code == 404
    assert not Invitation.objects.exists()
