"""Stored files no row names (a write rolled back around its upload, a
replaced library file) are removed once FILES_ORPHAN_HOURS old; a file a
row names, a recent one, a file outside the upload folders and a link are
never touched."""

from __future__ import annotations

import datetime as dt
import os
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from alliance87.core.files.sweep import sweep, upload_folders
from alliance87.library import services as library
from alliance87.testing.factories import make_resource
from alliance87.testing.uploads import PDF, stored_files

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media")]


def pdf(name: str = "report.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, "application/pdf")


def age(path: Path, hours: float) -> None:
    when = (timezone.now() - dt.timedelta(hours=hours)).timestamp()
    os.utime(path, (when, when))


class Undone(Exception):
    pass


def attach_then_roll_back(resource, name: str = "lost.pdf") -> None:
    with pytest.raises(Undone), transaction.atomic():
        library.attach_file(resource, language="en", upload=pdf(name), acting_user=None)
        raise Undone


def test_a_file_whose_row_was_rolled_back_goes_once_a_day_old(media, settings) -> None:
    settings.FILES_ORPHAN_HOURS = 24
    resource = make_resource("guide", "Guide")
    kept = library.attach_file(resource, language="fr", upload=pdf("kept.pdf"), acting_user=None)
    attach_then_roll_back(resource)
    (lost,) = [p for p in stored_files(media) if p.name == "lost.pdf"]
    age(media / kept.file.name, 100)

    # Younger than a day: its row may still be about to commit.
    swept = sweep()
    assert swept.removed == [] and swept.kept_recent == 1 and lost.exists()

    age(lost, 25)
    swept = sweep()
    assert swept.removed == [lost.relative_to(media).as_posix()]
    assert not lost.exists()
    assert (media / kept.file.name).exists(), "a file a row names is never removed"


def test_a_replaced_library_file_goes_and_its_successor_stays(media) -> None:
    resource = make_resource("guide", "Guide")
    first = library.attach_file(resource, language="en", upload=pdf("v1.pdf"), acting_user=None)
    old_name = first.file.name
    second = library.attach_file(resource, language="en", upload=pdf("v2.pdf"), acting_user=None)
    for path in stored_files(media):
        age(path, 48)
    assert sweep().removed == [old_name]
    assert [p.relative_to(media).as_posix() for p in stored_files(media)] == [second.file.name]


def test_a_dry_run_lists_and_removes_nothing(media) -> None:
    resource = make_resource("guide", "Guide")
    attach_then_roll_back(resource)
    (lost,) = stored_files(media)
    age(lost, 48)
    out = StringIO()
    call_command("sweep_files", "--dry-run", stdout=out)
    assert f"Would remove {lost.relative_to(media).as_posix()}" in out.getvalue()
    assert "Would remove 1 files no row names" in out.getvalue()
    assert lost.exists()
    call_command("sweep_files", stdout=StringIO())
    assert not lost.exists()


def test_files_at_the_top_hidden_folders_and_links_are_left_alone(media, tmp_path_factory) -> None:
    resource = make_resource("guide", "Guide")
    library.attach_file(resource, language="en", upload=pdf(), acting_user=None)
    at_top = media / "README.txt"
    hidden = media / ".trash" / "notes.txt"
    hidden.parent.mkdir()
    outside = tmp_path_factory.mktemp("outside") / "precious.txt"
    for path in (at_top, hidden, outside):
        path.write_text("kept")
        age(path, 1000)
    link = media / "library" / "link.txt"
    link.symlink_to(outside)
    (media / "linked-folder").symlink_to(outside.parent)
    assert [p.name for p in upload_folders(media)] == ["library"]
    assert sweep().removed == []
    assert at_top.exists() and hidden.exists() and outside.exists() and link.is_symlink()


def test_the_workers_sweep_daily(settings) -> None:
    job = settings.TASKS_SCHEDULE["files-sweep"]
    assert job["task"] == "alliance87.core.files.sweep.sweep_files_task"
    assert job["every"] == 24 * 3600
