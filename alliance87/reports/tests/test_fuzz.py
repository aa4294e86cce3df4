"""Whatever the text or the file, reading and proposing never crash: a file
is read or refused with a message, and any text gives a proposal whose
sources lie inside it."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance87.reports.engine import propose
from alliance87.reports.resolve import CountryEntry, Directory, OrgEntry
from alliance87.reports.text import ReportError, ReportText, read_bytes

DIRECTORY = Directory(
    [OrgEntry("ilo", ("International Labour Organization",), ("ILO",))],
    [CountryEntry("FJI", ("Fiji", "Fidji", "Fiyi"))],
)
# Fragments of real reports, so that the rules' paths are taken, mixed with
# anything at all.
FRAGMENTS = st.sampled_from(
    [
        "Agenda:\n",
        "I. Welcome\n",
        "II. ",
        "1. ",
        "(Secretariat)",
        "Q: ITUC asked whether ",
        "A: The Chair explained ",
        "The next steps are ",
        " will be shared",
        "Decisions\n",
        "Present: ILO; Fiji\n",
        "Date: 03-05 October 2017\n",
        "Venue: Nadi, Fiji\n",
        "Objectives of the meeting:\n- ",
        "more than 70 participants attended",
        "Contents\n",
        " ..... 4-7\n",
        "\n\n",
        ".",
        ":",
        "-\n",
    ]
)
TEXTS = st.lists(st.one_of(FRAGMENTS, st.text(max_size=40)), max_size=30).map("".join)


def _sources(value: object) -> list[dict[str, int]]:
    found = []
    if isinstance(value, dict):
        if set(value) >= {"start", "end"} and all(
            isinstance(value[k], int) for k in ("start", "end")
        ):
            found.append(value)
        for item in value.values():
            found.extend(_sources(item))
    elif isinstance(value, list):
        for item in value:
            found.extend(_sources(item))
    return found


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_text_gives_a_proposal(text):
    data = propose(ReportText(text, "text"), DIRECTORY).as_json()
    json.dumps(data)
    for source in _sources(data):
        assert 0 <= source["start"] <= source["end"] <= len(text)


@settings(max_examples=100, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=300),
        st.binary(max_size=300).map(lambda b: b"%PDF-1.4\n" + b),
        st.binary(max_size=300).map(lambda b: b"PK\x03\x04" + b),
    )
)
def test_any_file_is_read_or_refused_with_a_message(data):
    try:
        report = read_bytes(data, "upload")
    except ReportError as e:
        assert str(e).endswith((".", ")"))
    else:
        assert report.text.strip()
