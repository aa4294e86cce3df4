"""A Slack export refused (issue 13, item 8): all or nothing, so a broken
file, a refusal late in the writes or a message without a valid timestamp
changes nothing; bad input, a zip bomb, an archived space and anyone but
the Secretariat are refused with a clear message."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError

from alliance87.community import services
from alliance87.community.models import Space, SpaceKind, Thread
from alliance87.community.slack import ExportRefused, export, import_slack
from alliance87.community.tests.slack_import_support import MAPPING, counts, run
from alliance87.testing.slack_export import general_days, make_zip, migration_days

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("media")]


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
