"""Personal data: the reporter's export lists their reports (what they gave
and the status), never the officers' handling; the reported person's
export says nothing of a report; erasure takes the reporter off it."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from alliance87.safeguarding import personal_data, services
from alliance87.safeguarding.models import Report, Status

pytestmark = pytest.mark.django_db


def _export(client: Client, user) -> str:
    client.force_login(user)
    response = client.get("/en/account/my-data.json")
    assert response.status_code == 200
    return response.content.decode()


def test_the_reporter_export_lists_the_report_without_its_handling(
    client: Client, scene, report
) -> None:
    services.handle_report(
        report,
        status=Status.ACTED,
        note="NOTE-MARKER",
        action_taken="ACTION-MARKER",
        acting_user=scene.officer,
    )
    exported = _export(client, scene.reporter)
    data = json.loads(exported)
    made = data["safeguarding"]["reports_made"]
    assert [(r["category"], r["status"]) for r in made] == [("harassment", "acted")]
    assert "NOTE-MARKER" not in exported and "ACTION-MARKER" not in exported


def test_the_reported_person_export_says_nothing_of_it(client: Client, scene, report) -> None:
    exported = _export(client, scene.reported)
    assert "REPORT-TEXT-MARKER" not in exported
    assert json.loads(exported)["safeguarding"] == {"reports_made": []}


def test_an_officer_export_holds_no_report_they_read(client: Client, scene, report) -> None:
    client.force_login(scene.officer)
    client.get(report.get_absolute_url())
    exported = _export(client, scene.officer)
    assert "REPORT-TEXT-MARKER" not in exported


def test_erasure_takes_the_reporter_off_the_report_and_keeps_the_concern(scene, report) -> None:
    personal_data.erase(scene.reporter, scene.reporter.person)
    report = Report.objects.get(pk=report.pk)
    assert report.reporter is None and report.contact == ""
    assert report.what_happened.startswith("REPORT-TEXT-MARKER")
