"""A Slack workspace export made for the tests, as Slack writes it
(docs/slack-import.md, "Where the format comes from"): `users.json` (two
members with Hub accounts, a guest without one, a bot), `channels.json`
(#general, #migration, #random), a folder per channel with a file per
day, a thread across two days, a join, a bot's message, a file shared
(described, not carried: Slack's export holds no files); `with_files` adds
a message sharing files, which `make_zip(extra=...)` may carry."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

ROOT_TS = "1709630000.000100"  # 2024-03-05 09:13:20 UTC
REPLY_TS = "1709720000.000300"  # 2024-03-06 10:13:20 UTC


def users_json() -> list[dict[str, Any]]:
    return [
        {
            "id": "U01PARTNER",
            "name": "pat",
            "real_name": "Pat Partner",
            "deleted": False,
            "is_bot": False,
            "profile": {
                "real_name": "Pat Partner",
                "display_name": "pat",
                "email": "PARTNER@example.org",
            },
        },
        {
            "id": "U02MEMBER",
            "name": "mo",
            "real_name": "Mo Member",
            "deleted": False,
            "is_bot": False,
            "profile": {
                "real_name": "Mo Member",
                "display_name": "mo",
                "email": "member@example.org",
            },
        },
        {
            "id": "U03GUEST",
            "name": "gabriela",
            "real_name": "Gabriela Guest",
            "deleted": False,
            "is_bot": False,
            "profile": {
                "real_name": "Gabriela Guest",
                "display_name": "gabi",
                "email": "gabriela@elsewhere.example",
            },
        },
        {
            "id": "U04BOT",
            "name": "polly",
            "deleted": False,
            "is_bot": True,
            "profile": {"real_name": "Polly", "bot_id": "B04POLL"},
        },
    ]


def channels_json() -> list[dict[str, Any]]:
    return [
        {"id": "C01GENERAL", "name": "general", "created": 1700000000, "members": ["U01PARTNER"]},
        {"id": "C02MIGR", "name": "migration", "created": 1700000000, "members": ["U02MEMBER"]},
        {"id": "C03RANDOM", "name": "random", "created": 1700000000, "members": []},
    ]


def general_days() -> dict[str, list[dict[str, Any]]]:
    return {
        "2024-03-05": [
            {
                "type": "message",
                "user": "U01PARTNER",
                "text": "Welcome to the *Hub* pilot, <@U02MEMBER>!\n"
                "See <https://www.alliance87.org|Alliance 8.7> &amp; more",
                "ts": ROOT_TS,
                "thread_ts": ROOT_TS,
                "reply_count": 2,
                "user_profile": {"real_name": "Pat Partner", "display_name": "pat"},
            },
            {
                "type": "message",
                "subtype": "channel_join",
                "user": "U03GUEST",
                "text": "<@U03GUEST> has joined the channel",
                "ts": "1709630100.000150",
            },
            {
                "type": "message",
                "user": "U03GUEST",
                "text": "Hello <!here>, any news from @bob on &lt;fair recruitment&gt;?",
                "ts": "1709630200.000200",
            },
        ],
        "2024-03-06": [
            {
                "type": "message",
                "user": "U02MEMBER",
                "text": "Thanks <@U01PARTNER>, and <@U03GUEST|gabriela> too",
                "ts": REPLY_TS,
                "thread_ts": ROOT_TS,
                "parent_user_id": "U01PARTNER",
            },
            {
                "type": "message",
                "subtype": "file_share",
                "user": "U03GUEST",
                "text": "The minutes",
                "ts": "1709720100.000400",
                "thread_ts": ROOT_TS,
                "parent_user_id": "U01PARTNER",
                "files": [
                    {
                        "id": "F01MINUTES",
                        "name": "minutes.pdf",
                        "title": "Minutes",
                        "mimetype": "application/pdf",
                        "url_private": "https://files.slack.com/files-pri/T01-F01MINUTES/minutes.pdf",
                    }
                ],
            },
            {
                "type": "message",
                "subtype": "bot_message",
                "bot_id": "B04POLL",
                "username": "Polly",
                "text": "Poll closed",
                "ts": "1709720200.000500",
            },
        ],
    }


def migration_days() -> dict[str, list[dict[str, Any]]]:
    return {
        "2024-03-07": [
            {
                "type": "message",
                "user": "U02MEMBER",
                "text": "Our `@mo` handle and ```code *as is*```",
                "ts": "1709800000.000100",
            }
        ]
    }


def make_zip(
    *,
    users: Any = None,
    channels: Any = None,
    days: dict[str, Any] | None = None,
    extra: dict[str, bytes] | None = None,
    leave_out: tuple[str, ...] = (),
) -> io.BytesIO:
    """Return a Slack export zip: users.json, channels.json, a folder per
    channel with a file per day."""
    if days is None:
        days = {"general": general_days(), "migration": migration_days()}
    files: dict[str, bytes] = {
        "users.json": json.dumps(users_json() if users is None else users).encode(),
        "channels.json": json.dumps(channels_json() if channels is None else channels).encode(),
        "integration_logs.json": b"[]",
    }
    for channel, by_day in days.items():
        for day, messages in by_day.items():
            content = messages if isinstance(messages, bytes) else json.dumps(messages).encode()
            files[f"{channel}/{day}.json"] = content
    files.update(extra or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            if name not in leave_out:
                archive.writestr(name, content)
    buffer.seek(0)
    return buffer


# Files as an export whose files were fetched carries them (slack/export.py).
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def with_files(*refs: dict[str, Any], text: str = "Two files") -> dict[str, Any]:
    """Return the export's days, #general's with one more message sharing `refs`."""
    days = general_days()
    days["2024-03-06"].append(
        {
            "type": "message",
            "subtype": "file_share",
            "user": "U01PARTNER",
            "text": text,
            "ts": "1709720300.000600",
            "files": [
                {
                    "mimetype": "application/octet-stream",
                    "url_private": "https://files.slack.com/files-pri/T01-X/x",
                    "url_private_download": "https://files.slack.com/files-pri/T01-X/download/x",
                    **ref,
                }
                for ref in refs
            ],
        }
    )
    return {"general": days, "migration": migration_days()}
