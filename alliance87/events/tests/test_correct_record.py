"""The secretariat corrects a row already recorded, through the site, with
the form that added it, pre-filled; a bad correction changes nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms.models import model_to_dict

from alliance87.events import services
from alliance87.events.models import ActionItem, AgendaItem, Decision, Document, Exchange
from alliance87.testing.factories import make_event

D = dt.date
pytestmark = pytest.mark.django_db

BASE = "/en/events/gcg-4/record"


def _edit(kind, row):
    return f"{BASE}/{kind}/{row.pk}/edit/"


@pytest.fixture
def secretariat(client, personas):
    client.force_login(personas.secretariat)
    return personas.secretariat


def test_edit_page_is_the_add_form_pre_filled(client, secretariat, recorded):
    page = client.get(_edit("decision", recorded.decision)).content.decode()
    assert "<h1>Edit the decision</h1>" in page
    assert 'value="GCG4/D1"' in page and "Agreed.</textarea>" in page


def test_secretariat_edits_an_agenda_item(client, secretariat, recorded):
    item = recorded.item
    response = client.post(
        _edit("agenda", item),
        {
            "number": "1",
            "title": "Welcome and opening",
            "presenters_note": "Chair",
            "minutes": "The Chair opened the meeting.",
            "visibility": "partners",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"{BASE}/#item-{item.pk}"
    item.refresh_from_db()
    assert (item.number, item.title, item.presenters_note, item.minutes, item.visibility) == (
        "1",
        "Welcome and opening",
        "Chair",
        "The Chair opened the meeting.",
        "partners",
    )


def _agenda(event):
    return list(AgendaItem.objects.filter(event=event).values_list("number", flat=True))


def _renumber(client, item, number):
    return client.post(
        _edit("agenda", item),
        {"number": number, "title": item.title, "minutes": item.minutes, "visibility": "public"},
    )


def test_renumbering_an_item_moves_it_on_the_agenda(client, personas, secretariat, recorded):
    event = recorded.event
    for number in ("II", "III"):
        services.add_agenda_item(event, acting_user=secretariat, number=number, title=number)
    assert _renumber(client, recorded.item, "IV").status_code == 302
    assert _agenda(event) == ["II", "III", "IV"]
    page = client.get("/en/events/gcg-4/").content.decode()
    assert page.index("II.</span> II") < page.index("IV.</span> Welcome")


def test_a_number_in_use_is_refused_with_a_clear_message(client, secretariat, recorded):
    event = recorded.event
    second = services.add_agenda_item(event, acting_user=secretariat, number="II", title="Next")
    before = model_to_dict(second)
    response = _renumber(client, second, " I ")
    assert response.status_code == 400
    page = response.content.decode()
    assert "The agenda already has an item numbered “I” (“Welcome”)" in page
    assert "first give one of the items a number not in use" in page
    second.refresh_from_db()
    assert model_to_dict(second) == before
    assert _agenda(event) == ["I", "II"]


def test_agenda_numbers_that_are_not_all_numbers_keep_their_order(secretariat, recorded):
    event = recorded.event
    services.add_agenda_item(event, acting_user=secretariat, number="Opening", title="x")
    services.add_agenda_item(event, acting_user=secretariat, number="II", title="y")
    services.correct_row(
        recorded.item, acting_user=secretariat, number="III", title="Welcome", minutes=""
    )
    assert _agenda(event) == ["III", "Opening", "II"]


@pytest.mark.parametrize(
    ("number", "key"),
    [("3", (3, 0)), ("IV", (4, 0)), ("iv.", (4, 0)), ("2a", (2, 1)), ("IVc", (4, 3))],
)
def test_agenda_numbers_read_as_numbers(number, key):
    assert services.agenda_number_key(number) == key


@pytest.mark.parametrize("number", ["Opening", "IIII", "A", ""])
def test_agenda_numbers_that_do_not_read_as_numbers(number):
    assert services.agenda_number_key(number) is None


def test_a_correction_takes_only_the_arguments_of_its_kind(secretariat, recorded):
    with pytest.raises(TypeError, match="identifier"):
        services.correct_row(recorded.exchange, acting_user=secretariat, identifier="X")
    with pytest.raises(TypeError, match="text"):
        services.correct_row(recorded.action, acting_user=secretariat)
    with pytest.raises(TypeError, match="not a row of the record"):
        services.remove_row(recorded.event, acting_user=secretariat)
    assert Exchange.objects.filter(pk=recorded.exchange.pk).exists()


def test_secretariat_edits_an_exchange(client, personas, secretariat, recorded):
    response = client.post(
        _edit("exchange", recorded.exchange),
        {
            "asked_by_role": "chair",
            "question": "When will the survey run?",
            "answered_by_organisation": personas.partner_org.pk,
            "answer": "In June.",
            "visibility": "public",
        },
    )
    assert response.status_code == 302
    x = Exchange.objects.get(pk=recorded.exchange.pk)
    assert (x.asked_by_role, x.asked_by_organisation_id, x.question) == (
        "chair",
        None,
        "When will the survey run?",
    )
    assert (x.answered_by_organisation_id, x.answered_by_role, x.answer) == (
        personas.partner_org.pk,
        "",
        "In June.",
    )


def test_secretariat_edits_a_decision(client, secretariat, recorded):
    response = client.post(
        _edit("decision", recorded.decision),
        {"identifier": "GCG4/D2", "text": "Agreed, with thanks.", "visibility": "public"},
    )
    assert response.status_code == 302
    decision = Decision.objects.get(pk=recorded.decision.pk)
    assert (decision.identifier, decision.text) == ("GCG4/D2", "Agreed, with thanks.")


def test_secretariat_edits_an_action_item(client, personas, secretariat, recorded):
    response = client.post(
        _edit("action", recorded.action),
        {
            "text": "Send the survey to every member",
            "owner_organisation": personas.partner_org.pk,
            "due": "2019-06-15",
            "due_precision": "month",
            "due_tentative": "on",
            "visibility": "public",
        },
    )
    assert response.status_code == 302
    item = ActionItem.objects.get(pk=recorded.action.pk)
    assert item.text == "Send the survey to every member"
    assert (item.owner_role, item.owner_organisation_id) == ("", personas.partner_org.pk)
    assert (item.date_start, item.date_precision, item.date_tentative) == (
        D(2019, 6, 1),
        "month",
        True,
    )
    assert item.status == ActionItem.Status.OPEN


def test_editing_a_closed_action_item_leaves_it_closed(client, secretariat, recorded):
    services.close_action_item(recorded.action, acting_user=secretariat, note="Sent in May.")
    response = client.post(
        _edit("action", recorded.action),
        {"text": "Send the survey", "owner_role": "secretariat", "due_precision": "day"},
    )
    assert response.status_code == 400  # the visibility is required
    response = client.post(
        _edit("action", recorded.action),
        {
            "text": "Send the survey",
            "owner_role": "secretariat",
            "due_precision": "day",
            "visibility": "public",
        },
    )
    assert response.status_code == 302
    item = ActionItem.objects.get(pk=recorded.action.pk)
    assert (item.status, item.owner_role, item.done_note) == (
        "done",
        "secretariat",
        "Sent in May.",
    )


def test_secretariat_edits_a_document(client, secretariat, recorded):
    response = client.post(
        _edit("document", recorded.document),
        {
            "kind": "annex",
            "title": "Annex 1",
            "url": "https://example.org/annex",
            "visibility": "partners",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"{BASE}/#documents"
    doc = Document.objects.get(pk=recorded.document.pk)
    assert (doc.kind, doc.title, doc.url, doc.visibility) == (
        "annex",
        "Annex 1",
        "https://example.org/annex",
        "partners",
    )


def test_a_stored_file_is_kept_or_replaced(
    client, secretariat, recorded, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    url = f"{BASE}/document/"
    upload = SimpleUploadedFile("agenda.pdf", b"%PDF-1.4 agenda")
    client.post(
        "/en/events/gcg-4/record/document/",
        {
            "document-kind": "agenda",
            "document-title": "Agenda",
            "document-upload": upload,
            "document-visibility": "public",
        },
    )
    doc = Document.objects.get(title="Agenda")
    stored = Path(tmp_path) / doc.file.name
    page = client.get(f"{url}{doc.pk}/edit/").content.decode()
    assert "Leave empty to keep the file “agenda.pdf”" in page
    # Neither an address nor a file: the file is kept.
    data: dict[str, Any] = {
        "kind": "agenda",
        "title": "Provisional agenda",
        "visibility": "public",
    }
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"{url}{doc.pk}/edit/", data).status_code == 302
    doc.refresh_from_db()
    assert doc.title == "Provisional agenda" and stored.exists()
    # A new file replaces the old one, which goes once that is committed.
    data["upload"] = SimpleUploadedFile("agenda-v2.pdf", b"%PDF-1.4 v2")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"{url}{doc.pk}/edit/", data).status_code == 302
    doc.refresh_from_db()
    assert (Path(tmp_path) / doc.file.name).read_bytes() == b"%PDF-1.4 v2"
    assert not stored.exists()


# A bad correction ------------------------------------------------------------

BAD_EDITS = {
    # The form refuses: a required field left empty.
    "agenda": ({"number": "", "title": "x", "visibility": "public"}, "This field is required"),
    # The service refuses: nobody asked the question.
    "exchange": (
        {"question": "Who asked?", "answer": "", "visibility": "public"},
        "Say who asked the question.",
    ),
    # The service refuses: the number is another decision's of the meeting.
    "decision": (
        {"number": "2", "text": "x", "visibility": "public"},
        "This meeting already has a decision numbered 2",
    ),
    # The model refuses: an action item needs an owner.
    "action": (
        {"text": "Orphan", "due_precision": "day", "visibility": "public"},
        "Name the owner of the action item.",
    ),
    # The form refuses: both an address and... no address at all is fine for
    # a stored file, but this document has an address, so one is needed.
    "document": (
        {"kind": "report", "title": "Report", "url": "", "visibility": "public"},
        "Give either an address or a file, not both or neither.",
    ),
}


@pytest.mark.parametrize("kind", sorted(BAD_EDITS))
def test_a_bad_edit_is_explained_and_changes_nothing(kind, client, secretariat, recorded):
    services.record_decision(recorded.event, acting_user=secretariat, text="A second one")
    row = recorded.row(kind)
    before = model_to_dict(type(row).objects.get(pk=row.pk))
    data, message = BAD_EDITS[kind]
    response = client.post(_edit(kind, row), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "There is a problem" in page and message in page
    assert model_to_dict(type(row).objects.get(pk=row.pk)) == before


def test_nonsense_input_gets_a_message_not_an_error_page(client, secretariat, recorded):
    response = client.post(
        _edit("action", recorded.action),
        {
            "text": "x",
            "owner_organisation": "not-a-number",
            "due": "31/02/2019",
            "due_precision": "decade",
            "visibility": "everyone",
        },
    )
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()


def test_a_range_ending_before_it_starts_is_refused(client, secretariat, recorded):
    response = client.post(
        _edit("action", recorded.action),
        {
            "text": "x",
            "owner_role": "chair",
            "due": "2019-06-15",
            "due_end": "2019-06-01",
            "due_precision": "range",
            "visibility": "public",
        },
    )
    assert response.status_code == 400
    assert "The end date cannot be before the start date." in response.content.decode()


# Languages and the audit log -----------------------------------------------


def test_a_french_correction_leaves_the_untouched_text_to_english(client, secretariat, recorded):
    item = recorded.item
    response = client.post(
        f"/fr/events/gcg-4/record/agenda/{item.pk}/edit/",
        {
            "number": "I",
            "title": "Welcome",  # what the French page shows: the English text
            "minutes": "La présidence a ouvert la séance.",
            "visibility": "public",
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.minutes_fr == "La présidence a ouvert la séance."
    assert item.minutes_en == "The Chair opened."
    # Not frozen into French: a later English correction still shows there.
    assert not item.title_fr


def test_a_correction_is_in_the_audit_log_with_its_author(client, secretariat, recorded):
    client.post(
        _edit("decision", recorded.decision),
        {"identifier": "GCG4/D1", "text": "Agreed, as amended.", "visibility": "public"},
    )
    entry = LogEntry.objects.get_for_object(recorded.decision).order_by("-timestamp").first()
    assert entry is not None and entry.action == LogEntry.Action.UPDATE
    assert entry.actor == secretariat
    assert entry.changes_dict["text_en"] == ["Agreed.", "Agreed, as amended."]


# Addresses that lead nowhere -----------------------------------------------


def test_another_events_row_is_not_found(client, secretariat, recorded):
    make_event("gcg-3", acting_user=secretariat, publish=False)
    url = f"/en/events/gcg-3/record/decision/{recorded.decision.pk}/edit/"
    assert client.get(url).status_code == 404
    assert client.post(url, {"identifier": "X", "text": "x"}).status_code == 404


@pytest.mark.parametrize("path", ["objective/1/edit/", "agenda/999999/edit/", "agenda/1/move/"])
def test_an_unknown_row_is_not_found(path, client, secretariat, recorded):
    assert client.get(f"{BASE}/{path}").status_code == 404
