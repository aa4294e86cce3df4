"""A meeting's uploaded documents are served to those who may see them,
and only as what their content shows them to be."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from pytest_django import Settings

from alliance87.core.dates import ReportedDate
from alliance87.core.visibility import Visibility
from alliance87.events import services
from alliance87.testing.factories import make_event

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n%%EOF\n"


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def event(personas: Any) -> Any:
    return make_event(
        "gcg-7", acting_user=personas.secretariat, date=ReportedDate(dt.date(2019, 4, 1))
    )


def attach(event: Any, personas: Any, *, visibility: str = Visibility.PUBLIC) -> Any:
    return services.attach_document(
        event,
        acting_user=personas.secretariat,
        kind="report",
        title="Report",
        upload=SimpleUploadedFile("report.pdf", PDF),
        visibility=visibility,
    )


def test_a_public_document_is_served_to_anyone_inline_and_sandboxed(
    event: Any, personas: Any, client: Client
) -> None:
    document = attach(event, personas)
    assert document.href.startswith("/files/events.document/")
    response = client.get(document.href)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF  # type: ignore[attr-defined]
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert document.href in client.get(event.get_absolute_url()).content.decode()


def test_a_partners_document_is_404_to_the_public_and_served_to_partners(
    event: Any, personas: Any, client: Client
) -> None:
    document = attach(event, personas, visibility=Visibility.PARTNERS)
    assert client.get(document.href).status_code == 404
    client.force_login(personas.partner)
    assert client.get(document.href).status_code == 200


def test_a_document_of_a_draft_event_is_404_to_the_public(personas: Any, client: Client) -> None:
    draft = make_event(
        "draft",
        acting_user=personas.secretariat,
        date=ReportedDate(dt.date(2019, 4, 1)),
        publish=False,
    )
    document = attach(draft, personas)
    assert client.get(document.href).status_code == 404
    client.force_login(personas.secretariat)
    assert client.get(document.href).status_code == 200


def test_a_wrong_file_name_or_owner_kind_is_404(event: Any, personas: Any, client: Client) -> None:
    document = attach(event, personas)
    assert client.get(document.href.replace("report", "other")).status_code == 404
    assert client.get(f"/files/accounts.invitation/{document.pk}/report.pdf").status_code == 404


def test_media_urls_are_not_served(event: Any, personas: Any, client: Client) -> None:
    document = attach(event, personas)
    assert client.get(f"/media/{document.file.name}").status_code == 404


def test_a_stored_file_a_browser_could_run_is_sent_as_an_attachment(
    event: Any, personas: Any, client: Client, media: Path
) -> None:
    # A file stored before uploads were checked, holding a page with script.
    document = attach(event, personas)
    (media / document.file.name).write_bytes(b"<html><script>alert(1)</script></html>")
    response = client.get(document.href)
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")


def test_behind_nginx_the_proxy_sends_the_file(
    event: Any, personas: Any, client: Client, settings: Settings
) -> None:
    settings.FILES_SERVE = "x-accel-redirect"
    document = attach(event, personas)
    response = client.get(document.href)
    assert response["X-Accel-Redirect"] == "/protected-media/" + document.file.name
    assert response.content == b""
    settings.FILES_SERVE = "x-sendfile"
    response = client.get(document.href)
    assert response["X-Sendfile"].endswith(document.file.name)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("agenda.pdf", b"MZ\x90\x00" + b"\x00" * 60),
        ("agenda.html", b"<!doctype html><script>alert(1)</script>"),
        ("logo.svg", b"<svg onload=alert(1)></svg>"),
    ],
)
def test_the_record_page_refuses_a_file_that_is_not_a_document(
    client: Client, personas: Any, event: Any, media: Path, name: str, content: bytes
) -> None:
    client.force_login(personas.secretariat)
    response = client.post(
        f"/en/events/{event.slug}/record/document/",
        {
            "document-kind": "agenda",
            "document-title": "Agenda",
            "document-upload": SimpleUploadedFile(name, content),
            "document-visibility": "public",
        },
    )
    assert response.status_code == 400  # the record page's answer to a refused form
    assert "not of an accepted kind" in response.content.decode()
    assert not event.documents.exists()
    assert not (media / "events" / "documents").exists() or not list(
        (media / "events" / "documents").iterdir()
    )
