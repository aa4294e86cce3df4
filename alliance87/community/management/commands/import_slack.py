"""Import a Slack workspace export into the community (docs/slack-import.md).

    alliance87 import_slack EXPORT.zip --by USERNAME \\
        --space-map general=commons --space-map migration=migration \\
        [--create-spaces] [--dry-run]

All or nothing: a refused export or mapping changes nothing and exits
with status 1 and the reason. The report lists what was imported and what
was not (channels without a space, people without an account, files not
in the export or not taken, reactions, messages of other kinds).
`--dry-run` does the whole import, reports it and rolls it back.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from alliance87.community.slack import Report, import_slack
from alliance87.core.visibility import is_secretariat


def space_map(values: list[str]) -> dict[str, str]:
    """Read `channel=space-slug` pairs; raise CommandError for others."""
    pairs: dict[str, str] = {}
    for value in values:
        channel, sep, slug = value.partition("=")
        channel, slug = channel.strip().lstrip("#"), slug.strip()
        if not sep or not channel or not slug:
            raise CommandError(f"--space-map takes channel=space-slug, not “{value}”.")
        if channel in pairs and pairs[channel] != slug:
            raise CommandError(f"Channel “{channel}” is given two spaces.")
        pairs[channel] = slug
    return pairs


def describe(report: Report) -> list[str]:
    """Return the report as lines for a person."""
    head = "Dry run, nothing was saved: " if report.dry_run else "Imported: "
    lines = [
        f"{head}{report.threads} threads, {report.posts} posts "
        f"({report.mapped_people} Slack members matched to Hub accounts)."
    ]
    for c in report.channels:
        made = " (space created)" if c.created_space else ""
        again = (
            f", {c.already_imported} threads already imported before, left alone"
            if c.already_imported
            else ""
        )
        counts = f"{c.threads} threads, {c.posts} posts"
        lines.append(f"  #{c.name} -> {c.space}{made}: {counts}{again}")
    if report.skipped_channels:
        lines.append("Channels not imported:")
        lines += [f"  #{name}: {why}" for name, why in report.skipped_channels]
    unmapped = [p for p in report.unmapped.values() if p.messages]
    if unmapped:
        lines.append(
            "People without a Hub account (their posts have no author and begin "
            "with their Slack name):"
        )
        for p in sorted(unmapped, key=lambda p: p.name.lower()):
            email = f" <{p.email}>" if p.email else ""
            lines.append(f"  {p.name}{email} ({p.slack_id}): {p.reason}; {p.messages} posts")
    attached = report.files_by("imported")
    if attached:
        lines.append(f"Files attached to their posts: {len(attached)}")
    missing = report.files_by("missing")
    if missing:
        lines.append("Files not included in the export (each post names its files):")
        lines += [f"  #{f.channel} {f.day}: {f.name}" for f in missing]
    refused = report.files_by("refused")
    if refused:
        lines.append("Files in the export that the Hub does not take (each post names them):")
        lines += [f"  #{f.channel} {f.day}: {f.name} ({f.reason})" for f in refused]
    if report.edited:
        lines.append(f"Messages edited on Slack (their posts say so): {report.edited}")
    if report.reactions:
        counts = ", ".join(f":{name}: {n}" for name, n in report.reactions.most_common())
        lines.append(f"Reactions, not imported, on {report.reacted_messages} messages: {counts}")
    if report.subtypes:
        lines.append("Messages of other kinds, not imported:")
        lines += [f"  {kind}: {n}" for kind, n in sorted(report.subtypes.items())]
    if report.empty:
        lines.append(f"Empty messages, not imported: {report.empty}")
    if report.split:
        lines.append(f"Messages longer than a post, posted in parts: {report.split}")
    if report.direct_messages:
        lines.append("Direct messages are in the export and were not imported.")
    return lines


class Command(BaseCommand):
    help = "Import a Slack workspace export (zip) into the community's spaces, all or nothing."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("export", help="The zip Slack's “Export data” gives.")
        parser.add_argument(
            "--by",
            required=True,
            help="The Secretariat account doing the import (username or email).",
        )
        parser.add_argument(
            "--space-map",
            action="append",
            default=[],
            metavar="CHANNEL=SPACE",
            help="Import a channel (name or id) into the space with this slug; may repeat.",
        )
        parser.add_argument(
            "--create-spaces",
            action="store_true",
            help="Give each other public channel an open space of its own (slack-<channel>).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Do everything, report, and save nothing."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        who = options["by"]
        user = (
            get_user_model()
            .objects.filter(Q(username=who) | Q(email__iexact=who), is_active=True)
            .first()
        )
        if user is None or not is_secretariat(user):
            raise CommandError(f"“{who}” is not an active Secretariat account.")
        mapping = space_map(options["space_map"])
        try:
            with open(options["export"], "rb") as file:
                report = import_slack(
                    file,
                    space_map=mapping,
                    acting_user=user,
                    create_spaces=options["create_spaces"],
                    dry_run=options["dry_run"],
                )
        except OSError as e:
            raise CommandError(f"Cannot read {options['export']}: {e.strerror}.") from None
        except ValidationError as e:
            raise CommandError(" ".join(e.messages)) from None
        self.stdout.write("\n".join(describe(report)))
