"""Reporting a concern: from each post and an organisation's page, signed
in, about what the person may see; without JavaScript; a confirmation."""

from __future__ import annotations

import pytest
from django.test import Client

from alliance87.safeguarding.models import LogAction, LogEntry, Report, Status, Subject

pytestmark = pytest.mark.django_db


def test_a_reader_reports_a_post_and_gets_a_confirmation(client: Client, scene) -> None:
    client.force_login(scene.reporter)
    url = f"/en/safeguarding/report/post/{scene.post.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    assert b'name="what_happened"' in page.content and b'name="category"' in page.content
    response = client.post(
        url, {"category": "abuse", "what_happened": "He asked for a fee", "contact": "hub"}
    )
    report = Report.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/safeguarding/my-reports/{report.pk}/"
    assert report.reporter == scene.reporter and report.reported_user == scene.reported
    assert report.subject == Subject.POST and report.post_text == "POST-TEXT-MARKER"
    assert report.post_url.endswith(f"#post-{scene.post.pk}")
    assert report.status == Status.RECEIVED
    assert LogEntry.objects.filter(report=report, action=LogAction.FILED).count() == 1
    confirmation = client.get(response["Location"])
    assert b"Your report has been received" in confirmation.content


def test_every_post_offers_the_report_link_to_signed_in_readers_only(
    client: Client, scene
) -> None:
    thread_url = scene.post.thread.get_absolute_url()
    link = f"/en/safeguarding/report/post/{scene.post.pk}/".encode()
    assert link not in client.get(thread_url).content
    client.force_login(scene.reporter)
    assert link in client.get(thread_url).content


def test_someone_signed_out_is_sent_to_sign_in(client: Client, scene) -> None:
    response = client.get(f"/en/safeguarding/report/post/{scene.post.pk}/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Report.objects.exists()


def test_a_post_the_person_cannot_see_cannot_be_reported(client: Client, scene) -> None:
    client.force_login(scene.outsider)
    url = f"/en/safeguarding/report/post/{scene.members_post.pk}/"
    assert client.get(url).status_code == 404
    response = client.post(url, {"category": "abuse", "what_happened": "x"})
    assert response.status_code == 404
    assert not Report.objects.exists()


def test_a_missing_or_absurd_post_is_not_found(client: Client, scene) -> None:
    client.force_login(scene.reporter)
    assert client.get("/en/safeguarding/report/post/999999/").status_code == 404
    assert client.get("/en/safeguarding/report/post/9" * 30 + "/").status_code == 404


def test_an_organisation_or_one_of_its_people_is_reported_from_its_page(
    client: Client, scene
) -> None:
    org = scene.personas.partner_org
    client.force_login(scene.reporter)
    page = client.get(org.get_absolute_url())
    url = f"/en/safeguarding/report/organisation/{org.slug}/"
    assert url.encode() in page.content
    form = client.get(url)
    person = scene.reported.person
    assert f'value="person-{person.pk}"'.encode() in form.content
    response = client.post(
        url, {"about": f"person-{person.pk}", "category": "identity", "what_happened": "Named"}
    )
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.subject == Subject.PERSON and report.person == person
    assert report.reported_user == scene.reported and report.organisation == org
    client.post(url, {"about": "organisation", "category": "other", "what_happened": "Fees"})
    assert Report.objects.filter(subject=Subject.ORGANISATION, organisation=org).count() == 1


def test_an_empty_or_unknown_answer_gets_a_clear_message_and_saves_nothing(
    client: Client, scene
) -> None:
    client.force_login(scene.reporter)
    url = f"/en/safeguarding/report/post/{scene.post.pk}/"
    response = client.post(url, {"category": "nonsense", "what_happened": "   "})
    assert response.status_code == 200
    assert b"Select a valid choice" in response.content
    assert b"This field is required" in response.content
    too_long = client.post(url, {"category": "abuse", "what_happened": "x" * 10_001})
    assert too_long.status_code == 200 and b"at most 10000 characters" in too_long.content
    assert not Report.objects.exists()


def test_the_report_form_reads_in_french(client: Client, scene) -> None:
    client.force_login(scene.reporter)
    page = client.get(f"/fr/safeguarding/report/post/{scene.post.pk}/")
    assert page.status_code == 200 and b'lang="fr"' in page.content
