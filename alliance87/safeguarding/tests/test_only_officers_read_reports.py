"""The officers' pages: the reports, one report with its handling, the
confidential log. Officers only, everyone else 404 (signed out: the sign-in
page), the Secretariat included; every reading and change is logged."""

from __future__ import annotations

import pytest
from auditlog.models import LogEntry as AuditEntry
from django.test import Client

from alliance87.safeguarding.models import (
    Handling,
    HandlingKind,
    LogAction,
    LogEntry,
    Report,
    Status,
)

pytestmark = pytest.mark.django_db

NOT_OFFICERS = ("secretariat", "moderator", "reported", "reporter", "outsider", "member")


def _pages(report: Report) -> list[str]:
    return [
        "/en/safeguarding/reports/",
        f"/en/safeguarding/reports/{report.pk}/",
        "/en/safeguarding/log/",
    ]


def test_an_officer_reads_the_list_the_report_and_the_log(client: Client, scene, report) -> None:
    client.force_login(scene.officer)
    listing, page, log = (client.get(url) for url in _pages(report))
    assert listing.status_code == page.status_code == log.status_code == 200
    assert f"/en/safeguarding/reports/{report.pk}/".encode() in listing.content
    # The log names the report it was made as.
    assert f'href="/en/safeguarding/reports/{report.pk}/"'.encode() in log.content
    assert b"REPORT-TEXT-MARKER" in page.content and b"POST-TEXT-MARKER" in page.content
    assert scene.reporter.email.encode() in page.content
    assert page["Cache-Control"].startswith("max-age=0") or "no-store" in page["Cache-Control"]


@pytest.mark.parametrize("who", NOT_OFFICERS)
def test_nobody_else_opens_them(client: Client, scene, report, who: str) -> None:
    client.force_login(getattr(scene, who))
    for url in _pages(report):
        response = client.get(url)
        assert response.status_code == 404, (who, url)
        assert b"REPORT-TEXT-MARKER" not in response.content
    response = client.post(_pages(report)[1], {"status": Status.CLOSED, "note": "x"})
    assert response.status_code == 404
    assert not Handling.objects.exists()


def test_someone_signed_out_is_sent_to_sign_in(client: Client, report) -> None:
    for url in _pages(report):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_officer_whose_designation_ended_opens_them_no_more(
    client: Client, scene, report
) -> None:
    from alliance87.safeguarding.services import end_officer

    end_officer(scene.officer.safeguarding_roles.get(), acting_user=scene.secretariat)
    client.force_login(scene.officer)
    assert all(client.get(url).status_code == 404 for url in _pages(report))


def test_every_reading_and_change_is_in_the_log(client: Client, scene, report) -> None:
    client.force_login(scene.officer)
    client.get("/en/safeguarding/reports/")
    client.get(report.get_absolute_url())
    response = client.post(
        report.get_absolute_url(),
        {"status": Status.ACTED, "note": "NOTE-MARKER", "action_taken": "Post removed"},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Status.ACTED
    kinds = list(report.handling.values_list("kind", flat=True))
    assert kinds == [HandlingKind.STATUS, HandlingKind.NOTE, HandlingKind.ACTION]
    log = client.get("/en/safeguarding/log/")
    actions = list(
        LogEntry.objects.filter(user=scene.officer)
        .order_by("at", "pk")
        .values_list("action", flat=True)
    )
    assert actions == [
        LogAction.LISTED,
        LogAction.READ,
        LogAction.STATUS,
        LogAction.NOTE,
        LogAction.ACTION,
        LogAction.LOG,
    ]
    assert b"Read the report" in log.content and b"Recorded an action" in log.content
    # The other officer reads who did what on the report's page.
    client.force_login(scene.officer_fr)
    page = client.get(report.get_absolute_url())
    assert b"NOTE-MARKER" in page.content and b"Wrote a note" in page.content


def test_a_change_that_changes_nothing_gets_a_clear_message(client: Client, scene, report) -> None:
    client.force_login(scene.officer)
    response = client.post(report.get_absolute_url(), {"status": report.status})
    assert response.status_code == 200
    assert b"Change the status, or write a note" in response.content
    response = client.post(report.get_absolute_url(), {"status": "nonsense"})
    assert response.status_code == 200 and b"Select a valid choice" in response.content
    assert not Handling.objects.exists()


def test_the_reporter_sees_the_status_and_never_the_notes(client: Client, scene, report) -> None:
    client.force_login(scene.officer)
    client.post(report.get_absolute_url(), {"status": Status.REVIEWING, "note": "NOTE-MARKER"})
    client.force_login(scene.reporter)
    mine = client.get("/en/safeguarding/my-reports/")
    one = client.get(f"/en/safeguarding/my-reports/{report.pk}/")
    for page in (mine, one):
        assert page.status_code == 200
        assert b"Being looked into" in page.content
        assert b"NOTE-MARKER" not in page.content
    account = client.get("/en/account/")
    assert b"/en/safeguarding/my-reports/" in account.content
    assert b"/en/safeguarding/reports/" not in account.content
    # Another person's report is not theirs to see.
    client.force_login(scene.reported)
    assert client.get(f"/en/safeguarding/my-reports/{report.pk}/").status_code == 404
    assert b"REPORT-TEXT-MARKER" not in client.get("/en/safeguarding/my-reports/").content


def test_the_officer_finds_the_pages_on_their_account_page(client: Client, scene) -> None:
    client.force_login(scene.officer)
    account = client.get("/en/account/")
    assert b"/en/safeguarding/reports/" in account.content
    assert b"/en/safeguarding/log/" in account.content


def test_the_secretariat_reads_nothing_of_a_report_in_the_back_office_or_the_history(
    client: Client, scene, report
) -> None:
    client.force_login(scene.officer)
    client.post(report.get_absolute_url(), {"status": Status.CLOSED, "note": "NOTE-MARKER"})
    assert not AuditEntry.objects.filter(object_repr__startswith="#").exists()
    assert not AuditEntry.objects.filter(changes_text__contains="REPORT-TEXT-MARKER").exists()
    assert not AuditEntry.objects.filter(changes_text__contains="NOTE-MARKER").exists()
    client.force_login(scene.secretariat)
    for url in (
        f"/en/account/history/safeguarding.report/{report.pk}/",
        f"/en/account/history/safeguarding.logentry/{report.log.first().pk}/",
        f"/admin/safeguarding/report/{report.pk}/change/",
        "/admin/safeguarding/report/",
    ):
        response = client.get(url)
        assert response.status_code in (302, 404), url
        assert b"REPORT-TEXT-MARKER" not in response.content
    admin = client.get("/admin/")
    assert b"safeguarding/report" not in admin.content


def test_the_site_search_finds_nothing_of_a_report(client: Client, scene, report) -> None:
    for who in (scene.officer, scene.secretariat, scene.reporter):
        client.force_login(who)
        response = client.get("/en/search/?q=REPORT-TEXT-MARKER")
        assert b"REPORT-TEXT-MARKER</" not in response.content
        assert f"/safeguarding/reports/{report.pk}/".encode() not in response.content


def test_the_log_page_keeps_every_entry_besides_its_own_reading(
    client: Client, scene, report
) -> None:
    from alliance87.safeguarding.services import designate_officer

    designate_officer(scene.member, acting_user=scene.secretariat)
    client.force_login(scene.member)
    link = f'href="/en/safeguarding/reports/{report.pk}/"'.encode()
    assert link in client.get("/en/safeguarding/reports/").content
    assert link in client.get("/en/safeguarding/log/").content
