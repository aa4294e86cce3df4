# ruff: noqa: E501 - the report passages are kept whole, as a report has them
"""Each extraction rule, with a passage it must find and one it must not."""

from __future__ import annotations

import pytest

from alliance87.reports.engine import propose
from alliance87.reports.proposal import Proposal
from alliance87.reports.resolve import CountryEntry, Directory, OrgEntry
from alliance87.reports.rules.agenda import duration_minutes, numeral_value
from alliance87.reports.rules.base import find_dates, sentences
from alliance87.reports.text import ReportText

DIRECTORY = Directory(
    [
        OrgEntry(
            "ilo",
            ("International Labour Organization", "Organisation internationale du Travail"),
            ("ILO", "OIT"),
        ),
        OrgEntry("ioe", ("International Organisation of Employers",), ("IOE", "OIE")),
        OrgEntry("ituc", ("International Trade Union Confederation",), ("ITUC", "CSI")),
        OrgEntry("unicef", ("United Nations Children's Fund",), ("UNICEF",)),
        OrgEntry(
            "ohchr",
            ("Office of the United Nations High Commissioner for Human Rights",),
            ("OHCHR",),
        ),
        OrgEntry("global-march", ("Global March Against Child Labour",), ()),
        OrgEntry("unu", ("United Nations University",), ("UNU",)),
        OrgEntry("government-of-fiji", ("Government of Fiji",), (), "FJI", government=True),
        OrgEntry("government-of-mexico", ("Government of Mexico",), (), "MEX", government=True),
        OrgEntry("government-of-nepal", ("Government of Nepal",), (), "NPL", government=True),
    ],
    [
        CountryEntry("FJI", ("Fiji", "Fidji", "Fiyi")),
        CountryEntry("MEX", ("Mexico", "Mexique", "México")),
        CountryEntry("NPL", ("Nepal", "Népal")),
        CountryEntry("CHL", ("Chile", "Chili")),
        CountryEntry("TUN", ("Tunisia", "Tunisie", "Túnez")),
        CountryEntry("VNM", ("Viet Nam",)),
        CountryEntry("GHA", ("Ghana",)),
        CountryEntry("CHE", ("Switzerland", "Suisse", "Suiza")),
    ],
)


def run(text: str) -> Proposal:
    return propose(ReportText(text, "text"), DIRECTORY)


def passage(text: str, element: object) -> str:
    source = element.source  # type: ignore[attr-defined]
    return text[source.start : source.end]


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


# Exchanges --------------------------------------------------------------


def test_qa_markers_with_two_askers_sharing_the_answer():
    text = (
        "Discussion\nQ: The IOE asked about the role of employers. A call would be welcome. "
        "ITUC asked how priorities were set.\nA: The Secretariat explained that partners were involved."
    )
    p = run(text)
    assert [(e.asked_by.organisation.slug, e.answered_by.role) for e in p.exchanges] == [  # type: ignore[union-attr]
        ("ioe", "secretariat"),
        ("ituc", "secretariat"),
    ]
    first = p.exchanges[0]
    assert first.question == "The IOE asked about the role of employers. A call would be welcome."
    assert first.answer == "The Secretariat explained that partners were involved."
    assert first.rule == "qa_markers+answer_marker"
    assert passage(text, first).startswith("Q: The IOE asked")


def test_asked_in_prose_and_answered_by_the_next_speaker():
    text = (
        "The ILO presented the report.\nOHCHR offered to help and asked if the report would be "
        "public.\nThe Secretariat considers this a question for the G20.\n\nUNICEF closed."
    )
    p = run(text)
    (e,) = p.exchanges
    assert e.asked_by.organisation.slug == "ohchr"  # type: ignore[union-attr]
    assert e.answered_by and e.answered_by.role == "secretariat"
    assert e.rule == "asked_in_prose+answer_next_speaker"
    answered = run("ITUC asked whether it meets.\nThe Chair clarified that it does.").exchanges[0]
    assert answered.rule == "asked_in_prose+answered_verb"


def test_a_question_without_an_answer_keeps_answer_null():
    (e,) = run("Q: ITUC asked whether the group meets.\n\nThe End.").exchanges
    assert e.answered_by is None and e.answer is None


def test_no_exchange_from_a_pronoun_or_a_remark():
    p = run("He asked the GCG members for their views. The ILO informed the meeting of a report.")
    assert p.exchanges == []


# Decisions ----------------------------------------------------------------


def test_decided_collectively_and_not_a_speakers_agreement():
    p = run("The Committee decided to meet twice a year. The Chair agreed that more was needed.")
    assert [(d.text, d.rule) for d in p.decisions] == [
        ("The Committee decided to meet twice a year.", "decided_collectively")
    ]
    assert (
        run("It was agreed that the report be published.").decisions[0].rule
        == "decided_collectively"
    )


def test_candidature_welcomed_and_next_meeting():
    p = run(
        "Ambassador Shaw welcomed the candidature of France as the next Chair. The 5th GCG meeting will take place in New York."
    )
    assert [d.rule for d in p.decisions] == ["candidature_welcomed", "next_meeting"]
    assert run("The next meeting of the Board would take place in May.").decisions == []


def test_numbered_decisions_under_a_heading_and_labelled():
    text = "Decisions\n1. The Committee adopts its rules.\n2. The budget is approved.\n\nOther.\nDecision 2024/3: Publish the report.\n"
    p = run(text)
    assert [(d.number, d.text, d.rule) for d in p.decisions] == [
        ("1", "The Committee adopts its rules.", "numbered_decision"),
        ("2", "The budget is approved.", "numbered_decision"),
        ("2024/3", "Publish the report.", "decision_label"),
    ]
    assert run("Findings\n1. Wages are low.\n").decisions == []


# Action items -------------------------------------------------------------


def test_next_steps_with_a_due_date_in_the_next_sentence():
    text = (
        "The next step is to hold a second workshop. The activity will be held before July 2019."
    )
    (a,) = run(text).action_items
    assert (a.rule, a.due, a.due_text, a.owner) == (
        "next_steps+due_in_next_sentence",
        "2019-07",
        "before July 2019",
        None,
    )


def test_owner_named_by_the_sentence():
    cases = {
        "A toolkit is currently being prepared by the Secretariat.": (
            "being_prepared_by",
            "secretariat",
        ),
        "The first workshop is planned for July 2019 and will be led by OHCHR.": (
            "will_be_done_by",
            "ohchr",
        ),
        "The Secretariat will keep looking for partners.": ("will_do", "secretariat"),
        "Mexico offered to get in contact with its mission.": (
            "offered_to",
            "government-of-mexico",
        ),
        "The Secretariat invited GCG members to suggest organisations.": ("invited_to", "members"),
    }
    for text, (rule, owner) in cases.items():
        (a,) = run(text).action_items
        assert a.rule == rule
        assert a.owner and (
            a.owner.role == owner or (a.owner.organisation and a.owner.organisation.slug == owner)
        )


def test_work_to_be_done_by_no_one_named():
    (a,) = run("A further update will be given in Abidjan on 14 and 15 May 2019.").action_items
    assert (a.rule, a.owner, a.due) == ("will_be_done", None, "2019-05-14/2019-05-15")


def test_action_label_with_owner_and_due():
    text = (
        "Action: The Secretariat to circulate the revised terms of reference by 30 April 2024.\n"
    )
    (a,) = run(text).action_items
    assert a.rule == "action_label"
    assert a.owner and a.owner.role == "secretariat"
    assert (a.due, a.due_text) == ("2024-04-30", "by 30 April 2024")


def test_no_action_from_statements_of_fact():
    text = (
        "A Law on Forced Labour is currently being drafted. It will offer stakeholders a forum. "
        "The Rapporteur had been invited to the meeting. The report will be featured online."
    )
    assert run(text).action_items == []


# Participants -------------------------------------------------------------


def test_attendance_lists_by_heading_and_mark():
    text = (
        "Present:\n- Ms Ana Ruiz (ILO)\n- ITUC\n- Government of Fiji (remote)\n\n"
        "Participating remotely: Nepal\n"
        "Apologies: UNICEF\n"
        "Written input received from: OHCHR\n"
        "Invited but unable to attend: Mexico\n"
    )
    p = run(text)
    rows = [
        (x.person, x.organisation.slug if x.organisation else None, x.attendance)
        for x in p.participants
    ]
    assert rows == [
        ("Ms Ana Ruiz", "ilo", "in_person"),
        (None, "ituc", "in_person"),
        (None, "government-of-fiji", "remote"),
        (None, "government-of-nepal", "remote"),
        (None, "unicef", "apologies"),
        (None, "ohchr", "written_input"),
        (None, "government-of-mexico", "invited_unable"),
    ]


def test_a_pointer_to_an_annex_is_no_participant():
    p = run("Participants:\nSee attached list (Annex I)\n")
    assert p.participants == []
    assert [(d.title, d.rule) for d in p.documents] == [("Annex I", "annex_reference")]


def test_remote_inputs_from_the_agenda():
    text = "Agenda:\nI. Welcome\nII. Updates (Secretariat, with inputs from National Focal Points in Nepal and Fiji via videoconference)\n"
    p = run(text)
    rows = [(x.organisation.slug, x.role, x.attendance, x.rule) for x in p.participants]  # type: ignore[union-attr]
    assert rows == [
        ("government-of-nepal", "speaker", "remote", "remote_inputs"),
        ("government-of-fiji", "speaker", "remote", "remote_inputs"),
    ]


def test_speakers_take_part_with_attendance_unknown():
    text = "Agenda:\nI. Welcome\nII. Updates\n\nI. Welcome\nThe IOE informed the meeting of a survey.\nII. Updates\nThe ILO, UNICEF and ITUC are working on a framework."
    p = run(text)
    assert [(x.organisation.slug, x.attendance) for x in p.participants] == [("ioe", None)]  # type: ignore[union-attr]


# Documents ----------------------------------------------------------------


def test_table_of_contents_lines_with_item_and_pages():
    text = "Contents\nItem II: Progress report ........ 4-7\nList of participants  12\n\nText."
    p = run(text)
    assert [(d.title, d.agenda_number, d.pages, d.rule) for d in p.documents] == [
        ("Progress report", "II", "4-7", "toc_line"),
        ("List of participants", None, "12", "toc_line"),
    ]
    assert run("Contents\nThis report is long.\n").documents == []


def test_document_link():
    p = run("You can access the video at the following link: https://example.org/v")
    assert [(d.title, d.url) for d in p.documents] == [("video", "https://example.org/v")]
    assert run("See https://example.org for more.").documents == []


# Directory ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "slug", "match"),
    [
        ("ILO", "ilo", "acronym"),
        ("OIT", "ilo", "acronym"),
        ("Organisation internationale du Travail", "ilo", "name"),
        ("the International Trade Union Confederation", "ituc", "name"),
        ("Mexico", "government-of-mexico", "country_government"),
        ("México", "government-of-mexico", "country_government"),
        ("The Global March", "global-march", "name_prefix"),
        ("International Labor Organization", "ilo", "close_spelling"),
        ("UN University", "unu", "name"),
        ("Walk Free Foundation", None, None),
        ("UN Women", None, None),
    ],
)
def test_resolve_against_the_directory(name, slug, match):
    ref, how = DIRECTORY.resolve(name)
    assert (ref.slug, how) == (slug, match)


def test_countries_by_name_in_three_languages_and_capitalised():
    text = "Workshops in Chile, Túnez and Vietnam; the chile pepper is no country."
    found = [(iso3, text[s:e]) for iso3, s, e in DIRECTORY.find_countries(text)]
    assert found == [("CHL", "Chile"), ("TUN", "Túnez"), ("VNM", "Vietnam")]


def test_unresolved_speakers_are_listed_for_creation():
    p = run("Q: The Walk Free Foundation asked whether data exist.\nA: The ILO confirmed it.")
    unresolved = [(o.name, o.slug) for o in p.organisations if o.slug is None]
    assert unresolved == [("Walk Free Foundation", None)]
