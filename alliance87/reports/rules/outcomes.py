# ruff: noqa: E501 - the patterns read better whole than cut at 99 columns
"""
Decisions and action items.

A decision is what the meeting as a body decided: "The Committee decided",
"It was agreed", a numbered decision ("Decision 3: ..." or the numbered
lines under a "Decisions" heading), a candidature welcomed, the next
meeting's date set. What one speaker "agreed" in reply is no decision.

An action item is work someone is to do: "The next steps are ...", "<party>
will <do>", "<party> offered to", "invited <party> to", "will be led by
<party>", "is being prepared by <party>", "... will be shared / provided /
given", or a line labelled "Action:". The owner is the party the sentence
names, or None; the due date is the date the sentence gives, or None.
"""

from __future__ import annotations

import re

from alliance87.reports.proposal import ActionItem, Decision, Party, Source
from alliance87.reports.rules.base import Context, Sentence, clean, find_dates, sentences
from alliance87.reports.rules.exchanges import SUBJECT

_BODY = (
    r"(?:meeting|group|GCG|committee|members|board|council|plenary|assembly|steering committee)"
)
_COLLECTIVE = re.compile(
    r"^(?:[QA]:\s*)?(?:it\s+was\s+(?:agreed|decided|resolved|unanimously agreed)|"
    r"(?:the\s+)?(?:\w+\s+)?"
    + _BODY
    + r"\s+(?:\w+\s+)?(?:agreed|decided|resolved|adopted|approved|endorsed)"
    r"(?!\s+(?:with|by)\b))\b",
    re.I,
)
_CANDIDATURE = re.compile(
    r"\bwelcomed the (?:candidature|candidacy|nomination|appointment|election) of\b", re.I
)
_NEXT_MEETING = re.compile(
    r"^(?:the\s+)?(?:next|\d{1,3}(?:st|nd|rd|th))\s+(?:[A-Z][\w.&-]*\s+){0,5}(?:meeting|session)\b"
    r"[^.]*?\bwill\s+(?:take place|be held|be convened)\b",
    re.I,
)
_DECISIONS_HEADING = re.compile(
    r"^[ #*]*(?:decisions?(?: taken| adopted| made)?|resolutions?)\s*:?\s*$", re.I | re.M
)
_NUMBERED = re.compile(
    r"^[ \t]*(?:[-•*]\s*)?(?:(?:decision|resolution)\s+)?(?P<num>[A-Z]{0,4}\d{1,3}(?:[./-]\d{1,3})*|[IVX]{1,5})"
    r"\s*[.):–-]\s+(?P<text>\S.*)$",
    re.I,
)
_LABELLED_DECISION = re.compile(
    r"^[ \t]*(?:[-•*][ \t]*)?(?:decision|resolution)[ \t]+(?P<num>[\w/.-]*\d[\w/.-]*)[ \t]*[:.–-][ \t]*(?P<text>\S.+)$",
    re.I | re.M,
)


def decisions(ctx: Context) -> list[Decision]:
    """Rules `numbered_decision`, `decision_label`, `decided_collectively`,
    `candidature_welcomed`, `next_meeting`."""
    found: list[Decision] = []
    taken: list[tuple[int, int]] = []

    def add(number: str | None, start: int, end: int, rule: str) -> None:
        if any(a < end and start < b for a, b in taken):
            return
        taken.append((start, end))
        found.append(
            Decision(
                number,
                ctx.agenda_number_at(start),
                clean(ctx.text[start:end]),
                Source(start, end),
                rule,
            )
        )

    for heading in _DECISIONS_HEADING.finditer(ctx.text):
        for start, end, m in _numbered_lines(ctx.text, heading.end()):
            add(m.group("num"), start, end, "numbered_decision")
    for m in _LABELLED_DECISION.finditer(ctx.text):
        add(
            m.group("num"),
            m.start("text"),
            _line_or_paragraph_end(ctx.text, m.start("text")),
            "decision_label",
        )
    for s in sentences(ctx.text):
        body = re.sub(r"^[QA]:\s*", "", s.text)
        if _COLLECTIVE.match(body):
            add(None, s.start, s.end, "decided_collectively")
        elif _CANDIDATURE.search(body):
            add(None, s.start, s.end, "candidature_welcomed")
        elif _NEXT_MEETING.match(body):
            add(None, s.start, s.end, "next_meeting")
    return sorted(found, key=lambda d: d.source.start)


def _numbered_lines(text: str, pos: int) -> list[tuple[int, int, re.Match[str]]]:
    """Return the numbered lines that follow `pos`, up to the first line
    that is neither numbered nor a continuation."""
    out: list[tuple[int, int, re.Match[str]]] = []
    while pos < len(text) and text[pos] in " \t\n":
        pos += 1
    while pos < len(text):
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end == -1 else line_end
        line = text[pos:line_end]
        m = _NUMBERED.match(line)
        if m:
            start = pos + m.start("text")
            out.append((start, line_end, m))
        elif out and line.strip() and line.startswith((" ", "\t")):
            start, _end, m0 = out[-1]
            out[-1] = (start, line_end, m0)
        elif line.strip() or not out:
            break
        pos = line_end + 1
    return out


def _line_or_paragraph_end(text: str, pos: int) -> int:
    m = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*(?:[-•*]|\S+\s*:))").search(text, pos)
    return m.start() if m else len(text)


_PRONOUN = re.compile(r"^(?:he|she|they|it|this|these|we)$", re.I)
_NEXT_STEPS = re.compile(
    r"\bnext steps?\b(?:\s+for\s+(?P<for>[^,:]+?))?\s+(?:is|are|will be|include)\s*:?\s*(?:to\s+)?\S",
    re.I,
)
_WILL = re.compile(
    r"\s+(?:will|shall)\s+(?:also\s+|further\s+)?(?!be\b|have\b|not\b)(?P<verb>[a-z]+)\b"
)
_OFFERED = re.compile(r"\boffered\s+to\s+\w+")
_INVITED = re.compile(
    r"\binvited\s+(?P<who>(?:the\s+)?(?:[A-Z][\w.&-]*\s+)?(?:members|countries|partners|governments|"
    r"participants|[A-Z][\w.&-]{1,12}))\s+to\s+\w+"
)
_BY_VERBS = (
    r"led|organi[sz]ed|prepared|hosted|coordinated|chaired|presented|circulated|shared|provided|"
    r"given|sent|drafted|developed|published|launched|convened|facilitated"
)
_WILL_BE_BY = re.compile(
    r"\b(?:will|would|is to|are to)\s+be\s+(?:"
    + _BY_VERBS
    + r")\s+by\s+(?P<who>(?:the\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,4})"
)
_BEING_BY = re.compile(
    r"\b(?:is|are)\s+(?:currently\s+)?being\s+(?:prepared|drafted|developed|finali[sz]ed|organi[sz]ed|updated)"
    r"\s+by\s+(?P<who>(?:the\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,4})"
)
_WILL_BE = re.compile(
    r"\b(?:will|would)\s+be\s+(?:shared|provided|given|circulated|sent|presented|published|distributed|"
    r"made available)\b"
)
_ACTION_LABEL = re.compile(
    r"^[ \t]*(?:[-•*][ \t]*)?(?:action(?: point| item)?|follow-up|to do)[ \t]*(?:\d+[ \t]*)?:[ \t]*(?P<text>\S.+)$",
    re.I | re.M,
)
_DUE_WORDS = re.compile(
    r"(?:\b(?:by|before|no later than|not later than|until|in|on|at|during|from|for)\s+(?:the\s+)?)?$",
    re.I,
)


def action_items(ctx: Context) -> list[ActionItem]:
    """Rules `action_label`, `next_steps`, `being_prepared_by`,
    `will_be_done_by`, `will_do`, `offered_to`, `invited_to`, `will_be_done`,
    in that order; one action per sentence."""
    found: list[ActionItem] = []
    taken: list[tuple[int, int]] = []
    for m in _ACTION_LABEL.finditer(ctx.text):
        start, end = m.start("text"), _line_or_paragraph_end(ctx.text, m.start("text"))
        body = ctx.text[start:end]
        owner_m = re.match(r"(?P<who>[^,;:]+?)\s+(?:to|will)\s+[a-z]", body)
        owner = _owner(ctx, owner_m.group("who")) if owner_m else None
        labelled = re.search(r"\b(?:owner|responsible|lead)\s*:\s*(?P<who>[^,;)\n]+)", body, re.I)
        if labelled:
            owner = _owner(ctx, labelled.group("who"))
        found.append(_action(ctx, start, end, owner, "action_label"))
        taken.append((start, end))
    for s in sentences(ctx.text):
        if any(a < s.end and s.start < b for a, b in taken):
            continue
        item = _action_in(ctx, s)
        if item:
            found.append(item)
    return sorted(found, key=lambda a: a.source.start)


def _action_in(ctx: Context, s: Sentence) -> ActionItem | None:
    body = re.sub(r"^[QA]:\s*", "", s.text)
    m = _NEXT_STEPS.search(body)
    if m:
        owner = _owner(ctx, m.group("for")) if m.group("for") else None
        item = _action(ctx, s.start, s.end, owner, "next_steps")
        if item.due is None:
            _due_in_next_sentence(ctx, item)
        return item
    m = _BEING_BY.search(body)
    if m:
        return _action(ctx, s.start, s.end, _owner(ctx, m.group("who")), "being_prepared_by")
    m = _WILL_BE_BY.search(body)
    if m and ctx.directory.is_party(m.group("who")):
        return _action(ctx, s.start, s.end, _owner(ctx, m.group("who")), "will_be_done_by")
    subject = SUBJECT.match(body)
    will = _WILL.search(body)
    if will:
        head = body[: will.start()]
        if re.fullmatch(
            r"(?:[Tt]he\s+)?[A-Z][\w.’'&-]*(?:\s+(?:of|for|on|and|the|[A-Z][\w.’'&-]*)){0,6}", head
        ):
            if ctx.directory.is_party(head):
                return _action(ctx, s.start, s.end, _owner(ctx, head), "will_do")
            if re.fullmatch(r"(?:he|she)", head, re.I):
                # The speaker of the sentence before: the owner stays unknown.
                return _action(ctx, s.start, s.end, None, "will_do")
    if _OFFERED.search(body) and re.match(r"(?:he|she|they)\b", body, re.I):
        return _action(ctx, s.start, s.end, None, "offered_to")
    if _OFFERED.search(body):
        lead = re.match(
            r"(?P<who>(?:[Tt]he\s+)?[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*){0,5})\s+(?:\w+\s+)?offered\s+to",
            body,
        )
        if lead and ctx.directory.is_party(lead.group("who")):
            return _action(ctx, s.start, s.end, _owner(ctx, lead.group("who")), "offered_to")
        if subject and ctx.directory.is_party(subject.group("subj")):
            return _action(ctx, s.start, s.end, _owner(ctx, subject.group("subj")), "offered_to")
    m = _INVITED.search(body)
    if m and ctx.directory.is_party(m.group("who")):
        return _action(ctx, s.start, s.end, _owner(ctx, m.group("who")), "invited_to")
    if _WILL_BE.search(body):
        return _action(ctx, s.start, s.end, None, "will_be_done")
    return None


_FOLLOWING = re.compile(
    r"(?:The|This)\s+(?:activity|workshop|meeting|step|work)\s+will\b|It\s+will\b"
)


def _due_in_next_sentence(ctx: Context, item: ActionItem) -> None:
    """Rule `due_in_next_sentence`: "The next step is to hold a second
    workshop ... The activity will be held before July 2019."."""
    following = sentences(ctx.text, item.source.end, min(len(ctx.text), item.source.end + 400))
    if not following or not _FOLLOWING.match(following[0].text):
        return
    dated = _action(ctx, following[0].start, following[0].end, None, "")
    if dated.due:
        item.due, item.due_text = dated.due, dated.due_text
        item.source = Source(item.source.start, following[0].end)
        item.text = clean(ctx.text[item.source.start : item.source.end])
        item.rule += "+due_in_next_sentence"


def _owner(ctx: Context, name: str) -> Party | None:
    name = " ".join(name.split()).strip(" .,;:")
    if not name or _PRONOUN.match(name) or not ctx.directory.is_party(name):
        return None
    return ctx.directory.party(name)


def _action(ctx: Context, start: int, end: int, owner: Party | None, rule: str) -> ActionItem:
    dates = find_dates(ctx.text, start, end)
    due = due_text = None
    if dates:
        date = dates[0]
        lead = _DUE_WORDS.search(ctx.text[max(start, date.span_start - 24) : date.span_start])
        text_start = date.span_start - (len(lead.group()) if lead else 0)
        due = date.as_due
        due_text = clean(ctx.text[text_start : date.span_end])
    return ActionItem(
        text=clean(ctx.text[start:end]),
        owner=owner,
        due=due,
        due_text=due_text,
        agenda_number=ctx.agenda_number_at(start),
        source=Source(start, end),
        rule=rule,
    )
