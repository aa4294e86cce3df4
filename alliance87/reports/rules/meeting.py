# ruff: noqa: E501 - the patterns read better whole than cut at 99 columns
"""
Facts about the meeting as a whole: title, kind, extraordinary session,
series and number, dates, time, online or venue, chair, reported counts.

Only a passage that speaks of this meeting counts: a label ("Date:"), the
lines at the head of the report, the sentence that announces it ("will
organize a ... consultation from 03-05 October 2017, in Nadi, Fiji") or
opens it ("opened the 4th Global Coordinating Group meeting"). A date or a
place the report gives for another event is left alone.
"""

from __future__ import annotations

import re

from alliance87.reports.proposal import Scalar, Series, Source
from alliance87.reports.rules.base import Context, FoundDate, clean, find_dates, sentences

# How far from the top a report announces its own meeting.
HEAD = 2500

_GENERIC_TITLE = re.compile(
    r"^(?:(?:final |draft |summary )?(?:meeting )?(?:report|minutes|record|summary record)"
    r"(?: of the meeting)?|concept note|agenda|note|alliance 8\.7|draft|final)$",
    re.I,
)


def _lines(text: str, limit: int) -> list[tuple[int, int, str]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip().strip("#*").strip()
        if stripped:
            start = pos + line.index(stripped[0]) if stripped[0] in line else pos
            out.append((start, start + len(stripped), stripped))
            if len(out) >= limit:
                break
        pos += len(line) + 1
    return out


def title(ctx: Context) -> Scalar | None:
    """Rule `title_line`: the first line that is not a generic header
    ("Meeting Report", "Alliance 8.7"), if it reads as a title."""
    for start, end, line in _lines(ctx.text, 4):
        if _GENERIC_TITLE.match(line):
            continue
        if len(line) > 150 or line.endswith((":", ".", ";", ",")) or _LABEL_LINE.match(line):
            return None
        return Scalar(line, Source(start, end), "title_line")
    return None


_ORDINAL_WORDS = {
    w: i + 1
    for i, w in enumerate(
        (
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        )
    )
}
_SERIES = re.compile(
    r"(?P<ord>\d{1,3})(?:st|nd|rd|th)\s+(?P<name>(?:(?:[A-Z][\w.’'&-]*|of|on|for|and|the)\s+){0,8}?)"
    r"(?P<word>meeting|session|conference|consultation|workshop|forum|webinar)\b"
    r"|(?P<word_ord>" + "|".join(_ORDINAL_WORDS) + r")\s+(?P<word2>meeting|session)\s+of\s+the\s+"
    r"(?P<name2>(?:[A-Z][\w.’'&-]*\s*){1,8})",
    re.I,
)
_OPENED = re.compile(
    r"(?:opened|open|welcomed (?:participants|members|all) to|chaired|convened) the\s*$|"
    r"(?:this|the present)\s*$",
    re.I,
)


def series(ctx: Context, found_title: Scalar | None) -> Series | None:
    """Rules `series_in_title` and `series_opened`: "the
    4th Global Coordinating Group meeting", "Fifth meeting of the
    Committee"; the number of another meeting of the series ("the 5th GCG
    meeting will take place") is not this one's."""
    candidates: list[tuple[re.Match[str], str]] = []
    if found_title:
        m = _SERIES.search(ctx.text, found_title.source.start, found_title.source.end)
        if m:
            candidates.append((m, "series_in_title"))
    for m in _SERIES.finditer(ctx.text):
        before = ctx.text[max(0, m.start() - 40) : m.start()]
        if _OPENED.search(before):
            candidates.append((m, "series_opened"))
            break
    if not candidates:
        return None
    m, rule = candidates[0]
    if m.group("ord"):
        number = int(m.group("ord"))
        name = clean(m.group("name"))
    else:
        number = _ORDINAL_WORDS[m.group("word_ord").lower()]
        name = clean(m.group("name2"))
    name = re.sub(r"^(?:the|of)\s+", "", name, flags=re.I)
    if not name:
        return None
    return Series(name, number, Source(m.start(), m.end()), rule)


_KINDS = [
    (re.compile(r"global coordinating group|\bGCG\b", re.I), "gcg_meeting"),
    (re.compile(r"\bcommittee\b", re.I), "committee"),
    (re.compile(r"action group", re.I), "action_group_meeting"),
    (re.compile(r"pathfinder.*workshop|workshop.*pathfinder", re.I), "pathfinder_workshop"),
    (re.compile(r"consultation", re.I), "regional_consultation"),
    (re.compile(r"global conference", re.I), "global_conference"),
    (re.compile(r"webinar", re.I), "webinar"),
    (re.compile(r"side event", re.I), "side_event"),
    (re.compile(r"\bforum\b", re.I), "forum"),
]


def kind(found_title: Scalar | None, found_series: Series | None) -> Scalar | None:
    """Rule `kind_from_title`: the kind the title (or the series) names."""
    for value, source in (
        (found_title.value if found_title else None, found_title.source if found_title else None),
        (
            found_series.name if found_series else None,
            found_series.source if found_series else None,
        ),
    ):
        if value and source:
            for pattern, kind_value in _KINDS:
                if pattern.search(value):
                    return Scalar(kind_value, source, "kind_from_title")
    return None


def extraordinary(ctx: Context) -> Scalar | None:
    """Rule `extraordinary_stated`: "extraordinary session" at the head;
    "ordinary session" says it is not. Otherwise unknown."""
    head = ctx.text[:HEAD]
    m = re.search(r"\b(?P<extra>extra)?ordinary\s+(?:session|meeting)\b", head, re.I)
    if not m:
        return None
    return Scalar(bool(m.group("extra")), Source(m.start(), m.end()), "extraordinary_stated")


_LABEL_LINE = re.compile(
    r"^[ \t*#-]*(?P<label>dates?|when|date and time|time|venue|location|place|where|format|"
    r"chair|chaired by|chairperson|presiding)(?:\*\*|__)?[ \t]*:[ \t]*(?:\*\*|__)?[ \t]*(?P<value>\S.*)$",
    re.I | re.M,
)
# "The ILO ... will organize a regional consultation", "The meeting was
# held on ...": the meeting itself, not another event that was held.
_ANNOUNCE = re.compile(
    r"\b(?:will (?:organi[sz]e|host|convene|hold)|organi[sz]es|hosts|convenes|is organi[sz]ing|"
    r"is hosting)\b.*\b(?:meeting|consultation|workshop|session|conference|forum|webinar|event)\b"
    r"|^(?:The|This)\s+(?!next\b|following\b|upcoming\b|future\b)(?:[\w-]+\s+){0,3}?"
    r"(?:meeting|consultation|workshop|session|conference|forum|webinar)\s+"
    r"(?:was|is|will be)\s+(?:held|convened|organi[sz]ed)\b"
    r"|^(?:The|This)\s+(?!next\b|following\b|upcoming\b|future\b)(?:[\w-]+\s+){0,3}?"
    r"(?:meeting|consultation|workshop|session|conference|forum|webinar)\s+(?:took|will take) place\b",
    re.I | re.S,
)


def labels(ctx: Context) -> list[re.Match[str]]:
    return list(_LABEL_LINE.finditer(ctx.text, 0, min(len(ctx.text), HEAD)))


def announcing_sentence(ctx: Context) -> tuple[int, int, FoundDate] | None:
    """Return the first sentence near the head that announces a meeting
    with a date, and that date."""
    for s in sentences(ctx.text, 0, min(len(ctx.text), HEAD)):
        if _ANNOUNCE.search(s.text):
            dates = find_dates(ctx.text, s.start, s.end)
            if dates:
                return s.start, s.end, dates[0]
    return None


def dates(ctx: Context) -> tuple[Scalar | None, Scalar | None, str | None]:
    """Rules `date_label` ("Date: 12 March 2024"), `date_head` (a short
    line among the first lines) and `date_announced` (the sentence that
    announces the meeting). Return start, end and the tentative warning."""
    found: tuple[FoundDate, str] | None = None
    for m in labels(ctx):
        if m.group("label").lower().startswith(("date", "when")):
            ds = find_dates(ctx.text, m.start("value"), m.end("value"))
            if ds:
                found = (ds[0], "date_label")
                break
    if found is None:
        for start, end, line in _lines(ctx.text, 6):
            # A line that is mostly a date ("Geneva, 4 April 2019"), not a
            # sentence that mentions one.
            if len(line) <= 80 and not line.endswith("."):
                ds = find_dates(ctx.text, start, end)
                if ds and len(line) - (ds[0].span_end - ds[0].span_start) <= 40:
                    found = (ds[0], "date_head")
                    break
    if found is None:
        announced = announcing_sentence(ctx)
        if announced:
            found = (announced[2], "date_announced")
    if found is None:
        return None, None, None
    date, rule = found
    source = Source(date.span_start, date.span_end)
    first = Scalar(date.start, source, rule)
    last = Scalar(date.end, source, rule) if date.end else None
    warning = "The date is marked tentative in the report." if date.tentative else None
    return first, last, warning
