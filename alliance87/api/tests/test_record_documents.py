"""The Secretariat attaches documents to a meeting's record through the
API (a link or a file, for the meeting or under an agenda item with its
pages), corrects, refiles and removes them, through the record page's
services and permission rule; a bad file, a file too large or an unknown
event is a problem document, never a server error."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from pytest_django import Settings

from alliance87.api.api import api
from alliance87.api.services import create_token
from alliance87.core.dates import ReportedDate
from alliance87.events import services
from alliance87.events.models import Document, Event
from alliance87.testing.factories import make_event, make_group
from alliance87.testing.personas import Personas, make_chair, make_focal_point

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n%%EOF\n"
EVENTS = "/api/v1/events/"


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def meeting(personas: Personas) -> Event:
    return make_event(
        "gcg-9", acting_user=personas.secretariat, date=ReportedDate(dt.date(2024, 3, 1))
    )


def auth(user: Any, scope: str = "write") -> dict[str, str]:
    if user is None:
        return {}
    secret = create_token(user, name="t", scope=scope, days=1, acting_user=user)[1]
    return {"Authorization": f"Bearer {secret}"}


def send(
    path: str, fields: dict[str, Any], user: Any, scope: str = "write", **headers: str
) -> Any:
    """POST `fields` as multipart/form-data, the way files are sent."""
    return Client().post(f"{EVENTS}{path}", data=fields, headers={**auth(user, scope), **headers})


def patch(path: str, body: Any, user: Any) -> Any:
    return Client().patch(
        f"{EVENTS}{path}",
        data=json.dumps(body),
        content_type="application/json",
        headers=auth(user),
    )


def pdf(name: str = "report.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def stored(media: Path) -> list[str]:
    return sorted(p.name for p in media.rglob("*") if p.is_file())


def test_the_secretariat_attaches_a_link_and_a_file_under_an_agenda_item(
    personas: Personas, meeting: Event, media: Path
) -> None:
    item = services.add_agenda_item(
        meeting, acting_user=personas.secretariat, number="3", title="Workplan"
    )
    link = send(
        "gcg-9/documents",
        {"kind": "agenda", "title": "Agenda", "url": "https://example.org/agenda.pdf"},
        personas.secretariat,
    )
    assert link.status_code == 201, link.content
    assert link.json() == {
        "id": link.json()["id"],
        "kind": "agenda",
        "title": "Agenda",
        "url": "https://example.org/agenda.pdf",
        "agenda_item": None,
        "pages": "",
    }
    filed = send(
        "gcg-9/documents",
        {
            "kind": "report",
            "title": "Workplan report",
            "file": pdf(),
            "agenda_item": item.pk,
            "pages": "12-15",
            "visibility": "partners",
        },
        personas.secretariat,
    )
    assert filed.status_code == 201, filed.content
    answer = filed.json()
    assert (answer["agenda_item"], answer["pages"]) == (item.pk, "12-15")
    document = Document.objects.get(pk=answer["id"])
    assert (document.visibility, document.file.name.endswith(".pdf")) == ("partners", True)
    # Its address is the Hub's file view, which applies its visibility.
    assert answer["url"] == f"http://testserver{document.href}"
    assert Client().get(document.href).status_code == 404
    partner = Client()
    partner.force_login(personas.partner)
    assert b"".join(partner.get(document.href).streaming_content) == PDF  # type: ignore[attr-defined]
    # The event's read lists both, as its page shows them to the caller.
    read = Client().get(f"{EVENTS}gcg-9", headers=auth(personas.partner)).json()
    assert [d["id"] for d in read["documents"]] == [link.json()["id"], document.pk]
    public = Client().get(f"{EVENTS}gcg-9").json()
    assert [d["id"] for d in public["documents"]] == [link.json()["id"]]


def test_a_retried_upload_with_its_key_attaches_once(personas: Personas, meeting: Event) -> None:
    first = send(
        "gcg-9/documents",
        {"kind": "report", "title": "Report", "file": pdf()},
        personas.secretariat,
        Idempotency_Key="report-1",
    )
    again = send(
        "gcg-9/documents",
        {"kind": "report", "title": "Report", "file": pdf()},
        personas.secretariat,
        Idempotency_Key="report-1",
    )
    assert (first.status_code, again.status_code) == (201, 201)
    assert again["Idempotent-Replayed"] == "true" and again.json() == first.json()
    assert Document.objects.count() == 1
    other = send(
        "gcg-9/documents",
        {"kind": "report", "title": "Report", "file": pdf(content=PDF + b"2")},
        personas.secretariat,
        Idempotency_Key="report-1",
    )
    assert other.status_code == 422 and Document.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00"),  # a program named .pdf
        ("page.html", b"<!doctype html><script>alert(1)</script>"),
    ],
)
def test_a_file_that_is_not_a_document_is_refused_and_nothing_is_kept(
    personas: Personas, meeting: Event, media: Path, name: str, content: bytes
) -> None:
    response = send(
        "gcg-9/documents",
        {"kind": "report", "title": "Report", "file": SimpleUploadedFile(name, content)},
        personas.secretariat,
    )
    assert response.status_code == 422, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert "not of an accepted kind" in response.json()["detail"]
    assert "PDF" in response.json()["detail"]
    assert not Document.objects.exists()
    assert stored(media) == []


def test_a_file_too_large_is_413_whether_the_body_or_the_file_is_over(
    personas: Personas, meeting: Event, media: Path, settings: Settings
) -> None:
    settings.FILE_MAX_MB = 1
    over_the_file = PDF + b"0" * (1024 * 1024)  # within the body's allowance
    response = send(
        "gcg-9/documents",
        {"kind": "report", "title": "Report", "file": pdf(content=over_the_file)},
        personas.secretariat,
    )
    assert response.status_code == 413, response.content
    assert "the largest accepted is 1 MB" in response.json()["detail"]
    over_the_body = PDF + b"0" * (2 * 1024 * 1024)
    refused = send(
        "gcg-9/documents",
        {"kind": "report", "title": "Report", "file": pdf(content=over_the_body)},
        personas.secretariat,
    )
    assert refused.status_code == 413
    assert "a file at most 1 MB" in refused.json()["detail"]
    assert not Document.objects.exists() and stored(media) == []


def test_a_file_larger_than_django_keeps_in_memory_is_attached_once_per_key(
    personas: Personas, meeting: Event, settings: Settings
) -> None:
    # The key's digest reads the upload as stored, not the raw body, which
    # Django refuses to hold in memory past DATA_UPLOAD_MAX_MEMORY_SIZE.
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    big = PDF + b"0" * 4096
    for _ in range(2):
        response = send(
            "gcg-9/documents",
            {"kind": "report", "title": "Report", "file": pdf(content=big)},
            personas.secretariat,
            Idempotency_Key="big-1",
        )
        assert response.status_code == 201, response.content
    assert Document.objects.count() == 1


def test_bad_input_is_a_problem_and_writes_nothing(
    personas: Personas, meeting: Event, media: Path
) -> None:
    other = make_event(
        "gcg-10", acting_user=personas.secretariat, date=ReportedDate(dt.date(2024, 9, 1))
    )
    foreign = services.add_agenda_item(
        other, acting_user=personas.secretariat, number="1", title="X"
    )
    cases: list[tuple[str, dict[str, Any], int]] = [
        (
            "no-such-event/documents",
            {"kind": "report", "title": "R", "url": "https://e.org/r"},
            404,
        ),
        ("gcg-9/documents", {"kind": "report", "title": "R"}, 422),  # neither link nor file
        (
            "gcg-9/documents",
            {"kind": "report", "title": "R", "url": "https://e.org/r", "file": pdf()},
            422,
        ),
        ("gcg-9/documents", {"kind": "minutes", "title": "R", "url": "https://e.org/r"}, 422),
        ("gcg-9/documents", {"kind": "report", "title": "R", "url": "not an address"}, 422),
        (
            "gcg-9/documents",
            {"kind": "report", "title": "R", "url": "https://e.org/r", "agenda_item": foreign.pk},
            422,
        ),
        ("gcg-9/documents", {"kind": "report", "title": "", "url": "https://e.org/r"}, 422),
        ("gcg-9/documents", {"kind": "report", "title": "  ", "url": "https://e.org/r"}, 422),
    ]
    for path, fields, status in cases:
        response = send(path, fields, personas.secretariat)
        assert response.status_code == status, (fields, response.content)
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["detail"]
    assert not Document.objects.exists() and stored(media) == []


@pytest.mark.parametrize("who", ["outsider", "partner", "focal point", "chair", "anonymous"])
def test_who_may_not_record_attaches_corrects_nor_removes(
    personas: Personas, meeting: Event, who: str
) -> None:
    document = services.attach_document(
        meeting, acting_user=personas.secretariat, kind="report", title="Kept", upload=pdf()
    )
    if who == "focal point":
        user = make_focal_point("NPL")
    elif who == "chair":
        user = make_chair(make_group("migration", "Migration"), personas.partner_org, "chair")
    elif who == "anonymous":
        user = None
    else:
        user = getattr(personas, who)
    refused = 401 if user is None else 404
    fields = {"kind": "report", "title": "New", "url": "https://example.org/r"}
    assert send("gcg-9/documents", fields, user).status_code == refused
    assert (
        send(f"gcg-9/documents/{document.pk}/file", {"file": pdf()}, user).status_code == refused
    )
    assert (
        patch(f"gcg-9/documents/{document.pk}", {"title": "Changed"}, user).status_code == refused
    )
    deleted = Client().delete(f"{EVENTS}gcg-9/documents/{document.pk}", headers=auth(user))
    assert deleted.status_code == refused
    read_only = send("gcg-9/documents", fields, personas.secretariat, scope="read")
    assert read_only.status_code == 403
    assert list(Document.objects.values_list("title", flat=True)) == ["Kept"]


def test_the_secretariat_corrects_a_document_and_replaces_its_file(
    personas: Personas,
    meeting: Event,
    media: Path,
    django_capture_on_commit_callbacks: Any,
) -> None:
    secretariat = personas.secretariat
    item = services.add_agenda_item(meeting, acting_user=secretariat, number="2", title="Plan")
    document = services.attach_document(
        meeting, acting_user=secretariat, kind="report", title="Report", upload=pdf("old.pdf")
    )
    moved = patch(
        f"gcg-9/documents/{document.pk}",
        {
            "title": {"en": "Report", "fr": "Rapport"},
            "agenda_item": item.pk,
            "pages": "3-4",
            "kind": "annex",
        },
        secretariat,
    )
    assert moved.status_code == 200, moved.content
    assert (moved.json()["agenda_item"], moved.json()["pages"]) == (item.pk, "3-4")
    document.refresh_from_db()
    titles = (getattr(document, "title_en"), getattr(document, "title_fr"))  # noqa: B009
    assert (document.kind, titles) == ("annex", ("Report", "Rapport"))
    assert document.file.name.endswith(".pdf")  # kept
    # A null takes it out from under its item; a field documents do not
    # take is refused.
    assert (
        patch(f"gcg-9/documents/{document.pk}", {"agenda_item": None}, secretariat).json()[
            "agenda_item"
        ]
        is None
    )
    refused = patch(f"gcg-9/documents/{document.pk}", {"text": "x"}, secretariat)
    assert refused.status_code == 422 and "take no text" in refused.json()["detail"]
    old = document.file.name
    with django_capture_on_commit_callbacks(execute=True):
        refiled = send(
            f"gcg-9/documents/{document.pk}/file",
            {"file": pdf("new.pdf", PDF + b"%new")},
            secretariat,
        )
    assert refiled.status_code == 200, refiled.content
    document.refresh_from_db()
    assert document.file.name != old and document.kind == "annex"
    assert not (media / old).exists() and (media / document.file.name).exists()
    # A link in its place: the file goes once the change is committed.
    with django_capture_on_commit_callbacks(execute=True):
        linked = patch(
            f"gcg-9/documents/{document.pk}", {"url": "https://example.org/r.pdf"}, secretariat
        )
    assert linked.json()["url"] == "https://example.org/r.pdf"
    assert stored(media) == []


def test_the_secretariat_removes_a_document_and_its_file(
    personas: Personas,
    meeting: Event,
    media: Path,
    django_capture_on_commit_callbacks: Any,
) -> None:
    document = services.attach_document(
        meeting, acting_user=personas.secretariat, kind="report", title="Report", upload=pdf()
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().delete(
            f"{EVENTS}gcg-9/documents/{document.pk}", headers=auth(personas.secretariat)
        )
    assert response.status_code == 204
    assert not Document.objects.exists() and stored(media) == []
    missing = Client().delete(
        f"{EVENTS}gcg-9/documents/{document.pk}", headers=auth(personas.secretariat)
    )
    assert missing.status_code == 404


def test_the_schema_says_a_document_is_sent_as_a_form_with_a_file() -> None:
    paths = api.get_openapi_schema()["paths"]
    attach = paths["/api/v1/events/{slug}/documents"]["post"]["requestBody"]["content"]
    form = attach["multipart/form-data"]["schema"]
    assert set(form["properties"]) == {
        "kind",
        "title",
        "url",
        "file",
        "agenda_item",
        "pages",
        "visibility",
    }
    assert set(form["required"]) == {"kind", "title"}
    refile = paths["/api/v1/events/{slug}/documents/{document_id}/file"]["post"]
    assert refile["requestBody"]["content"]["multipart/form-data"]["schema"]["required"] == [
        "file"
    ]
