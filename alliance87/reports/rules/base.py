# ruff: noqa: E501 - the patterns read better whole than cut at 99 columns
"""
What the rules share: the context they read, sentences with their offsets,
and dates as reports write them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from alliance87.reports.proposal import Source
from alliance87.reports.resolve import Directory


@dataclass
class Section:
    """The passage under one agenda item's heading."""

    number: str
    title: str
    start: int  # the heading's start
    body_start: int
    end: int


@dataclass
class Context:
    text: str
    directory: Directory
    # Filled by the agenda rules, read by those that place a passage
    # under its agenda item.
    sections: list[Section] = field(default_factory=list)

    def section_at(self, offset: int) -> Section | None:
        for section in self.sections:
            if section.start <= offset < section.end:
                return section
        return None

    def agenda_number_at(self, offset: int) -> str | None:
        section = self.section_at(offset)
        return section.number if section else None


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    # True when the sentence begins a line (a new paragraph or item in the
    # extracted text).
    line_start: bool

    @property
    def source(self) -> Source:
        return Source(self.start, self.end)


_ABBREVIATIONS = {
    "mr", "ms", "mrs", "dr", "prof", "st", "no", "nos", "e.g", "i.e", "etc", "vs", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "h.e",
    "amb", "art", "para", "p", "pp", "ca",
}  # fmt: skip
# A blank line ends a sentence unless it falls inside one (between small
# letters, or after a comma): PDF text has blank lines at page breaks.
_BOUNDARY = re.compile(
    r"[.!?][\"”’)]?(?=\s+[\"“‘(]?[A-Z0-9])|(?<![a-z,])\n[ ]*\n|(?<=[a-z])\n[ ]*\n(?=[ ]*[^a-z\s])|"
    r"\n(?=[ ]*(?:[QA]:|[-•*o] |[-•]$))|(?<=:)\n(?=[ ]*[A-Z])",
    re.M,
)
_MARKER = re.compile(r"\s*(?:[-•*o]\s+|[-•]\s*\n\s*)?")


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Return the sentences of text[start:end], each with its offsets.

    A sentence ends at a full stop (or ! ?) followed by a capital or a
    digit, unless the word before it is an abbreviation ("Mr.", "Dec."), at
    a blank line, and before a line that opens with "Q:", "A:" or a bullet.
    Line breaks inside a sentence (a PDF's wrapped lines) are kept in the
    text but joined with a space by `clean`.
    """
    end = len(text) if end is None else end
    found: list[Sentence] = []
    pos = start
    for m in _BOUNDARY.finditer(text, start, end):
        stop = m.end() if m.group().startswith((".", "!", "?")) else m.start()
        if m.group().startswith("."):
            word = re.search(r"([\w.]+)\.$", text[max(start, m.start() - 12) : m.start() + 1])
            if word and word.group(1).lower() in _ABBREVIATIONS:
                continue
            if word and re.fullmatch(r"(?:[A-Z]\.?)|[IVXLC]+|\d+", word.group(1)):
                # "I." and "1." open a numbered line; "U." is an initial.
                continue
        _add(found, text, pos, stop)
        pos = m.end()
    _add(found, text, pos, end)
    return found


def _add(found: list[Sentence], text: str, start: int, end: int) -> None:
    m = _MARKER.match(text, start, end)
    if m:
        start = m.end()
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        line_begin = text.rfind("\n", 0, start) + 1
        line_start = re.fullmatch(r"[\s\-•*o]*", text[line_begin:start]) is not None
        found.append(Sentence(start, end, text[start:end], line_start))


def clean(text: str) -> str:
    """Return `text` on one line: wrapped lines joined, spaces collapsed,
    leading bullets, Q:/A: markers and Markdown's bold marks dropped."""
    text = re.sub(r"^\s*(?:[-•*]\s+|[QA]:\s*)", "", text)
    # Markdown's emphasis marks are no part of the words.
    text = re.sub(r"\*\*|__", "", text)
    return " ".join(text.split())


# Dates ------------------------------------------------------------------

MONTHS = {
    name.lower(): i for i, name in enumerate(calendar.month_name) if name
} | {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(?P<{name}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DASH = r"\s*(?:-|–|—|to|and|until)\s*"

DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "day_range_across_months",
        re.compile(
            _DAY.format(name="d1") + r"\s+" + _MONTH.format(name="m1") + _DASH
            + _DAY.format(name="d2") + r"\s+" + _MONTH.format(name="m2") + r",?\s+" + _YEAR,
            re.I,
        ),
    ),
    (
        "day_range",
        re.compile(
            _DAY.format(name="d1") + _DASH + _DAY.format(name="d2") + r"\s+"
            + _MONTH.format(name="m1") + r",?\s+" + _YEAR,
            re.I,
        ),
    ),
    (
        "day",
        re.compile(_DAY.format(name="d1") + r"\s+(?:of\s+)?" + _MONTH.format(name="m1") + r",?\s+" + _YEAR, re.I),
    ),
    (
        "us_day_range",
        re.compile(
            _MONTH.format(name="m1") + r"\s+" + _DAY.format(name="d1") + _DASH
            + _DAY.format(name="d2") + r",\s*" + _YEAR,
            re.I,
        ),
    ),
    (
        "us_day",
        re.compile(_MONTH.format(name="m1") + r"\s+" + _DAY.format(name="d1") + r",\s*" + _YEAR, re.I),
    ),
    ("iso_day", re.compile(r"(?<!\d)" + _YEAR + r"-(?P<m1>[01]\d)-(?P<d1>[0-3]\d)(?!\d)")),
    ("month", re.compile(_MONTH.format(name="m1") + r"\s+" + _YEAR, re.I)),
]  # fmt: skip


@dataclass(frozen=True)
class FoundDate:
    start: str  # YYYY-MM-DD, or YYYY-MM for a month
    end: str | None
    span_start: int
    span_end: int
    tentative: bool

    @property
    def as_due(self) -> str:
        return f"{self.start}/{self.end}" if self.end else self.start


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[FoundDate]:
    """Return the dates written in text[start:end], in order, the longest
    reading of each passage first taken ("20-21 March 2019" is one range,
    not the day 21 March). A month needs its year: "in May" is no date."""
    end = len(text) if end is None else end
    taken: list[tuple[int, int]] = []
    found: list[FoundDate] = []
    for _name, pattern in DATE_PATTERNS:
        for m in pattern.finditer(text, start, end):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            value = _date_value(m)
            if value is None:
                # "31 February 2019" is no date, and no month either.
                taken.append((m.start(), m.end()))
                continue
            tentative = bool(
                re.match(r"\s*\(?(?:TBC|TBD|tentative)", text[m.end() : m.end() + 14], re.I)
            )
            found.append(FoundDate(value[0], value[1], m.start(), m.end(), tentative))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda d: d.span_start)


def _date_value(m: re.Match[str]) -> tuple[str, str | None] | None:
    groups = m.groupdict()
    year = int(groups["year"])
    m1 = groups.get("m1")
    month1 = int(m1) if m1 and m1.isdigit() else MONTHS.get((m1 or "").lower())
    if month1 is None:
        return None
    if groups.get("d1") is None:
        return (f"{year:04d}-{month1:02d}", None)
    m2 = groups.get("m2")
    month2 = MONTHS.get(m2.lower()) if m2 else month1
    try:
        first = dt.date(year, month1, int(groups["d1"]))
        last = dt.date(year, month2, int(groups["d2"])) if groups.get("d2") else None  # type: ignore[arg-type]
    except ValueError:
        return None
    if last is not None and last <= first:
        return None
    return (first.isoformat(), last.isoformat() if last else None)
