"""Uploads are checked by content and size and stored whole or not at all."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from pytest_django import Settings

from alliance87.core import files

PDF_BYTES = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buffer.getvalue()


DOCX_BYTES = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
ODT_BYTES = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    settings.FILE_MAX_MB = 1
    return tmp_path


def store(name: str, content: bytes) -> str:
    return files.store_upload(SimpleUploadedFile(name, content), folder="docs")


@pytest.mark.parametrize(
    ("name", "content", "extension"),
    [
        ("report.pdf", PDF_BYTES, ".pdf"),
        ("chart.png", PNG_BYTES, ".png"),
        ("minutes.docx", DOCX_BYTES, ".docx"),
        ("minutes.odt", ODT_BYTES, ".odt"),
        ("figures.csv", b"country,value\nNepal,1\n", ".csv"),
        ("notes.txt", "Compte rendu — réunion\n".encode(), ".txt"),
    ],
)
def test_accepted_kinds_are_stored_under_their_own_extension(
    media: Path, name: str, content: bytes, extension: str
) -> None:
    stored = store(name, content)
    assert stored.startswith("docs/") and stored.endswith(extension)
    assert (media / stored).read_bytes() == content


def test_the_extension_follows_the_content_not_the_name(media: Path) -> None:
    assert store("report.txt", PDF_BYTES).endswith(".pdf")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("setup.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64),  # a Windows program
        ("page.html", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("notes.txt", b"Some text then <script>alert(1)</script>"),
        ("logo.svg", b'<?xml version="1.0"?><svg/>'),
        ("archive.docx", _zip({"evil.exe": b"MZ"})),
        ("blank.bin", b"\x00\x01\x02"),
    ],
)
def test_other_content_is_refused_whatever_its_name(
    media: Path, name: str, content: bytes
) -> None:
    with pytest.raises(ValidationError) as refused:
        store(name, content)
    assert "Accepted: PDF" in refused.value.messages[0]
    assert not list((media / "docs").iterdir())


@pytest.mark.parametrize(
    "content",
    [
        b'<?xml version="1.0"?><GenericData/>',
        b"<GenericData/>",
        # Stored as XML so that the reader can refuse it for its DTD, by name.
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
    ],
)
def test_xml_is_accepted_only_where_asked_for(media: Path, content: bytes) -> None:
    stored = files.store_upload(
        SimpleUploadedFile("data.csv", content), folder="imports", kinds=(files.CSV, files.XML)
    )
    assert stored.endswith(".xml")
    with pytest.raises(ValidationError):
        store("data.xml", content)


@pytest.mark.parametrize(
    "content",
    [
        b"<!DOCTYPE html><html><body>x</body></html>",
        b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>',
        b'<?xml version="1.0"?><x><script>alert(1)</script></x>',
    ],
)
def test_pages_and_pictures_are_never_xml(media: Path, content: bytes) -> None:
    with pytest.raises(ValidationError):
        files.store_upload(
            SimpleUploadedFile("data.xml", content), folder="imports", kinds=(files.XML,)
        )


def test_a_file_over_the_limit_is_refused_and_nothing_is_kept(media: Path) -> None:
    with pytest.raises(ValidationError) as refused:
        store("big.pdf", PDF_BYTES + b"0" * (1024 * 1024))
    assert "largest accepted is 1 MB" in refused.value.messages[0]
    assert not (media / "docs").exists() or not list((media / "docs").iterdir())


class Interrupted(SimpleUploadedFile):
    """An upload whose stream breaks half-way, as a full disk or a dropped
    connection would break it."""

    def chunks(self, chunk_size: int | None = None) -> Iterator[bytes]:
        yield PDF_BYTES
        raise OSError(28, "No space left on device")


def test_an_interrupted_upload_leaves_nothing_behind(media: Path) -> None:
    with pytest.raises(ValidationError) as refused:
        files.store_upload(Interrupted("report.pdf", PDF_BYTES), folder="docs")
    assert "nothing was kept" in refused.value.messages[0]
    assert not list((media / "docs").iterdir())


def test_a_name_already_taken_is_never_overwritten(media: Path) -> None:
    first = store("report.pdf", PDF_BYTES)
    second = store("report.pdf", PDF_BYTES + b"% second\n")
    assert first != second
    assert (media / first).read_bytes() == PDF_BYTES
    assert (media / second).read_bytes().endswith(b"% second\n")


def test_a_hostile_name_is_made_harmless(media: Path) -> None:
    stored = store("../../etc/passwd.pdf", PDF_BYTES)
    assert stored.startswith("docs/")
    assert (media / stored).resolve().is_relative_to(media.resolve())
