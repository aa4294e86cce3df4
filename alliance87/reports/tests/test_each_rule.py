# ruff: noqa: E501 - the report passages are kept whole, as a report has them
"""Every rule that docs/report-import.md names fires on a passage it is for,
and not on a near miss: a table, one row per rule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from alliance87.reports.engine import propose
from alliance87.reports.resolve import CountryEntry, Directory, OrgEntry
from alliance87.reports.text import ReportText

DIRECTORY = Directory(
    [
        OrgEntry("ilo", ("International Labour Organization",), ("ILO",)),
        OrgEntry("ituc", ("International Trade Union Confederation",), ("ITUC",)),
        OrgEntry("iom", ("International Organization for Migration",), ("IOM",)),
        OrgEntry("government-of-fiji", ("Government of Fiji",), (), "FJI", government=True),
    ],
    [
        CountryEntry("FJI", ("Fiji", "Fidji", "Fiyi")),
        CountryEntry("CHE", ("Switzerland", "Suisse")),
    ],
)

# rule: (a passage it finds something in, a near miss it must leave alone)
CASES: dict[str, tuple[str, str]] = {
    "title_line": ("Pacific Consultation\n\nText.", "Meeting Report\nObjectives:\n"),
    "title_from_series": (
        "Meeting Report\n\nThe Chair opened the 4th Board meeting.",
        "Meeting Report\n\nThe 5th Board meeting will take place in May.",
    ),
    "series_in_title": ("3rd Board meeting\n\nText.", "Board meeting\n\nText."),
    "series_opened": (
        "Report\n\nShe opened the 2nd Regional Forum on data.",
        "Report\n\nShe recalled the 2nd Regional Forum on data.",
    ),
    "kind_from_title": ("Regional consultation on data\n\nText.", "Planning workshop\n\nText."),
    "extraordinary_stated": (
        "Board\nExtraordinary session\n",
        "Board\nSession on extraordinary risks\n",
    ),
    "date_label": ("Board\nDate: 4 April 2019\n", "Board\nDate: to be confirmed\n"),
    "date_head": (
        "Board meeting\nGeneva, 4 April 2019\n",
        "Board meeting\nThe report of 4 April 2019 was read by all members.\n",
    ),
    "date_announced": (
        "Board\n\nThe ILO will host a workshop on 4 April 2019.",
        "Board\n\nNepal's workshop was held on 4 April 2019.",
    ),
    "time_label": ("Board\nTime: 10:00-12:00\n", "Board\nTime: morning\n"),
    "time_with_date": (
        "Board\n\nThe ILO will host a workshop on 4 April 2019, 10:00-12:00 (CET).",
        "Board\n\nThe ILO will host a workshop on 4 April 2019.",
    ),
    "online_label": ("Board\nVenue: Online\n", "Board\nVenue: Geneva, Switzerland\n"),
    "online_stated": (
        "Board\n\nThe meeting will be held online.",
        "Board\n\nFiji joined by videoconference.",
    ),
    "venue_label": ("Board\nVenue: Geneva, Switzerland\n", "Board\nVenue: online\n"),
    "venue_announced": (
        "Board\n\nThe ILO will host a workshop on 4 April 2019, in Suva, Fiji.",
        "Board\n\nThe ILO will host a workshop on 4 April 2019, in Suva, Atlantis.",
    ),
    "chair_label": ("Board\nChair: Ms Ana Ruiz (ILO)\n", "Board\nChair: \n"),
    "chair_appositive": (
        "Ms Ana Ruiz, Chair of the Board, opened.",
        "Ms Ana Ruiz thanked the Chair.",
    ),
    "chaired_by": ("The last meeting chaired by Fiji.", "The last meeting praised by Fiji."),
    "count_of_people": (
        "The workshop brought together 45 participants.",
        "45 participants' reports were read.",
    ),
    "objectives_heading": ("Objectives:\n- Map risks;\n", "Findings:\n- Map risks;\n"),
    "objectives_lead_in": (
        "The meeting will:\n- Map risks;\n",
        "The meeting will map risks.\n- Other.\n",
    ),
    "agenda_list": ("Agenda:\n1. Opening\n2. Closing\n", "Findings:\n1. Opening\n2. Closing\n"),
    "roman_headings": (
        "Report\nI. Welcome\nText.\nII. Closing\nText.\n",
        "Report\nI. Welcome\nText.\nIII. Closing\n",
    ),
    "presenter_parenthesis": (
        "Agenda:\n1. Opening (Secretariat)\n2. Closing\n",
        "Agenda:\n1. Opening (2019)\n2. Closing\n",
    ),
    "agenda_objective_label": (
        "Agenda:\n1. Opening\n   Objective: Agree the agenda.\n2. Closing\n",
        "Agenda:\n1. Opening\n2. Closing\n\nObjective of the report: none.\n",
    ),
    "duration_stated": (
        "Agenda:\n1. Opening - 15 minutes\n2. Closing\n",
        "Agenda:\n1. Opening of 15 offices\n2. Closing\n",
    ),
    "duration_from_times": (
        "Agenda:\n1. Opening 09:00-09:20\n2. Closing\n",
        "Agenda:\n1. Opening 09:20-09:00\n2. Closing\n",
    ),
    "qa_markers": (
        "Q: ITUC asked whether it meets.\nA: The Chair confirmed.",
        "Q: It was asked whether it meets.",
    ),
    "asked_in_prose": ("ITUC asked whether it meets.", "He asked the members for views."),
    "answer_marker": (
        "Q: ITUC asked why.\nA: The Chair said so.",
        "Q: ITUC asked why.\n\nThe End.",
    ),
    "answered_verb": (
        "ITUC asked why.\n\nThe Chair explained it.",
        "The Chair explained the plan.",
    ),
    "answer_next_speaker": (
        "ITUC asked why.\nThe ILO considers it done.",
        "ITUC asked why.\n\nThe ILO considers it done.",
    ),
    "numbered_decision": (
        "Decisions\n1. The budget is approved.\n",
        "Findings\n1. The budget is approved.\n",
    ),
    "decision_label": ("Decision 7: Publish the report.\n", "Decisions were many.\n"),
    "decided_collectively": ("The Committee decided to meet.", "The Chair agreed to meet."),
    "candidature_welcomed": (
        "She welcomed the candidature of Fiji.",
        "She welcomed the delegates of Fiji.",
    ),
    "next_meeting": (
        "The next meeting will take place in May.",
        "The next meeting would take place in May.",
    ),
    "action_label": ("Action: ILO to draft the note.\n", "Action was slow.\n"),
    "next_steps": ("The next steps are to draft the note.", "Next, steps were taken."),
    "due_in_next_sentence": (
        "The next step is a workshop. The activity will be held before July 2019.",
        "The next step is a workshop. The report was read in July 2019.",
    ),
    "being_prepared_by": ("A toolkit is being prepared by the ILO.", "A law is being prepared."),
    "will_be_done_by": (
        "The workshop will be led by the ILO.",
        "The workshop will be led by experts.",
    ),
    "will_do": ("The ILO will draft the note.", "It will offer a forum."),
    "offered_to": ("Fiji offered to host the meeting.", "Fiji was offered a seat."),
    "invited_to": ("The Chair invited ITUC to present.", "ITUC had been invited to the meeting."),
    "will_be_done": (
        "The workplan will be shared shortly.",
        "The report will be featured online.",
    ),
    "attendance_list": ("Present: ILO; ITUC\n", "Participants:\nSee attached list (Annex I)\n"),
    "remote_inputs": (
        "Agenda:\n1. Welcome\n2. Updates (with inputs from Fiji via videoconference)\n",
        "Agenda:\n1. Welcome\n2. Updates (with inputs from Fiji)\n",
    ),
    "spoke_at_meeting": (
        "Agenda:\n1. Welcome\n2. Close\n\n1. Welcome\nThe IOM presented the updates.\n2. Close\nEnd.",
        "Agenda:\n1. Welcome\n2. Close\n\n1. Welcome\nThe IOM is working on updates.\n2. Close\nEnd.",
    ),
    "chair": ("Chair: Ms Ana Ruiz (ILO)\n", "Ms Ana Ruiz thanked the Chair.\n"),
    "toc_line": ("Contents\nProgress report ..... 4-7\n", "Contents\nThe report is long.\n"),
    "annex_reference": ("See the list (Annex II).", "See the annexed list."),
    "document_link": ("Watch the video at https://example.org/v", "Visit https://example.org/v"),
    "country_name": ("Workshops in Fiji.", "Workshops in fiji chips."),
    "directory_name": ("The ITUC spoke.", "The ITU spoke."),
    "party_name": ("Q: The Walk Free Foundation asked why.", "Q: The walkers asked why."),
}


def rules_found(text: str) -> set[str]:
    data = propose(ReportText(text, "text"), DIRECTORY).as_json()
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "rule" and isinstance(item, str):
                    found.update(item.split("+"))
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    return found


@pytest.mark.parametrize("rule", sorted(CASES))
def test_rule_finds_its_passage_and_leaves_the_near_miss(rule):
    positive, negative = CASES[rule]
    assert rule in rules_found(positive)
    assert rule not in rules_found(negative)


def test_every_documented_rule_is_in_the_table():
    doc = (Path(__file__).parents[3] / "docs" / "report-import.md").read_text()
    table = doc.split("### The rules", 1)[1].split("### Resolving names", 1)[0]
    documented = set()
    for line in table.splitlines():
        if line.startswith("| `"):
            documented.update(re.findall(r"`([a-z_]+)`", line.split("|")[1]))
    assert documented == set(CASES)
