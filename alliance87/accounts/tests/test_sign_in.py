from __future__ import annotations

from typing import Any

from django.test import Client

from alliance87.testing.personas import PASSWORD, make_user, totp_code, verified


def sign_in(client: Client, email: str, password: str = PASSWORD) -> Any:
    return client.post("/en/accounts/login/", {"login": email, "password": password})


def test_partner_signs_in_with_email_and_password(client: Client, accounts: Any) -> None:
    response = sign_in(client, accounts.partner.email)
    assert response.status_code == 302
    assert client.get("/en/account/").status_code == 200


def test_wrong_password_is_refused_with_a_message(client: Client, accounts: Any) -> None:
    response = sign_in(client, accounts.partner.email, "not the password at all")
    assert response.status_code == 200
    assert b"not correct" in response.content
    assert client.get("/en/account/").status_code == 302


def test_secretariat_must_give_the_second_factor(client: Client, accounts: Any) -> None:
    response = sign_in(client, accounts.secretariat.email)
    assert response.status_code == 302
    assert "/accounts/2fa/authenticate/" in response["Location"]
    # Not signed in yet.
    assert client.get("/en/account/").status_code == 302
    response = client.post("/en/accounts/2fa/authenticate/", {"code": totp_code()})
    assert response.status_code == 302
    assert client.get("/en/account/").status_code == 200


def test_secretariat_without_second_factor_is_sent_to_set_one_up(client: Client, db: None) -> None:
    staff = verified(make_user("new-staff", staff=True, second_factor=False))
    client.force_login(staff)
    response = client.get("/en/account/people/")
    assert response.status_code == 302
    assert "/accounts/2fa/" in response["Location"]
    # Setting one up stays reachable.
    assert client.get(response["Location"]).status_code == 200


def test_repeated_failed_sign_ins_are_rate_limited(client: Client, accounts: Any) -> None:
    for i in range(5):
        sign_in(client, accounts.partner.email, f"wrong password {i}")
    # Even the right password is refused for a while, with a clear message.
    response = sign_in(client, accounts.partner.email)
    assert response.status_code == 200
    assert b"Too many failed sign-in attempts for this account" in response.content
    assert client.get("/en/account/").status_code == 302
