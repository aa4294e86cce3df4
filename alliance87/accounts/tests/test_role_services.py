"""Roles kept by any area are given and ended through accounts' services:
one transaction, attributed to the acting user; personal data from other
areas joins the export and the erasure through hooks.PERSONAL_DATA."""

from __future__ import annotations

from typing import Any

import pytest
from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from alliance87.accounts import roles, services
from alliance87.accounts.models import ErasureRequest
from alliance87.accounts.personal_data import collect
from alliance87.core import hooks
from alliance87.partners.models import Person


def test_giving_a_role_is_attributed_to_the_acting_user(accounts: Any) -> None:
    kind = roles.get_kind("partner")
    assert kind is not None
    services.assign_role(
        accounts.outsider,
        kind=kind,
        scope=str(accounts.partner_org.pk),
        acting_user=accounts.secretariat,
    )
    person = Person.objects.get(user=accounts.outsider)
    entry = LogEntry.objects.get_for_object(person).latest("timestamp")
    assert entry.actor == accounts.secretariat


def test_a_refused_role_leaves_nothing_half_written(accounts: Any) -> None:
    def assign(user: Any, scope: str, *, acting_user: Any) -> None:
        user.first_name = "Half"
        user.save(update_fields=["first_name"])
        raise ValidationError("Refused.")

    kind = hooks.RoleKind("test", "Test", 99, lambda user: [], assign=assign)
    with pytest.raises(ValidationError):
        services.assign_role(
            accounts.outsider, kind=kind, scope="", acting_user=accounts.secretariat
        )
    accounts.outsider.refresh_from_db()
    assert accounts.outsider.first_name != "Half"


def test_a_kind_that_cannot_be_ended_here_is_refused(accounts: Any) -> None:
    kind = hooks.RoleKind("test", "Test", 99, lambda user: [])
    with pytest.raises(ValueError, match="not ended"):
        services.end_role(accounts.outsider, kind=kind, ref=None, acting_user=accounts.secretariat)


def test_another_areas_personal_data_is_exported_and_erased(accounts: Any) -> None:
    erased: list[Any] = []
    contribution = hooks.PersonalData(
        "notes",
        export=lambda user, person: [f"a note on {person.name}"],
        erase=lambda user, person: erased.append(person.pk),
    )
    with hooks.PERSONAL_DATA.registered(contribution):
        assert collect(accounts.partner)["notes"] == ["a note on Pat Partner"]
        erasure = services.request_erasure(accounts.partner, acting_user=accounts.partner)
        person_pk = Person.objects.get(user=accounts.partner).pk
        services.erase(erasure, acting_user=accounts.secretariat)
    assert erased == [person_pk]
    assert not get_user_model().objects.filter(pk=accounts.partner.pk).exists()
    erasure.refresh_from_db()
    assert erasure.status == ErasureRequest.Status.DONE
    assert erasure.handled_by == accounts.secretariat
