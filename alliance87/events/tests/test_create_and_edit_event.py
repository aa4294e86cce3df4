"""The Secretariat creates and edits an event on the Hub's own pages,
without JavaScript: its fields, objectives, participants and reported
counts, saved all or nothing."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from alliance87.core.dates import ReportedDate
from alliance87.events import services
from alliance87.events.models import Event, EventStatus, Objective, Participant
from alliance87.testing.factories import make_event

D = dt.date
pytestmark = pytest.mark.django_db


def management(prefix: str, total: int, initial: int = 0) -> dict[str, str]:
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def event_data(**overrides: str) -> dict[str, str]:
    data = {
        "title": "Extraordinary GCG meeting",
        "slug": "",
        "event_type": "committee_meeting",
        "extraordinary": "on",
        "date": "2019-09-20",
        "date_precision": "day",
        "start_time": "10:00",
        "time_zone": "",
        "visibility": "public",
        **management("objectives", 2),
        **management("participants", 2),
        **management("counts", 2),
        "objectives-0-text": "Agree the next Chair",
        "objectives-0-visibility": "public",
        "objectives-1-visibility": "public",
        "participants-0-role": "participant",
        "participants-0-attendance": "not_reported",
        "participants-0-visibility": "public",
        "participants-1-role": "participant",
        "participants-1-attendance": "not_reported",
        "participants-1-visibility": "public",
        "counts-0-qualifier": "more_than",
        "counts-0-value": "60",
        "counts-0-counted": "participants",
        "counts-0-visibility": "public",
        "counts-1-qualifier": "exactly",
        "counts-1-counted": "participants",
        "counts-1-visibility": "public",
    }
    data.update(overrides)
    return data


@pytest.fixture
def sec_client(client: Any, personas: Any) -> Any:
    client.force_login(personas.secretariat)
    return client


def test_only_the_secretariat_may_create_or_edit(client: Any, personas: Any) -> None:
    event = make_event("gcg-4", acting_user=personas.secretariat, publish=False)
    for user in (None, personas.outsider, personas.partner):
        if user is not None:
            client.force_login(user)
        assert client.get("/en/events/new/").status_code == 404
        assert client.get("/en/events/gcg-4/edit/").status_code == 404
        assert client.post("/en/events/new/", event_data()).status_code == 404
    assert not Event.objects.exclude(pk=event.pk).exists()


def test_the_secretariat_creates_an_event_with_its_rows(sec_client: Any, personas: Any) -> None:
    org = personas.partner_org
    data = event_data(
        **{
            "participants-0-organisation": str(org.pk),
            "participants-0-attendance": "apologies",
            "participants-0-visibility": "public",
        }
    )
    response = sec_client.post("/en/events/new/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    event = Event.objects.get(slug="extraordinary-gcg-meeting")
    assert event.status == EventStatus.DRAFT
    assert event.extraordinary and event.event_type == "committee_meeting"
    assert event.start_time == dt.time(10) and event.time_zone == ""
    assert [o.text for o in event.objectives.all()] == ["Agree the next Chair"]
    (participant,) = event.participants.all()
    assert participant.organisation == org
    assert participant.attendance == Participant.Attendance.APOLOGIES
    (count,) = event.counts.all()
    assert count.phrase == "more than 60 participants"
    page = sec_client.get(response["Location"]).content.decode()
    for shown in (
        "Committee meeting",
        "Extraordinary session",
        "more than 60 participants",
        "Agree the next Chair",
        "Apologies",
        "the source gives no time zone",
    ):
        assert shown in page, shown


def test_more_rows_adds_empty_rows_and_saves_nothing(sec_client: Any) -> None:
    response = sec_client.post("/en/events/new/", {**event_data(), "more": "participants"})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="participants-TOTAL_FORMS" value="4"' in page
    assert 'value="Agree the next Chair"' not in page  # textarea keeps its text inside
    assert "Agree the next Chair" in page
    assert not Event.objects.exists()


def test_the_secretariat_edits_an_event_and_its_rows(sec_client: Any, personas: Any) -> None:
    sec = personas.secretariat
    event = make_event("gcg-4", acting_user=sec, date=ReportedDate(D(2019, 4, 1)))
    first = services.add_objective(event, acting_user=sec, text="Old objective")
    services.add_objective(event, acting_user=sec, text="Kept objective")
    page = sec_client.get("/en/events/gcg-4/edit/").content.decode()
    assert "Old objective" in page and 'value="gcg-4"' in page
    data = event_data(
        title="GCG 4, corrected",
        slug="gcg-4",
        event_type="gcg_meeting",
        extraordinary="",
        **management("objectives", 3, initial=2),
        **{
            "objectives-0-id": str(first.pk),
            "objectives-0-text": "Old objective",
            "objectives-0-DELETE": "on",
            "objectives-0-visibility": "public",
            "objectives-1-id": str(first.pk + 1),
            "objectives-1-text": "Kept objective, reworded",
            "objectives-1-visibility": "public",
            "objectives-2-text": "A new objective",
            "objectives-2-visibility": "public",
        },
    )
    response = sec_client.post("/en/events/gcg-4/edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    event.refresh_from_db()
    assert event.title == "GCG 4, corrected" and not event.extraordinary
    assert [o.text for o in event.objectives.all()] == [
        "Kept objective, reworded",
        "A new objective",
    ]


def test_a_bad_row_saves_nothing_at_all(sec_client: Any, personas: Any) -> None:
    sec = personas.secretariat
    event = make_event("gcg-4", acting_user=sec, date=ReportedDate(D(2019, 4, 1)))
    data = event_data(
        title="Changed title",
        slug="gcg-4",
        **{
            # A participant with a role but neither organisation nor person:
            # the form lets it through, the model refuses it.
            "participants-0-role": "chair",
            "participants-0-attendance": "not_reported",
            "participants-0-visibility": "public",
        },
    )
    response = sec_client.post("/en/events/gcg-4/edit/", data)
    assert response.status_code == 400
    assert "Name the participating organisation, person or both." in response.content.decode()
    event.refresh_from_db()
    assert event.title == "Gcg 4"
    assert not event.objectives.exists() and not event.counts.exists()


def test_write_event_is_all_or_nothing(personas: Any) -> None:
    good = services.RowChange(values={"organisation": personas.partner_org})
    bad = services.RowChange(values={"role": "chair"})
    with pytest.raises(ValidationError):
        services.write_event(
            Event(),
            acting_user=personas.secretariat,
            fields={"slug": "new-one", "event_type": "other"},
            texts={"title": "New one"},
            objectives=[services.RowChange(values={"text": "An objective"})],
            participants=[good, bad],
        )
    assert not Event.objects.filter(slug="new-one").exists()
    assert not Objective.objects.exists() and not Participant.objects.exists()


def test_a_row_of_another_event_cannot_be_edited(personas: Any) -> None:
    sec = personas.secretariat
    mine = make_event("mine", acting_user=sec, publish=False)
    other = make_event("other", acting_user=sec, publish=False)
    theirs = services.add_objective(other, acting_user=sec, text="Not yours")
    with pytest.raises(ValidationError):
        services.write_event(
            mine,
            acting_user=sec,
            fields={},
            texts={},
            objectives=[services.RowChange(values={"text": "Mine now"}, pk=theirs.pk)],
        )
    theirs.refresh_from_db()
    assert theirs.text == "Not yours"


def test_a_row_the_form_refuses_is_named_in_the_summary(sec_client: Any) -> None:
    data = event_data(**{"counts-1-value": "", "counts-1-qualifier": "about"})
    response = sec_client.post("/en/events/new/", data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "Some rows below need attention" in page
    assert "Give the number, or tick Remove." in page
    assert not Event.objects.exists()


def test_the_event_page_shows_what_real_reports_need(client: Any, personas: Any) -> None:
    sec = personas.secretariat
    event = make_event("gcg-4", acting_user=sec, date=ReportedDate(D(2019, 4, 1)))
    item = services.add_agenda_item(
        event,
        acting_user=sec,
        number="I",
        title="Welcome",
        objective="Adopt the agenda",
        duration=15,
    )
    services.attach_document(
        event,
        acting_user=sec,
        kind="report",
        title="Report of the meeting",
        url="https://example.org/report.pdf",
        agenda_item=item,
        pages="3–5",
    )
    services.record_decision(event, acting_user=sec, text="Loose decision")
    services.record_decision(event, acting_user=sec, agenda_item=item, text="Item decision")
    services.add_participant(
        event,
        acting_user=sec,
        organisation=personas.partner_org,
        attendance=Participant.Attendance.WRITTEN_INPUT,
    )
    services.add_reported_count(event, acting_user=sec, value=42, counted="members")
    page = client.get("/en/events/gcg-4/").content.decode()
    for shown in (
        "Adopt the agenda",
        "15 minutes",
        "Report of the meeting",
        "pp. 3–5",
        "Decision 1",
        "Decision 2",
        "Loose decision",
        "Written input",
        "42 members",
    ):
        assert shown in page, shown


def test_a_document_is_attached_under_an_agenda_item_with_its_pages(
    sec_client: Any, personas: Any
) -> None:
    sec = personas.secretariat
    event = make_event("gcg-4", acting_user=sec, date=ReportedDate(D(2019, 4, 1)))
    services.add_agenda_item(event, acting_user=sec, number="IV", title="Pathfinders")
    data = {
        "document-kind": "report",
        "document-title": "Progress report",
        "document-url": "https://example.org/progress.pdf",
        "document-agenda_number": "IV",
        "document-pages": "12–15",
        "document-visibility": "public",
    }
    response = sec_client.post("/en/events/gcg-4/record/document/", data)
    assert response.status_code == 302
    document = event.documents.get()
    assert document.agenda_item is not None
    assert (document.agenda_item.number, document.pages) == ("IV", "12–15")
    refused = sec_client.post(
        "/en/events/gcg-4/record/document/", {**data, "document-agenda_number": "IX"}
    )
    assert refused.status_code == 400
    assert "The agenda has no item numbered “IX”." in refused.content.decode()
    page = sec_client.get("/en/events/gcg-4/").content.decode()
    start = page.index("Pathfinders")
    assert "Progress report" in page[start:] and "pp. 12–15" in page[start:]


def test_attendance_a_source_does_not_give_reads_not_reported(
    sec_client: Any, personas: Any
) -> None:
    """A participant added without an attendance is not guessed to have been there in person."""
    data = event_data(**{"participants-0-organisation": str(personas.partner_org.pk)})
    assert sec_client.post("/en/events/new/", data).status_code == 302
    participant = Participant.objects.get(event__slug="extraordinary-gcg-meeting")
    assert participant.attendance == Participant.Attendance.NOT_REPORTED
    page = sec_client.get("/en/events/extraordinary-gcg-meeting/").content.decode()
    assert "Not reported" in page and "In person" not in page
