# ruff: noqa: E501 - the patterns read better whole than cut at 99 columns
"""
Agenda items: the numbered list under an "Agenda" heading (Roman or Arabic
numerals, in sequence), with the presenters in a closing parenthesis, the
objective and duration of each item; then the section of the report under
each item's heading, which is its minutes.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from alliance87.reports.proposal import AgendaItem, Objective, Party, Source
from alliance87.reports.resolve import fold
from alliance87.reports.rules.base import Context, Section, clean

_HEADING = re.compile(
    r"^[ #*]*(?:provisional |draft |annotated |revised )?agenda\b[^\n]{0,40}$", re.I | re.M
)
_ITEM = re.compile(
    r"^[ \t]*(?:#{1,6}\s*)?(?:\*\*)?(?:(?:agenda )?item\s+)?(?P<num>[IVX]{1,6}|\d{1,2})[.):]"
    r"(?:\*\*)?(?:[ \t]+(?P<rest>\S.*))?$",
    re.I,
)
_LABEL = re.compile(
    r"^[ \t]*[-•*]?\s*(?P<label>objectives?|purpose|aim|duration|time|presenters?|speakers?|"
    r"presented by|led by|lead|facilitators?|moderators?)(?:\*\*|__)?[ \t]*:[ \t]*(?:\*\*|__)?[ \t]*(?P<value>\S.*)$",
    re.I,
)
# A short line ending in a colon, or a known heading, ends the list.
_BLOCK_END = re.compile(
    r"^[ #*]*(?:[^\n:]{1,60}:|participants|attendance|present|apologies|decisions?|"
    r"action items?|next steps|minutes|summary|discussion|documents|background)\s*$",
    re.I,
)
_ROMAN = {"I": 1, "V": 5, "X": 10}


def numeral_value(num: str) -> int | None:
    """Return the value of "IV" or "4", or None for what is neither."""
    if num.isdigit():
        return int(num)
    num = num.upper()
    if not re.fullmatch(r"X{0,3}(?:IX|IV|V?I{0,3})", num) or not num:
        return None
    total = 0
    for i, ch in enumerate(num):
        value = _ROMAN[ch]
        total += -value if i + 1 < len(num) and _ROMAN[num[i + 1]] > value else value
    return total


@dataclass
class _Draft:
    number: str
    start: int
    end: int
    parts: list[str] = field(default_factory=list)
    objective: str | None = None
    objective_rule: str | None = None
    duration: int | None = None
    duration_rule: str | None = None
    presenters_text: str | None = None
    saw_blank: bool = False


def agenda_list(ctx: Context) -> tuple[list[_Draft], int]:
    """Rule `agenda_list`: the numbered items under an "Agenda" heading.

    Return the drafts and the offset where the list ends."""
    heading = _HEADING.search(ctx.text)
    if heading is None:
        return [], 0
    drafts: list[_Draft] = []
    pos = heading.end() + 1
    end_of_list = heading.end()
    text = ctx.text
    blank = False
    while pos < len(text):
        nl = text.find("\n", pos)
        line_end = len(text) if nl == -1 else nl
        line = text[pos:line_end]
        next_pos = line_end + 1
        if not line.strip():
            blank = True
            pos = next_pos
            continue
        item = _ITEM.match(line)
        label = _LABEL.match(line)
        current = drafts[-1] if drafts else None
        if item:
            value = numeral_value(item.group("num"))
            expected = numeral_value(current.number) + 1 if current else 1  # type: ignore[operator]
            if value != expected:
                break
            drafts.append(_Draft(item.group("num"), pos, line_end))
            if item.group("rest"):
                drafts[-1].parts.append(item.group("rest"))
        elif current is None:
            if _BLOCK_END.match(line) or len(line.strip()) > 80:
                break
            # A line between the heading and the first item (a date, a room).
            pos = next_pos
            continue
        elif label:
            _apply_label(current, label.group("label").lower(), label.group("value"))
            current.end = line_end
        elif not line.strip().startswith("(") and (
            _BLOCK_END.match(line)
            # After a blank line, only an indented line or a parenthesis
            # (the presenters) still belongs to an item that has its title.
            or (blank and current.parts and not line.startswith((" ", "\t")))
        ):
            break
        else:
            current.parts.append(line.strip())
            current.end = line_end
        end_of_list = line_end
        blank = False
        pos = next_pos
    return drafts, end_of_list


def _apply_label(draft: _Draft, label: str, value: str) -> None:
    value = value.strip()
    if label.startswith(("objective", "purpose", "aim")):
        draft.objective = value.rstrip(" ;")
        draft.objective_rule = "agenda_objective_label"
    elif label in ("duration", "time"):
        minutes = duration_minutes(value)
        if minutes is not None:
            draft.duration, draft.duration_rule = minutes
    else:
        draft.presenters_text = value


_MINUTES = re.compile(r"(?<![\d:.])(?P<n>\d{1,3})\s*(?:minutes|minute|mins|min)\b\.?", re.I)
_HOURS = re.compile(r"(?<![\d:.])(?P<n>\d(?:\.\d+)?)\s*(?:hours|hour|hrs|hr)\b\.?", re.I)
_TIMES = re.compile(
    r"(?<![\d:])(?P<h1>[01]?\d|2[0-3])[:.h](?P<m1>[0-5]\d)\s*(?:-|–|—|to)\s*"
    r"(?P<h2>[01]?\d|2[0-3])[:.h](?P<m2>[0-5]\d)(?!\d)"
)


def duration_minutes(text: str) -> tuple[int, str] | None:
    """Return the minutes a passage gives an item, and the rule: "15
    minutes", "1.5 hours", or a span of clock times "09:00–09:30"."""
    m = _MINUTES.search(text)
    if m:
        return int(m.group("n")), "duration_stated"
    m = _HOURS.search(text)
    if m:
        return round(float(m.group("n")) * 60), "duration_stated"
    m = _TIMES.search(text)
    if m:
        start = int(m.group("h1")) * 60 + int(m.group("m1"))
        end = int(m.group("h2")) * 60 + int(m.group("m2"))
        if end > start:
            return end - start, "duration_from_times"
    return None


_PRESENTER_HINT = re.compile(
    r"secretariat|chairs?\b|co-chairs?|focal points?|video|rapporteur|moderat|facilitat|"
    r"ministry|minister|government|delegation|representative|panel|speaker",
    re.I,
)
_TRAILING_PAREN = re.compile(r"\((?P<inner>[^()]+)\)\s*[.;]?\s*$")
_DURATION_BIT = re.compile(
    r"\s*(?:[-–—,]\s*)?\(?\s*(?:\d{1,3}\s*(?:minutes|minute|mins|min)|\d(?:\.\d+)?\s*(?:hours|hour|hrs|hr)"
    r"|(?:[01]?\d|2[0-3])[:.h][0-5]\d\s*(?:-|–|—|to)\s*(?:[01]?\d|2[0-3])[:.h][0-5]\d)\s*\)?\.?",
    re.I,
)


def split_presenters(ctx: Context, inner: str) -> list[Party] | None:
    """Return the parties a parenthesis names, or None when it names none
    ("(HLPF)" spells out an acronym; "(2019)" is a year)."""
    inner = " ".join(inner.split())
    if not (_PRESENTER_HINT.search(inner) or ctx.directory.resolve(inner)[1]):
        parts = [p for p in re.split(r",\s*|\s+and\s+", inner) if p]
        if not parts or not all(ctx.directory.resolve(p)[1] for p in parts):
            return None
    chunks = re.split(r",?\s+with\s+(?:inputs?|contributions?)\s+from\s+", inner, flags=re.I)
    parties: list[Party] = []
    for i, chunk in enumerate(chunks):
        chunk = re.sub(
            r"\s+(?:via|by)\s+(?:videoconference|video|zoom|teams|webex)\b.*$",
            "",
            chunk,
            flags=re.I,
        )
        chunk = re.sub(
            r"^(?:video|recorded)\s+(?:message|update)\s+(?:from\s+)?", "", chunk, flags=re.I
        )
        # "Co-Chairs IOM and UNICEF": the function, then who holds it.
        chunk = re.sub(
            r"^(?:co-?chairs?|chairs?|moderators?|facilitators?|presenters?)\s+(?=[A-Z])",
            "",
            chunk,
            flags=re.I,
        )
        if i == 0 and not re.search(r"\bin\b", chunk):
            names = [p for p in re.split(r",\s*|\s+and\s+", chunk) if p.strip()]
        else:
            names = [chunk]
        parties.extend(ctx.directory.party(n) for n in names)
    return parties


def agenda_items(ctx: Context) -> list[AgendaItem]:
    """Build the agenda: rule `agenda_list`, or failing that rule
    `roman_headings`; then place each item's section (its minutes)."""
    drafts, list_end = agenda_list(ctx)
    rule = "agenda_list"
    if len(drafts) < 2:
        drafts, list_end, rule = roman_headings(ctx), 0, "roman_headings"
    items: list[AgendaItem] = []
    for draft in drafts:
        title = clean(" ".join(draft.parts))
        presenters: list[Party] = []
        duration, duration_rule = draft.duration, draft.duration_rule
        found = duration_minutes(title) if duration is None else None
        if found:
            duration, duration_rule = found
            title = _DURATION_BIT.sub("", title).strip(" -–—,")
        paren = _TRAILING_PAREN.search(title)
        if paren:
            parties = split_presenters(ctx, paren.group("inner"))
            if parties:
                presenters = parties
                title = title[: paren.start()].strip(" -–—,")
        if draft.presenters_text:
            presenters = split_presenters(ctx, draft.presenters_text) or [
                ctx.directory.party(draft.presenters_text)
            ]
        items.append(
            AgendaItem(
                number=draft.number,
                title=title.rstrip(" .;:"),
                objective=draft.objective,
                duration_minutes=duration,
                presenters=presenters,
                minutes=None,
                source=Source(draft.start, draft.end),
                rule=rule
                + (f"+{draft.objective_rule}" if draft.objective_rule else "")
                + (f"+{duration_rule}" if duration_rule else "")
                + ("+presenter_parenthesis" if presenters and not draft.presenters_text else ""),
            )
        )
    ctx.sections = section_headings(ctx, items, list_end)
    for section in ctx.sections:
        item = next(i for i in items if i.number == section.number)
        body = ctx.text[section.body_start : section.end].strip()
        if body:
            offset = ctx.text.index(body, section.body_start)
            item.minutes = body
            item.minutes_source = Source(offset, offset + len(body))
    return items


def roman_headings(ctx: Context) -> list[_Draft]:
    """Rule `roman_headings`: with no agenda list, lines "I. Title",
    "II. Title", ... in sequence (two at least) are the agenda."""
    drafts: list[_Draft] = []
    for m in re.finditer(
        r"^[ #*]*(?P<num>[IVX]{1,6})\.[ \t]*(?P<title>[A-Z][^\n]{2,150})$", ctx.text, re.M
    ):
        value = numeral_value(m.group("num"))
        expected = numeral_value(drafts[-1].number) + 1 if drafts else 1  # type: ignore[operator]
        if value == expected:
            drafts.append(_Draft(m.group("num"), m.start(), m.end(), [m.group("title")]))
    return drafts if len(drafts) >= 2 else []


def section_headings(ctx: Context, items: list[AgendaItem], after: int) -> list[Section]:
    """Find, after the agenda list, the heading of each item: its number
    and the first words of its title, in order."""
    sections: list[Section] = []
    pos = after
    for item in items:
        words = fold(item.title).split()[:2]
        if not words:
            continue
        pattern = re.compile(
            r"^[ #*]*"
            + re.escape(item.number)
            + r"[.):]?[ \t]*(?:\n[ \t]*)*"
            + r"(?P<title>[^\n]+)",
            re.M,
        )
        for m in pattern.finditer(ctx.text, pos):
            if fold(m.group("title")).split()[: len(words)] == words:
                body_start = _past_wrapped_title(ctx.text, m.end(), item.title, m.group("title"))
                sections.append(
                    Section(item.number, item.title, m.start(), body_start, len(ctx.text))
                )
                pos = body_start
                break
    for current, following in itertools.pairwise(sections):
        current.end = following.start
    return sections


def _past_wrapped_title(text: str, pos: int, title: str, first_line: str) -> int:
    """Return where a heading ends when its title wraps onto more lines."""
    expected = fold(title).split()
    seen = len(fold(first_line).split())
    while seen < len(expected):
        m = re.compile(r"\n[ \t]*([^\n]+)").match(text, pos)
        if not m:
            break
        words = fold(m.group(1)).split()
        if not words or words[0] != expected[seen]:
            break
        seen += len(words)
        pos = m.end()
    return pos


_OBJECTIVES_HEADING = re.compile(
    r"^[ #*]*(?:objectives?|purposes?|aims?)(?: of the (?:meeting|workshop|consultation|session|event|webinar|conference))?\s*:?\s*$",
    re.I | re.M,
)
_LEAD_IN = re.compile(
    r"(?:the (?:purpose|objectives?|aims?) of the \w+ (?:was|were|is|are) to|"
    r"(?:the|this) (?:meeting|consultation|workshop|session|event|webinar|conference|forum) "
    r"(?:will|aims to|seeks to|is to|was to))\s*:\s*$",
    re.I | re.M,
)
# An item ends at a blank line, before the next bullet, or where a line
# that closes a sentence is followed by one that opens a new paragraph.
_ITEM_END = re.compile(
    r"\n[ \t]*\n|\n(?=[ \t]*(?:[-•*o▪]|\d{1,2}[.)])(?:[ \t]|$))|(?<=[.;])\n(?=[A-Z])"
)
_BULLET = re.compile(r"[ \t]*(?:[-•*o▪]|\d{1,2}[.)])(?:[ \t]+|$)", re.M)


def meeting_objectives(ctx: Context) -> list[Objective]:
    """Rules `objectives_heading` and `objectives_lead_in`: the bullets
    under "Objectives of the meeting:" or after "the consultation will:"."""
    found: list[Objective] = []
    starts: list[tuple[int, str]] = []
    for m in _OBJECTIVES_HEADING.finditer(ctx.text):
        starts.append((m.end(), "objectives_heading"))
    for m in _LEAD_IN.finditer(ctx.text):
        starts.append((m.end(), "objectives_lead_in"))
    seen: set[int] = set()
    for start, rule in sorted(starts):
        # A heading followed by a lead-in reads the list once.
        lead = _LEAD_IN.match(ctx.text, _skip_blank(ctx.text, start))
        if lead:
            continue
        for s, e in _bullets_after(ctx.text, start):
            if s not in seen:
                seen.add(s)
                found.append(Objective(clean(ctx.text[s:e]).rstrip(" ;,."), Source(s, e), rule))
    return found


def _skip_blank(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _bullets_after(text: str, pos: int) -> list[tuple[int, int]]:
    """Return the spans of the bulleted items that follow `pos`: a bullet
    alone on its line takes the next paragraph, as PDF text has it."""
    items: list[tuple[int, int]] = []
    pos = _skip_blank(text, pos)
    while pos < len(text):
        bullet = _BULLET.match(text, pos)
        if not bullet:
            break
        start = _skip_blank(text, bullet.end())
        # The item runs to the next bullet or blank line.
        m = _ITEM_END.search(text, start)
        end = m.start() if m else len(text)
        if end > start:
            items.append((start, end))
        pos = _skip_blank(text, end)
    return items
