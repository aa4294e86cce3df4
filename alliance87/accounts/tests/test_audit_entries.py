"""Every write of applications and erasure leaves an audit entry naming who
did it, holding no secret; no entry records an empty change; the person's
export holds the entries they caused."""

from __future__ import annotations

import json
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.test import Client

from alliance87.accounts import services
from alliance87.applications import services as applications
from alliance87.applications.models import Application
from alliance87.core.models import Theme
from alliance87.partners.models import Person

pytestmark = pytest.mark.django_db


def submit(acting_user: Any, email: str = "ana@example.org") -> Application:
    return applications.submit_application(
        kind=Application.Kind.PARTNER,
        organisation_name="Freedom Network",
        stakeholder_type="civil_society",
        contact_name="Ana Example",
        email=email,
        acting_user=acting_user,
    )


def entries_of(obj: Any) -> list[LogEntry]:
    return list(LogEntry.objects.get_for_object(obj).order_by("pk"))


def test_submitting_an_application_is_in_the_log_under_its_applicant(accounts: Any) -> None:
    application = submit(accounts.outsider)
    [entry] = entries_of(application)
    assert entry.action == LogEntry.Action.CREATE
    assert entry.actor == accounts.outsider
    assert entry.changes_dict["status"] == ["None", "received"]


def test_each_review_decision_is_in_the_log_under_the_secretariat(accounts: Any) -> None:
    declined = submit(None)
    applications.start_review(declined, acting_user=accounts.secretariat)
    applications.decline_application(
        declined, reason="Out of scope", acting_user=accounts.secretariat
    )
    accepted = submit(None, email="bo@example.org")
    applications.accept_application(accepted, acting_user=accounts.secretariat)
    steps = [
        (e.actor, e.changes_dict["status"])
        for e in entries_of(declined) + entries_of(accepted)
        if e.action == LogEntry.Action.UPDATE
    ]
    assert steps == [
        (accounts.secretariat, ["received", "under_review"]),
        (accounts.secretariat, ["under_review", "declined"]),
        (accounts.secretariat, ["received", "accepted"]),
    ]


def test_erasing_an_account_is_in_the_log_under_the_secretariat(accounts: Any) -> None:
    user_pk = accounts.partner.pk
    erasure = services.request_erasure(accounts.partner, acting_user=accounts.partner)
    services.erase(erasure, acting_user=accounts.secretariat)
    entry = LogEntry.objects.get(
        content_type__model=get_user_model()._meta.model_name,
        object_pk=str(user_pk),
        action=LogEntry.Action.DELETE,
    )
    assert entry.actor == accounts.secretariat
    assert entry.changes_dict
    text = json.dumps(entry.changes) + entry.object_repr
    assert accounts.partner.email not in text
    assert "partner" not in text.lower()


def test_erasure_writes_no_empty_entry_and_keeps_which_fields_changed(accounts: Any) -> None:
    person = Person.objects.get(user=accounts.partner)
    person.expertise.add(Theme.objects.create(slug="migration", name="Migration"))
    erasure = services.request_erasure(accounts.partner, acting_user=accounts.partner)
    authors = {e.pk: e.actor_id for e in entries_of(person)}
    services.erase(erasure, acting_user=accounts.secretariat)
    assert not [e for e in LogEntry.objects.all() if not e.changes_dict], "empty entries"
    history = entries_of(person)
    assert history and all("Pat Partner" not in json.dumps(e.changes) for e in history)
    # The entries written before keep their authors.
    assert {e.pk: e.actor_id for e in history if e.pk in authors} == authors
    erased = [e for e in history if e.actor == accounts.secretariat]
    assert any("name" in e.changes_dict for e in erased)


def test_clearing_a_persons_expertise_logs_only_what_they_had(accounts: Any) -> None:
    person = Person.objects.get(user=accounts.partner)
    theirs = Theme.objects.create(slug="migration", name="Migration")
    Theme.objects.create(slug="fisheries", name="Fisheries")
    person.expertise.add(theirs)
    erasure = services.request_erasure(accounts.partner, acting_user=accounts.partner)
    services.erase(erasure, acting_user=accounts.secretariat)
    removals = [
        e.changes["expertise"]["objects"]
        for e in entries_of(person)
        if "expertise" in (e.changes or {}) and e.changes["expertise"]["operation"] == "delete"
    ]
    assert len(removals) == 1 and len(removals[0]) == 1


def test_the_export_holds_the_application_entries_the_person_caused(
    client: Client, accounts: Any
) -> None:
    submit(accounts.outsider)
    client.force_login(accounts.outsider)
    data = json.loads(client.get("/en/account/my-data.json").content)
    caused = [e["object"] for e in data["audit_entries_you_caused"]]
    assert any(o.startswith("applications.application") for o in caused), caused


def test_the_export_holds_the_erasures_the_secretariat_did(client: Client, accounts: Any) -> None:
    erasure = services.request_erasure(accounts.partner, acting_user=accounts.partner)
    services.erase(erasure, acting_user=accounts.secretariat)
    client.force_login(accounts.secretariat)
    data = json.loads(client.get("/en/account/my-data.json").content)
    deleted = [e for e in data["audit_entries_you_caused"] if e["action"] == "delete"]
    assert any(e["object"].startswith("auth.user") for e in deleted), deleted
