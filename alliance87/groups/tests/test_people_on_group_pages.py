"""A chair's representative is named only to those who may see that person."""

from __future__ import annotations

from typing import Any

from alliance87.groups.models import ChairRole
from alliance87.groups.services import start_chair_term
from alliance87.partners.models import Person


def test_chairs_representative_is_named_to_partners_only(client: Any, world: Any, personas: Any):
    person = Person.objects.create(slug="rep", name="Rhea Representative", organisation=world.iom)
    start_chair_term(
        world.migration,
        role=ChairRole.CO_CHAIR,
        organisation=world.iom,
        person=person,
        acting_user=personas.secretariat,
    )
    assert "Rhea Representative" not in client.get("/en/groups/migration/").content.decode()
    client.force_login(personas.outsider)
    assert "Rhea Representative" not in client.get("/en/groups/migration/").content.decode()
    client.force_login(personas.partner)
    assert "Rhea Representative" in client.get("/en/groups/migration/").content.decode()
