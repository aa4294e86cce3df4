"""
Import a Slack export into the community's spaces, all or nothing.

Invariants (beside those of community/services/, whose `start_thread`
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
from collections import defaultdict
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.functions import Lower
from django.utils.text import slugify
from django.utils.translation import gettext as _

from alliance87.community import services
from alliance87.community.models import Space, SpaceKind
from alliance87.community.slack.export import Channel, Export, ExportRefused, read_export
from alliance87.community.slack.report import (
    ChannelResult,
    FoundChannel,
    Report,
    UnmappedPerson,
)
from alliance87.community.slack.uploads import Uploads, open_uploads
from alliance87.community.slack.writer import IMPORTED_SUBTYPES, Writer
from alliance87.core.planner import refresh_statistics_after_commit
from alliance87.core.services import service
from alliance87.core.visibility import Visibility, is_secretariat


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
        writer = Writer(export, uploads, stored, accounts, report, acting_user)
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
