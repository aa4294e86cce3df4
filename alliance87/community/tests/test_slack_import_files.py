"""The files of a Slack export (issue 13, item 8; docs/slack-import.md,
"Files"): attached in either layout when the export carries them and the
post may take them, named in the post and the report otherwise; a file
that cannot be stored refuses the whole import, and an undone import
removes the files it stored."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from alliance87.community import attachments, services
from alliance87.community.models import Attachment, Post, Space, SpaceKind, Thread
from alliance87.community.slack import ExportRefused
from alliance87.community.slack import files as slack_files
from alliance87.community.tests.slack_import_support import counts, run
from alliance87.core.files import file_url
from alliance87.testing.slack_export import PDF, PNG, make_zip, with_files

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media")]


def files_on_disk(media: Any) -> list[str]:
    """The names of the files stored under MEDIA_ROOT."""
    return sorted(p.name for p in media.rglob("*") if p.is_file()) if media.exists() else []


def test_files_the_export_carries_are_attached_in_either_layout(accounts, media) -> None:
    days = with_files(
        {"id": "F05AGENDA", "name": "agenda.pdf"},
        {"id": "F06PHOTO", "name": "photo.png", "mimetype": "image/png"},
    )
    archive = make_zip(
        days=days,
        extra={
            # slackdump's default layout (Mattermost's), and its "standard" one.
            "__uploads/F05AGENDA/agenda.pdf": PDF,
            "general/attachments/F06PHOTO-photo.png": PNG,
        },
    )
    report = run(accounts, archive)
    attached = sorted(Attachment.objects.all(), key=lambda a: a.name)
    assert [(f.name, f.kind) for f in attached] == [("agenda.pdf", "pdf"), ("photo.png", "png")]
    post = attached[0].post
    assert attached[1].post == post and post.author == accounts.partner
    # Dated with the Slack message, as the post is.
    assert {f.added for f in attached} == {post.created}
    assert post.created == dt.datetime(2024, 3, 6, 10, 18, 20, 600, tzinfo=dt.UTC)
    # The post names them; the page lists them, so the text has no link.
    assert post.body == "Two files\n\n*Files shared on Slack: agenda.pdf, photo.png*"
    assert (media / attached[0].file.name).read_bytes() == PDF
    assert [(f.name, f.outcome) for f in report.files_by("imported")] == [
        ("agenda.pdf", "imported"),
        ("photo.png", "imported"),
    ]
    # Served with the post's visibility: the commons is for partners.
    partner, outsider = Client(), Client()
    partner.force_login(accounts.partner)
    outsider.force_login(accounts.outsider)
    assert partner.get(file_url(attached[0])).status_code == 200
    assert outsider.get(file_url(attached[0])).status_code == 404
    # The thread's page lists the post's files.
    page = partner.get(post.thread.get_absolute_url()).content.decode()
    assert f'href="{file_url(attached[1])}"' in page


def test_a_file_the_export_does_not_carry_is_named_in_its_post_and_the_report(accounts) -> None:
    run(accounts)
    post = Post.objects.get(body__contains="The minutes")
    assert "*File not included in the export: minutes.pdf*" in post.body
    # Nothing is fetched from Slack: no file, no link to it.
    assert "files.slack.com" not in post.body
    assert not Attachment.objects.exists()


def test_a_file_the_hub_does_not_take_is_named_and_not_stored(accounts, media) -> None:
    days = with_files(
        {"id": "F07TOOL", "name": "tool.exe"}, {"id": "F05AGENDA", "name": "agenda.pdf"}
    )
    archive = make_zip(
        days=days,
        extra={"__uploads/F07TOOL/tool.exe": b"MZ\x90\x00" * 64, "__uploads/F05AGENDA/a": PDF},
    )
    report = run(accounts, archive)
    assert [f.name for f in Attachment.objects.all()] == ["agenda.pdf"]
    refused = report.files_by("refused")
    assert [(f.name, f.reason) for f in refused] == [("tool.exe", "not of a kind the Hub accepts")]
    post = Attachment.objects.get().post
    assert "*File not imported (not of a kind the Hub accepts): tool.exe*" in post.body
    assert files_on_disk(media) == ["agenda.pdf"]


def test_a_file_of_a_kind_posts_do_not_take_is_named(accounts, settings, media) -> None:
    # A kind core.files knows, which this Hub's posts do not take.
    settings.COMMUNITY_ATTACHMENT_KINDS = ["png"]
    archive = make_zip(
        days=with_files({"id": "F05AGENDA", "name": "agenda.pdf"}),
        extra={"__uploads/F05AGENDA/agenda.pdf": PDF},
    )
    report = run(accounts, archive)
    assert [(f.name, f.reason) for f in report.files_by("refused")] == [
        ("agenda.pdf", "not of a kind the Hub accepts")
    ]
    assert not Attachment.objects.exists() and files_on_disk(media) == []


def test_files_beyond_what_a_post_may_carry_are_named_not_the_import_refused(
    accounts, settings, media
) -> None:
    settings.COMMUNITY_ATTACHMENTS_PER_POST = 2
    names = ["a.pdf", "b.pdf", "c.pdf"]
    archive = make_zip(
        days=with_files(*({"id": f"F0{i}", "name": n} for i, n in enumerate(names))),
        extra={f"__uploads/F0{i}/{n}": PDF for i, n in enumerate(names)},
    )
    report = run(accounts, archive)
    # The first two, in the message's order, are attached; the import went on.
    assert sorted(a.name for a in Attachment.objects.all()) == ["a.pdf", "b.pdf"]
    assert report.threads == 4 and Thread.objects.count() == 4
    assert [(f.name, f.reason) for f in report.files_by("refused")] == [
        ("c.pdf", "beyond the 2 files a post may carry")
    ]
    post = Attachment.objects.all()[0].post
    assert "*File not imported (beyond the 2 files a post may carry): c.pdf*" in post.body
    assert files_on_disk(media) == ["a.pdf", "b.pdf"]


def test_no_file_is_stored_where_posts_carry_none(accounts, settings, media) -> None:
    settings.COMMUNITY_ATTACHMENTS_PER_POST = 0
    archive = make_zip(
        days=with_files({"id": "F05AGENDA", "name": "agenda.pdf"}),
        extra={"__uploads/F05AGENDA/agenda.pdf": PDF},
    )
    report = run(accounts, archive)
    assert [(f.name, f.reason) for f in report.files_by("refused")] == [
        ("agenda.pdf", "posts carry no files on this Hub")
    ]
    post = Post.objects.get(body__startswith="Two files")
    assert "*File not imported (posts carry no files on this Hub): agenda.pdf*" in post.body
    assert not Attachment.objects.exists() and files_on_disk(media) == []


def test_a_file_larger_than_a_post_takes_is_named_and_not_stored(
    accounts, settings, media
) -> None:
    settings.COMMUNITY_ATTACHMENT_MAX_MB = 1  # FILE_MAX_MB stays 20
    big = PDF + b"\x00" * (1024 * 1024)
    archive = make_zip(
        days=with_files({"id": "F08BIG", "name": "big.pdf"}, {"id": "F05A", "name": "a.pdf"}),
        extra={"__uploads/F08BIG/big.pdf": big, "__uploads/F05A/a.pdf": PDF},
    )
    report = run(accounts, archive)
    assert [(f.name, f.reason) for f in report.files_by("refused")] == [
        ("big.pdf", "larger than 1 MB")
    ]
    post = Attachment.objects.get().post
    assert "*File not imported (larger than 1 MB): big.pdf*" in post.body
    assert files_on_disk(media) == ["a.pdf"]


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("kind", "not of a kind the Hub accepts"),
        ("too_large", "larger than 3 MB"),
        ("file_too_large", "larger than 3 MB"),
        ("too_many_files", "beyond the 5 files a post may carry"),
        ("attachments_off", "posts carry no files on this Hub"),
    ],
)
def test_a_refusal_of_the_file_itself_is_named_whatever_its_code(code, reason, settings) -> None:
    settings.COMMUNITY_ATTACHMENT_MAX_MB = 3
    # As attachments.py refuses (the code on its field) and as core.files does.
    for error in (
        ValidationError({"attachments": ValidationError("No.", code=code)}),
        ValidationError("No.", code=code),
    ):
        assert attachments.refusal_reason(error) == reason


def test_a_file_that_cannot_be_stored_refuses_the_whole_import(
    accounts, monkeypatch, media
) -> None:
    from alliance87.core import files as core_files

    def full_disk(*args: Any, **kwargs: Any) -> str:
        raise ValidationError("The disk is full.", code="not_saved")

    archive = make_zip(
        days=with_files({"id": "F05AGENDA", "name": "agenda.pdf"}),
        extra={"__uploads/F05AGENDA/agenda.pdf": PDF},
    )
    before = counts()
    monkeypatch.setattr(core_files, "store_upload", full_disk)
    with pytest.raises(ExportRefused, match=r"agenda\.pdf could not be stored .*disk is full"):
        run(accounts, archive)
    assert counts() == before and not Attachment.objects.exists()
    for code in ("forbidden", "not_saved", "file", None):
        assert attachments.refusal_reason(ValidationError("No.", code=code)) == ""


def test_a_file_bomb_in_the_export_stops_at_the_files_bound(accounts, settings) -> None:
    settings.FILE_MAX_MB = 1
    bomb = b"%PDF-1.4\n" + b"\x00" * 20_000_000  # 20 MB of zeros: about 20 KB zipped
    archive = make_zip(
        days=with_files({"id": "F08BIG", "name": "big.pdf"}),
        extra={"__uploads/F08BIG/big.pdf": bomb},
    )
    assert len(archive.getvalue()) < 200_000
    report = run(accounts, archive)
    assert [(f.name, f.reason) for f in report.files_by("refused")] == [
        ("big.pdf", "larger than 1 MB")
    ]


def test_files_stored_by_an_undone_import_are_removed(accounts, media) -> None:
    archive = make_zip(
        days=with_files({"id": "F05AGENDA", "name": "agenda.pdf"}),
        extra={"__uploads/F05AGENDA/agenda.pdf": PDF},
    )
    report = run(accounts, archive, dry_run=True)
    assert len(report.files_by("imported")) == 1
    assert not Attachment.objects.exists()
    assert files_on_disk(media) == []
    # A refusal after the file was attached (the migration channel's own
    # space, found archived): its row is rolled back with the import, and
    # the file removed too.
    archived = services.save_space(
        Space(slug="slack-migration", name="Old", kind=SpaceKind.COMMONS),
        acting_user=accounts.secretariat,
    )
    services.archive_space(archived, acting_user=accounts.secretariat)
    archive.seek(0)
    attached = []
    real_attach = slack_files.attach

    def attach(*args: Any, **kwargs: Any) -> Any:
        done = real_attach(*args, **kwargs)
        attached.append(done.stored)
        assert (media / done.stored).exists()
        return done

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(slack_files, "attach", attach)
        with pytest.raises(ExportRefused, match="archived"):
            run(accounts, archive, space_map={"general": "commons"}, create_spaces=True)
    assert len(attached) == 1 and not Attachment.objects.exists()
    assert files_on_disk(media) == []
    # Nor is a folder left for each file.
    assert not (media / attached[0]).parent.exists()
