from __future__ import annotations

import json
from typing import Any

from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.test import Client

from alliance87.accounts import services
from alliance87.accounts.models import ErasureRequest
from alliance87.partners.models import Person


def test_person_downloads_their_data(client: Client, accounts: Any) -> None:
    client.force_login(accounts.partner)
    response = client.get("/en/account/my-data.json")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == accounts.partner.email
    assert data["person"]["name"] == "Pat Partner"
    assert {"role": "Partner", "scope": str(accounts.partner_org)}.items() <= data["roles"][
        0
    ].items()


def test_anonymous_cannot_download_anything(client: Client, accounts: Any) -> None:
    assert client.get("/en/account/my-data.json").status_code == 302


def test_erasure_removes_identifiers_and_keeps_records(client: Client, accounts: Any) -> None:
    client.force_login(accounts.partner)
    response = client.post("/en/account/erase/", {"reason": "Leaving", "confirm": "on"})
    assert response.status_code == 302
    erasure = ErasureRequest.objects.get()
    person_pk = Person.objects.get(user=accounts.partner).pk
    services.erase(erasure, acting_user=accounts.secretariat)
    person = Person.objects.get(pk=person_pk)
    assert person.name.startswith("Former participant")
    assert person.email == "" and person.user is None
    assert not get_user_model().objects.filter(pk=accounts.partner.pk).exists()
    assert not LogEntry.objects.filter(changes_text__contains="Pat Partner").exists()
    assert not LogEntry.objects.filter(object_repr__contains="Pat Partner").exists()


def test_erasure_needs_the_confirmation(client: Client, accounts: Any) -> None:
    client.force_login(accounts.partner)
    response = client.post("/en/account/erase/", {"reason": "Leaving"})
    assert response.status_code == 200
    assert not ErasureRequest.objects.exists()


def test_only_the_secretariat_erases(client: Client, accounts: Any) -> None:
    erasure = services.request_erasure(accounts.partner, acting_user=accounts.partner)
    client.force_login(accounts.outsider)
    assert client.post(f"/en/account/erasures/{erasure.pk}/erase/").status_code == 404
    erasure.refresh_from_db()
    assert erasure.status == ErasureRequest.Status.REQUESTED
