"""A library file is found on the Sources page by the names of the meetings
its resource is linked to, in every language, as well as by its resource's
title and its file's name: its `search_names` follow the links, and the
meetings' own writes (renamed, published, hidden, deleted, in bulk too). A
meeting not everyone may see never finds a file: the column serves every
reader alike (docs/provenance.md)."""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Any

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile

from alliance87.core.dates import ReportedDate
from alliance87.core.files import match_documents
from alliance87.events import services as events
from alliance87.events.models import Event
from alliance87.library import services
from alliance87.library.models import ResourceFile
from alliance87.testing.factories import make_event, make_resource

pytestmark = pytest.mark.django_db

APRIL = ReportedDate(dt.date(2019, 4, 1))


@pytest.fixture
def meeting(personas: Any, settings: Any, tmp_path: Any) -> Event:
    settings.MEDIA_ROOT = tmp_path
    return make_event(
        "gcg-4",
        acting_user=personas.secretariat,
        date=APRIL,
        title="Fourth meeting of the Coordinating Group",
        title_fr="Quatrième réunion du Groupe de coordination",
        title_es="Cuarta reunión del Grupo de Coordinación",
    )


def attach(personas: Any, resource: Any) -> ResourceFile:
    return services.attach_file(
        resource,
        language="en",
        upload=SimpleUploadedFile("estimates.pdf", b"%PDF-1.4 estimates"),
        acting_user=personas.secretariat,
    )


def found(personas: Any, text: str) -> set[str]:
    return {value for value, _name in match_documents(personas.secretariat, text, 20)}


def link(personas: Any, resource: Any, *meetings: Any) -> None:
    services.save_resource(
        resource, acting_user=personas.secretariat, links=services.Links(events=meetings)
    )


def test_a_file_is_found_by_its_meetings_name_in_each_language(
    personas: Any, meeting: Event
) -> None:
    resource = make_resource(
        "estimates", "Global Estimates", links=services.Links(events=[meeting])
    )
    row = attach(personas, resource)
    for text in ("fourth meeting", "QUATRIEME REUNION", "cuarta reunión"):
        assert found(personas, text) == {f"library.resourcefile:{row.pk}"}, text


def test_linking_and_unlinking_a_meeting_changes_what_finds_the_file(
    personas: Any, meeting: Event
) -> None:
    resource = make_resource("estimates", "Global Estimates")
    row = attach(personas, resource)
    assert found(personas, "coordinating group") == set()
    link(personas, resource, meeting)
    assert found(personas, "coordinating group") == {f"library.resourcefile:{row.pk}"}
    link(personas, resource)
    assert found(personas, "coordinating group") == set()
    assert found(personas, "global estimates") == {f"library.resourcefile:{row.pk}"}


def test_a_meeting_renamed_finds_its_files_by_its_new_name(personas: Any, meeting: Event) -> None:
    resource = make_resource(
        "estimates", "Global Estimates", links=services.Links(events=[meeting])
    )
    row = attach(personas, resource)
    meeting.title_en = "GCG 4"  # type: ignore[attr-defined]
    events.save_event(meeting, acting_user=personas.secretariat)
    assert found(personas, "coordinating group") == set()
    assert found(personas, "gcg 4") == {f"library.resourcefile:{row.pk}"}
    # A bulk write of its title is followed too.
    Event.objects.filter(pk=meeting.pk).update(title_en="Meeting of April")
    assert found(personas, "gcg 4") == set()
    assert found(personas, "meeting of april") == {f"library.resourcefile:{row.pk}"}


def test_a_meeting_not_everyone_may_see_never_finds_its_files(
    personas: Any, meeting: Event
) -> None:
    draft = make_event(
        "gcg-5", acting_user=personas.secretariat, date=APRIL, title="Fifth", publish=False
    )
    members = make_event(
        "private",
        acting_user=personas.secretariat,
        date=APRIL,
        title="Closed session",
        visibility="members",
    )
    resource = make_resource("estimates", "Global Estimates")
    row = attach(personas, resource)
    link(personas, resource, draft, members)
    # Not even for the Secretariat, who may see both: the column is the
    # same for every reader.
    assert found(personas, "fifth") == set()
    assert found(personas, "closed session") == set()
    events.publish_event(draft, acting_user=personas.secretariat)
    assert found(personas, "fifth") == {f"library.resourcefile:{row.pk}"}


def test_a_meeting_deleted_no_longer_finds_its_files(personas: Any, meeting: Event) -> None:
    resource = make_resource(
        "estimates", "Global Estimates", links=services.Links(events=[meeting])
    )
    row = attach(personas, resource)
    assert found(personas, "coordinating group") == {f"library.resourcefile:{row.pk}"}
    meeting.delete()
    assert found(personas, "coordinating group") == set()
    assert found(personas, "global estimates") == {f"library.resourcefile:{row.pk}"}


def test_the_data_migration_adds_the_meetings_to_the_files_already_held(
    personas: Any, meeting: Event
) -> None:
    resource = make_resource(
        "estimates", "Global Estimates", links=services.Links(events=[meeting])
    )
    row = attach(personas, resource)
    row.refresh_from_db()
    expected = row.search_names
    assert "quatrieme reunion du groupe de coordination" in expected
    ResourceFile.objects.update(search_names="global estimates | estimates.pdf")
    migration = importlib.import_module(
        "alliance87.library.migrations.0005_fill_file_meeting_names"
    )
    migration.fill(apps, None)
    row.refresh_from_db()
    assert row.search_names == expected
