# ruff: noqa: E501 - the report passages are kept whole, as a report has them
"""Each extraction rule about what the meeting did and who took part
(exchanges, decisions, action items, participants, documents, names
resolved against the directory), with a passage it must find and one it
must not."""

from __future__ import annotations

import pytest

from alliance87.reports.tests.rules_support import DIRECTORY, passage, run

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
