"""The Secretariat's import page: upload, a preview with each row's
errors before anything is saved, then saving whole; large files in the
background. No one else sees it."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tasks_db.models import DBTaskResult

from alliance87.data import services
from alliance87.data.demo import ESTIMATES
from alliance87.data.models import Edition, ImportRun, Observation
from alliance87.data.tasks import check_import_task, save_import_task

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


def upload(client: Any, content: bytes, name: str = "figures.csv") -> ImportRun:
    response = client.post("/en/data/import/", {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 302, response.content.decode()[:2000]
    return ImportRun.objects.latest("created")


@pytest.mark.parametrize("who", ["anonymous", "outsider", "partner"])
def test_no_one_but_the_secretariat_reaches_the_import(
    client: Any, personas: Any, who: str
) -> None:
    run = ImportRun.objects.create(file_name="x.csv", created_by=personas.secretariat)
    if who != "anonymous":
        client.force_login(getattr(personas, who))
    assert client.get("/en/data/import/").status_code == 404
    assert client.get(f"/en/data/import/{run.pk}/").status_code == 404
    assert client.post(f"/en/data/import/{run.pk}/save/").status_code == 404
    upload_response = client.post(
        "/en/data/import/", {"file": SimpleUploadedFile("a.csv", ESTIMATES.read_bytes())}
    )
    assert upload_response.status_code == 404
    assert ImportRun.objects.count() == 1


def test_the_preview_shows_the_file_then_saving_writes_it_whole(
    client: Any, personas: Any
) -> None:
    client.force_login(personas.secretariat)
    run = upload(client, ESTIMATES.read_bytes())
    assert run.status == ImportRun.Status.READY
    page = client.get(f"/en/data/import/{run.pk}/").content.decode()
    assert "Save these figures" in page
    assert "Global Estimates of Modern Slavery 2022" in page and "a new edition" in page
    assert not Observation.objects.exists()
    client.post(f"/en/data/import/{run.pk}/save/")
    run.refresh_from_db()
    assert run.status == ImportRun.Status.SAVED
    assert Observation.objects.count() == 42
    # Saving twice does nothing more.
    assert client.post(f"/en/data/import/{run.pk}/save/").status_code == 400
    assert Observation.objects.count() == 42


def test_a_file_with_errors_lists_them_by_row_and_cannot_be_saved(
    client: Any, personas: Any
) -> None:
    client.force_login(personas.secretariat)
    lines = ESTIMATES.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].replace("15400000", '"15,400,000"')
    lines[5] = lines[5].replace("people_in_forced_labour", "forced_labour_everywhere")
    lines[5] = lines[5].replace("forced_labour_private_economy", "forced_labour_everywhere")
    lines[7] = lines[7].replace('"ILO, Walk Free Foundation, IOM"', "=cmd")
    run = upload(client, ("\n".join(lines) + "\n").encode())
    assert run.status == ImportRun.Status.REFUSED
    assert [(e["row"], e["column"]) for e in run.errors] == [
        (4, "value"),
        (6, "indicator"),
        (8, "publisher"),
    ]
    page = client.get(f"/en/data/import/{run.pk}/").content.decode()
    assert "3 errors: nothing was saved" in page
    assert "thousands separator" in page and "forced_labour_everywhere" in page
    assert "Save these figures" not in page
    assert client.post(f"/en/data/import/{run.pk}/save/").status_code == 400
    assert not Observation.objects.exists() and not Edition.objects.exists()


def test_a_file_that_is_not_csv_is_refused(client: Any, personas: Any) -> None:
    client.force_login(personas.secretariat)
    response = client.post(
        "/en/data/import/", {"file": SimpleUploadedFile("x.csv", b"%PDF-1.4 not a csv")}
    )
    assert response.status_code == 400
    assert "not of an accepted kind" in response.content.decode()
    assert not ImportRun.objects.exists()


def test_a_large_file_is_checked_and_saved_in_the_background(
    client: Any,
    personas: Any,
    settings: Any,
    monkeypatch: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    # Everything above a few bytes counts as large here.
    monkeypatch.setattr(services, "INLINE_BYTES", 10)
    client.force_login(personas.secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        run = upload(client, ESTIMATES.read_bytes())
    assert run.status == ImportRun.Status.CHECKING
    assert DBTaskResult.objects.count() == 1
    waiting = client.get(f"/en/data/import/{run.pk}/").content.decode()
    assert "<progress" in waiting and "Check again" in waiting
    check_import_task.call(run.pk)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.READY and run.rows_total == 42
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/data/import/{run.pk}/save/")
    run.refresh_from_db()
    assert run.status == ImportRun.Status.SAVING
    assert not Observation.objects.exists()
    save_import_task.call(run.pk)
    run.refresh_from_db()
    assert run.status == ImportRun.Status.SAVED
    assert Observation.objects.count() == 42


def test_the_import_is_in_the_audit_log_under_its_author(client: Any, personas: Any) -> None:
    from auditlog.models import LogEntry

    client.force_login(personas.secretariat)
    run = upload(client, ESTIMATES.read_bytes())
    client.post(f"/en/data/import/{run.pk}/save/")
    entries = LogEntry.objects.filter(content_type__app_label="data")
    assert entries.filter(content_type__model="edition").count() == 4
    assert set(entries.values_list("actor", flat=True)) == {personas.secretariat.pk}
