"""What a Slack import did and did not bring in: the report shown after a
dry run or an import (slack/importer.py)."""

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any


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
