"""The Secretariat's import pages: upload or paste, read in the background
(a task queued on commit; a short paste at once), review each row beside
its passage (accept, edit, drop; unknown names picked or created), save
the draft through the same save as the command. No one else sees them."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tasks_db.models import DBTaskResult

from alliance87.core.models import Citation
from alliance87.events.models import Event, EventStatus
from alliance87.partners.models import Organisation
from alliance87.reports.models import ReportImport
from alliance87.reports.tasks import read_report_import

pytestmark = pytest.mark.django_db

REPORT = Path(__file__).parent / "data" / "gcg4_report.txt"
SHORT = """Data Committee - 3rd meeting
Date: 12 March 2024
Venue: online

Agenda
1. Opening (Chair)
2. Survey results (Walk Free Foundation)
3. Next steps

Decisions
1. The Committee adopted the workplan for 2024.

Action: The Secretariat to circulate the survey results by 30 April 2024.
Q: Freedom United Network asked when the data will be published.
A: The Secretariat answered that it will be published in June.
"""


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def paste(client, text: str = SHORT) -> ReportImport:
    response = client.post("/en/reports/import/", {"text": text, "language": "en"})
    assert response.status_code == 302, response.content.decode()[:2000]
    return ReportImport.objects.latest("created")


def proposal_of(report: ReportImport) -> dict:
    proposal = ReportImport.objects.get(pk=report.pk).proposal
    assert proposal is not None
    return proposal


@pytest.mark.parametrize("who", ["anonymous", "outsider", "partner"])
def test_no_one_but_the_secretariat_sees_the_pages(client, personas, who):
    report = ReportImport.objects.create(pasted=SHORT, created_by=personas.secretariat)
    if who != "anonymous":
        client.force_login(getattr(personas, who))
    for url in (
        "/en/reports/import/",
        f"/en/reports/import/{report.pk}/",
        f"/en/reports/import/{report.pk}/rows/meeting/",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/en/reports/import/{report.pk}/save/").status_code == 404
    assert client.post("/en/reports/import/", {"text": SHORT}).status_code == 404
    assert ReportImport.objects.count() == 1


def test_a_short_paste_is_read_at_once_and_shown_beside_its_passages(client, personas):
    client.force_login(personas.secretariat)
    report = paste(client)
    assert report.status == ReportImport.Status.READY
    page = client.get(report.get_absolute_url()).content.decode()
    assert "Data Committee - 3rd meeting" in page
    assert "found by the rule “agenda_list”" in page
    assert "<blockquote" in page and "2. Survey results (Walk Free Foundation)" in page
    assert 'value="agenda-1:dropped"' in page and "/rows/agenda-1/" in page
    assert "Freedom United Network" in page  # a name the directory does not know


def test_an_upload_is_read_in_the_background_once_it_commits(
    client, personas, django_capture_on_commit_callbacks
):
    client.force_login(personas.secretariat)
    upload = SimpleUploadedFile("gcg4.txt", REPORT.read_bytes())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/reports/import/", {"file": upload, "language": "en"})
    report = ReportImport.objects.get()
    assert response.status_code == 302 and report.status == ReportImport.Status.QUEUED
    assert DBTaskResult.objects.count() == 1
    waiting = client.get(report.get_absolute_url()).content.decode()
    assert "Check again" in waiting and 'http-equiv="refresh"' not in waiting
    read_report_import.call(report.pk)
    report.refresh_from_db()
    assert report.status == ReportImport.Status.READY
    assert report.proposal is not None and len(report.proposal["agenda"]) == 8


def test_review_then_save_makes_one_draft_with_the_reviewers_choices(client, personas):
    client.force_login(personas.secretariat)
    report = paste(client)
    url = report.get_absolute_url()
    # Drop the third agenda item; accept the first.
    client.post(url, {"decide": "agenda-2:dropped"})
    client.post(url, {"decide": "agenda-0:accepted"})
    # Edit the meeting (its type and date) and an agenda item's fields.
    response = client.post(
        f"{url}rows/meeting/",
        {
            "title": "Data Committee, 3rd meeting",
            "kind": "committee_meeting",
            "start": "2024-03-12",
            "end": "",
            "time_start": "",
            "time_end": "",
            "online": "no",
            "city": "Geneva",
            "country": "CHE",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    response = client.post(
        f"{url}rows/agenda-1/",
        {
            "number": "2",
            "title": "Survey results",
            "objective": "",
            "minutes": "",
            "duration_minutes": "20",
        },
    )
    assert response.status_code == 302
    # The unknown asker is created with the draft.
    names = proposal_of(report)["organisations"]
    unknown = [m["name"] for m in names if not m["slug"]]
    index = unknown.index("Freedom United Network")
    client.post(
        f"{url}names/{index}/",
        {f"name-{index}-choice": "create", f"name-{index}-stakeholder_type": "civil_society"},
    )
    response = client.post(f"{url}save/")
    event = Event.objects.get(title="Data Committee, 3rd meeting")
    assert response.status_code == 302 and response["Location"] == event.get_absolute_url()
    assert event.status == EventStatus.DRAFT and not event.online
    assert (event.city, event.country and event.country.iso3) == ("Geneva", "CHE")
    assert event.event_type == "committee_meeting"
    assert list(event.agenda_items.values_list("number", "duration")) == [("1", None), ("2", 20)]
    asked = event.exchanges.get().asked_by_organisation
    assert asked == Organisation.objects.get(name="Freedom United Network")
    proposal = proposal_of(report)
    assert event.decisions.count() == len(proposal["decisions"]) == 1
    assert event.action_items.count() == len(proposal["action_items"])
    assert Citation.objects.filter(document_owner="events.document").count() >= 5
    report.refresh_from_db()
    assert report.status == ReportImport.Status.SAVED and report.event == event
    # Saved once: a second save changes nothing.
    client.post(f"{url}save/")
    assert Event.objects.filter(title="Data Committee, 3rd meeting").count() == 1


def test_an_edit_checks_the_rows_fields(client, personas):
    client.force_login(personas.secretariat)
    report = paste(client)
    response = client.post(
        f"{report.get_absolute_url()}rows/action_items-0/",
        {"text": "Circulate", "owner_organisation": "No Such Body At All", "due": "soon"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "The directory does not know “No Such Body At All”" in page
    assert "Write the date as YYYY-MM-DD" in page
    report.refresh_from_db()
    assert "rows" not in report.review


def test_the_pages_read_in_french_and_spanish(client, personas):
    client.force_login(personas.secretariat)
    assert "Importer un rapport de réunion" in client.get("/fr/reports/import/").content.decode()
    report = paste(client)
    page = client.get(f"/es/reports/import/{report.pk}/").content.decode()
    assert "Pasaje del informe" in page and "Guardar borrador" in page


def test_each_write_is_in_the_audit_log_under_its_author(client, personas):
    from auditlog.models import LogEntry
    from django.contrib.contenttypes.models import ContentType

    client.force_login(personas.secretariat)
    report = paste(client)
    client.post(report.get_absolute_url(), {"decide": "agenda-0:dropped"})
    client.post(f"{report.get_absolute_url()}save/")
    entries = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(ReportImport), object_pk=str(report.pk)
    )
    assert entries.count() >= 3  # created and read, reviewed, saved
    assert {e.actor_id for e in entries} == {personas.secretariat.pk}
    event = ReportImport.objects.get(pk=report.pk).event
    assert event is not None
    created = LogEntry.objects.get(
        content_type=ContentType.objects.get_for_model(Event),
        object_pk=str(event.pk),
        action=LogEntry.Action.CREATE,
    )
    assert created.actor_id == personas.secretariat.pk


def test_the_meeting_itself_cannot_be_dropped(client, personas):
    client.force_login(personas.secretariat)
    report = paste(client)
    response = client.post(report.get_absolute_url(), {"decide": "meeting:dropped"}, follow=True)
    assert "The meeting itself cannot be dropped" in response.content.decode()
    report.refresh_from_db()
    assert "rows" not in report.review
