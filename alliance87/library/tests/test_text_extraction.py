"""The text of a resource's file is read in the background, once the write
that stored it commits, and kept for search; a file whose text cannot be
read stays listed and says so."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
)

from alliance87.library import services
from alliance87.library.extraction import extract
from alliance87.library.models import ResourceFile
from alliance87.testing.factories import make_resource


@pytest.fixture(autouse=True)
def _media(settings, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path)


def pdf(text: str | None) -> bytes:
    """Return a one-page PDF showing `text`, or a page with no text layer."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=300, height=200)
    resources = DictionaryObject()
    commands = b""
    if text is not None:
        font = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
        resources[NameObject("/Font")] = DictionaryObject(
            {NameObject("/F1"): writer._add_object(font)}
        )
        commands = b"BT /F1 12 Tf 20 150 Td (" + text.encode("latin-1") + b") Tj ET\n"
    content = DecodedStreamObject()
    content.set_data(commands)
    page[NameObject("/Contents")] = writer._add_object(content)
    page[NameObject("/Resources")] = resources
    page[NameObject("/MediaBox")] = ArrayObject([NumberObject(n) for n in (0, 0, 300, 200)])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def word(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def attach(data: bytes, name: str, language: str = "en") -> ResourceFile:
    resource = make_resource("toolkit", "A toolkit")
    return services.attach_file(
        resource,
        language=language,
        upload=SimpleUploadedFile(name, data),
        acting_user=None,
    )


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_a_pdfs_text_is_read_by_the_worker_after_the_write_commits() -> None:
    file = attach(pdf("Forced labour in supply chains"), "report.pdf")
    assert file.text_status == "pending"
    assert DBTaskResult.objects.count() == 1
    run_worker()
    file.refresh_from_db()
    assert file.text_status == "extracted"
    assert "Forced labour in supply chains" in file.text


@pytest.mark.django_db
def test_a_word_documents_text_is_read() -> None:
    file = extract(attach(word("Guidance for pathfinder countries"), "note.docx"))
    assert file.text_status == "extracted"
    assert file.text == "Guidance for pathfinder countries"


@pytest.mark.django_db
def test_a_scanned_pdf_is_kept_listed_and_says_its_text_was_not_read(client) -> None:
    file = extract(attach(pdf(None), "scan.pdf"))
    assert file.text_status == "failed" and file.text_error and file.text == ""
    html = client.get("/en/library/toolkit/").content.decode()
    assert "File in English" in html
    assert "Its text could not be read, so search does not find words inside it." in html


@pytest.mark.django_db
def test_a_second_file_in_a_language_replaces_the_first_one_per_language() -> None:
    first = attach(word("First"), "a.docx", "fr")
    resource = first.resource
    services.attach_file(
        resource,
        language="fr",
        upload=SimpleUploadedFile("b.docx", word("Second")),
        acting_user=None,
    )
    services.attach_file(
        resource,
        language="es",
        upload=SimpleUploadedFile("c.docx", word("Tercero")),
        acting_user=None,
    )
    assert sorted(resource.files.values_list("language", flat=True)) == ["es", "fr"]
    assert resource.files.get(language="fr").file.name.endswith("b.docx")


@pytest.mark.django_db
def test_an_image_has_no_text_to_extract_and_queues_nothing() -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    file = attach(png, "chart.png")
    assert file.text_status == "none"


@pytest.mark.django_db
def test_the_file_is_served_with_the_resources_visibility(client) -> None:
    file = attach(word("Text"), "note.docx")
    assert client.get(file.href).status_code == 200
    resource = file.resource
    resource.visibility = "partners"
    services.save_resource(resource, acting_user=None)
    assert client.get(file.href).status_code == 404


@pytest.mark.django_db
def test_searchable_resources_carry_the_extracted_text() -> None:
    from django.contrib.auth.models import AnonymousUser

    from alliance87.library.selectors import searchable_resources

    extract(attach(word("Bonded labour"), "note.docx"))
    make_resource("hidden", "Hidden", visibility="secretariat")
    rows = list(searchable_resources(AnonymousUser()))
    assert [r.slug for r in rows] == ["toolkit"]
    assert [f.text for f in rows[0].files.all()] == ["Bonded labour"]
