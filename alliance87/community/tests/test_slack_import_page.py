"""The Secretariat's Slack import page (docs/slack-import.md, "The upload
page"): upload an export, read the check's report, choose the spaces,
import once, all or nothing; in the background when the export is large.
Nobody else reaches it."""

from __future__ import annotations

import io
import random
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django_tasks_db.models import DBTaskResult

from alliance87.community.models import Attachment, Post, SlackImport, Thread
from alliance87.community.slack import services
from alliance87.community.slack.tasks import check_slack_import_task, run_slack_import_task
from alliance87.testing.personas import verified
from alliance87.testing.slack_export import PDF, make_zip, with_files

pytestmark = pytest.mark.django_db

START = "/en/community/import/slack/"


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def accounts(scene: Any) -> Any:
    verified(scene.partner)
    verified(scene.member)
    return scene


@pytest.fixture
def secretariat(accounts: Any) -> Client:
    client = Client()
    client.force_login(accounts.secretariat)
    return client


def upload(client: Client, archive: io.BytesIO | bytes, name: str = "export.zip") -> Any:
    content = archive if isinstance(archive, bytes) else archive.getvalue()
    return client.post(START, {"file": SimpleUploadedFile(name, content)})


def page_of(row: SlackImport) -> str:
    return f"{START}{row.pk}/"


def choose(client: Client, row: SlackImport, **spaces: str) -> Any:
    """Post the spaces form: channel name -> space slug."""
    found = {c["name"]: c["id"] for c in row.report["found"]}
    data = {f"channel_{found[name]}": slug for name, slug in spaces.items()}
    return client.post(page_of(row), data)


def test_the_secretariat_uploads_reads_the_report_chooses_spaces_and_imports(
    accounts: Any, secretariat: Client, media: Any, django_capture_on_commit_callbacks: Any
) -> None:
    archive = make_zip(
        days=with_files({"id": "F05AGENDA", "name": "agenda.pdf"}),
        extra={"__uploads/F05AGENDA/agenda.pdf": PDF},
    )
    response = upload(secretariat, archive)
    row = SlackImport.objects.get()
    assert response.status_code == 302 and response["Location"] == page_of(row)
    # Checked at once (a small export): every channel listed, none mapped yet.
    assert row.status == SlackImport.Status.READY
    assert row.file_name == "export.zip" and row.created_by == accounts.secretariat
    page = secretariat.get(page_of(row)).content.decode()
    assert "A dry run, undone: 0 threads and 0 posts would be imported." in page
    assert "#general: no space given" in page
    assert "Gabriela Guest" in page and "no active Hub account" in page
    assert "Nothing would be imported" in page
    assert 'name="channel_' in page
    # The spaces chosen, checked again: the report says what would happen.
    choose(secretariat, row, general="commons", migration="migration")
    row.refresh_from_db()
    assert row.status == SlackImport.Status.READY
    assert row.space_map == {"C01GENERAL": "commons", "C02MIGR": "migration"}
    assert (row.report["threads"], row.report["posts"]) == (4, 6)
    page = secretariat.get(page_of(row)).content.decode()
    assert "4 threads and 6 posts would be imported" in page
    assert "not included in the export" in page and "minutes.pdf" in page
    assert "Pat Partner → partner" in page
    assert not Thread.objects.exists() and not Attachment.objects.exists()
    assert not list(media.rglob("*.pdf"))  # the dry run's file removed
    # Confirmed: imported whole, the zip removed, the report kept.
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat.post(f"{page_of(row)}import/", follow=True)
    assert "The export is imported." in response.content.decode()
    row.refresh_from_db()
    assert row.status == SlackImport.Status.IMPORTED and row.imported_by == accounts.secretariat
    assert Thread.objects.count() == 4 and Post.objects.count() == 6
    assert Attachment.objects.get().name == "agenda.pdf"
    assert [p.name for p in media.rglob("*.pdf")] == ["agenda.pdf"]
    assert row.file.name == ""
    assert not list((media / "community" / "slack-imports").iterdir())
    page = secretariat.get(page_of(row)).content.decode()
    assert "4 threads and 6 posts imported." in page
    # Every step is in the audit log, under the Secretariat.
    entries = LogEntry.objects.get_for_object(row)
    assert entries.count() >= 3
    assert {e.actor for e in entries} == {accounts.secretariat}


def test_an_export_is_imported_only_once(accounts: Any, secretariat: Client) -> None:
    upload(secretariat, make_zip())
    row = SlackImport.objects.get()
    choose(secretariat, row, general="commons")
    secretariat.post(f"{page_of(row)}import/")
    response = secretariat.post(f"{page_of(row)}import/", follow=True)
    assert "only once" in response.content.decode()
    assert Thread.objects.count() == 2
    # Nor can its spaces change once imported.
    assert choose(secretariat, row, general="migration").status_code == 400
    assert Thread.objects.count() == 2


def test_a_broken_export_is_refused_with_its_reason(accounts: Any, secretariat: Client) -> None:
    days = {"general": {"2024-03-05": b'[{"ts": "17'}}
    upload(secretariat, make_zip(days=days))
    row = SlackImport.objects.get()
    assert row.status == SlackImport.Status.REFUSED
    page = secretariat.get(page_of(row)).content.decode()
    assert "general/2024-03-05.json in the export is not valid JSON" in page
    assert "upload it again" in page
    assert f'action="{page_of(row)}import/"' not in page
    assert secretariat.post(f"{page_of(row)}import/").status_code == 302
    row.refresh_from_db()
    assert row.status == SlackImport.Status.REFUSED and not Thread.objects.exists()


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"users.json, channels.json", "export.zip", "content is not of an accepted kind"),
        (b"", "export.zip", "The submitted file is empty"),
        (PDF, "export.pdf", "content is not of an accepted kind"),
    ],
)
def test_what_is_not_a_zip_is_refused_on_the_form(
    accounts: Any, secretariat: Client, content: bytes, name: str, message: str
) -> None:
    response = upload(secretariat, content, name)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not SlackImport.objects.exists()


def test_an_export_over_the_size_limit_is_refused_and_not_kept(
    accounts: Any, secretariat: Client, settings: Any, media: Any
) -> None:
    settings.SLACK_IMPORT_MAX_MB = 1
    # 2 MB that do not compress.
    big = make_zip(extra={"padding.bin": random.Random(87).randbytes(2_000_000)})
    response = upload(secretariat, big)
    assert response.status_code == 400
    assert "the largest export accepted is 1 MB" in response.content.decode()
    assert not SlackImport.objects.exists()
    # The service refuses it too, whatever the form let through.
    with pytest.raises(ValidationError, match="largest accepted is 1 MB"):
        services.upload_slack_export(
            SimpleUploadedFile("x.zip", big.getvalue()), acting_user=accounts.secretariat
        )
    assert not (media / "community" / "slack-imports").exists() or not list(
        (media / "community" / "slack-imports").iterdir()
    )


def test_a_zip_bomb_is_refused_by_the_check_not_unpacked(
    accounts: Any, secretariat: Client, monkeypatch: Any
) -> None:
    from alliance87.community.slack import export

    monkeypatch.setattr(export, "MEMBER_MAX_BYTES", 1024 * 1024)
    bomb = b"[" + b" " * 20_000_000 + b"]"
    upload(secretariat, make_zip(days={"general": {"2024-03-05": bomb}}))
    row = SlackImport.objects.get()
    assert row.status == SlackImport.Status.REFUSED
    assert "larger than 1 MB once unpacked" in row.error


def test_path_traversal_in_the_zip_refuses_the_export(accounts: Any, secretariat: Client) -> None:
    upload(secretariat, make_zip(extra={"__uploads/F01X/../../../../tmp/evil.pdf": PDF}))
    row = SlackImport.objects.get()
    assert row.status == SlackImport.Status.REFUSED
    assert "points outside its folder" in row.error


def test_a_large_export_is_checked_and_imported_in_the_background(
    accounts: Any,
    secretariat: Client,
    monkeypatch: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    monkeypatch.setattr(services, "INLINE_BYTES", 10)
    with django_capture_on_commit_callbacks(execute=True):
        upload(secretariat, make_zip())
    row = SlackImport.objects.get()
    assert row.status == SlackImport.Status.CHECKING
    assert DBTaskResult.objects.filter(task_path__endswith="check_slack_import_task").exists()
    waiting = secretariat.get(page_of(row)).content.decode()
    assert "checked in the background" in waiting and "Check again" in waiting
    check_slack_import_task.call(row.pk)
    row.refresh_from_db()
    assert row.status == SlackImport.Status.READY
    with django_capture_on_commit_callbacks(execute=True):
        choose(secretariat, row, general="commons", migration="migration")
    check_slack_import_task.call(row.pk)
    with django_capture_on_commit_callbacks(execute=True):
        secretariat.post(f"{page_of(row)}import/")
    row.refresh_from_db()
    assert row.status == SlackImport.Status.IMPORTING and not Thread.objects.exists()
    assert "imported in the background" in secretariat.get(page_of(row)).content.decode()
    assert run_slack_import_task.call(row.pk) == "imported"
    assert Thread.objects.count() == 3
    # Run twice (a retry, a second worker): nothing more.
    assert run_slack_import_task.call(row.pk) == "skipped"
    assert Thread.objects.count() == 3


def test_a_space_archived_before_the_import_refuses_it_whole(
    accounts: Any, secretariat: Client
) -> None:
    from alliance87.community import services as community

    upload(secretariat, make_zip())
    row = SlackImport.objects.get()
    choose(secretariat, row, general="commons", migration="migration")
    community.archive_space(accounts.group_space, acting_user=accounts.secretariat)
    secretariat.post(f"{page_of(row)}import/")
    row.refresh_from_db()
    assert row.status == SlackImport.Status.REFUSED and "archived" in row.error
    assert not Thread.objects.exists()
    # The spaces can be chosen again.
    choose(secretariat, row, general="commons")
    row.refresh_from_db()
    assert row.status == SlackImport.Status.READY


def test_an_upload_can_be_discarded(
    accounts: Any, secretariat: Client, media: Any, django_capture_on_commit_callbacks: Any
) -> None:
    upload(secretariat, make_zip())
    row = SlackImport.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat.post(f"{page_of(row)}discard/")
    assert response.status_code == 302 and response["Location"] == START
    assert not SlackImport.objects.exists()
    assert not list((media / "community" / "slack-imports").iterdir())


@pytest.mark.parametrize("persona", ["anonymous", "outsider", "partner", "member"])
def test_nobody_but_the_secretariat_reaches_the_import(accounts: Any, persona: str) -> None:
    upload(_signed_in(accounts.secretariat), make_zip())
    row = SlackImport.objects.get()
    client = Client()
    user = accounts.member if persona == "member" else getattr(accounts.personas, persona)
    if user.is_authenticated:
        client.force_login(user)
    assert client.get(START).status_code == 404
    assert upload(client, make_zip()).status_code == 404
    assert client.get(page_of(row)).status_code == 404
    assert client.post(page_of(row), {"create_spaces": "on"}).status_code == 404
    assert client.post(f"{page_of(row)}import/").status_code == 404
    assert client.post(f"{page_of(row)}discard/").status_code == 404
    assert SlackImport.objects.count() == 1 and not Thread.objects.exists()
    row.refresh_from_db()
    assert row.status == SlackImport.Status.READY
    # Nor does the header lead there.
    header = client.get("/en/community/").content.decode()
    assert START not in header


def test_the_header_leads_the_secretariat_there(accounts: Any, secretariat: Client) -> None:
    assert f'href="{START}"' in secretariat.get("/en/community/").content.decode()


def _signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client
