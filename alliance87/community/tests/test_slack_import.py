"""Moving in from the Slack pilot (issue 13, item 8): a Slack workspace
export, built as Slack writes it (alliance87/testing/slack_export.py),
imported into the community's spaces all or nothing, with a report of
what was not imported; its files, edits and reactions."""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import Client
from django_tasks_db.models import DBTaskResult

from alliance87.community import services
from alliance87.community.models import (
    POST_MAX_CHARS,
    Attachment,
    Level,
    Mention,
    Notification,
    Post,
    Space,
    SpaceKind,
    Thread,
)
from alliance87.community.slack import ExportRefused, export, import_slack
from alliance87.community.slack import files as slack_files
from alliance87.community.slack.mrkdwn import Converter
from alliance87.community.slack.report import FileResult
from alliance87.community.slack.writer import _codes, _refusal_reason
from alliance87.core.files import file_url
from alliance87.testing.personas import verified
from alliance87.testing.slack_export import (
    PDF,
    PNG,
    REPLY_TS,
    ROOT_TS,
    channels_json,
    general_days,
    make_zip,
    migration_days,
    with_files,
)

pytestmark = pytest.mark.django_db

MAPPING = {"general": "commons", "migration": "migration"}


@pytest.fixture(autouse=True)
def media(settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def accounts(scene: Any) -> Any:
    verified(scene.partner)
    verified(scene.member)
    return scene


def run(scene: Any, archive: io.BytesIO | None = None, **options: Any) -> Any:
    options.setdefault("space_map", MAPPING)
    return import_slack(archive or make_zip(), acting_user=scene.secretariat, **options)


def counts() -> tuple[int, int, int, int]:
    return (
        Space.objects.count(),
        Thread.objects.count(),
        Post.objects.count(),
        Mention.objects.count(),
    )


def test_channels_become_threads_with_their_authors_dates_and_mentions(accounts) -> None:
    scene = accounts
    report = run(scene)
    assert report.threads == 3 and report.posts == 5
    welcome = Thread.objects.get(space=scene.commons, author=scene.partner)
    assert welcome.title == "Welcome to the Hub pilot, @member!"
    assert welcome.created == dt.datetime(2024, 3, 5, 9, 13, 20, 100, tzinfo=dt.UTC)
    assert welcome.reply_count == 2
    posts = list(welcome.posts.order_by("created"))
    assert [p.author for p in posts] == [scene.partner, scene.member, None]
    assert posts[1].created == dt.datetime(2024, 3, 6, 10, 13, 20, 300, tzinfo=dt.UTC)
    assert welcome.last_activity == posts[2].created
    # Slack's mrkdwn is the Hub's Markdown; a mapped person is @mentioned.
    assert posts[0].body.startswith("Welcome to the **Hub** pilot, @member!")
    assert "[Alliance 8.7](<https://www.alliance87.org>)" in posts[0].body
    assert set(Mention.objects.values_list("post__body", "user__username")) == {
        (posts[0].body, "member"),
        (posts[1].body, "partner"),
    }
    # Gabriela has no account: named, never mentioned, her post kept.
    assert "&#64;gabriela" in posts[1].body
    assert posts[2].body.startswith("*Written on Slack by Gabriela Guest*")
    assert "minutes.pdf" in posts[2].body
    # A message outside any thread is a thread of its own.
    hello = Thread.objects.get(space=scene.commons, author=None)
    assert hello.title.startswith("Hello @here, any news from @bob on <fair")
    group_thread = Thread.objects.get(space=scene.group_space)
    assert group_thread.author == scene.member


def test_the_import_marks_what_it_made_in_the_audit_log(accounts) -> None:
    run(accounts)
    welcome = Thread.objects.get(author=accounts.partner)
    entry = LogEntry.objects.get_for_object(welcome).get(action=LogEntry.Action.CREATE)
    assert entry.additional_data == {
        "imported_from": "slack",
        "slack_channel": "C01GENERAL",
        "slack_ts": ROOT_TS,
    }
    assert entry.actor == accounts.secretariat
    reply = welcome.posts.get(author=accounts.member)
    entry = LogEntry.objects.get_for_object(reply).get(action=LogEntry.Action.CREATE)
    assert entry.additional_data["slack_ts"] == REPLY_TS


def test_the_report_names_what_was_not_imported(accounts) -> None:
    report = run(accounts)
    guest = report.unmapped["U03GUEST"]
    assert (guest.name, guest.messages) == ("Gabriela Guest", 2)
    assert "no active Hub account" in guest.reason
    assert report.unmapped["U04BOT"].reason == "an app or bot"
    assert report.mapped_people == 2
    assert report.files == [FileResult("general", "2024-03-06", "minutes.pdf", "missing")]
    assert report.subtypes == {"channel_join": 1, "bot_message": 1}
    assert report.skipped_channels == []  # #random has no messages


def test_an_import_notifies_nobody(accounts, django_capture_on_commit_callbacks) -> None:
    scene = accounts
    services.set_level(scene.commons, acting_user=scene.partner, level=Level.EVERYTHING)
    services.set_level(scene.group_space, acting_user=scene.member, level=Level.EVERYTHING)
    with django_capture_on_commit_callbacks(execute=True):
        run(scene)
    assert Thread.objects.count() == 3
    assert not DBTaskResult.objects.filter(task_path__endswith="fan_out_task").exists()
    assert Notification.objects.count() == 0


def test_the_same_export_imported_twice_adds_nothing(accounts) -> None:
    first = run(accounts)
    before = counts()
    second = run(accounts)
    assert counts() == before
    assert second.threads == 0 and second.posts == 0
    assert sum(c.already_imported for c in second.channels) == first.threads


def test_a_broken_file_refuses_the_whole_export_and_changes_nothing(accounts) -> None:
    days = {"general": general_days(), "migration": {"2024-03-08": b'[{"ts": "1709'}}
    before = counts()
    with pytest.raises(ExportRefused, match=r"migration/2024-03-08\.json .*not valid JSON"):
        run(accounts, make_zip(days=days))
    assert counts() == before


def test_a_refusal_late_in_the_writes_undoes_the_earlier_ones(accounts) -> None:
    # #general is written first; #migration's own space, found archived
    # only when its turn comes, refuses the import: nothing of #general stays.
    scene = accounts
    archived = services.save_space(
        Space(slug="slack-migration", name="Old", kind=SpaceKind.COMMONS),
        acting_user=scene.secretariat,
    )
    services.archive_space(archived, acting_user=scene.secretariat)
    before = counts()
    with pytest.raises(ExportRefused, match="archived"):
        run(scene, space_map={"general": "commons"}, create_spaces=True)
    assert counts() == before


def test_a_message_with_no_valid_timestamp_is_refused_before_any_write(accounts) -> None:
    days = {"general": general_days(), "migration": migration_days()}
    days["migration"]["2024-03-07"][0]["ts"] = "yesterday"
    with pytest.raises(ExportRefused, match=r"Message 1 of migration/2024-03-07\.json"):
        run(accounts, make_zip(days=days))
    assert Thread.objects.count() == 0


def test_a_message_longer_than_a_post_is_posted_in_parts(accounts) -> None:
    days = {"general": general_days(), "migration": migration_days()}
    days["migration"]["2024-03-07"][0]["text"] = "A line of the minutes.\n" * 2_000
    report = run(accounts, make_zip(days=days))
    assert report.split == 1
    parts = list(Post.objects.filter(thread__space=accounts.group_space).order_by("pk"))
    assert len(parts) == 3
    assert all(len(p.body) <= POST_MAX_CHARS for p in parts)
    assert sum(p.body.count("A line of the minutes.") for p in parts) == 2_000


def test_a_reply_also_sent_to_the_channel_is_posted_once_in_its_thread(accounts) -> None:
    broadcast = {
        "type": "message",
        "subtype": "thread_broadcast",
        "user": "U02MEMBER",
        "text": "Agreed, see the thread",
        "ts": REPLY_TS,
        "thread_ts": ROOT_TS,
        "root": {"ts": ROOT_TS, "user": "U01PARTNER"},
    }
    root = general_days()["2024-03-05"][0]
    days = {
        "general": {"2024-03-05": [root], "2024-03-06": [broadcast, dict(broadcast)]},
        "migration": migration_days(),
    }
    run(accounts, make_zip(days=days))
    thread = Thread.objects.get(space=accounts.commons)
    assert [p.body for p in thread.posts.all()][1:] == ["Agreed, see the thread"]
    assert thread.reply_count == 1


def test_a_dry_run_reports_everything_and_saves_nothing(accounts) -> None:
    before = counts()
    report = run(accounts, dry_run=True)
    assert report.dry_run and report.threads == 3 and report.posts == 5
    assert report.unmapped["U03GUEST"].messages == 2
    assert counts() == before
    # And the real run after it imports all of it.
    assert run(accounts).threads == 3


@pytest.mark.parametrize(
    ("archive", "mapping", "message"),
    [
        (lambda: io.BytesIO(b"not a zip at all"), MAPPING, "not a zip file"),
        (lambda: make_zip(leave_out=("users.json",)), MAPPING, "no users.json"),
        (lambda: make_zip(leave_out=("channels.json",)), MAPPING, "no channels.json"),
        (lambda: make_zip(users={"not": "a list"}), MAPPING, "users.json .*not a list"),
        (
            lambda: make_zip(extra={"../../etc/cron.d/evil": b"* * * * * root sh"}),
            MAPPING,
            "points outside",
        ),
        (lambda: make_zip(extra={"/abs.json": b"[]"}), MAPPING, "points outside"),
        (
            lambda: make_zip(extra={"__uploads/F01MINUTES/../../../evil.pdf": b"%PDF-1.4"}),
            MAPPING,
            "points outside",
        ),
        (
            lambda: make_zip(extra={"general\\attachments\\x.pdf": b"%PDF"}),
            MAPPING,
            "points outside",
        ),
        (lambda: make_zip(), {"nowhere": "commons"}, "no channel “nowhere”"),
        (lambda: make_zip(), {"general": "no-such-space"}, "No space has the address"),
        (
            lambda: make_zip(days={"general": general_days()}),
            MAPPING,
            "no folder of messages for channel “migration”",
        ),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(accounts, archive, mapping, message) -> None:
    before = counts()
    with pytest.raises(ExportRefused, match=message):
        run(accounts, archive(), space_map=mapping)
    assert counts() == before


def test_a_zip_bomb_is_refused_when_its_output_passes_the_bound(accounts, monkeypatch) -> None:
    monkeypatch.setattr(export, "MEMBER_MAX_BYTES", 2 * 1024 * 1024)
    # 10 MB of spaces compress to about 10 KB; the header says 10 MB, but
    # the bound is on what is read, not on what the header claims.
    bomb = b"[" + b" " * 10_000_000 + b"]"
    days = {"general": {"2024-03-05": bomb}, "migration": migration_days()}
    archive = make_zip(days=days)
    assert len(archive.getvalue()) < 100_000
    with pytest.raises(
        ExportRefused, match=r"general/2024-03-05\.json is larger than 2 MB once unpacked"
    ):
        run(accounts, archive)
    assert Thread.objects.count() == 0


def test_an_archived_space_takes_nothing(accounts) -> None:
    services.archive_space(accounts.commons, acting_user=accounts.secretariat)
    with pytest.raises(ExportRefused, match="archived"):
        run(accounts)
    assert Thread.objects.count() == 0


def test_only_the_secretariat_imports(accounts) -> None:
    with pytest.raises(ValidationError, match="Only the Secretariat"):
        import_slack(make_zip(), space_map=MAPPING, acting_user=accounts.partner)
    assert Thread.objects.count() == 0


def test_channels_without_a_space_are_skipped_or_given_an_open_one_when_asked(accounts) -> None:
    channels = [*channels_json(), {"id": "G05PRIV", "name": "secret", "created": 1}]
    join = {"type": "message", "subtype": "channel_join", "user": "U01PARTNER", "text": "joined"}
    days = {
        "general": general_days(),
        "migration": migration_days(),
        "random": {"2024-03-01": [{**join, "ts": "1709251200.000100"}]},
        "secret": {
            "2024-03-09": [
                {
                    "type": "message",
                    "user": "U01PARTNER",
                    "text": "hush",
                    "ts": "1709900000.000100",
                }
            ]
        },
    }
    archive = make_zip(
        days=days, channels=channels, extra={"groups.json": json.dumps([channels[-1]]).encode()}
    )
    report = run(accounts, archive, space_map={"general": "commons"}, dry_run=True)
    assert ("migration", "no space given") in report.skipped_channels
    archive.seek(0)
    report = run(accounts, archive, space_map={"general": "commons"}, create_spaces=True)
    space = Space.objects.get(slug="slack-migration")
    assert (space.kind, space.visibility) == (SpaceKind.COMMONS, "partners")
    assert report.channels[-1].created_space
    # A private channel never gets an open space of its own.
    assert [name for name, _why in report.skipped_channels] == ["secret"]
    assert not Space.objects.filter(slug="slack-secret").exists()
    # Nor does a channel with nothing to import (#random: a join).
    assert not Space.objects.filter(slug="slack-random").exists()


def test_mrkdwn_becomes_the_hubs_markdown() -> None:
    names = {"U1": "ana", "U2": None}
    converter = Converter(
        mention=lambda uid: names.get(uid),
        person=lambda uid: {"U2": "Bo *Bold*"}.get(uid, uid),
        channel=lambda cid: {"C1": "general"}.get(cid, cid),
    )
    convert = converter.convert
    assert convert("*bold* and _it_ and ~st~") == "**bold** and _it_ and ~st~"
    assert convert("hi <@U1> and <@U2>") == "hi @ana and &#64;Bo \\*Bold\\*"
    assert convert("<@U1>-team, <@U1>. <@U1>.x") == "@ana\u2060-team, @ana. @ana\u2060.x"
    assert convert("see <#C1|general> and <#C1>") == "see #general and #general"
    assert convert("<https://a.example/x?y=1&amp;z=2|the [site]>") == (
        "[the \\[site\\]](<https://a.example/x?y=1&z=2>)"
    )
    assert convert("<https://a.example>") == "<https://a.example>"
    assert convert("<javascript:alert(1)|click>") == "click"
    assert convert("&gt; quoted\nnot") == "> quoted  \nnot"
    assert convert("# not a heading") == "\\# not a heading"
    assert convert("mail ana@x.org, ask @bob") == "mail ana@x.org, ask &#64;bob"
    assert convert("`@bob *x*`") == "`@\u2060bob *x*`"
    assert convert("```a &lt; b```") == "```\na < b\n```"


def test_the_imported_thread_reads_as_slack_showed_it(accounts) -> None:
    run(accounts)
    thread = Thread.objects.get(author=accounts.partner)
    client = Client()
    client.force_login(accounts.partner)
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "<strong>Hub</strong>" in page
    assert "Written on Slack by Gabriela Guest" in page
    assert "@gabriela" in page  # the entity reads "@"


def test_the_command_imports_and_reports(accounts, tmp_path) -> None:
    path = tmp_path / "slack.zip"
    path.write_bytes(make_zip().getvalue())
    out = io.StringIO()
    call_command(
        "import_slack",
        str(path),
        "--by",
        "secretariat",
        "--space-map",
        "general=commons",
        "--space-map",
        "#migration=migration",
        stdout=out,
    )
    text = out.getvalue()
    assert "Imported: 3 threads, 5 posts" in text
    assert "Gabriela Guest <gabriela@elsewhere.example> (U03GUEST)" in text
    assert "minutes.pdf" in text and "channel_join: 1" in text
    with pytest.raises(CommandError, match="not an active Secretariat account"):
        call_command("import_slack", str(path), "--by", "partner", "--space-map", "a=b")
    with pytest.raises(CommandError, match="channel=space-slug"):
        call_command("import_slack", str(path), "--by", "secretariat", "--space-map", "general")
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(CommandError, match="not a zip file"):
        call_command("import_slack", str(broken), "--by", "secretariat", "--space-map", "g=c")


# --- Files, edits and reactions (docs/slack-import.md, "Files") -------------


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
def test_a_refusal_of_the_file_itself_is_named_whatever_its_code(code, reason) -> None:
    # As attachments.py refuses (the code on its field) and as core.files does.
    for error in (
        ValidationError({"attachments": ValidationError("No.", code=code)}),
        ValidationError("No.", code=code),
    ):
        assert _refusal_reason(_codes(error), "larger than 3 MB") == reason


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
    for codes in ({"forbidden"}, {"not_saved"}, {"file"}, set()):
        assert _refusal_reason(codes, "larger than 3 MB") == ""


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


def test_a_message_edited_on_slack_says_so(accounts) -> None:
    days = {"general": general_days(), "migration": migration_days()}
    reply = days["general"]["2024-03-06"][0]
    reply["edited"] = {"user": "U02MEMBER", "ts": "1709723700.000000"}  # 11:15 UTC
    report = run(accounts, make_zip(days=days))
    post = Post.objects.get(author=accounts.member, thread__space=accounts.commons)
    assert post.body.endswith("*Edited in Slack on 2024-03-06 11:15 UTC*")
    assert post.created == dt.datetime(2024, 3, 6, 10, 13, 20, 300, tzinfo=dt.UTC)
    assert post.edited is None and not post.revisions.exists()
    assert report.edited == 1


def test_reactions_are_counted_in_the_report_not_made_helpful_marks(accounts) -> None:
    from alliance87.community.models import Helpful

    days = {"general": general_days(), "migration": migration_days()}
    root = days["general"]["2024-03-05"][0]
    root["reactions"] = [
        {"name": "+1", "users": ["U02MEMBER", "U01PARTNER"], "count": 2},
        {"name": "eyes", "users": ["U03GUEST"], "count": 1},
    ]
    days["migration"]["2024-03-07"][0]["reactions"] = [
        {"name": "+1", "users": ["U01PARTNER"], "count": 1}
    ]
    report = run(accounts, make_zip(days=days))
    assert report.reactions == {"+1": 3, "eyes": 1}
    assert report.reacted_messages == 2
    assert not Helpful.objects.exists()
    assert set(Post.objects.values_list("helpful_count", flat=True)) == {0}


def test_the_report_is_kept_as_data(accounts) -> None:
    data = run(accounts, dry_run=True).as_data()
    assert json.loads(json.dumps(data)) == data
    assert data["threads"] == 3 and data["posts"] == 5 and data["dry_run"]
    assert [c["name"] for c in data["found"]] == ["general", "migration", "random"]
    assert {p["account"] for p in data["mapped"]} == {"partner", "member"}
    assert data["files_missing"] == 1
