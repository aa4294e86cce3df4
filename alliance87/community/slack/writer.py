"""The writes of one Slack import (slack/importer.py): each channel's
threads and posts through the community's services, their files through
slack/files.py, and the marks that stop a thread from being imported twice."""

import re
from collections import defaultdict
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from alliance87.community import attachments, services
from alliance87.community.models import POST_MAX_CHARS, Post, Space, Thread
from alliance87.community.slack import files
from alliance87.community.slack.export import Channel, Export, ExportRefused, FileRef, Message
from alliance87.community.slack.mrkdwn import Converter, escape
from alliance87.community.slack.report import (
    ChannelResult,
    FileOutcome,
    FileResult,
    Report,
    UnmappedPerson,
)
from alliance87.community.slack.uploads import Uploads
from alliance87.core.markdown import plain_text

ORIGIN = "slack"
# Message kinds imported: an ordinary message, a reply also sent to the
# channel, a message sharing files, a "/me" message.
IMPORTED_SUBTYPES = {"", "thread_broadcast", "file_share", "me_message"}
TITLE_CHARS = 80
USERNAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.+-]{0,149}")
# Room kept in a post for each file's link or note, added once it is stored.
FILE_LINE_CHARS = 400


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


class Writer:
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
        limit_mb = attachments.file_max_mb()
        limit = limit_mb * 1024 * 1024
        too_large = attachments.too_large_reason()
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
                    reason = attachments.refusal_reason(e)
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
