# ruff: noqa: E501 - the patterns read better whole than cut at 99 columns
"""
Participants and their attendance.

Rule `attendance_list`: the names under a heading such as "Present:",
"Participants:", "Participating remotely:", "Apologies:", "Written input
received from:" or "Invited but unable to attend:"; the heading gives the
attendance, or a mark after a name does ("(remote)", "(online)", "(in
person)"). Rule `remote_inputs`: those an agenda item says spoke by
videoconference or video message. Rule `spoke_at_meeting`: whoever asked
or answered a question, or presented an item, took part; how (in person
or remote) stays unknown unless stated.
"""

from __future__ import annotations

import re

from alliance87.reports.proposal import (
    AgendaItem,
    Chair,
    Exchange,
    OrgRef,
    Participant,
    Party,
    Source,
)
from alliance87.reports.rules.base import Context, clean, sentences
from alliance87.reports.rules.exchanges import SUBJECT

IN_PERSON = "in_person"
REMOTE = "remote"
APOLOGIES = "apologies"
INVITED_UNABLE = "invited_unable"
WRITTEN_INPUT = "written_input"

_HEADINGS = [
    (r"participating remotely|remote participants?|joined (?:remotely|online)|online participants?|"
     r"(?:participants? )?(?:attending |participating )?(?:via|by) (?:videoconference|video link|zoom|teams)|remotely", REMOTE),
    (r"apologies(?: for absence)?|absent|excused", APOLOGIES),
    (r"invited but (?:unable|not able) to attend|unable to attend|invited,? not attending", INVITED_UNABLE),
    (r"written (?:input|inputs|contributions?|comments?|submissions?)(?: (?:received|sent))?(?: from)?", WRITTEN_INPUT),
    (r"present(?: in person)?|in person|attending in person|members present", IN_PERSON),
    (r"participants|attendance|in attendance|attendees|list of participants|attending", None),
]  # fmt: skip
_HEADING = re.compile(
    r"^[ #*-]*(?P<label>"
    + "|".join(p for p, _ in _HEADINGS)
    + r")(?:\*\*|__)?[ \t]*(?::[ \t]*(?:\*\*|__)?[ \t]*(?P<inline>.*))?$",
    re.I | re.M,
)
_MARKS = [
    (re.compile(r"\((?:remote(?:ly)?|online|by video(?:conference)?|virtual)\)", re.I), REMOTE),
    (re.compile(r"\((?:in person|on site)\)", re.I), IN_PERSON),
    (re.compile(r"\((?:written (?:input|contribution|comments?))\)", re.I), WRITTEN_INPUT),
    (re.compile(r"\((?:apologies|excused)\)", re.I), APOLOGIES),
]
_ORG_WORDS = re.compile(
    r"\b(?:ministry|organi[sz]ation|union|council|government|association|federation|network|"
    r"office|department|foundation|commission|committee|secretariat|university|institute|"
    r"agency|bank|platform|group|confederation|centre|center|mission|embassy|programme|"
    r"fund|alliance|forum|march|coalition|society|trust)\b",
    re.I,
)
_PERSON_TITLE = re.compile(
    r"^(?:Ambassador|H\.E\.|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Prof\.?|Minister|Judge|Sir|Dame)\s+"
)
_NOT_A_NAME = re.compile(r"^(?:see\b|annex|attached|list of|none\b|n/a)|\battached list\b", re.I)


def attendance_lists(ctx: Context) -> list[Participant]:
    found: list[Participant] = []
    for m in _HEADING.finditer(ctx.text):
        label = m.group("label").lower()
        attendance = next(a for p, a in _HEADINGS if re.fullmatch(p, label, re.I))
        entries: list[tuple[int, int]] = []
        if m.group("inline") and m.group("inline").strip():
            entries = _split_inline(ctx.text, m.start("inline"), m.end("inline"))
        elif m.group(0).rstrip().endswith(":") or m.group("inline") is not None:
            entries = _lines_after(ctx.text, m.end())
        else:
            continue
        for start, end in entries:
            participant = _entry(ctx, start, end, attendance)
            if participant:
                found.append(participant)
    return found


def _split_inline(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    for part in re.split(r"(;|,(?![^()]*\)))", text[start:end]):
        if part not in (";", ",") and part.strip():
            s = pos + len(part) - len(part.lstrip())
            out.append((s, s + len(part.strip())))
        pos += len(part)
    return out


def _lines_after(text: str, pos: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos += 1
    while pos < len(text):
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end == -1 else line_end
        line = text[pos:line_end]
        if not line.strip():
            if out:
                break
            pos = line_end + 1
            continue
        if _HEADING.match(line) or re.match(r"^[ #*]*[^:\n]{1,60}:\s*$", line):
            break
        stripped = re.sub(r"^[ \t]*(?:[-•*]|\d{1,3}[.)])\s*", "", line)
        if len(stripped) > 120:
            break
        s = line_end - len(line) + line.index(stripped) if stripped else pos
        out.append((s, s + len(stripped.rstrip())))
        pos = line_end + 1
    return out


def _entry(ctx: Context, start: int, end: int, attendance: str | None) -> Participant | None:
    raw = ctx.text[start:end].strip().rstrip(".;,")
    if not raw or _NOT_A_NAME.search(raw):
        return None
    for pattern, mark in _MARKS:
        if pattern.search(raw):
            attendance = mark
            raw = pattern.sub("", raw).strip()
    person: str | None = None
    organisation: OrgRef | None = None
    paren = re.match(r"^(?P<a>[^()]+?)\s*\((?P<b>[^()]+)\)$", raw)
    dash = re.match(r"^(?P<a>[^,–-]+?)\s*(?:,|–|—| - )\s*(?P<b>.+)$", raw)
    pair = paren or dash
    if pair:
        person, org_name = pair.group("a").strip(), pair.group("b").strip()
        organisation, _match = ctx.directory.resolve(org_name)
        if not _looks_like_person(ctx, person):
            # "ILO (Secretariat)", "Government of Fiji - Ministry of Labour".
            organisation, _match = ctx.directory.resolve(raw if not paren else person)
            person = None
    elif _looks_like_person(ctx, raw):
        person = raw
    else:
        organisation, _match = ctx.directory.resolve(raw)
    role = "chair" if re.search(r"\bchair\b", raw, re.I) else None
    return Participant(
        person, organisation, role, attendance, Source(start, end), "attendance_list"
    )


def _looks_like_person(ctx: Context, name: str) -> bool:
    if _PERSON_TITLE.match(name):
        return True
    if _ORG_WORDS.search(name) or ctx.directory.resolve(name)[1]:
        return False
    return bool(
        re.fullmatch(
            r"[A-Z][a-zà-ÿ’'-]+(?:\s+(?:[A-Z]\.|[A-Z][a-zà-ÿ’'-]+|de|da|van|von|del|la|le)){1,3}",
            name,
        )
    )


_REMOTE_HINT = re.compile(
    r"videoconference|video (?:message|update|link)|remotely|\bonline\b|by video", re.I
)


def remote_inputs(ctx: Context, agenda: list[AgendaItem]) -> list[Participant]:
    """Those an agenda entry says took part by video: the countries it
    names, or else the parties it lists."""
    found: list[Participant] = []
    for item in agenda:
        entry = ctx.text[item.source.start : item.source.end]
        paren = re.search(r"\((?P<inner>[^()]*)\)", entry, re.S)
        if not paren or not _REMOTE_HINT.search(paren.group("inner")):
            continue
        inner_start = item.source.start + paren.start("inner")
        inner = paren.group("inner")
        hint = _REMOTE_HINT.search(inner)
        # In "Secretariat, with inputs from X via videoconference" only
        # the inputs are remote.
        remote_from = re.search(r"(?:inputs?|contributions?) from\s+", inner, re.I)
        scope_start = remote_from.end() if remote_from else 0
        countries = [c for c in ctx.directory.find_countries(inner) if c[1] >= scope_start]
        if countries:
            for iso3, s, e in countries:
                ref, _m = ctx.directory.resolve(inner[s:e])
                ref.country = iso3
                found.append(
                    Participant(
                        None,
                        ref,
                        "speaker",
                        REMOTE,
                        Source(inner_start + s, inner_start + e),
                        "remote_inputs",
                    )
                )
        elif hint:
            for party in item.presenters:
                if party.organisation and party.organisation.slug:
                    found.append(
                        Participant(
                            None,
                            party.organisation,
                            "speaker",
                            REMOTE,
                            item.source,
                            "remote_inputs",
                        )
                    )
    return found


def spoke_at_meeting(
    ctx: Context, agenda: list[AgendaItem], exchanges: list[Exchange], chair: Chair | None
) -> list[Participant]:
    """The chair, presenters, askers and answerers, as participants."""
    found: list[Participant] = []
    if chair and (chair.person or chair.organisation):
        found.append(
            Participant(chair.person, chair.organisation, "chair", None, chair.source, "chair")
        )
    for item in agenda:
        if not item.minutes:
            # An agenda announces speakers; only a record shows they spoke.
            continue
        for party in item.presenters:
            if _named_organisation(party):
                found.append(
                    Participant(
                        party.person,
                        party.organisation,
                        "speaker",
                        None,
                        item.source,
                        "spoke_at_meeting",
                    )
                )
    for exchange in exchanges:
        spoke: tuple[Party | None, ...] = (exchange.asked_by, exchange.answered_by)
        for speaker in spoke:
            if speaker and _named_organisation(speaker):
                found.append(
                    Participant(
                        speaker.person,
                        speaker.organisation,
                        "participant",
                        None,
                        exchange.source,
                        "spoke_at_meeting",
                    )
                )
    return found


_SPEECH = re.compile(
    r"^(?:informed|notified|presented|highlighted|offered|said|stressed|thanked|pointed out|"
    r"called for|expressed|noted|welcomed|supported|recalled|reminded|asked|explained|"
    r"clarified|confirmed|responded|replied|answered|reaffirmed|gave|shared|proposed|"
    r"suggested|announced|reported|briefed|introduced|emphasi[sz]ed|underlined)$"
)


def speakers(ctx: Context) -> list[Participant]:
    """Rule `spoke_at_meeting` on the minutes: an organisation that opens
    a sentence and speaks ("The IOM (Co-Chair ...) presented the updates",
    "Argentina offered to ..."). An organisation only talked about ("The
    ILO, UNODC, and IOM are working on ...") is not a participant."""
    found: list[Participant] = []
    for section in ctx.sections:
        for s in sentences(ctx.text, section.body_start, section.end):
            body = re.sub(r"^[QA]:\s*", "", s.text)
            body = re.sub(r"\s*\([^()]*\)", "", body)
            m = SUBJECT.match(body)
            if not m or not _SPEECH.match(m.group("verb")):
                continue
            party = ctx.directory.party(m.group("subj"))
            if _named_organisation(party):
                found.append(
                    Participant(
                        None, party.organisation, "participant", None, s.source, "spoke_at_meeting"
                    )
                )
    return found


def _named_organisation(party: Party) -> bool:
    if party.role or party.organisation is None:
        return False
    name = party.organisation.name
    if re.search(r"\bchairs?\b|focal points?|members\b", name, re.I):
        return False
    return bool(party.organisation.slug or party.organisation.country)


def merge(groups: list[list[Participant]]) -> list[Participant]:
    """Keep one row per organisation or person: the first found, with the
    attendance and role that a later rule states filled in."""
    merged: list[Participant] = []
    index: dict[str, Participant] = {}
    for group in groups:
        for p in group:
            key = _key(p)
            if key in index:
                kept = index[key]
                kept.attendance = kept.attendance or p.attendance
                kept.person = kept.person or p.person
                if kept.role in (None, "participant") and p.role in ("chair", "speaker"):
                    kept.role = p.role
                continue
            index[key] = p
            merged.append(p)
    return merged


def _key(p: Participant) -> str:
    if p.organisation and (p.organisation.slug or p.organisation.country):
        org = p.organisation.slug or p.organisation.country or ""
        return f"{org}|{clean(p.person or '').lower()}" if p.person else org
    return clean(f"{p.person or ''}|{p.organisation.name if p.organisation else ''}").lower()
