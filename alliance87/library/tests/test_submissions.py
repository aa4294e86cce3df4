"""Partners submit resources; the Secretariat reviews, edits and
publishes; a draft is seen by its submitter and the Secretariat only."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from alliance87.library.models import Resource, ResourceFile, ResourceStatus
from alliance87.testing.factories import make_resource
from alliance87.testing.personas import sign_in

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path)


def submission(**extra) -> dict:
    return {"title": "Our toolkit", "resource_type": "toolkit", "summary": "How to.", **extra}


def test_a_partner_submits_a_draft_that_only_they_and_the_secretariat_see(client, personas):
    sign_in(client, personas.partner)
    response = client.post("/en/library/submit/", submission())
    resource = Resource.objects.get(title_en="Our toolkit")
    assert response.status_code == 302 and response["Location"] == f"/en/library/{resource.slug}/"
    assert resource.status == ResourceStatus.SUBMITTED
    assert resource.submitted_by == personas.partner
    html = client.get(f"/en/library/{resource.slug}/").content.decode()
    assert "seen only by the Secretariat and the person who submitted it" in html
    assert "Our toolkit" in client.get("/en/library/").content.decode()
    for other in (personas.outsider, None):
        client.logout()
        if other is not None:
            sign_in(client, other)
        assert client.get(f"/en/library/{resource.slug}/").status_code == 404
        assert "Our toolkit" not in client.get("/en/library/").content.decode()
    client.logout()
    sign_in(client, personas.secretariat)
    html = client.get("/en/library/review/").content.decode()
    assert "Our toolkit" in html


def test_another_partner_does_not_see_a_partners_draft(client, personas):
    from alliance87.partners.models import Person
    from alliance87.testing.personas import make_user

    make_resource("theirs", "Their draft", status="submitted", submitted_by=personas.partner)
    colleague = make_user("colleague")
    Person.objects.create(
        slug="colleague", name="Colleague", organisation=personas.partner_org, user=colleague
    )
    sign_in(client, colleague)
    assert client.get("/en/library/theirs/").status_code == 404


def test_the_secretariat_publishes_a_submission(client, personas):
    resource = make_resource(
        "toolkit", "A toolkit", status="submitted", submitted_by=personas.partner
    )
    sign_in(client, personas.secretariat)
    response = client.post("/en/library/toolkit/publish/")
    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.status == ResourceStatus.PUBLISHED and resource.published_at
    client.logout()
    assert client.get("/en/library/toolkit/").status_code == 200


def test_only_the_secretariat_publishes(client, personas):
    make_resource("toolkit", "A toolkit", status="submitted", submitted_by=personas.partner)
    sign_in(client, personas.partner)
    assert client.post("/en/library/toolkit/publish/").status_code == 404
    assert client.get("/en/library/review/").status_code == 404
    assert Resource.objects.get(slug="toolkit").status == ResourceStatus.SUBMITTED


def test_the_submitter_edits_until_it_is_published(client, personas):
    make_resource("toolkit", "A toolkit", status="submitted", submitted_by=personas.partner)
    sign_in(client, personas.partner)
    assert client.get("/en/library/toolkit/edit/").status_code == 200
    client.post("/en/library/toolkit/edit/", submission(title="A better toolkit"))
    assert Resource.objects.get(slug="toolkit").title == "A better toolkit"
    Resource.objects.filter(slug="toolkit").update(status="published")
    assert client.get("/en/library/toolkit/edit/").status_code == 404


def test_an_outsider_or_visitor_cannot_submit(client, personas):
    assert client.get("/en/library/submit/").status_code == 302  # to the login page
    sign_in(client, personas.outsider)
    assert client.get("/en/library/submit/").status_code == 404
    assert client.post("/en/library/submit/", submission()).status_code == 404
    assert not Resource.objects.exists()


def test_a_file_is_stored_per_language_and_its_text_queued(client, personas):
    sign_in(client, personas.partner)
    upload = SimpleUploadedFile("toolkit.pdf", PDF, content_type="application/pdf")
    client.post("/en/library/submit/", submission(file=upload, file_language="fr"))
    file = ResourceFile.objects.get()
    assert file.language == "fr" and file.text_status == "pending"
    assert file.file.name.startswith("library/")


def test_a_wrong_kind_of_file_is_refused_with_a_clear_message_and_nothing_saved(client, personas):
    sign_in(client, personas.partner)
    upload = SimpleUploadedFile(
        "toolkit.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf"
    )
    response = client.post("/en/library/submit/", submission(file=upload, file_language="en"))
    assert response.status_code == 200
    assert "content is not of an accepted kind" in response.content.decode()
    assert not Resource.objects.exists() and not ResourceFile.objects.exists()


def test_an_oversized_file_is_refused_with_its_size(client, personas, settings):
    settings.FILE_MAX_MB = 1
    sign_in(client, personas.partner)
    upload = SimpleUploadedFile("big.pdf", PDF + b"0" * (2 * 1024 * 1024))
    response = client.post("/en/library/submit/", submission(file=upload, file_language="en"))
    assert "the largest accepted is 1 MB" in response.content.decode()
    assert not Resource.objects.exists()


def test_a_file_without_its_language_is_refused(client, personas):
    sign_in(client, personas.partner)
    upload = SimpleUploadedFile("toolkit.pdf", PDF)
    response = client.post("/en/library/submit/", submission(file=upload))
    assert "Say in which language the file is." in response.content.decode()
    assert not Resource.objects.exists()


def test_a_month_only_date_is_kept_as_a_month(client, personas):
    sign_in(client, personas.partner)
    client.post("/en/library/submit/", submission(published_on="12/09/2017", month_only="on"))
    resource = Resource.objects.get()
    assert str(resource.reported_date) == "September 2017"


def test_the_secretariat_sets_the_visibility_and_a_partner_cannot(client, personas):
    make_resource("toolkit", "A toolkit", status="submitted", submitted_by=personas.partner)
    sign_in(client, personas.partner)
    assert 'name="visibility"' not in client.get("/en/library/toolkit/edit/").content.decode()
    client.post("/en/library/toolkit/edit/", submission(visibility="secretariat"))
    assert Resource.objects.get(slug="toolkit").visibility == "public"
    client.logout()
    sign_in(client, personas.secretariat)
    client.post("/en/library/toolkit/edit/", submission(visibility="partners"))
    resource = Resource.objects.get(slug="toolkit")
    assert resource.visibility == "partners"
    # The Secretariat's edit keeps the submission's status: it publishes apart.
    assert resource.status == ResourceStatus.SUBMITTED
