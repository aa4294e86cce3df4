"""The Secretariat designates safeguarding officers through the roles of
accounts, and ends their designation there; nobody else does."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from alliance87.accounts import roles
from alliance87.safeguarding import services
from alliance87.safeguarding.models import Officer, is_officer

pytestmark = pytest.mark.django_db


def test_the_secretariat_designates_an_officer_on_the_roles_page(client: Client, personas) -> None:
    client.force_login(personas.secretariat)
    url = f"/en/account/people/{personas.partner.pk}/roles/"
    assert b"Safeguarding officer" in client.get(url).content
    response = client.post(url, {"kind": "safeguarding_officer", "scope": ""})
    assert response.status_code == 302
    partner = type(personas.partner).objects.get(pk=personas.partner.pk)
    assert is_officer(partner)
    holdings = [h for h in roles.holdings_of(partner) if h.kind == "safeguarding_officer"]
    assert len(holdings) == 1 and holdings[0].current


def test_ending_the_designation_takes_effect_at_once(client: Client, personas) -> None:
    services.designate_officer(personas.partner, acting_user=personas.secretariat)
    client.force_login(personas.secretariat)
    response = client.post(
        f"/en/account/people/{personas.partner.pk}/roles/safeguarding_officer/0/end/"
    )
    assert response.status_code == 302
    partner = type(personas.partner).objects.get(pk=personas.partner.pk)
    assert not is_officer(partner)
    assert Officer.objects.filter(user=partner, end__isnull=False).count() == 1


def test_someone_else_cannot_designate(client: Client, personas) -> None:
    services.designate_officer(personas.partner, acting_user=personas.secretariat)
    client.force_login(personas.partner)
    url = f"/en/account/people/{personas.outsider.pk}/roles/"
    assert client.post(url, {"kind": "safeguarding_officer"}).status_code == 404
    assert not Officer.objects.filter(user=personas.outsider).exists()


def test_a_person_is_designated_once_at_a_time(personas) -> None:
    services.designate_officer(personas.partner, acting_user=personas.secretariat)
    with pytest.raises(ValidationError):
        services.designate_officer(personas.partner, acting_user=personas.secretariat)
