"""A library file's `search_names`, what the Sources page finds it by (its
resource's title in every language, the file's name), folded, follow every
write of the file and its resource; the data migration fills them for the
files already held (docs/provenance.md)."""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile

from alliance87.library import services
from alliance87.library.models import ResourceFile
from alliance87.testing.factories import make_resource

pytestmark = pytest.mark.django_db


@pytest.fixture
def row(personas: Any, settings: Any, tmp_path: Any) -> ResourceFile:
    settings.MEDIA_ROOT = tmp_path
    resource = make_resource("estimates", "Global Estimates")
    return services.attach_file(
        resource,
        language="en",
        upload=SimpleUploadedFile("Estimations_Mondiales.pdf", b"%PDF-1.4 estimates"),
        acting_user=personas.secretariat,
    )


def names(row: ResourceFile) -> list[str]:
    row.refresh_from_db()
    return row.search_names.split(" | ")


def test_a_file_is_written_with_what_it_is_found_by_folded(row: ResourceFile) -> None:
    assert names(row) == ["global estimates", "estimations_mondiales.pdf"]


def test_renaming_the_resource_renames_what_its_files_are_found_by(
    personas: Any, row: ResourceFile
) -> None:
    resource = row.resource
    resource.title_fr = "Estimations mondiales de l’esclavage"  # type: ignore[attr-defined]
    services.save_resource(resource, acting_user=personas.secretariat)
    assert names(row) == [
        "global estimates",
        "estimations mondiales de l'esclavage",
        "estimations_mondiales.pdf",
    ]


def test_the_data_migration_fills_the_files_already_held(row: ResourceFile) -> None:
    expected = names(row)
    ResourceFile.objects.update(search_names="")
    migration = importlib.import_module(
        "alliance87.library.migrations.0003_fill_file_search_names"
    )
    migration.fill(apps, None)
    assert names(row) == expected
