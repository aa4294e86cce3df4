"""The secretariat records a meeting item by item through the site."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from alliance87.core.dates import ReportedDate
from alliance87.events import services
from alliance87.events.models import ActionItem, Decision, EventStatus, Exchange
from alliance87.testing.factories import make_event

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(personas):
    return make_event(
        "gcg-6",
        acting_user=personas.secretariat,
        date=ReportedDate(D(2030, 4, 1), None, "month"),
        publish=False,
    )


def test_secretariat_builds_agenda_and_record_then_publishes(client, personas, draft):
    client.force_login(personas.secretariat)
    base = "/en/events/gcg-6/record/"
    assert client.get(base).status_code == 200
    r = client.post(
        base + "agenda/",
        {"agenda-number": "I", "agenda-title": "Welcome", "agenda-visibility": "public"},
    )
    assert r.status_code == 302
    item = draft.agenda_items.get()
    r = client.post(
        f"{base}{item.pk}/minutes/",
        {f"item{item.pk}-title": "Welcome", f"item{item.pk}-minutes": "The Chair opened."},
    )
    assert r.status_code == 302
    p = f"exchange{item.pk}"
    r = client.post(
        f"{base}{item.pk}/exchange/",
        {
            f"{p}-asked_by_organisation": personas.partner_org.pk,
            f"{p}-question": "Why?",
            f"{p}-answered_by_role": "secretariat",
            f"{p}-answer": "Because.",
            f"{p}-visibility": "public",
        },
    )
    assert r.status_code == 302
    p = f"decision{item.pk}"
    r = client.post(
        f"{base}{item.pk}/decision/",
        {f"{p}-identifier": "GCG6/D1", f"{p}-text": "Agreed.", f"{p}-visibility": "public"},
    )
    assert r.status_code == 302
    p = f"action{item.pk}"
    r = client.post(
        f"{base}{item.pk}/action/",
        {
            f"{p}-text": "Send the survey",
            f"{p}-owner_role": "chair",
            f"{p}-due": "2030-06-15",
            f"{p}-due_precision": "month",
            f"{p}-visibility": "public",
        },
    )
    assert r.status_code == 302
    action = ActionItem.objects.get()
    assert action.date_start == D(2030, 6, 1) and action.date_precision == "month"
    assert Exchange.objects.get().answer == "Because."
    assert Decision.objects.get().identifier == "GCG6/D1"
    assert client.get("/en/events/gcg-6/", HTTP_ACCEPT_LANGUAGE="en").status_code == 200
    client.logout()
    assert client.get("/en/events/gcg-6/").status_code == 404
    client.force_login(personas.secretariat)
    assert client.post("/en/events/gcg-6/publish/").status_code == 302
    draft.refresh_from_db()
    assert draft.status == EventStatus.PUBLISHED
    client.logout()
    page = client.get("/en/events/gcg-6/").content.decode()
    assert (
        "Why?" in page and "Because." in page and "GCG6/D1" in page and "Send the survey" in page
    )


def test_duplicate_decision_number_is_explained(client, personas, draft):
    client.force_login(personas.secretariat)
    client.post(
        "/en/events/gcg-6/record/agenda/",
        {"agenda-number": "I", "agenda-title": "W", "agenda-visibility": "public"},
    )
    item = draft.agenda_items.get()
    p = f"decision{item.pk}"
    data = {f"{p}-number": "1", f"{p}-text": "x", f"{p}-visibility": "public"}
    client.post(f"/en/events/gcg-6/record/{item.pk}/decision/", data)
    response = client.post(f"/en/events/gcg-6/record/{item.pk}/decision/", data)
    assert response.status_code == 400
    assert "already has a decision numbered 1" in response.content.decode()


def test_decisions_are_numbered_within_their_meeting(personas, draft):
    sec = personas.secretariat
    other = make_event("gcg-7", acting_user=sec, publish=False)
    first = services.record_decision(draft, acting_user=sec, text="One")
    second = services.record_decision(draft, acting_user=sec, text="Two")
    elsewhere = services.record_decision(other, acting_user=sec, text="Another meeting's")
    assert (first.number, second.number, elsewhere.number) == (1, 2, 1)
    assert first.identifier == "" and first.label == "Decision 1"
    # The source's printed reference, when there is one, is kept beside it.
    printed = services.record_decision(draft, acting_user=sec, identifier="GCG6/D3", text="3")
    assert printed.label == "Decision 3 (GCG6/D3)"


def test_text_is_written_in_the_active_language(client, personas, draft):
    client.force_login(personas.secretariat)
    client.post(
        "/fr/events/gcg-6/record/agenda/",
        {"agenda-number": "I", "agenda-title": "Bienvenue", "agenda-visibility": "public"},
    )
    item = draft.agenda_items.get()
    assert item.title_fr == "Bienvenue"
    assert item.title_en == "Bienvenue"  # English falls back until translated


@pytest.mark.parametrize("who", ["anonymous", "outsider", "partner"])
def test_only_the_secretariat_records(who, client, personas):
    make_event("pub", acting_user=personas.secretariat, date=ReportedDate(D(2019, 4, 1)))
    user = getattr(personas, who)
    if user.is_authenticated:
        client.force_login(user)
    assert client.get("/en/events/pub/record/").status_code == 404
    assert (
        client.post(
            "/en/events/pub/record/agenda/",
            {"agenda-number": "I", "agenda-title": "x", "agenda-visibility": "public"},
        ).status_code
        == 404
    )
    assert client.post("/en/events/pub/publish/").status_code == 404


def test_upload_is_stored_whole_and_leaves_no_temporary_file(
    client, personas, draft, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(personas.secretariat)
    upload = SimpleUploadedFile("agenda.pdf", b"%PDF-1.4 agenda", content_type="application/pdf")
    r = client.post(
        "/en/events/gcg-6/record/document/",
        {
            "document-kind": "agenda",
            "document-title": "Agenda",
            "document-upload": upload,
            "document-visibility": "public",
        },
    )
    assert r.status_code == 302
    doc = draft.documents.get()
    stored = Path(tmp_path) / doc.file.name
    assert stored.read_bytes() == b"%PDF-1.4 agenda"
    assert not [p for p in stored.parent.iterdir() if p.name.startswith(".upload-")]


def test_upload_failure_keeps_nothing(personas, draft, settings, tmp_path, monkeypatch):
    import os

    from django.core.exceptions import ValidationError

    from alliance87.events import services

    settings.MEDIA_ROOT = tmp_path

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    upload = SimpleUploadedFile("annex.pdf", b"x" * 1000)
    with pytest.raises(ValidationError, match="could not be saved"):
        services.attach_document(
            draft, acting_user=personas.secretariat, kind="annex", title="Annex", upload=upload
        )
    assert not draft.documents.exists()
    folder = Path(tmp_path) / "events" / "documents"
    assert list(folder.iterdir()) == []


def test_a_decision_under_no_agenda_item_is_recorded_from_the_record_page(client, personas, draft):
    client.force_login(personas.secretariat)
    data = {"decision-text": "Meet again in July.", "decision-visibility": "public"}
    response = client.post("/en/events/gcg-6/record/decision/", data)
    assert response.status_code == 302
    decision = Decision.objects.get()
    assert (decision.agenda_item, decision.number) == (None, 1)
    page = client.get("/en/events/gcg-6/record/").content.decode()
    start = page.index('id="other-rows"')
    assert "Meet again in July." in page[start:]
