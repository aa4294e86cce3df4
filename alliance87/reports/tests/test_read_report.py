"""Reading a report file: each format, and each bad file with its message."""

from __future__ import annotations

import io
import zipfile
import zlib

import docx
import pytest
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    StreamObject,
)

from alliance87.reports.text import ReportError, read_bytes, read_path


def pdf_bytes(
    *, text: str | None = None, image: bool = False, password: str | None = None
) -> bytes:
    """Return a one-page PDF with `text` in Helvetica, or an image only."""
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
        commands += b"BT /F1 12 Tf 20 150 Td (" + text.encode("latin-1") + b") Tj ET\n"
    if image:
        picture = StreamObject()
        picture._data = zlib.compress(b"\x80" * 16 * 16)
        picture.update(
            {
                NameObject("/Type"): NameObject("/XObject"),
                NameObject("/Subtype"): NameObject("/Image"),
                NameObject("/Width"): NumberObject(16),
                NameObject("/Height"): NumberObject(16),
                NameObject("/ColorSpace"): NameObject("/DeviceGray"),
                NameObject("/BitsPerComponent"): NumberObject(8),
                NameObject("/Filter"): NameObject("/FlateDecode"),
            }
        )
        resources[NameObject("/XObject")] = DictionaryObject(
            {NameObject("/Im0"): writer._add_object(picture)}
        )
        commands += b"q 200 0 0 150 50 25 cm /Im0 Do Q\n"
    content = DecodedStreamObject()
    content.set_data(commands)
    page[NameObject("/Contents")] = writer._add_object(content)
    page[NameObject("/Resources")] = resources
    page[NameObject("/MediaBox")] = ArrayObject(
        [NumberObject(0), NumberObject(0), NumberObject(300), NumberObject(200)]
    )
    if password is not None:
        writer.encrypt(user_password=password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def docx_bytes() -> bytes:
    document = docx.Document()
    document.add_paragraph("Committee on data")
    document.add_paragraph("Date: 12 March 2024")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Item 1"
    table.rows[0].cells[1].text = "Opening"
    document.add_paragraph("End of meeting.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def message(data: bytes, name: str = "") -> str:
    with pytest.raises(ReportError) as caught:
        read_bytes(data, name)
    return str(caught.value)


# Formats that are read ------------------------------------------------------


def test_plain_text_is_normalised_with_offsets_kept():
    report = read_bytes("\ufeffTitle\r\n\r\nCafe\u0301\tnoted.  \n".encode(), "minutes.txt")
    assert report.format == "text"
    assert report.text == "Title\n\nCafé noted."


def test_markdown_by_name():
    assert read_bytes(b"# Minutes\n\nText.", "minutes.md").format == "markdown"


def test_a_word_document_in_reading_order_with_its_tables():
    report = read_bytes(docx_bytes(), "minutes.docx")
    assert report.format == "docx"
    assert (
        report.text == "Committee on data\nDate: 12 March 2024\nItem 1 | Opening\nEnd of meeting."
    )


def test_a_pdf_with_a_text_layer():
    report = read_bytes(pdf_bytes(text="Board meeting, 4 April 2019"))
    assert report.format == "pdf"
    assert "Board meeting, 4 April 2019" in report.text
    assert report.page_starts == (0,)


def test_a_pdf_locked_only_against_changes_opens():
    report = read_bytes(pdf_bytes(text="Open minutes", password=""))
    assert "Open minutes" in report.text


# Bad files --------------------------------------------------------------------


def test_empty_file():
    assert message(b"") == "The file is empty: there is no report to read."
    assert message(b"  \n\n ") == "The file is empty: there is no report to read."


def test_over_the_upload_limit(settings):
    settings.FILE_MAX_MB = 1
    text = message(b"a" * (1024 * 1024 + 1))
    assert text == "The file is 1.0 MB; the largest report accepted is 1 MB (the upload limit)."


def test_over_the_upload_limit_is_refused_before_reading(settings, tmp_path):
    settings.FILE_MAX_MB = 1
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * (2 * 1024 * 1024))
    with pytest.raises(ReportError, match="largest report accepted is 1 MB"):
        read_path(path)


def test_encrypted_pdf():
    assert message(pdf_bytes(text="Secret", password="secret")) == (
        "The PDF is encrypted with a password: save an unprotected copy and import that."
    )


def test_scanned_pdf_without_a_text_layer():
    assert message(pdf_bytes(image=True)).startswith(
        "The PDF holds scanned images but no text layer: run it through text recognition (OCR)"
    )


def test_pdf_without_text_or_images():
    assert message(pdf_bytes()) == "The PDF holds no text: there is no report to read."


def test_malformed_pdf():
    text = message(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\ngarbage")
    assert "PDF" in text and ("damaged" in text or "no pages" in text)


def test_malformed_word_document():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", "<Types")
        z.writestr("word/document.xml", "<w:document><unclosed>")
    assert message(out.getvalue(), "minutes.docx").startswith(
        "The Word document is damaged and cannot be read"
    )


def test_truncated_word_document():
    assert message(docx_bytes()[:300], "minutes.docx").startswith(
        "The Word document is damaged and cannot be read"
    )


def test_a_zip_that_is_not_a_word_document():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("data.csv", "a,b")
    assert message(out.getvalue()).startswith("The file is a zip archive but not a Word document")


def test_binary_that_is_no_report():
    assert message(b"\x00\x01\x02binary") == (
        "The file is not a report the Hub can read: use Word (.docx), PDF, plain text or Markdown."
    )


def test_missing_file(tmp_path):
    with pytest.raises(ReportError, match="cannot be opened"):
        read_path(tmp_path / "nowhere.pdf")
