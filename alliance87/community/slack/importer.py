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
- what is not imported is reported: channels without a space, people
  without an account, files (Slack keeps them), messages of other kinds
  (joins, bots, ...), empty messages, direct messages.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import IO, Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Lower
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _

from alliance87.community import services
from alliance87.community.models import POST_MAX_CHARS, Post, Space, SpaceKind, Thread
from alliance87.community.slack.export import Channel, Export, ExportRefused, Message, read_export
from alliance87.community.slack.mrkdwn import Converter, escape
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
    messages: int = 0


@dataclass
class Report:
    dry_run: bool = False
    channels: list[ChannelResult] = field(default_factory=list)
    skipped_channels: list[tuple[str, str]] = field(default_factory=list)  # name, why
    unmapped: dict[str, UnmappedPerson] = field(default_factory=dict)
    mapped_people: int = 0
    files: list[tuple[str, str, str]] = field(default_factory=list)  # channel, day, name
    subtypes: Counter[str] = field(default_factory=Counter)
    empty: int = 0
    split: int = 0  # messages longer than a post, posted in parts
    direct_messages: bool = False

    @property
    def threads(self) -> int:
        return sum(c.threads for c in self.channels)

    @property
    def posts(self) -> int:
        return sum(c.posts for c in self.channels)


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
    try:
        with transaction.atomic():
            report = _import(export, targets, create_spaces=create_spaces, acting_user=acting_user)
            if dry_run:
                raise _DryRun(report)
    except _DryRun as stop:
        stop.report.dry_run = True
        return stop.report
    return report


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
            continue
        report.unmapped[user.id] = UnmappedPerson(user.id, user.name, user.email, reason)
    report.mapped_people = len(accounts)
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
    export: Export, targets: dict[str, Space], *, create_spaces: bool, acting_user: Any
) -> Report:
    report = Report(direct_messages=export.direct_messages)
    accounts = _accounts(export, report)
    for channel in sorted(export.channels.values(), key=lambda c: c.name):
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
        _import_channel(export, channel, space, accounts, report, result, acting_user)
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


def _import_channel(
    export: Export,
    channel: Channel,
    space: Space,
    accounts: dict[str, Any],
    report: Report,
    result: ChannelResult,
    acting_user: Any,
) -> None:
    def mention(uid: str) -> str | None:
        user = accounts.get(uid)
        if user is None or not USERNAME.fullmatch(user.username) or user.username.endswith("."):
            return None
        return str(user.username)

    def person(uid: str) -> str:
        known = export.users.get(uid)
        return known.name if known else uid

    def channel_name(cid: str) -> str:
        known = export.channels.get(cid)
        return known.name if known else cid

    converter = Converter(mention, person, channel_name)
    threads: dict[str, list[Message]] = defaultdict(list)
    seen: set[str] = set()
    for message in sorted(channel.messages, key=lambda m: (m.created, m.ts)):
        # A ts names one message of a channel: a copy (a reply also sent
        # to the channel, written twice) is posted once.
        if message.ts in seen:
            continue
        seen.add(message.ts)
        if message.subtype not in IMPORTED_SUBTYPES:
            report.subtypes[message.subtype] += 1
            continue
        threads[message.thread_ts or message.ts].append(message)
    done = _imported_before(space, channel)
    for key, messages in sorted(threads.items(), key=lambda kv: (kv[1][0].created, kv[0])):
        if key in done:
            result.already_imported += 1
            continue
        thread = None
        for message in messages:
            parts, text = _bodies(message, converter, accounts, export, report, channel)
            if not parts:
                continue
            author = accounts.get(message.user)
            imported = services.Imported(author=author, created=message.created)
            try:
                for part in parts:
                    if thread is None:
                        thread = services.start_thread(
                            space,
                            acting_user=acting_user,
                            title=_title(text),
                            body=part,
                            imported=imported,
                        )
                        _mark(thread, channel, key)
                        _mark(thread.posts.get(), channel, message.ts)
                        result.threads += 1
                    else:
                        post = services.reply(
                            thread, acting_user=acting_user, body=part, imported=imported
                        )
                        _mark(post, channel, message.ts)
                    result.posts += 1
            except ValidationError as e:
                raise ExportRefused(
                    _(
                        "The message of %(ts)s in %(file)s could not be posted (%(error)s); "
                        "nothing was imported."
                    )
                    % {
                        "ts": message.ts,
                        "file": f"{channel.name}/{message.day}.json",
                        "error": " ".join(e.messages),
                    }
                ) from None


def _bodies(
    message: Message,
    converter: Converter,
    accounts: dict[str, Any],
    export: Export,
    report: Report,
    channel: Channel,
) -> tuple[list[str], str]:
    """Return the post (or, when longer than a post may be, the posts) a
    message becomes, none for an empty message, and its text alone."""
    text = converter.convert(message.text)
    if message.subtype == "me_message" and text:
        text = f"*{text}*"
    for name in message.files:
        report.files.append((channel.name, message.day, name))
    if message.files:
        names = ", ".join(escape(n) for n in message.files)
        note = _("Shared on Slack, not imported: %(files)s") % {"files": names}
        text = f"{text}\n\n*{note}*".strip()
    if not text:
        report.empty += 1
        return [], ""
    own = text
    if message.user not in accounts:
        known = export.users.get(message.user)
        name = known.name if known else (message.profile_name or message.user or "?")
        unmapped = report.unmapped.setdefault(
            message.user,
            UnmappedPerson(message.user, name, "", _("not in users.json")),
        )
        unmapped.messages += 1
        byline = _("Written on Slack by %(name)s") % {"name": escape(name)}
        text = f"*{byline}*\n\n{text}"
    if len(text) <= POST_MAX_CHARS:
        return [text], own
    report.split += 1
    return _split(text, POST_MAX_CHARS - 100), own


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
