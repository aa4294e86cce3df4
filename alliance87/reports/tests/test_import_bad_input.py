"""Bad input on the import page: a clear, translated message, never a 500,
nothing half-saved; the same reasons on the command line."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from pypdf import PdfWriter

from alliance87.events.models import Event
from alliance87.reports.models import ReportImport
from alliance87.reports.reading import read_import

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def encrypted_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def image_only_pdf() -> bytes:
    # A page whose only content is an image: a scan without a text layer.
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        NameObject,
        NumberObject,
    )

    writer = PdfWriter()
    page = writer.add_blank_page(200, 200)
    image = DecodedStreamObject()
    image.set_data(b"\x00\x00\x00")
    image.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Image"),
            NameObject("/Width"): NumberObject(1),
            NameObject("/Height"): NumberObject(1),
            NameObject("/ColorSpace"): NameObject("/DeviceRGB"),
            NameObject("/BitsPerComponent"): NumberObject(8),
        }
    )
    ref = writer._add_object(image)
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/XObject"): DictionaryObject({NameObject("/Im0"): ref})}
    )
    contents = DecodedStreamObject()
    contents.set_data(b"q 200 0 0 200 0 0 cm /Im0 Do Q")
    page[NameObject("/Contents")] = writer._add_object(contents)
    del ArrayObject
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def upload(client, name: str, content: bytes, language: str = "en"):
    return client.post(
        f"/{language}/reports/import/",
        {"file": SimpleUploadedFile(name, content), "language": "en"},
    )


def read_in_background(django_capture_on_commit_callbacks, client, name, content, language="en"):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, name, content, language)
    assert response.status_code == 302
    report = ReportImport.objects.latest("created")
    read_import(report, acting_user=report.created_by)
    return client.get(f"/{language}/reports/import/{report.pk}/")


def test_nothing_given(client, personas):
    client.force_login(personas.secretariat)
    response = client.post("/en/reports/import/", {"text": "   ", "language": "en"})
    assert response.status_code == 400
    assert "The report is empty" in response.content.decode()
    assert ReportImport.objects.count() == 0


def test_an_empty_file(client, personas):
    client.force_login(personas.secretariat)
    response = upload(client, "empty.txt", b"")
    assert response.status_code == 400
    assert ReportImport.objects.count() == 0


def test_over_the_upload_limit(client, personas, settings):
    settings.FILE_MAX_MB = 1
    client.force_login(personas.secretariat)
    response = upload(client, "huge.txt", b"a" * (2 * 1024 * 1024))
    assert response.status_code == 400
    assert "the largest accepted is 1 MB" in response.content.decode()
    assert ReportImport.objects.count() == 0
    response = client.post("/en/reports/import/", {"text": "a" * (2 * 1024 * 1024)})
    assert "over the upload limit of 1 MB" in response.content.decode()


def test_a_wrong_type_of_file(client, personas):
    client.force_login(personas.secretariat)
    response = upload(client, "photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    assert response.status_code == 400
    assert "content is not of an accepted kind" in response.content.decode()
    assert ReportImport.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("locked.pdf", encrypted_pdf(), "The PDF is encrypted with a password"),
        ("scan.pdf", image_only_pdf(), "The PDF holds scanned images but no text layer"),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage", "The PDF is damaged"),
        ("broken.docx", b"PK\x03\x04" + b"\x00" * 40, "Word"),
        (
            "note.txt",
            b"Thank you all for coming; the coffee was good.\n",
            "Nothing about a meeting was found in this report",
        ),
    ],
)
def test_a_report_that_cannot_be_read_says_why_and_saves_nothing(
    client, personas, django_capture_on_commit_callbacks, name, content, message
):
    client.force_login(personas.secretariat)
    events = Event.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, name, content)
    if response.status_code == 400:  # refused by content before it is kept
        assert "not of an accepted kind" in response.content.decode()
        assert name == "broken.docx"
        return
    report = ReportImport.objects.latest("created")
    read_import(report, acting_user=report.created_by)
    page = client.get(report.get_absolute_url())
    assert page.status_code == 200
    assert message in page.content.decode()
    report.refresh_from_db()
    assert report.status == ReportImport.Status.FAILED and report.proposal is None
    assert Event.objects.count() == events
    assert client.post(f"{report.get_absolute_url()}save/").status_code == 302
    assert Event.objects.count() == events


def test_the_message_is_translated(client, personas, django_capture_on_commit_callbacks):
    client.force_login(personas.secretariat)
    page = read_in_background(
        django_capture_on_commit_callbacks, client, "locked.pdf", encrypted_pdf(), "fr"
    ).content.decode()
    assert "Le PDF est chiffré par un mot de passe" in page


def test_the_command_gives_the_same_reasons(db, tmp_path):
    path = tmp_path / "locked.pdf"
    path.write_bytes(encrypted_pdf())
    with pytest.raises(CommandError, match="The PDF is encrypted with a password"):
        call_command("import_report", str(path))
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(image_only_pdf())
    with pytest.raises(CommandError, match="scanned images"):
        call_command("import_report", str(scan))
