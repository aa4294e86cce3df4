"""
Read a Slack workspace export (the zip Slack's "Export data" gives) into
plain data, refusing whatever is not one, before anything is written.

The layout and fields read (docs/slack-import.md cites where they are
documented): `users.json` (each member's `id`, `name`, `real_name`,
`deleted`, `is_bot`, `profile.email`, `profile.real_name`,
`profile.display_name`), `channels.json` and, in exports of all
conversations, `groups.json` for private channels (`id`, `name`), and a
folder per channel named after it with a file per day, `YYYY-MM-DD.json`,
each a list of messages (`type`, `user`, `text`, `ts`, `thread_ts`,
`subtype`, `files`, `reactions`, `edited`, `user_profile`). `dms.json` and
`mpims.json` (direct messages) are noted and never read.

Slack's export holds no files, only their description in each message's
`files` (`id`, `name`, `title`, `mimetype`, `size`, `url_private`...). An
export whose files were fetched by another tool holds them in one of two
layouts, both keyed by the file's `id`, and both are read:
`__uploads/F0123/name.pdf` (slackdump's default, the layout Mattermost's
importer reads) and `channel/attachments/F0123-name.pdf` (slackdump's
"standard" layout). `url_private` is never fetched. The reader notes
which files the zip carries; slack/uploads.py reads them.

Nothing is extracted to disk: each member is read into memory through a
bounded read (at most MEMBER_MAX_BYTES decompressed, whatever its header
claims, and TOTAL_MAX_BYTES for the whole), so a zip bomb is refused when
its output passes the bound, not after. A member whose name could step out
of a folder (`..`, an absolute path, a backslash, a drive) refuses the
whole export: a tool that wrote such a name is not to be trusted with the
rest.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from dataclasses import dataclass, field
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MEMBER_MAX_BYTES = 50 * 1024 * 1024
TOTAL_MAX_BYTES = 500 * 1024 * 1024
MAX_MEMBERS = 100_000
DAY_FILE = re.compile(r"^(\d{4}-\d{2}-\d{2})\.json$")
TS = re.compile(r"^(\d{1,12})\.(\d{1,6})$")
FILE_ID = re.compile(r"^F[A-Z0-9]{2,40}$")


class ExportRefused(ValidationError):
    """The export cannot be imported; the message says why. Nothing was
    written."""


@dataclass
class SlackUser:
    id: str
    name: str  # the name shown on Slack
    email: str  # empty when the export has none
    deleted: bool = False
    is_bot: bool = False


@dataclass
class FileRef:
    """A file a message shares, as the message describes it."""

    id: str  # empty when the message gives none
    name: str
    mimetype: str = ""


@dataclass
class Message:
    channel_id: str
    day: str  # the day file it was read from, for messages to people
    ts: str
    created: dt.datetime
    user: str
    text: str
    subtype: str
    thread_ts: str
    files: list[FileRef]  # the files it shares (in the zip only if fetched)
    profile_name: str  # the name the message itself carries, if any
    # Each reaction's emoji name and how many people reacted with it.
    reactions: list[tuple[str, int]] = field(default_factory=list)
    # `edited` (Slack keeps only the last text): when, if its ts reads.
    edited: bool = False
    edited_at: dt.datetime | None = None


@dataclass
class Channel:
    id: str
    name: str
    private: bool
    messages: list[Message] = field(default_factory=list)
    has_folder: bool = False


@dataclass
class Export:
    users: dict[str, SlackUser]
    channels: dict[str, Channel]  # by id
    direct_messages: bool  # dms.json or mpims.json present (never imported)
    # The files the zip carries: Slack file id -> its member's full name.
    uploads: dict[str, str] = field(default_factory=dict)

    def channel(self, key: str) -> Channel | None:
        """Return the channel named `key` (with or without "#") or with
        that id."""
        key = key.lstrip("#")
        if key in self.channels:
            return self.channels[key]
        for channel in self.channels.values():
            if channel.name == key:
                return channel
        return None


def parse_ts(ts: Any) -> dt.datetime | None:
    """Return a Slack timestamp ("1355517523.000005": seconds since the
    epoch, then a sequence) as an aware datetime, or None if it is none."""
    if not isinstance(ts, str):
        return None
    match = TS.match(ts)
    if match is None:
        return None
    seconds, fraction = match.groups()
    micro = int(fraction.ljust(6, "0"))
    try:
        return dt.datetime.fromtimestamp(int(seconds), tz=dt.UTC).replace(microsecond=micro)
    except (OverflowError, OSError, ValueError):
        return None


def _safe_name(name: str) -> bool:
    if not name or "\\" in name or "\x00" in name or name.startswith("/"):
        return False
    if re.match(r"^[A-Za-z]:", name):
        return False
    return ".." not in name.split("/")


class _Reader:
    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.total = 0
        infos = archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise ExportRefused(
                _("The export holds more than %(max)s files; this is not a Slack export.")
                % {"max": f"{MAX_MEMBERS:,}"}
            )
        for info in infos:
            if not _safe_name(info.filename):
                raise ExportRefused(
                    _(
                        "The export holds a file named “%(name)s”, which points outside "
                        "its folder. Nothing was imported; export again from Slack."
                    )
                    % {"name": info.filename[:200]}
                )
        names = {i.filename for i in infos if not i.is_dir()}
        # An export unzipped and zipped again may sit in one top folder.
        self.prefix = ""
        if "users.json" not in names:
            tops = {n.split("/", 1)[0] for n in names if "/" in n}
            if len(tops) == 1 and f"{next(iter(tops))}/users.json" in names:
                self.prefix = next(iter(tops)) + "/"
        self.names = {n[len(self.prefix) :] for n in names if n.startswith(self.prefix)}
        self.uploads: dict[str, str] = {}
        for name in sorted(self.names):
            file_id = _upload_id(name)
            if file_id and file_id not in self.uploads:
                self.uploads[file_id] = self.prefix + name

    def has(self, name: str) -> bool:
        return name in self.names

    def read(self, name: str) -> bytes:
        try:
            with self.archive.open(self.prefix + name) as stream:
                data = stream.read(MEMBER_MAX_BYTES + 1)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError) as e:
            raise ExportRefused(
                _("%(file)s could not be read from the export (%(error)s).")
                % {"file": name, "error": e}
            ) from None
        if len(data) > MEMBER_MAX_BYTES:
            raise ExportRefused(
                _("%(file)s is larger than %(max)s MB once unpacked; nothing was imported.")
                % {"file": name, "max": MEMBER_MAX_BYTES // (1024 * 1024)}
            )
        self.total += len(data)
        if self.total > TOTAL_MAX_BYTES:
            raise ExportRefused(
                _("The export is larger than %(max)s MB once unpacked; nothing was imported.")
                % {"max": TOTAL_MAX_BYTES // (1024 * 1024)}
            )
        return data

    def json(self, name: str) -> Any:
        try:
            return json.loads(self.read(name).decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError) as e:
            raise ExportRefused(
                _("%(file)s in the export is not valid JSON (%(error)s); nothing was imported.")
                % {"file": name, "error": str(e)[:200]}
            ) from None


def _upload_id(name: str) -> str:
    """Return the Slack file id of a file the export carries in either
    layout (`__uploads/F1/name`, `channel/attachments/F1-name`), or ""."""
    parts = name.split("/")
    if len(parts) != 3 or not parts[2]:
        return ""
    if parts[0] == "__uploads":
        file_id = parts[1]
    elif parts[1] == "attachments":
        file_id = parts[2].partition("-")[0]
    else:
        return ""
    return file_id if FILE_ID.match(file_id) else ""


def _list_of_objects(data: Any, name: str) -> list[dict[str, Any]]:
    if not isinstance(data, list) or not all(isinstance(row, dict) for row in data):
        raise ExportRefused(
            _("%(file)s in the export is not a list of records; nothing was imported.")
            % {"file": name}
        )
    return data


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _users(reader: _Reader) -> dict[str, SlackUser]:
    users = {}
    for row in _list_of_objects(reader.json("users.json"), "users.json"):
        uid = _text(row.get("id"))
        if not uid:
            raise ExportRefused(_("A member in users.json has no id; nothing was imported."))
        profile = _mapping(row.get("profile"))
        name = (
            _text(profile.get("real_name"))
            or _text(row.get("real_name"))
            or _text(profile.get("display_name"))
            or _text(row.get("name"))
            or uid
        )
        users[uid] = SlackUser(
            id=uid,
            name=name.strip()[:150],
            email=_text(profile.get("email")).strip(),
            deleted=row.get("deleted") is True,
            is_bot=row.get("is_bot") is True,
        )
    return users


def _channels(reader: _Reader) -> dict[str, Channel]:
    channels: dict[str, Channel] = {}
    sources = [("channels.json", False), ("groups.json", True)]
    for name, private in sources:
        if not reader.has(name):
            continue
        for row in _list_of_objects(reader.json(name), name):
            cid, cname = _text(row.get("id")), _text(row.get("name"))
            if not cid or not cname or not _safe_name(cname) or "/" in cname:
                raise ExportRefused(
                    _("A channel in %(file)s has no id or no usable name; nothing was imported.")
                    % {"file": name}
                )
            channels[cid] = Channel(id=cid, name=cname, private=private)
    return channels


def _message(row: dict[str, Any], channel: Channel, day: str, n: int) -> Message:
    ts = row.get("ts")
    created = parse_ts(ts)
    if created is None:
        raise ExportRefused(
            _("Message %(n)s of %(file)s has no valid timestamp (ts); nothing was imported.")
            % {"n": n, "file": f"{channel.name}/{day}.json"}
        )
    files = []
    for item in _list(row.get("files")):
        if isinstance(item, dict):
            files.append(
                FileRef(
                    id=_text(item.get("id")),
                    name=(_text(item.get("name")) or _text(item.get("title")) or _("a file"))[
                        :200
                    ],
                    mimetype=_text(item.get("mimetype"))[:100],
                )
            )
    reactions = []
    for item in _list(row.get("reactions")):
        if isinstance(item, dict) and _text(item.get("name")):
            users = item.get("users")
            count = item.get("count")
            if not isinstance(count, int) or isinstance(count, bool) or count < 0:
                count = len(users) if isinstance(users, list) else 1
            reactions.append((_text(item.get("name"))[:100], count))
    edited = _mapping(row.get("edited"))
    profile = _mapping(row.get("user_profile"))
    return Message(
        channel_id=channel.id,
        day=day,
        ts=str(ts),
        created=created,
        user=_text(row.get("user")),
        text=_text(row.get("text")),
        subtype=_text(row.get("subtype")),
        thread_ts=_text(row.get("thread_ts")),
        files=files,
        profile_name=_text(profile.get("real_name")) or _text(profile.get("display_name")),
        reactions=reactions,
        edited=bool(edited),
        edited_at=parse_ts(edited.get("ts")),
    )


def read_export(file: IO[bytes]) -> Export:
    """Read a Slack export zip; raise ExportRefused, saying why, for
    anything that is not a readable one."""
    try:
        archive = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        raise ExportRefused(
            _("This is not a zip file. Upload the zip that Slack's “Export data” gives.")
        ) from None
    with archive:
        reader = _Reader(archive)
        for required in ("users.json", "channels.json"):
            if not reader.has(required):
                raise ExportRefused(
                    _(
                        "The export has no %(file)s: it is not a Slack workspace export, "
                        "or it is incomplete. Nothing was imported."
                    )
                    % {"file": required}
                )
        users = _users(reader)
        channels = _channels(reader)
        by_name = {c.name: c for c in channels.values()}
        for name in sorted(reader.names):
            folder, _sep, rest = name.partition("/")
            match = DAY_FILE.match(rest)
            if folder not in by_name or match is None:
                continue
            channel = by_name[folder]
            channel.has_folder = True
            day = match.group(1)
            rows = _list_of_objects(reader.json(name), name)
            for n, row in enumerate(rows, start=1):
                channel.messages.append(_message(row, channel, day, n))
        return Export(
            users=users,
            channels=channels,
            direct_messages=reader.has("dms.json") or reader.has("mpims.json"),
            uploads=reader.uploads,
        )
