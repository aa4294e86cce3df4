"""The same page as a Word document, a PDF and Markdown proposes the same
record as in plain text."""

from __future__ import annotations

import io
import json

import docx
import pytest
from django.core.management import call_command
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from alliance87.reports.engine import propose
from alliance87.reports.resolve import Directory
from alliance87.reports.text import read_bytes

pytestmark = pytest.mark.django_db

LINES = [
    "Steering Committee on data",
    "Date: 5 June 2024",
    "Chair: Ms Ana Ruiz (ILO)",
    "",
    "Agenda",
    "1. Opening (Chair) - 10 minutes",
    "2. Survey results (ILO)",
    "",
    "Decisions",
    "1. The Committee approves the survey plan.",
]


def as_docx() -> bytes:
    document = docx.Document()
    for line in LINES:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def as_pdf() -> bytes:
    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    commands = b"BT /F1 11 Tf 14 TL 50 800 Td\n"
    for line in LINES:
        commands += b"(" + line.encode("latin-1") + b") Tj T*\n"
    commands += b"ET\n"
    content = DecodedStreamObject()
    content.set_data(commands)
    page[NameObject("/Contents")] = writer._add_object(content)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def as_markdown() -> bytes:
    return (
        b"# Steering Committee on data\n\n**Date:** 5 June 2024\n\n"
        b"**Chair:** Ms Ana Ruiz (ILO)\n\n"
        b"## Agenda\n\n1. **Opening** (Chair) - 10 minutes\n2. **Survey results** (ILO)\n\n"
        b"## Decisions\n\n1. The Committee approves the survey plan.\n"
    )


def facts(data: bytes, name: str) -> dict[str, object]:
    proposal = propose(read_bytes(data, name), Directory.from_db()).as_json()
    return {
        "title": proposal["title"],
        "kind": proposal["kind"],
        "start": proposal["start"],
        "chair": (proposal["chair"]["person"], proposal["chair"]["organisation"]["slug"]),
        "agenda": [
            (a["number"], a["title"], a["duration_minutes"], [p["name"] for p in a["presenters"]])
            for a in proposal["agenda"]
        ],
        "decisions": [(d["number"], d["text"]) for d in proposal["decisions"]],
    }


@pytest.mark.parametrize(
    ("data", "name"),
    [(as_docx(), "minutes.docx"), (as_pdf(), "minutes.pdf"), (as_markdown(), "minutes.md")],
    ids=["docx", "pdf", "markdown"],
)
def test_each_format_gives_the_plain_texts_record(db, demo, data, name):
    expected = facts("\n".join(LINES).encode(), "minutes.txt")
    assert expected == {
        "title": "Steering Committee on data",
        "kind": "committee",
        "start": "2024-06-05",
        "chair": ("Ms Ana Ruiz", "ilo"),
        "agenda": [("1", "Opening", 10, ["Chair"]), ("2", "Survey results", None, ["ILO"])],
        "decisions": [("1", "The Committee approves the survey plan.")],
    }
    assert facts(data, name) == expected


def test_the_command_reads_a_pdf(db, demo, tmp_path, capsys):
    path = tmp_path / "minutes.pdf"
    path.write_bytes(as_pdf())
    call_command("import_report", str(path))
    data = json.loads(capsys.readouterr().out)
    assert data["format"] == "pdf"
    assert data["start"] == "2024-06-05"
