from __future__ import annotations

from typing import Any

from django.test import Client

from alliance87.accounts import roles


def test_profile_lists_the_persons_roles(client: Client, accounts: Any) -> None:
    client.force_login(accounts.partner)
    response = client.get("/en/account/")
    assert b"Partner" in response.content
    assert accounts.partner_org.name.encode() in response.content


def test_secretariat_gives_and_ends_the_partner_role(client: Client, accounts: Any) -> None:
    client.force_login(accounts.secretariat)
    url = f"/en/account/people/{accounts.outsider.pk}/roles/"
    response = client.post(url, {"kind": "partner", "scope": str(accounts.partner_org.pk)})
    assert response.status_code == 302
    assert [h.kind for h in roles.holdings_of(accounts.outsider)] == ["partner"]
    response = client.post(f"{url}partner/0/end/")
    assert response.status_code == 302
    assert roles.holdings_of(accounts.outsider) == []


def test_a_scope_outside_the_list_is_refused(client: Client, accounts: Any) -> None:
    client.force_login(accounts.secretariat)
    url = f"/en/account/people/{accounts.outsider.pk}/roles/"
    response = client.post(url, {"kind": "partner", "scope": str(accounts.other_org.pk)})
    assert response.status_code == 200
    assert b"Choose what this role is for" in response.content
    assert roles.holdings_of(accounts.outsider) == []


def test_secretariat_cannot_remove_its_own_role(client: Client, accounts: Any) -> None:
    client.force_login(accounts.secretariat)
    url = f"/en/account/people/{accounts.secretariat.pk}/roles/secretariat/0/end/"
    client.post(url)
    accounts.secretariat.refresh_from_db()
    assert accounts.secretariat.is_staff


def test_nobody_else_manages_roles(client: Client, accounts: Any) -> None:
    for user in (accounts.partner, accounts.outsider):
        client.force_login(user)
        url = f"/en/account/people/{accounts.outsider.pk}/roles/"
        assert client.get(url).status_code == 404
        assert client.post(url, {"kind": "secretariat", "scope": ""}).status_code == 404
    accounts.outsider.refresh_from_db()
    assert not accounts.outsider.is_staff
