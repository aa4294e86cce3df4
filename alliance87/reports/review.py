"""
The Secretariat's review of a proposal: its rows as the review page shows
them (each beside its source passage and the rule that found it), and the
reviewed proposal the save takes (dropped rows left out, edits applied).

A row's key is its section and its place in the proposal ("agenda-2");
the meeting itself is the row "meeting". The review keeps, per key, a
state ("accepted", "edited" or "dropped") and, for an edited row, its
values in the proposal's own JSON shape, so that `reviewed()` hands
`drafts.save_draft` the same kind of data the command does.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

from alliance87.reports.review_display import shown_values

# The sections of the review, in the page's order: (key, heading).
SECTIONS = (
    ("meeting", _("The meeting")),
    ("objectives", _("Objectives")),
    ("reported_counts", _("Reported counts")),
    ("participants", _("Participants")),
    ("agenda", _("Agenda")),
    ("exchanges", _("Questions and answers")),
    ("decisions", _("Decisions")),
    ("action_items", _("Action items")),
    ("documents", _("Documents")),
)
LIST_SECTIONS = tuple(key for key, _label in SECTIONS if key != "meeting")
MEETING_KEYS = ("title", "kind", "extraordinary", "start", "end", "time", "online", "venue")
STATES = ("accepted", "edited", "dropped")
PASSAGE_LIMIT = 600


@dataclass
class Row:
    key: str
    section: str
    values: dict[str, Any]
    state: str
    rule: str
    passage: str
    passage_cut: bool = False
    shown: list[tuple[Any, str]] = field(default_factory=list)

    @property
    def dropped(self) -> bool:
        return self.state == "dropped"


def split_key(key: str) -> tuple[str, int | None]:
    """Return ("agenda", 2) for "agenda-2", ("meeting", None) for "meeting";
    raise KeyError for a key no section has."""
    if key == "meeting":
        return "meeting", None
    section, _sep, index = key.rpartition("-")
    if section not in LIST_SECTIONS or not index.isdigit():
        raise KeyError(key)
    return section, int(index)


def meeting_values(data: Mapping[str, Any]) -> dict[str, Any]:
    return {k: copy.deepcopy(data.get(k)) for k in MEETING_KEYS}


def original(proposal: Mapping[str, Any], key: str) -> dict[str, Any]:
    """Return the proposed values of row `key`; KeyError when none."""
    section, index = split_key(key)
    if index is None:
        return meeting_values(proposal)
    rows = proposal.get(section) or []
    if index >= len(rows):
        raise KeyError(key)
    return copy.deepcopy(rows[index])


def current(proposal: Mapping[str, Any], review: Mapping[str, Any], key: str) -> dict[str, Any]:
    """Return row `key` as the review leaves it (edits applied)."""
    values = original(proposal, key)
    edited = (review.get("rows") or {}).get(key, {}).get("values")
    if edited:
        values.update(copy.deepcopy(edited))
    return values


def state_of(review: Mapping[str, Any], key: str) -> str:
    return (review.get("rows") or {}).get(key, {}).get("state", "")


def reviewed(proposal: Mapping[str, Any], review: Mapping[str, Any]) -> dict[str, Any]:
    """Return the proposal with the review applied: what the save takes."""
    data = copy.deepcopy(dict(proposal))
    data.update(current(proposal, review, "meeting"))
    for section in LIST_SECTIONS:
        kept = []
        for index, _row in enumerate(proposal.get(section) or []):
            key = f"{section}-{index}"
            if state_of(review, key) != "dropped":
                kept.append(current(proposal, review, key))
        data[section] = kept
    return data


def rows(proposal: Mapping[str, Any], review: Mapping[str, Any], text: str) -> list[Row]:
    """Return every row of the review page, in order."""
    out: list[Row] = []
    keys = ["meeting"] + [
        f"{section}-{i}"
        for section in LIST_SECTIONS
        for i in range(len(proposal.get(section) or []))
    ]
    for key in keys:
        section, _index = split_key(key)
        values = current(proposal, review, key)
        if section == "meeting":
            source = (proposal.get("sources") or {}).get("title") or {}
        else:
            source = values.get("source") or {}
        passage = _passage(text, source)
        row = Row(
            key=key,
            section=section,
            values=values,
            state=state_of(review, key),
            rule=str(source.get("rule") or values.get("rule") or ""),
            passage=passage[:PASSAGE_LIMIT],
            passage_cut=len(passage) > PASSAGE_LIMIT,
        )
        row.shown = shown_values(section, values)
        out.append(row)
    return out


def _passage(text: str, source: Mapping[str, Any]) -> str:
    try:
        start, end = int(source["start"]), int(source["end"])
    except (KeyError, TypeError, ValueError):
        return ""
    return text[start:end] if 0 <= start < end <= len(text) else ""


def unresolved_names(proposal: Mapping[str, Any]) -> list[str]:
    """Return the organisation names the directory did not resolve."""
    return list(
        dict.fromkeys(m["name"] for m in proposal.get("organisations") or [] if not m.get("slug"))
    )
