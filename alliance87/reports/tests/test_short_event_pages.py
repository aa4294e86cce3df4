# ruff: noqa: E501 - the event pages are kept whole, as they are written
"""Short event pages: every fact they state is found, and nothing else.

Each test compares the whole proposal with what the page says, so a value
found that the page does not state fails it as surely as one missed.
"""

from __future__ import annotations

from typing import Any

import pytest

from alliance87.reports.engine import propose
from alliance87.reports.resolve import Directory
from alliance87.reports.text import read_bytes

pytestmark = pytest.mark.django_db

AGENDA_WITH_OBJECTIVES = """\
Action Group on Migration – online meeting
Date: 12 March 2024
Time: 14:00–15:30 (CET)
Venue: Online (Zoom)

Agenda
1. Welcome and adoption of the agenda (Co-Chairs IOM and UNICEF) – 10 minutes
   Objective: Agree the agenda.
2. Research agenda on labour migration (ILO) – 40 minutes
   Objective: Review the draft research questions.
3. Any other business – 10 minutes
"""

WORKSHOP_ANNOUNCEMENT = """\
National validation workshop on the Pathfinder roadmap

The Ministry of Employment and Labour Relations of Ghana, with the support of the ILO, will host a national validation workshop on 21-22 May 2024, in Accra, Ghana.

The workshop will bring together about 60 participants from government, workers' and employers' organisations, civil society and UN agencies.

Objectives of the workshop:
- Validate the draft roadmap;
- Agree on priorities for 2024-2026.
"""

COMMITTEE_DECISIONS = """\
Steering Committee of the Communications and Engagement Action Group
Extraordinary session – minutes

Date: 5 June 2024
Chair: Ms Ana Ruiz (ILO)

Present: ILO; ITUC; IOE
Participating remotely: UNICEF; Government of Nepal
Written input received from: OHCHR
Apologies: IOM

Decisions
1. The Committee approves the 2024 communications calendar.
2. The Committee asks the Secretariat to circulate the toolkit by 30 June 2024.
3. The next meeting will take place on 4 September 2024.
"""


def proposal_of(text: str) -> dict[str, Any]:
    return propose(read_bytes(text.encode(), "page.txt"), Directory.from_db()).as_json()


def slug(party: dict[str, Any] | None) -> str | None:
    if party is None:
        return None
    org = party.get("organisation", party)
    return org.get("slug") if org else party.get("role")


def assert_nothing_else(data: dict[str, Any], *, stated: set[str]) -> None:
    """Fail on any value found beyond the keys the page states."""
    for key in ("title", "kind", "extraordinary", "start", "end", "online"):
        if key not in stated:
            assert data[key] is None, key
    for key in ("series", "time", "venue", "chair"):
        if key not in stated:
            assert data[key] is None, key
    for key in (
        "reported_counts",
        "objectives",
        "participants",
        "agenda",
        "exchanges",
        "decisions",
        "action_items",
        "documents",
    ):
        if key not in stated:
            assert data[key] == [], key


def test_an_agenda_with_objectives(demo):
    data = proposal_of(AGENDA_WITH_OBJECTIVES)
    assert data["title"] == "Action Group on Migration – online meeting"
    assert data["kind"] == "action_group_meeting"
    assert (data["start"], data["end"]) == ("2024-03-12", None)
    assert data["time"] == {**data["time"], "start": "14:00", "end": "15:30", "timezone": "CET"}
    assert data["online"] is True
    items = [
        (
            a["number"],
            a["title"],
            a["objective"],
            a["duration_minutes"],
            [slug(p) for p in a["presenters"]],
            a["minutes"],
        )
        for a in data["agenda"]
    ]
    assert items == [
        (
            "1",
            "Welcome and adoption of the agenda",
            "Agree the agenda.",
            10,
            ["iom", "unicef"],
            None,
        ),
        (
            "2",
            "Research agenda on labour migration",
            "Review the draft research questions.",
            40,
            ["ilo"],
            None,
        ),
        ("3", "Any other business", None, 10, [], None),
    ]
    # An agenda announces speakers: nobody is yet a participant.
    assert_nothing_else(data, stated={"title", "kind", "start", "online", "time", "agenda"})


def test_a_workshop_announcement_with_a_participant_count(demo):
    data = proposal_of(WORKSHOP_ANNOUNCEMENT)
    assert data["title"] == "National validation workshop on the Pathfinder roadmap"
    assert data["kind"] == "pathfinder_workshop"
    assert (data["start"], data["end"]) == ("2024-05-21", "2024-05-22")
    venue = data["venue"]
    assert (venue["city"], venue["country"]) == ("Accra", "GHA")
    assert venue["host"]["name"] == "Ministry of Employment and Labour Relations of Ghana"
    assert venue["host"]["country"] == "GHA"
    assert [(c["what"], c["value"], c["qualifier"]) for c in data["reported_counts"]] == [
        ("participants", 60, "about")
    ]
    assert [o["text"] for o in data["objectives"]] == [
        "Validate the draft roadmap",
        "Agree on priorities for 2024-2026",
    ]
    assert data["countries"] == ["GHA"]
    assert_nothing_else(
        data, stated={"title", "kind", "start", "end", "venue", "reported_counts", "objectives"}
    )


def test_a_committees_numbered_decisions_with_remote_and_written_participants(demo):
    data = proposal_of(COMMITTEE_DECISIONS)
    assert data["title"] == "Steering Committee of the Communications and Engagement Action Group"
    assert data["kind"] == "committee"
    assert data["extraordinary"] is True
    assert (data["start"], data["end"]) == ("2024-06-05", None)
    assert data["chair"]["person"] == "Ms Ana Ruiz"
    assert data["chair"]["organisation"]["slug"] == "ilo"
    attendance = [(p["person"], slug(p), p["role"], p["attendance"]) for p in data["participants"]]
    assert attendance == [
        (None, "ilo", None, "in_person"),
        (None, "ituc", None, "in_person"),
        (None, "ioe", None, "in_person"),
        (None, "unicef", None, "remote"),
        (None, "government-of-nepal", None, "remote"),
        (None, "ohchr", None, "written_input"),
        (None, "iom", None, "apologies"),
        ("Ms Ana Ruiz", "ilo", "chair", None),
    ]
    assert [(d["number"], d["text"], d["rule"]) for d in data["decisions"]] == [
        ("1", "The Committee approves the 2024 communications calendar.", "numbered_decision"),
        (
            "2",
            "The Committee asks the Secretariat to circulate the toolkit by 30 June 2024.",
            "numbered_decision",
        ),
        ("3", "The next meeting will take place on 4 September 2024.", "numbered_decision"),
    ]
    # A remote participant does not make the meeting online.
    assert data["online"] is None
    assert_nothing_else(
        data,
        stated={"title", "kind", "extraordinary", "start", "chair", "participants", "decisions"},
    )


def test_sources_point_at_the_stated_words(demo):
    data = proposal_of(COMMITTEE_DECISIONS)
    text = read_bytes(COMMITTEE_DECISIONS.encode(), "page.txt").text
    for decision in data["decisions"]:
        source = decision["source"]
        assert text[source["start"] : source["end"]] == decision["text"]
    source = data["sources"]["start"]
    assert text[source["start"] : source["end"]] == "5 June 2024"
    assert source["rule"] == "date_label"
