# ruff: noqa: E501 - the patterns read better whole than cut at 99 columns
"""
The meeting's setting: its time, online or at a venue (and who hosts it),
who chairs it, and the counts the report gives ("more than 60
participants"). Like the rules of `meeting`, only a passage that speaks of
this meeting counts: a label, the head of the report, or the sentence that
announces the meeting.
"""

from __future__ import annotations

import re

from alliance87.reports.proposal import Chair, Count, OrgRef, Scalar, Source, Time, Venue
from alliance87.reports.resolve import org_shaped
from alliance87.reports.rules.base import Context, clean, sentences
from alliance87.reports.rules.meeting import HEAD, announcing_sentence, labels

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
    for m in labels(ctx):
        if m.group("label").lower().startswith(("time", "date", "when")):
            spans.append((m.start("value"), m.end("value"), "time_label"))
    announced = announcing_sentence(ctx)
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
    for m in labels(ctx):
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
    for m in labels(ctx):
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
    announced = announcing_sentence(ctx)
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
    announced = announcing_sentence(ctx)
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
    for m in labels(ctx):
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
