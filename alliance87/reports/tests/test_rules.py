# ruff: noqa: E501 - the report passages are kept whole, as a report has them
"""Each extraction rule about the text, the agenda and the meeting itself, with a
passage it must find and one it must not."""

from __future__ import annotations

from alliance87.reports.rules.agenda import duration_minutes, numeral_value
from alliance87.reports.rules.base import find_dates, sentences
from alliance87.reports.tests.rules_support import passage, run

# Reading helpers ----------------------------------------------------------


def test_sentences_keep_offsets_and_skip_abbreviations():
    text = "Mr. Ito spoke. Q: ITUC asked why.\nA: The Chair replied."
    found = sentences(text)
    assert [s.text for s in found] == [
        "Mr. Ito spoke.",
        "Q: ITUC asked why.",
        "A: The Chair replied.",
    ]
    assert all(text[s.start : s.end] == s.text for s in found)


def test_dates_in_their_written_forms():
    text = "from 03-05 October 2017, on 14 and 15 May 2019, 4th March 2019, before July 2019 (TBC)"
    found = find_dates(text)
    assert [(d.start, d.end) for d in found] == [
        ("2017-10-03", "2017-10-05"),
        ("2019-05-14", "2019-05-15"),
        ("2019-03-04", None),
        ("2019-07", None),
    ]
    assert found[-1].tentative


def test_a_month_without_its_year_is_no_date():
    assert find_dates("The Commission will brief the group in May.") == []
    assert find_dates("On 31 February 2019 nothing happened.") == []


def test_numerals():
    assert [numeral_value(n) for n in ("I", "IV", "VIII", "IX", "12", "IIII")] == [
        1,
        4,
        8,
        9,
        12,
        None,
    ]


# Agenda -------------------------------------------------------------------

AGENDA = """Agenda:
1. Opening and adoption of the agenda (Chair) – 10 minutes
   Objective: Agree the order of work.
2. Progress of the national action plan (Ministry of Labour)
   Objective: Review what was done since March.
   Duration: 09:30–10:15
3. Any other business (HLPF)

1. Opening and adoption of the agenda
The Chair opened the meeting.
2. Progress of the national action plan
The Ministry presented its report.
"""


def test_agenda_list_with_objectives_durations_and_presenters():
    p = run(AGENDA)
    assert [(i.number, i.title) for i in p.agenda] == [
        ("1", "Opening and adoption of the agenda"),
        ("2", "Progress of the national action plan"),
        ("3", "Any other business (HLPF)"),
    ]
    first, second, third = p.agenda
    assert first.objective == "Agree the order of work."
    assert first.duration_minutes == 10
    assert [x.role for x in first.presenters] == ["chair"]
    assert second.duration_minutes == 45
    assert "duration_from_times" in second.rule
    assert [x.name for x in second.presenters] == ["Ministry of Labour"]
    # A parenthesis that names nobody is part of the title.
    assert third.presenters == [] and third.objective is None and third.duration_minutes is None
    assert first.minutes == "The Chair opened the meeting."
    assert passage(AGENDA, first).startswith("1. Opening")


def test_a_numbered_list_without_an_agenda_heading_is_no_agenda():
    assert run("Findings:\n1. Wages are low.\n2. Hours are long.\n").agenda == []


def test_the_agenda_list_stops_where_the_numbering_breaks():
    p = run("Agenda\nI. Welcome\nII. Updates\nIV. Closing\n")
    assert [i.number for i in p.agenda] == ["I", "II"]


def test_roman_headings_stand_for_the_agenda_when_there_is_no_list():
    text = "Report\n\nI. Welcome\nThe Chair opened.\n\nII. Updates\nThe ILO reported.\n"
    p = run(text)
    assert [(i.number, i.title, i.rule) for i in p.agenda] == [
        ("I", "Welcome", "roman_headings"),
        ("II", "Updates", "roman_headings"),
    ]
    assert p.agenda[1].minutes == "The ILO reported."
    assert run("Report\n\nI. Welcome\nThe Chair opened.\n").agenda == []


def test_durations():
    assert duration_minutes("Panel – 1.5 hours") == (90, "duration_stated")
    assert duration_minutes("14:00-14:20") == (20, "duration_from_times")
    assert duration_minutes("Review of 2019 and 15 countries") is None


def test_meeting_objectives_under_a_heading_and_after_a_lead_in():
    text = (
        "Objectives of the meeting:\n- Review progress;\n- Agree next steps.\n\nThe Chair opened."
    )
    p = run(text)
    assert [o.text for o in p.objectives] == ["Review progress", "Agree next steps"]
    assert p.objectives[0].rule == "objectives_heading"
    lead = "More specifically, the workshop will:\n  • Map risks,\n  • Draft a plan.\nThe rest."
    assert [o.text for o in run(lead).objectives] == ["Map risks", "Draft a plan"]
    assert run("Findings:\n- Wages are low.\n- Hours are long.\n").objectives == []


# The meeting ------------------------------------------------------------


def test_title_line_skips_generic_headers():
    p = run("Alliance 8.7\n\nPacific Consultation on Alliance 8.7\n\nText.")
    assert p.title and p.title.value == "Pacific Consultation on Alliance 8.7"
    assert p.title.rule == "title_line"
    assert run("Meeting Report\nObjectives of the meeting:\n- One.\n").title is None


def test_series_and_number_from_the_opening_not_from_another_meeting():
    p = run("Meeting Report\n\nThe Chair opened the 4th Global Coordinating Group meeting.")
    assert p.series and (p.series.name, p.series.number) == ("Global Coordinating Group", 4)
    assert p.title and p.title.value == "4th Global Coordinating Group meeting"
    assert p.kind and p.kind.value == "gcg_meeting"
    other = run("Meeting Report\n\nThe 5th GCG meeting will take place in July.")
    assert other.series is None and other.kind is None


def test_extraordinary_session_only_when_stated():
    p = run("Committee on Forced Labour\nExtraordinary session\n\nText.")
    assert p.extraordinary and p.extraordinary.value is True
    assert p.kind and p.kind.value == "committee"
    assert run("Committee on Forced Labour\n\nText.").extraordinary is None


def test_dates_time_venue_from_labels():
    text = "Workshop on labour inspection\nDate: 12 March 2024\nTime: 09:00–12:30 (CET)\nVenue: Palais des Nations, Geneva, Switzerland\n"
    p = run(text)
    assert p.start and p.start.value == "2024-03-12" and p.end is None
    assert p.time and (p.time.start, p.time.end, p.time.timezone) == ("09:00", "12:30", "CET")
    assert p.venue and (p.venue.city, p.venue.country) == ("Geneva", "CHE")
    assert p.online is None
    assert passage(text, p.venue) == "Palais des Nations, Geneva, Switzerland"


def test_dates_and_venue_announced_with_the_host():
    text = "Pacific Consultation\n\nThe ILO will organize a regional consultation from 03-05 October 2017, in Nadi, Fiji."
    p = run(text)
    assert (p.start.value, p.end.value) == ("2017-10-03", "2017-10-05")  # type: ignore[union-attr]
    assert p.venue and (p.venue.city, p.venue.country) == ("Nadi", "FJI")
    assert p.venue.host and p.venue.host.slug == "ilo"


def test_the_date_of_another_event_is_not_the_meetings():
    text = "Meeting Report\n\nNepal's workshop was held with stakeholders in February 2019.\nThe next meeting is in July 2019."
    p = run(text)
    assert p.start is None and p.end is None and p.venue is None


def test_online_stated_and_not_from_a_remote_speaker():
    labelled = run("Webinar on data\nVenue: Online (Zoom)\n").online
    assert labelled and labelled.value is True and labelled.rule == "online_label"
    stated = run("Board meeting\n\nThe meeting will be held online on 3 May 2024.").online
    assert stated and stated.value is True and stated.rule == "online_stated"
    p = run("Meeting Report\n\nNepal's focal point joined via videoconference.")
    assert p.online is None
    assert run("Board\nVenue: hybrid, Geneva, Switzerland\n").online is None


def test_chair_from_an_appositive_and_chaired_by():
    text = "Ambassador Geoffrey Shaw, Chair of Alliance 8.7, opened. It was the last meeting chaired by Fiji."
    p = run(text)
    assert p.chair and p.chair.person == "Ambassador Geoffrey Shaw"
    assert p.chair.organisation and p.chair.organisation.slug == "government-of-fiji"
    assert p.chair.rule == "chair_appositive+chaired_by"
    labelled = run("Committee meeting\nChair: Ms Ana Ruiz (ILO)\n")
    assert labelled.chair and labelled.chair.person == "Ms Ana Ruiz"
    assert labelled.chair.organisation and labelled.chair.organisation.slug == "ilo"
    assert run("Ms Bhoola thanked the Chair.").chair is None


def test_counts_of_people_taking_part():
    p = run("More than 70 stakeholders endorsed the Bangkok Statement.")
    assert [(c.what, c.value, c.qualifier) for c in p.reported_counts] == [
        ("stakeholders", 70, "more than")
    ]
    p = run("The workshop brought together 45 participants from 12 countries.")
    first = p.reported_counts[0]
    assert (first.what, first.value, first.qualifier) == ("participants", 45, None)
    assert run("Another 10 countries have expressed written interest.").reported_counts == []
