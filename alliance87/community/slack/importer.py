"""
Import a Slack export into the community's spaces, all or nothing.

Invariants (beside those of community/services.py, whose `start_thread`
and `reply` write every thread and post, with `Imported`):
- only the Secretariat imports; a channel goes only where it is told
  (`space_map`: channel name or id -> space slug), or, when asked, into a
  new open space ("commons", partners) of its own; a private channel is
  never given an open space of its own; an archived space takes nothing;
- the export is read and checked whole before the first write, and the
  writes are one transaction: a refusal anywhere leaves the Hub as it was;
- each Slack thread (a message and the replies whose `thread_ts` names it)
  becomes a thread; a message outside any thread becomes a thread of its
  own; posts keep their Slack time and, when the person's Slack address
  is a verified address of an active account, their author; anyone else's
  posts have no author (shown as a former participant) and begin with
  their Slack name;
- nothing is announced: an import sends no email and fills no inbox;
- each thread and post made is marked in its audit entry
  (`additional_data`: {"imported_from": "slack", "slack_channel": ...,
  "slack_ts": ...}); a Slack thread already marked in that space is not
  imported again (counted as such in the report);
- a file the export carries (slack/export.py: the layouts read) is
  attached to its post through slack/files.py's `attach`, the one place
  that stores it (the post's attachments, with their limits); a file it
  does not carry, or that the Hub does not take (its kind, its size, one
  more than a post may carry), is named in its post ("File not included
  in the export: ...", "File not imported (why): ...") and in the report;
  nothing is ever fetched from Slack; files stored by an import that is
  then undone (a refusal, a dry run: their rows rolled back) are removed;
- a message edited on Slack says so at its end ("Edited in Slack on
  ..."): the export keeps only its last text; reactions are not marks of
  the Hub's (a reaction is any emoji, a "helpful" mark one person's
  judgement): the report counts them by emoji;
- what is not imported is reported: channels without a space, people
  without an account, files, messages of other kinds (joins, bots, ...),
  empty messages, direct messages.
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.db.models.functions import Lower
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from alliance87.community import attachments, services
from alliance87.community.models import POST_MAX_CHARS, Post, Space, SpaceKind, Thread
from alliance87.community.slack import files
from alliance87.community.slack.export import (
    Channel,
    Export,
    ExportRefused,
    FileRef,
    Message,
    Uploads,
    open_uploads,
    read_export,
)
from alliance87.community.slack.mrkdwn import Converter, escape
from alliance87.core.files import max_bytes
from alliance87.core.markdown import plain_text
from alliance87.core.planner import refresh_statistics_after_commit
from alliance87.core.services import service
from alliance87.core.visibility import Visibility, is_secretariat

ORIGIN = "slack"
# Message kinds imported: an ordinary message, a reply also sent to the
# channel, a message sharing files, a "/me" message.
IMPORTED_SUBTYPES = {"", "thread_broadcast", "file_share", "me_message"}
TITLE_CHARS = 80
USERNAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.+-]{0,149}")
# Room kept in a post for each file's link or note, added once it is stored.
FILE_LINE_CHARS = 400


class FileOutcome:
    IMPORTED = "imported"
    MISSING = "missing"  # described in the message, not carried by the zip
    REFUSED = "refused"  # carried, but not of a kind or size the Hub takes


@dataclass
class ChannelResult:
    name: str
    space: str  # the space's slug
    created_space: bool = False
    threads: int = 0
    posts: int = 0
    already_imported: int = 0  # Slack threads found imported before


@dataclass
class UnmappedPerson:
    slack_id: str
    name: str
    email: str
    reason: str
    messages: int = 0  # posts of theirs in this import
    written: int = 0  # messages of theirs (of the kinds imported) in the export


@dataclass
class FoundChannel:
    id: str
    name: str
    private: bool
    messages: int  # messages of the kinds imported


@dataclass
class FileResult:
    channel: str
    day: str
    name: str
    outcome: str  # FileOutcome
    reason: str = ""


@dataclass
class Report:
    dry_run: bool = False
    channels: list[ChannelResult] = field(default_factory=list)
    skipped_channels: list[tuple[str, str]] = field(default_factory=list)  # name, why
    found: list[FoundChannel] = field(default_factory=list)  # every channel of the export
    unmapped: dict[str, UnmappedPerson] = field(default_factory=dict)
    mapped: dict[str, tuple[str, str]] = field(default_factory=dict)  # id: Slack name, username
    files: list[FileResult] = field(default_factory=list)
    subtypes: Counter[str] = field(default_factory=Counter)
    empty: int = 0
    split: int = 0  # messages longer than a post, posted in parts
    edited: int = 0  # messages edited on Slack (noted in their post)
    reactions: Counter[str] = field(default_factory=Counter)  # emoji name: reactions
    reacted_messages: int = 0
    direct_messages: bool = False

    @property
    def threads(self) -> int:
        return sum(c.threads for c in self.channels)

    @property
    def posts(self) -> int:
        return sum(c.posts for c in self.channels)

    @property
    def mapped_people(self) -> int:
        return len(self.mapped)

    def files_by(self, outcome: str) -> list[FileResult]:
        return [f for f in self.files if f.outcome == outcome]

    def as_data(self) -> dict[str, Any]:
        """Return the report as JSON-ready data (what the import page keeps
        and shows)."""
        return {
            "dry_run": self.dry_run,
            "threads": self.threads,
            "posts": self.posts,
            "channels": [asdict(c) for c in self.channels],
            "skipped_channels": [{"name": n, "why": w} for n, w in self.skipped_channels],
            "found": [asdict(c) for c in self.found],
            "mapped": [
                {"slack_id": uid, "name": name, "account": account}
                for uid, (name, account) in sorted(
                    self.mapped.items(), key=lambda kv: kv[1][0].lower()
                )
            ],
            # Those who wrote something (members who wrote nothing, and
            # apps, matter not).
            "unmapped": [
                asdict(p)
                for p in sorted(self.unmapped.values(), key=lambda p: (p.name.lower(), p.slack_id))
                if p.messages or p.written
            ],
            "files": [asdict(f) for f in self.files],
            "files_imported": len(self.files_by(FileOutcome.IMPORTED)),
            "files_missing": len(self.files_by(FileOutcome.MISSING)),
            "files_refused": len(self.files_by(FileOutcome.REFUSED)),
            "subtypes": dict(sorted(self.subtypes.items())),
            "empty": self.empty,
            "split": self.split,
            "edited": self.edited,
            "reactions": dict(self.reactions.most_common()),
            "reacted_messages": self.reacted_messages,
            "direct_messages": self.direct_messages,
        }


class _DryRun(Exception):
    def __init__(self, report: Report) -> None:
        self.report = report


def import_slack(
    file: IO[bytes],
    *,
    space_map: dict[str, str],
    acting_user: Any,
    create_spaces: bool = False,
    dry_run: bool = False,
) -> Report:
    """Import the Slack export `file` (a zip); return what was done and
    what was not. Raise ValidationError (ExportRefused), changing nothing,
    for an export or a mapping that cannot be imported. A dry run does
    everything, reports it, and rolls it back."""
    if not is_secretariat(acting_user):
        raise ValidationError(_("Only the Secretariat may do this."), code="forbidden")
    export = read_export(file)
    targets = _targets(export, space_map)
    uploads = open_uploads(file, export)
    stored: list[str] = []
    kept = False
    try:
        with transaction.atomic():
            report = _import(
                export,
                targets,
                uploads,
                stored,
                create_spaces=create_spaces,
                acting_user=acting_user,
            )
            if dry_run:
                raise _DryRun(report)
        kept = True
    except _DryRun as stop:
        stop.report.dry_run = True
        return stop.report
    finally:
        uploads.archive.close()
        if not kept:
            _remove(stored)
    return report


def _remove(stored: list[str]) -> None:
    """Remove the files an undone import stored (their rows are gone), and
    the folder each was given (attachments.py: one for each call) when
    nothing else is in it."""
    for name in stored:
        path = Path(settings.MEDIA_ROOT) / name
        with contextlib.suppress(OSError):
            path.unlink()
        with contextlib.suppress(OSError):
            path.parent.rmdir()


def _targets(export: Export, space_map: dict[str, str]) -> dict[str, Space]:
    """Return the space of each channel named in `space_map`, by channel id."""
    targets: dict[str, Space] = {}
    for key, slug in space_map.items():
        channel = export.channel(key)
        if channel is None:
            raise ExportRefused(
                _("The export has no channel “%(channel)s”; nothing was imported.")
                % {"channel": key}
            )
        space = Space.objects.filter(slug=slug).first()
        if space is None:
            raise ExportRefused(
                _("No space has the address “%(slug)s”; nothing was imported.") % {"slug": slug}
            )
        if space.is_archived:
            raise ExportRefused(
                _("The space “%(space)s” is archived; nothing was imported.")
                % {"space": space.name}
            )
        if not channel.has_folder:
            raise ExportRefused(
                _(
                    "The export has no folder of messages for channel “%(channel)s”; "
                    "nothing was imported."
                )
                % {"channel": channel.name}
            )
        targets[channel.id] = space
    return targets


def _accounts(export: Export, report: Report) -> dict[str, Any]:
    """Map Slack member ids to active accounts by verified address; note
    the others in the report."""
    from allauth.account.models import EmailAddress

    emails = {u.email.lower() for u in export.users.values() if u.email and not u.is_bot}
    owners: dict[str, list[Any]] = defaultdict(list)
    rows = (
        EmailAddress.objects.filter(verified=True, user__is_active=True)
        .annotate(lower=Lower("email"))
        .filter(lower__in=emails)
        .select_related("user")
    )
    for row in rows:
        if row.user not in owners[row.lower]:
            owners[row.lower].append(row.user)
    accounts = {}
    for user in export.users.values():
        found = owners.get(user.email.lower(), []) if user.email else []
        if user.is_bot:
            reason = _("an app or bot")
        elif not user.email:
            reason = _("no email address in the export")
        elif len(found) != 1:
            reason = _("no active Hub account has this verified address")
        else:
            accounts[user.id] = found[0]
            report.mapped[user.id] = (user.name, found[0].get_username())
            continue
        report.unmapped[user.id] = UnmappedPerson(user.id, user.name, user.email, reason)
    return accounts


def _imported_before(space: Space, channel: Channel) -> set[str]:
    from auditlog.models import LogEntry

    thread_ids = Thread.objects.filter(space=space).values("pk")
    marks = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Thread),
        action=LogEntry.Action.CREATE,
        object_id__in=thread_ids,
        additional_data__imported_from=ORIGIN,
        additional_data__slack_channel=channel.id,
    ).values_list("additional_data", flat=True)
    # The whole value, not the key alone: SQLite's JSON_EXTRACT reads
    # "1709630000.000100" back as a number.
    return {str(mark.get("slack_ts")) for mark in marks if isinstance(mark, dict)}


def _mark(obj: Thread | Post, channel: Channel, ts: str) -> None:
    """Mark `obj` imported, in the audit entry of its creation."""
    from auditlog.models import LogEntry

    data = {"imported_from": ORIGIN, "slack_channel": channel.id, "slack_ts": ts}
    entries = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=obj.pk,
        action=LogEntry.Action.CREATE,
    )
    if not entries.update(additional_data=data):
        # The audit log was off for this write: the mark is written anyway.
        LogEntry.objects.log_create(
            obj, force_log=True, action=LogEntry.Action.CREATE, additional_data=data
        )


@service
def _import(
    export: Export,
    targets: dict[str, Space],
    uploads: Uploads,
    stored: list[str],
    *,
    create_spaces: bool,
    acting_user: Any,
) -> Report:
    report = Report(direct_messages=export.direct_messages)
    accounts = _accounts(export, report)
    for channel in sorted(export.channels.values(), key=lambda c: c.name):
        importable = [m for m in channel.messages if m.subtype in IMPORTED_SUBTYPES]
        report.found.append(
            FoundChannel(channel.id, channel.name, channel.private, len(importable))
        )
        for message in importable:
            if message.user in report.unmapped:
                report.unmapped[message.user].written += 1
        space = targets.get(channel.id)
        created = False
        if space is None:
            if not any(m.subtype in IMPORTED_SUBTYPES for m in channel.messages):
                continue
            if not create_spaces:
                report.skipped_channels.append((channel.name, _("no space given")))
                continue
            if channel.private:
                report.skipped_channels.append(
                    (channel.name, _("a private channel: give it a members-only space"))
                )
                continue
            space, created = _space_for(channel, acting_user=acting_user)
        result = ChannelResult(channel.name, space.slug, created_space=created)
        report.channels.append(result)
        writer = _Writer(export, uploads, stored, accounts, report, acting_user)
        writer.channel(channel, space, result)
    refresh_statistics_after_commit()
    return report


def _space_for(channel: Channel, *, acting_user: Any) -> tuple[Space, bool]:
    slug = slugify(f"slack-{channel.name}")[:100] or f"slack-{channel.id.lower()}"
    space = Space.objects.filter(slug=slug).first()
    if space is not None:
        if space.is_archived:
            raise ExportRefused(
                _("The space “%(space)s” is archived; nothing was imported.")
                % {"space": space.name}
            )
        return space, False
    space = services.save_space(
        Space(
            slug=slug,
            name=f"#{channel.name}"[:120],
            description=_("Moved in from the Slack channel #%(channel)s.")
            % {"channel": channel.name},
            kind=SpaceKind.COMMONS,
            visibility=Visibility.PARTNERS,
        ),
        acting_user=acting_user,
    )
    return space, True


class _Writer:
    """Write the threads of one channel, with their posts and files."""

    def __init__(
        self,
        export: Export,
        uploads: Uploads,
        stored: list[str],
        accounts: dict[str, Any],
        report: Report,
        acting_user: Any,
    ) -> None:
        self.export = export
        self.uploads = uploads
        self.stored = stored
        self.accounts = accounts
        self.report = report
        self.acting_user = acting_user

        def mention(uid: str) -> str | None:
            user = accounts.get(uid)
            if user is None or not USERNAME.fullmatch(user.username):
                return None
            return None if user.username.endswith(".") else str(user.username)

        def person(uid: str) -> str:
            known = export.users.get(uid)
            return known.name if known else uid

        def channel_name(cid: str) -> str:
            known = export.channels.get(cid)
            return known.name if known else cid

        self.converter = Converter(mention, person, channel_name)

    def channel(self, channel: Channel, space: Space, result: ChannelResult) -> None:
        threads: dict[str, list[Message]] = defaultdict(list)
        seen: set[str] = set()
        for message in sorted(channel.messages, key=lambda m: (m.created, m.ts)):
            # A ts names one message of a channel: a copy (a reply also sent
            # to the channel, written twice) is posted once.
            if message.ts in seen:
                continue
            seen.add(message.ts)
            if message.subtype not in IMPORTED_SUBTYPES:
                self.report.subtypes[message.subtype] += 1
                continue
            threads[message.thread_ts or message.ts].append(message)
        done = _imported_before(space, channel)
        for key, messages in sorted(threads.items(), key=lambda kv: (kv[1][0].created, kv[0])):
            if key in done:
                result.already_imported += 1
                continue
            thread = None
            for message in messages:
                try:
                    thread = self.message(message, channel, space, key, thread, result)
                except ValidationError as e:
                    if isinstance(e, ExportRefused):
                        raise
                    raise ExportRefused(
                        _(
                            "The message of %(ts)s in %(file)s could not be posted "
                            "(%(error)s); nothing was imported."
                        )
                        % {
                            "ts": message.ts,
                            "file": f"{channel.name}/{message.day}.json",
                            "error": " ".join(e.messages),
                        }
                    ) from None

    def message(
        self,
        message: Message,
        channel: Channel,
        space: Space,
        key: str,
        thread: Thread | None,
        result: ChannelResult,
    ) -> Thread | None:
        """Post one message (in parts when it is long) and attach its
        files; return the thread it is in (None while none is opened)."""
        carried = [f for f in message.files if f.id and f.id in self.export.uploads]
        parts, text = self.bodies(message, channel, carried)
        if not parts:
            return thread
        author = self.accounts.get(message.user)
        imported = services.Imported(author=author, created=message.created)
        post = None
        for part in parts:
            if thread is None:
                thread = services.start_thread(
                    space,
                    acting_user=self.acting_user,
                    title=_title(text),
                    body=part,
                    imported=imported,
                )
                post = thread.posts.get()
                _mark(thread, channel, key)
                _mark(post, channel, message.ts)
                result.threads += 1
            else:
                post = services.reply(
                    thread, acting_user=self.acting_user, body=part, imported=imported
                )
                _mark(post, channel, message.ts)
            result.posts += 1
        if carried and post is not None:
            self.attach(post, carried, channel, message)
        return thread

    def bodies(
        self, message: Message, channel: Channel, carried: list[FileRef]
    ) -> tuple[list[str], str]:
        """Return the post (or, when longer than a post may be, the posts) a
        message becomes, none for an empty message, and its text alone."""
        report = self.report
        text = self.converter.convert(message.text)
        if message.subtype == "me_message" and text:
            text = f"*{text}*"
        notes = []
        if carried:
            names = ", ".join(escape(f.name) for f in carried)
            notes.append(_("Files shared on Slack: %(files)s") % {"files": names})
        for ref in message.files:
            if ref in carried:
                continue
            report.files.append(
                FileResult(channel.name, message.day, ref.name, FileOutcome.MISSING)
            )
            notes.append(
                _("File not included in the export: %(name)s") % {"name": escape(ref.name)}
            )
        if message.edited:
            if message.edited_at is not None:
                when = message.edited_at.strftime("%Y-%m-%d %H:%M UTC")
                notes.append(_("Edited in Slack on %(date)s") % {"date": when})
            else:
                notes.append(_("Edited in Slack"))
        if notes:
            lines = "  \n".join(f"*{note}*" for note in notes)
            text = f"{text}\n\n{lines}".strip()
        if not text:
            report.empty += 1
            return [], ""
        if message.edited:
            report.edited += 1
        if message.reactions:
            report.reacted_messages += 1
            for name, count in message.reactions:
                report.reactions[name] += count
        own = text
        if message.user not in self.accounts:
            known = self.export.users.get(message.user)
            name = known.name if known else (message.profile_name or message.user or "?")
            unmapped = report.unmapped.setdefault(
                message.user,
                UnmappedPerson(message.user, name, "", _("not in users.json")),
            )
            unmapped.messages += 1
            byline = _("Written on Slack by %(name)s") % {"name": escape(name)}
            text = f"*{byline}*\n\n{text}"
        room = POST_MAX_CHARS - FILE_LINE_CHARS * len(carried)
        if len(text) <= room:
            return [text], own
        report.split += 1
        return _split(text, room - 100), own

    def attach(
        self, post: Post, carried: list[FileRef], channel: Channel, message: Message
    ) -> None:
        """Attach the files the export carries to `post`, the last part of
        their message; name in it those the Hub does not take."""
        limit_mb = _file_max_mb()
        limit = limit_mb * 1024 * 1024
        too_large = _("larger than %(max)s MB") % {"max": limit_mb}
        lines = []
        for ref in carried:
            data = self.uploads.read(ref.id, limit)
            reason = ""
            if data is None:  # (listed in the zip's index: cannot happen)
                continue
            if len(data) > limit:
                reason = too_large
            else:
                upload = SimpleUploadedFile(
                    ref.name, data, ref.mimetype or "application/octet-stream"
                )
                try:
                    attached = files.attach(
                        post, upload, acting_user=self.acting_user, added=message.created
                    )
                except ValidationError as e:
                    reason = _refusal_reason(_codes(e), too_large)
                    if not reason:
                        raise ExportRefused(
                            _("The file %(name)s could not be stored (%(error)s).")
                            % {"name": ref.name, "error": " ".join(e.messages)}
                        ) from None
                else:
                    self.stored.append(attached.stored)
                    if attached.link:
                        lines.append(attached.link)
                    self.report.files.append(
                        FileResult(channel.name, message.day, ref.name, FileOutcome.IMPORTED)
                    )
                    continue
            self.report.files.append(
                FileResult(channel.name, message.day, ref.name, FileOutcome.REFUSED, reason)
            )
            note = _("File not imported (%(reason)s): %(name)s") % {
                "reason": reason,
                "name": escape(ref.name),
            }
            lines.append(f"*{note}*")
        if lines:
            # Room was kept for these lines (FILE_LINE_CHARS each).
            body = post.body + "\n\n" + "  \n".join(lines)
            Post.objects.filter(pk=post.pk).update(body=body)
            post.body = body


def _file_max_mb() -> int:
    """The largest file a post takes, in MB: the attachments' limit, which
    FILE_MAX_MB (core.files) bounds too."""
    return min(attachments.max_bytes(), max_bytes()) // (1024 * 1024)


def _codes(error: ValidationError) -> set[str]:
    """Return the codes of a refusal, whether or not it names a field."""
    errors = (
        [e for listed in error.error_dict.values() for e in listed]
        if hasattr(error, "error_dict")
        else error.error_list
    )
    return {e.code for e in errors if e.code}


def _refusal_reason(codes: set[str], too_large: str) -> str:
    """Why the Hub does not take a file, for its post and the report; ""
    when the refusal is not the file's own (it cannot be stored, the
    import may not attach it): the import is refused."""
    if codes & {"not_saved", "forbidden"} or not codes:
        return ""
    if "kind" in codes:
        return _("not of a kind the Hub accepts")
    if codes & {"too_large", "file_too_large"}:
        return too_large
    if "too_many_files" in codes:
        count = attachments.max_count()
        return ngettext(
            "beyond the %(count)s file a post may carry",
            "beyond the %(count)s files a post may carry",
            count,
        ) % {"count": count}
    if "attachments_off" in codes:
        return _("posts carry no files on this Hub")
    return ""


def _split(text: str, size: int) -> list[str]:
    """Cut `text` into parts of at most `size` characters, at line ends
    where it can."""
    parts: list[str] = []
    while len(text) > size:
        cut = text.rfind("\n", 0, size)
        if cut < size // 2:
            cut = size
        parts.append(text[:cut].strip())
        text = text[cut:]
    parts.append(text.strip())
    return [p for p in parts if p]


def _title(text: str) -> str:
    """Return a thread's title: the first line of its opening message."""
    lines = [line.strip() for line in plain_text(text).splitlines() if line.strip()]
    first = lines[0] if lines else _("Message from Slack")
    return Truncator(first).chars(TITLE_CHARS)
