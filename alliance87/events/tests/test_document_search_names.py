"""A document's `search_names`, what the Sources page finds it by (its
title and its meeting's in every language, its agenda item's number, its
file's name), folded, follow every write of the document, its event and
its agenda item; the data migration fills them for the documents already
held (docs/provenance.md)."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from alliance87.events import services
from alliance87.events.models import Document
from alliance87.events.services.documents import document_search_names

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(personas: Any, recorded: Any, settings: Any, tmp_path: Any) -> Document:
    settings.MEDIA_ROOT = tmp_path
    return services.attach_document(
        recorded.event,
        acting_user=personas.secretariat,
        kind="annex",
        title={"en": "Annex on data", "fr": "Annexe sur les données"},
        upload=SimpleUploadedFile("Annexe_Genève.pdf", b"%PDF-1.4 annex"),
        agenda_item=recorded.item,
    )


def names(document: Document) -> list[str]:
    document.refresh_from_db()
    return document.search_names.split(" | ")


def test_a_document_is_written_with_what_it_is_found_by_folded(document: Document) -> None:
    assert names(document) == [
        "annex on data",
        "annexe sur les donnees",
        "gcg 4",
        "i",
        "annexe_geneve.pdf",
    ]


def test_renaming_the_meeting_renames_what_its_documents_are_found_by(
    personas: Any, recorded: Any, document: Document
) -> None:
    for language, title in (("en", "Fourth meeting"), ("es", "Cuarta reunión")):
        with translation.override(language):
            services.write_event(
                recorded.event, acting_user=personas.secretariat, fields={}, texts={"title": title}
            )
    assert "fourth meeting" in names(document)
    assert "cuarta reunion" in names(document)
    assert "gcg 4" not in names(document)


def test_renumbering_or_removing_the_agenda_item_follows(
    personas: Any, recorded: Any, document: Document
) -> None:
    services.correct_row(
        recorded.item, acting_user=personas.secretariat, number="IX", title="Welcome", minutes=""
    )
    assert "ix" in names(document) and "i" not in names(document)
    services.remove_row(recorded.item, acting_user=personas.secretariat)
    assert "ix" not in names(document)
    assert names(document)[-1] == "annexe_geneve.pdf"


def test_correcting_the_document_follows(personas: Any, document: Document) -> None:
    services.correct_row(
        document,
        acting_user=personas.secretariat,
        kind="annex",
        title="Data annex",
        upload=SimpleUploadedFile("data-annex.pdf", b"%PDF-1.4 annex"),
    )
    assert names(document)[0] == "data annex"
    assert names(document)[-1].startswith("data-annex")
    assert "annexe_geneve.pdf" not in names(document)


def test_the_data_migration_fills_the_documents_already_held(document: Document) -> None:
    expected = names(document)
    Document.objects.update(search_names="")
    migration = importlib.import_module(
        "alliance87.events.migrations.0009_fill_document_search_names"
    )
    migration.fill(apps, None)
    assert names(document) == expected
    assert document_search_names(document) == " | ".join(expected)
