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

from alliance87.reports.proposal import Chair, Count, OrgRef, Scalar, Series, Source, Time, Venue
from alliance87.reports.resolve import org_shaped
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


def _labels(ctx: Context) -> list[re.Match[str]]:
    return list(_LABEL_LINE.finditer(ctx.text, 0, min(len(ctx.text), HEAD)))


def _announcing_sentence(ctx: Context) -> tuple[int, int, FoundDate] | None:
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
    for m in _labels(ctx):
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
        announced = _announcing_sentence(ctx)
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


_TZ = r"(?:\s*\(?(?P<tz>(?:UTC|GMT)(?:\s*[+-]\s*\d{1,2}(?::\d\d)?)?|[A-Z]{2,4}T|CET|[A-Z][a-z]+(?: [A-Z][a-z]+)? time)\)?)?"
_TIME = re.compile(
    r"(?<![\d:])(?P<h1>[01]?\d|2[0-3])[:.h](?P<m1>[0-5]\d)\s*(?:-|–|—|to|until)\s*"
    r"(?P<h2>[01]?\d|2[0-3])[:.h](?P<m2>[0-5]\d)(?!\d)" + _TZ
)


def time(ctx: Context) -> Time | None:
    """Rules `time_label` and `time_with_date`: "10:00–12:30 (CET)" on a
    "Time:" or "Date:" line, or in the sentence that announces the meeting.
    The time zone is as written (an abbreviation or "Geneva time"),
    never inferred from the venue."""
    spans: list[tuple[int, int, str]] = []
    for m in _labels(ctx):
        if m.group("label").lower().startswith(("time", "date", "when")):
            spans.append((m.start("value"), m.end("value"), "time_label"))
    announced = _announcing_sentence(ctx)
    if announced:
        spans.append((announced[0], announced[1], "time_with_date"))
    for start, end, rule in spans:
        t = _TIME.search(ctx.text, start, end)
        if t:
            m = t
            return Time(
                f"{int(m.group('h1')):02d}:{m.group('m1')}",
                f"{int(m.group('h2')):02d}:{m.group('m2')}",
                " ".join(m.group("tz").split()) if m.group("tz") else None,
                Source(m.start(), m.end()),
                rule,
            )
    return None


_ONLINE = re.compile(
    r"\b(?:online|virtual(?:ly)?|by videoconference|via (?:zoom|teams|webex)|zoom|webex)\b", re.I
)
_IN_PERSON = re.compile(r"\bin[- ]person\b", re.I)


def online(ctx: Context) -> Scalar | None:
    """Rules `online_label` ("Venue: online") and `online_stated` ("will be
    held online", "a virtual meeting" at the head). A remote speaker does
    not make a meeting online; "hybrid" leaves it unknown."""
    for m in _labels(ctx):
        if m.group("label").lower() in ("venue", "location", "place", "where", "format"):
            value = m.group("value")
            if re.search(r"\bhybrid\b", value, re.I):
                return None
            if _ONLINE.search(value):
                return Scalar(True, Source(m.start("value"), m.end("value")), "online_label")
            if _IN_PERSON.search(value):
                return Scalar(False, Source(m.start("value"), m.end("value")), "online_label")
    head = ctx.text[: min(len(ctx.text), HEAD)]
    stated = re.search(
        r"\b(?:(?:held|take place|took place|meet|met|convene[sd]?)\s+(?:online|virtually|by videoconference)"
        r"|(?:virtual|online)\s+(?:meeting|session|workshop|consultation|conference))\b",
        head,
        re.I,
    )
    if stated:
        return Scalar(True, Source(stated.start(), stated.end()), "online_stated")
    stated = re.search(
        r"\b(?:held|take place|took place|meet|met)\s+in[- ]person\b|\bin-person (?:meeting|session|workshop)\b",
        head,
        re.I,
    )
    if stated:
        return Scalar(False, Source(stated.start(), stated.end()), "online_stated")
    return None


_PLACE = re.compile(
    r"\bin\s+(?P<city>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}),\s*(?P<country>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})"
)


def venue(ctx: Context) -> Venue | None:
    """Rules `venue_label` ("Venue: Palais des Nations, Geneva,
    Switzerland") and `venue_announced` ("... from 03-05 October 2017, in
    Nadi, Fiji"). The host is the subject of the announcing sentence
    ("The ILO ... will organize")."""
    host = _host(ctx)
    for m in _labels(ctx):
        if m.group("label").lower() in ("venue", "location", "place", "where"):
            value = m.group("value").strip()
            if _ONLINE.search(value) and not re.search(r"\bhybrid\b", value, re.I):
                return None
            parts = [p.strip() for p in value.split(",") if p.strip()]
            country = ctx.directory.country(parts[-1]) if parts else None
            city = parts[-2] if country and len(parts) >= 2 else None
            return Venue(
                city,
                country.iso3 if country else None,
                host,
                value,
                Source(m.start("value"), m.end("value")),
                "venue_label",
            )
    announced = _announcing_sentence(ctx)
    if announced:
        for m in _PLACE.finditer(ctx.text, announced[0], announced[1]):
            country = ctx.directory.country(m.group("country").rstrip("."))
            if country:
                # The full stop that ends the sentence is no part of the place.
                end = m.end("country") - (1 if m.group("country").endswith(".") else 0)
                return Venue(
                    m.group("city"),
                    country.iso3,
                    host,
                    ctx.text[m.start("city") : end],
                    Source(m.start("city"), end),
                    "venue_announced",
                )
    return None


def _host(ctx: Context) -> OrgRef | None:
    announced = _announcing_sentence(ctx)
    if not announced:
        return None
    sentence = ctx.text[announced[0] : announced[1]]
    m = re.match(
        r"(?P<subject>.+?)\s*,?\s+(?:will (?:organi[sz]e|host|convene)|organi[sz]es|hosts|convenes|"
        r"is organi[sz]ing|is hosting)\b",
        sentence,
    )
    if not m:
        return None
    subject = re.split(
        r"\s+(?:with|together with|in (?:collaboration|partnership|cooperation) with)\s+|,",
        m.group("subject"),
    )[0]
    ref, match = ctx.directory.resolve(subject)
    # An organisation the directory does not know is kept by name.
    return ref if match or org_shaped(ref.name) else None


_PERSON = (
    r"(?P<person>(?:(?:Ambassador|H\.E\.|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Prof\.?|Minister|Judge|Sir|Dame)\s+)?"
    r"[A-Z][a-zà-ÿ’'-]+(?:\s+[A-Z][a-zà-ÿ’'-]+){0,3})"
)
_CHAIR_APPOSITIVE = re.compile(
    _PERSON + r",\s+(?:the\s+)?(?:Chair|Chairperson|Chairman|Chairwoman)\s+of\b"
)
_CHAIRED_BY = re.compile(
    r"\b(?:meeting|session|group|committee)s?\s+(?:was\s+|were\s+|is\s+)?chaired\s+by\s+"
    r"(?P<who>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4})"
)


def chair(ctx: Context) -> Chair | None:
    """Rules `chair_label` ("Chair: Ms A (Org)"), `chair_appositive`
    ("Ambassador Geoffrey Shaw, Chair of Alliance 8.7") and `chaired_by`
    ("the last GCG meeting chaired by Australia") for the organisation."""
    for m in _labels(ctx):
        if m.group("label").lower() in ("chair", "chaired by", "chairperson", "presiding"):
            value = m.group("value").strip()
            org_m = re.search(r"\((?P<org>[^()]+)\)\s*$", value)
            org = None
            if org_m:
                org, _match = ctx.directory.resolve(org_m.group("org"))
                value = value[: org_m.start()].strip()
            elif "," in value:
                person, _, rest = value.partition(",")
                candidate, match = ctx.directory.resolve(rest)
                if match:
                    org, value = candidate, person.strip()
            return Chair(
                value or None, org, Source(m.start("value"), m.end("value")), "chair_label"
            )
    person_m = _CHAIR_APPOSITIVE.search(ctx.text)
    by_m = _CHAIRED_BY.search(ctx.text)
    organisation = None
    if by_m:
        ref, match = ctx.directory.resolve(by_m.group("who"))
        organisation = ref if match else None
    if person_m is None and organisation is None:
        return None
    rules = []
    if person_m:
        rules.append("chair_appositive")
    if organisation and by_m:
        rules.append("chaired_by")
    org_source = Source(by_m.start(), by_m.end()) if organisation and by_m else None
    return Chair(
        person_m.group("person") if person_m else None,
        organisation,
        Source(person_m.start(), person_m.end()) if person_m else org_source,  # type: ignore[arg-type]
        "+".join(rules),
        org_source if person_m else None,
    )


_QUALIFIER = r"(?P<qualifier>more than|over|about|around|nearly|almost|some|at least|up to|approximately|close to|fewer than|less than)\s+"
_COUNT = re.compile(
    r"(?:" + _QUALIFIER + r")?(?P<value>\d{1,3}(?:,\d{3})+|\d{1,6})\s+"
    r"(?P<what>(?:[a-z-]+\s+){0,2}?(?:participants|stakeholders|attendees|delegates|representatives|"
    r"experts|people|persons|member states|countries|organi[sz]ations|governments|speakers|members))\b",
    re.I,
)
_PARTICIPATION = re.compile(
    r"\b(?:attend\w*|participat\w*|took part|take part|brought together|bring together|"
    r"bringing together|gather\w*|convene\w*|register\w*|join\w*|endorse\w*|expected)\b",
    re.I,
)


def counts(ctx: Context) -> list[Count]:
    """Rule `count_of_people`: "more than 70 stakeholders endorsed",
    "brought together 45 participants": a number of people or bodies in
    a sentence about taking part, the verb near the number. "10 countries
    have expressed interest" is not a count of participants."""
    found: list[Count] = []
    for s in sentences(ctx.text):
        if not _PARTICIPATION.search(s.text):
            continue
        for m in _COUNT.finditer(ctx.text, s.start, s.end):
            near = ctx.text[max(s.start, m.start() - 60) : min(s.end, m.end() + 60)]
            if not _PARTICIPATION.search(near):
                continue
            qualifier = m.group("qualifier")
            found.append(
                Count(
                    what=" ".join(m.group("what").split()).lower(),
                    value=int(m.group("value").replace(",", "")),
                    qualifier=qualifier.lower() if qualifier else None,
                    text=clean(s.text),
                    source=Source(m.start(), m.end()),
                    rule="count_of_people",
                )
            )
    return found
