"""Moving in from the Slack pilot (issue 13, item 8): a Slack workspace
export, built as Slack writes it (alliance87/testing/slack_export.py),
imported into the community's spaces (threads, authors, dates, mentions,
Markdown, edits, reactions), marked in the audit log, notifying nobody,
never twice, with a report of what was not imported kept as data; a dry
run; the command."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from auditlog.models import LogEntry
from django.core.management import CommandError, call_command
from django.test import Client
from django_tasks_db.models import DBTaskResult

from alliance87.community import services
from alliance87.community.models import (
    POST_MAX_CHARS,
    Level,
    Mention,
    Notification,
    Post,
    Space,
    SpaceKind,
    Thread,
)
from alliance87.community.slack.mrkdwn import Converter
from alliance87.community.slack.report import FileResult
from alliance87.community.tests.slack_import_support import counts, run
from alliance87.testing.slack_export import (
    REPLY_TS,
    ROOT_TS,
    channels_json,
    general_days,
    make_zip,
    migration_days,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media")]


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
