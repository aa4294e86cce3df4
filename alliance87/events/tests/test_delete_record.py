"""The secretariat deletes a row of the record through the site: a page
asks first, and only its POST deletes."""

from __future__ import annotations

from pathlib import Path

import pytest
from auditlog.models import LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from alliance87.events import services
from alliance87.events.models import ActionItem, AgendaItem, Decision, Document, Exchange

pytestmark = pytest.mark.django_db

BASE = "/en/events/gcg-4/record"
KINDS = ["agenda", "exchange", "decision", "action", "document"]


def _delete(kind, row):
    return f"{BASE}/{kind}/{row.pk}/delete/"


@pytest.fixture
def secretariat(client, personas):
    client.force_login(personas.secretariat)
    return personas.secretariat


@pytest.mark.parametrize("kind", KINDS)
def test_delete_asks_first_and_only_a_post_deletes(kind, client, secretariat, recorded):
    row = recorded.row(kind)
    model = type(row)
    page = client.get(_delete(kind, row))
    assert page.status_code == 200
    html = page.content.decode()
    assert '<form method="post">' in html and ">Delete</button>" in html
    assert f'href="{BASE}/#' in html  # Cancel leads back to the record
    assert model.objects.filter(pk=row.pk).exists()
    response = client.post(_delete(kind, row))
    assert response.status_code == 302
    assert response["Location"].startswith(f"{BASE}/#")
    assert not model.objects.filter(pk=row.pk).exists()
    # Said once, by the page layout.
    assert client.get(response["Location"]).content.decode().count("Deleted.") == 1


def test_each_row_links_to_its_edit_and_delete_pages(client, secretariat, recorded):
    page = client.get(f"{BASE}/").content.decode()
    for kind in KINDS:
        row = recorded.row(kind)
        assert f'href="{BASE}/{kind}/{row.pk}/edit/"' in page, kind
        assert f'href="{_delete(kind, row)}"' in page, kind


def test_deleting_an_agenda_item_says_what_goes_with_it(client, secretariat, recorded):
    page = client.get(_delete("agenda", recorded.item)).content.decode()
    assert "Deleted with it" in page
    assert "<dt>Decisions</dt><dd>1</dd>" in page
    client.post(_delete("agenda", recorded.item))
    assert not AgendaItem.objects.exists()
    assert not Exchange.objects.exists()
    assert not Decision.objects.exists()
    assert not ActionItem.objects.exists()
    assert Document.objects.filter(pk=recorded.document.pk).exists()


def test_other_rows_are_left_alone(client, secretariat, recorded):
    client.post(_delete("decision", recorded.decision))
    assert Exchange.objects.filter(pk=recorded.exchange.pk).exists()
    assert ActionItem.objects.filter(pk=recorded.action.pk).exists()
    assert AgendaItem.objects.filter(pk=recorded.item.pk).exists()


def test_a_deleted_row_leaves_the_cached_public_pages(
    client, personas, recorded, django_capture_on_commit_callbacks
):
    visitor = Client()
    for url in ("/en/events/gcg-4/", "/en/events/decisions/"):
        assert "GCG4/D1" in visitor.get(url).content.decode()
    client.force_login(personas.secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_delete("decision", recorded.decision))
    for url in ("/en/events/gcg-4/", "/en/events/decisions/"):
        response = visitor.get(url)
        assert response["X-Page-Cache"] == "miss"
        assert "GCG4/D1" not in response.content.decode()


def test_a_deleted_documents_file_is_removed_after_commit(
    client, secretariat, recorded, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    document = services.attach_document(
        recorded.event,
        acting_user=secretariat,
        kind="annex",
        title="Annex",
        upload=SimpleUploadedFile("annex.pdf", b"%PDF-1.4 annex"),
    )
    stored = Path(tmp_path) / document.file.name
    assert stored.exists()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(_delete("document", document))
    assert stored.exists()  # nothing is removed before the commit
    for callback in callbacks:
        callback()
    assert not stored.exists()


def test_a_deletion_is_in_the_audit_log_with_its_author(client, secretariat, recorded):
    client.post(_delete("exchange", recorded.exchange))
    entry = LogEntry.objects.get(
        object_pk=str(recorded.exchange.pk),
        content_type__model="exchange",
        action=LogEntry.Action.DELETE,
    )
    assert entry.actor == secretariat
    assert "How will the survey run?" in str(entry.changes_dict)


def test_a_row_already_deleted_is_not_found(client, secretariat, recorded):
    url = _delete("decision", recorded.decision)
    client.post(url)
    assert client.post(url).status_code == 404
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_only_get_and_post_are_answered(method, client, secretariat, recorded):
    response = getattr(client, method)(_delete("decision", recorded.decision))
    assert response.status_code == 405
    assert Decision.objects.filter(pk=recorded.decision.pk).exists()
